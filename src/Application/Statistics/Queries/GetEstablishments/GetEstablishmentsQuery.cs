using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Localization;
using CoopApi.Application.Common.Messaging;
using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.Cooperatives;
using FluentValidation;
using MediatR;

namespace CoopApi.Application.Statistics.Queries.GetEstablishments;

/// <summary>Foundings, suspensions and dissolutions per year and kind, in an area.</summary>
public sealed class GetEstablishmentsQuery : IQuery<EstablishmentsDto>, IStatisticsArea
{
    /// <summary>First year (inclusive); absent: 9 years before <c>toYear</c>.</summary>
    /// <example>2021</example>
    [FieldRules(Minimum = 1945, Maximum = 2100)]
    public int? FromYear { get; set; }

    /// <summary>Last year (inclusive), not after the current year; absent: the current year. At most 50 years in all.</summary>
    /// <example>2025</example>
    [FieldRules(Minimum = 1945, Maximum = 2100)]
    public int? ToYear { get; set; }

    /// <summary>Only organizations of this province (their current one); absent: the whole register.</summary>
    /// <example>20</example>
    [FieldRules(Pattern = "^[0-9]{2}$")]
    public string? ProvinceCode { get; set; }

    /// <summary>Only organizations of this commune.</summary>
    /// <example>06427</example>
    [FieldRules(Pattern = "^[0-9]{5}$")]
    public string? CommuneCode { get; set; }
}

/// <summary>Validates the years and the area.</summary>
public sealed class GetEstablishmentsQueryValidator : AbstractValidator<GetEstablishmentsQuery>
{
    /// <summary>Creates the rules.</summary>
    public GetEstablishmentsQueryValidator(IAdministrativeUnits units, IVietnamCalendar calendar)
    {
        StatisticsRules.Area(this, units);
        RuleFor(x => x.ToYear).Must(y => y is null || (y >= 1945 && y <= calendar.Today.Year))
            .WithMessage(_ => Text.Pick($"toYear must lie between 1945 and {calendar.Today.Year}.", $"toYear phải nằm trong khoảng 1945 đến {calendar.Today.Year}."));
        RuleFor(x => x.FromYear).Must(y => y is null || (y >= 1945 && y <= calendar.Today.Year))
            .WithMessage(_ => Text.Pick($"fromYear must lie between 1945 and {calendar.Today.Year}.", $"fromYear phải nằm trong khoảng 1945 đến {calendar.Today.Year}."));
        RuleFor(x => x.FromYear).LessThanOrEqualTo(x => x.ToYear ?? calendar.Today.Year)
            .When(x => x.FromYear is not null)
            .WithMessage(_ => Text.Pick("fromYear must not be after toYear.", "fromYear không được sau toYear."));
        RuleFor(x => x.ToYear).Must((x, to) => (to ?? calendar.Today.Year) - x.FromYear!.Value < StatisticsRules.MaxYears)
            .When(x => x.FromYear is not null)
            .WithMessage(_ => Text.Pick($"At most {StatisticsRules.MaxYears} years at once.", $"Tối đa {StatisticsRules.MaxYears} năm mỗi lần."));
    }
}

/// <summary>Foundings, suspensions and dissolutions per year and kind.</summary>
public sealed record EstablishmentsDto
{
    /// <summary>First year.</summary>
    /// <example>2021</example>
    public required int FromYear { get; init; }

    /// <summary>Last year.</summary>
    /// <example>2025</example>
    public required int ToYear { get; init; }

    /// <summary>The province asked for, or null.</summary>
    /// <example>20</example>
    public string? ProvinceCode { get; init; }

    /// <summary>The commune asked for, or null.</summary>
    /// <example>null</example>
    public string? CommuneCode { get; init; }

    /// <summary>One line per year and kind (every year of the range and every kind, zeros included), oldest year first.</summary>
    public required IReadOnlyList<EstablishmentFiguresDto> Items { get; init; }
}

/// <summary>The movements of one kind in one year.</summary>
public sealed record EstablishmentFiguresDto
{
    /// <summary>Year.</summary>
    /// <example>2022</example>
    public required int Year { get; init; }

    /// <summary>Kind.</summary>
    /// <example>cooperative</example>
    public required OrganizationKind Kind { get; init; }

    /// <summary>Founded in the year (by founding date).</summary>
    /// <example>14</example>
    public required int Founded { get; init; }

    /// <summary>Suspended in the year (status changes to suspended taking effect in it).</summary>
    /// <example>3</example>
    public required int Suspended { get; init; }

    /// <summary>Dissolved in the year (status changes to dissolved taking effect in it).</summary>
    /// <example>5</example>
    public required int Dissolved { get; init; }

    /// <summary>Founded − dissolved: the change of organizations in the register, not dissolved.</summary>
    /// <example>9</example>
    public required int NetChange { get; init; }
}

/// <summary>Handles <see cref="GetEstablishmentsQuery"/> with one round trip of SQL aggregates.</summary>
public sealed class GetEstablishmentsQueryHandler(IStatisticsReadModel reads, IVietnamCalendar calendar)
    : IRequestHandler<GetEstablishmentsQuery, EstablishmentsDto>
{
    /// <inheritdoc />
    public async Task<EstablishmentsDto> Handle(GetEstablishmentsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var to = request.ToYear ?? calendar.Today.Year;
        var from = request.FromYear ?? Math.Max(1945, to - 9);
        var normalized = new GetEstablishmentsQuery { FromYear = from, ToYear = to, ProvinceCode = request.ProvinceCode, CommuneCode = request.CommuneCode };
        var counts = (await reads.CountEstablishmentsAsync(normalized, cancellationToken)).ToDictionary(c => (c.Year, c.Kind));
        var items = new List<EstablishmentFiguresDto>();
        for (var year = from; year <= to; year++)
        {
            foreach (var kind in Enum.GetValues<OrganizationKind>())
            {
                var c = counts.GetValueOrDefault((year, kind)) ?? new EstablishmentCounts(year, kind, 0, 0, 0);
                items.Add(new EstablishmentFiguresDto
                {
                    Year = year, Kind = kind, Founded = c.Founded, Suspended = c.Suspended, Dissolved = c.Dissolved,
                    NetChange = c.Founded - c.Dissolved,
                });
            }
        }

        return new EstablishmentsDto { FromYear = from, ToYear = to, ProvinceCode = request.ProvinceCode, CommuneCode = request.CommuneCode, Items = items };
    }
}
