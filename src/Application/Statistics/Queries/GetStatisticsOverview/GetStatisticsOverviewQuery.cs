using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using CoopApi.Domain.AdministrativeUnits;
using FluentValidation;
using MediatR;

namespace CoopApi.Application.Statistics.Queries.GetStatisticsOverview;

/// <summary>The overview of the register in an area on a date.</summary>
public sealed class GetStatisticsOverviewQuery : IQuery<StatisticsOverviewDto>, IStatisticsArea
{
    /// <summary>Only organizations of this province (their current one, after the 1 July 2025 reform); absent: the whole register.</summary>
    /// <example>20</example>
    [FieldRules(Pattern = "^[0-9]{2}$")]
    public string? ProvinceCode { get; set; }

    /// <summary>Only organizations of this commune (with <c>provinceCode</c>: a commune of that province).</summary>
    /// <example>06427</example>
    [FieldRules(Pattern = "^[0-9]{5}$")]
    public string? CommuneCode { get; set; }

    /// <summary>The figures as they were on this date (yyyy-MM-dd), from the status history; absent: today. Not in the future.</summary>
    /// <example>2021-01-22</example>
    public DateOnly? AsOf { get; set; }
}

/// <summary>Validates the overview's filters.</summary>
public sealed class GetStatisticsOverviewQueryValidator : AbstractValidator<GetStatisticsOverviewQuery>
{
    /// <summary>Creates the rules.</summary>
    public GetStatisticsOverviewQueryValidator(IAdministrativeUnits units, IVietnamCalendar calendar)
    {
        StatisticsRules.Area(this, units);
        StatisticsRules.AsOf(RuleFor(x => x.AsOf), calendar);
    }
}

/// <summary>Handles <see cref="GetStatisticsOverviewQuery"/>: one round trip of SQL aggregates, the shape computed here.</summary>
public sealed class GetStatisticsOverviewQueryHandler(IStatisticsReadModel reads, IVietnamCalendar calendar)
    : IRequestHandler<GetStatisticsOverviewQuery, StatisticsOverviewDto>
{
    /// <inheritdoc />
    public async Task<StatisticsOverviewDto> Handle(GetStatisticsOverviewQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var today = calendar.Today;
        var asOf = request.AsOf ?? today;
        var counts = await reads.CountAsync(new StatisticsScope(asOf, asOf < today, request.ProvinceCode, request.CommuneCode, null), cancellationToken);
        return StatisticsFigures.Overview(asOf, request.ProvinceCode, request.CommuneCode, counts.Organizations, counts.Ocop);
    }
}
