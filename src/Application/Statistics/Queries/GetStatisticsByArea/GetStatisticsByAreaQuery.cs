using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Localization;
using CoopApi.Application.Common.Messaging;
using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.Cooperatives;
using CoopApi.Domain.Statistics;
using FluentValidation;
using MediatR;

namespace CoopApi.Application.Statistics.Queries.GetStatisticsByArea;

/// <summary>The overview per province, or per commune of one province: one line per area, for maps.</summary>
public sealed class GetStatisticsByAreaQuery : IQuery<StatisticsByAreaDto>, IStatisticsArea
{
    /// <summary>One line per province, or per commune of <c>provinceCode</c> (required then).</summary>
    /// <example>commune</example>
    [FieldRules(Required = true)]
    public AreaLevel? Level { get; set; }

    /// <summary>With <c>level=commune</c>: the province whose communes are listed (required). With <c>level=province</c>: only that province's line.</summary>
    /// <example>20</example>
    [FieldRules(Pattern = "^[0-9]{2}$")]
    public string? ProvinceCode { get; set; }

    /// <summary>The figures as they were on this date (yyyy-MM-dd), from the status history; absent: today.</summary>
    /// <example>2021-01-22</example>
    public DateOnly? AsOf { get; set; }

    string? IStatisticsArea.CommuneCode => null;
}

/// <summary>Validates the level, the province and the date.</summary>
public sealed class GetStatisticsByAreaQueryValidator : AbstractValidator<GetStatisticsByAreaQuery>
{
    /// <summary>Creates the rules.</summary>
    public GetStatisticsByAreaQueryValidator(IAdministrativeUnits units, IVietnamCalendar calendar)
    {
        StatisticsRules.Area(this, units);
        StatisticsRules.AsOf(RuleFor(x => x.AsOf), calendar);
        RuleFor(x => x.Level).NotNull().IsInEnum()
            .WithMessage(_ => Text.Pick("level is required: province or commune.", "level là bắt buộc: province hoặc commune."));
        RuleFor(x => x.ProvinceCode).NotNull().When(x => x.Level == AreaLevel.Commune)
            .WithMessage(_ => Text.Pick(
                "level=commune needs provinceCode: one province's communes at a time (the whole country has 3,321).",
                "level=commune cần provinceCode: mỗi lần các xã của một tỉnh (cả nước có 3.321 xã)."));
    }
}

/// <summary>The overview per area.</summary>
public sealed record StatisticsByAreaDto
{
    /// <summary>The level of the lines.</summary>
    /// <example>commune</example>
    public required AreaLevel Level { get; init; }

    /// <summary>The province asked for, or null.</summary>
    /// <example>20</example>
    public string? ProvinceCode { get; init; }

    /// <summary>The date the figures are for.</summary>
    /// <example>2021-01-22</example>
    public required DateOnly AsOf { get; init; }

    /// <summary>One line per area of the level (every area, zeros included), in code order.</summary>
    public required IReadOnlyList<AreaFiguresDto> Items { get; init; }
}

/// <summary>The overview of one area, flat.</summary>
public sealed record AreaFiguresDto
{
    /// <summary>Province or commune code.</summary>
    /// <example>06427</example>
    public required string AreaCode { get; init; }

    /// <summary>Its official name.</summary>
    /// <example>Xã Cai Kinh</example>
    public required string AreaName { get; init; }

    /// <summary>Organizations of every kind, not dissolved on the date.</summary>
    /// <example>21</example>
    public required int Organizations { get; init; }

    /// <summary>Cooperatives, not dissolved.</summary>
    /// <example>14</example>
    public required int Cooperatives { get; init; }

    /// <summary>Cooperative groups, not dissolved.</summary>
    /// <example>7</example>
    public required int CooperativeGroups { get; init; }

    /// <summary>Unions, not dissolved.</summary>
    /// <example>0</example>
    public required int CooperativeUnions { get; init; }

    /// <summary>Organizations active on the date.</summary>
    /// <example>19</example>
    public required int Active { get; init; }

    /// <summary>Suspended on the date.</summary>
    /// <example>1</example>
    public required int Suspended { get; init; }

    /// <summary>Awaiting dissolution on the date.</summary>
    /// <example>1</example>
    public required int AwaitingDissolution { get; init; }

    /// <summary>Dissolved by the date.</summary>
    /// <example>2</example>
    public required int Dissolved { get; init; }

    /// <summary>Cooperatives in agriculture, forestry and fishery.</summary>
    /// <example>10</example>
    public required int AgriculturalCooperatives { get; init; }

    /// <summary>Non-agricultural cooperatives.</summary>
    /// <example>4</example>
    public required int NonAgriculturalCooperatives { get; init; }

    /// <summary>People's credit funds.</summary>
    /// <example>0</example>
    public required int CreditCooperatives { get; init; }

    /// <summary>Charter capital of the organizations not dissolved, VND.</summary>
    /// <example>35000000000</example>
    public required long CharterCapital { get; init; }

    /// <summary>Their members.</summary>
    /// <example>640</example>
    public required long Members { get; init; }

    /// <summary>Their employees.</summary>
    /// <example>130</example>
    public required long Employees { get; init; }

    /// <summary>Youth cooperatives among them.</summary>
    /// <example>1</example>
    public required int YouthCooperatives { get; init; }

    /// <summary>OCOP products valid on the date.</summary>
    /// <example>3</example>
    public required int OcopProducts { get; init; }
}

/// <summary>Handles <see cref="GetStatisticsByAreaQuery"/>: one round trip of SQL aggregates grouped by area.</summary>
public sealed class GetStatisticsByAreaQueryHandler(IStatisticsReadModel reads, IVietnamCalendar calendar)
    : IRequestHandler<GetStatisticsByAreaQuery, StatisticsByAreaDto>
{
    /// <inheritdoc />
    public async Task<StatisticsByAreaDto> Handle(GetStatisticsByAreaQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var today = calendar.Today;
        var asOf = request.AsOf ?? today;
        var level = request.Level!.Value;
        var counts = await reads.CountAsync(new StatisticsScope(asOf, asOf < today, request.ProvinceCode, null, level), cancellationToken);
        var lines = counts.Organizations.ToLookup(l => l.Area, StringComparer.Ordinal);
        var ocop = counts.Ocop.ToLookup(o => o.Area, StringComparer.Ordinal);
        var items = counts.Areas.Select(area =>
        {
            var all = lines[area.Code].ToList();
            var living = all.Where(l => l.Status != OrganizationStatus.Dissolved).ToList();
            int Count(Func<OrganizationCounts, bool> which) => living.Where(which).Sum(l => l.Count);
            int Cooperatives(SectorGroup group) => Count(l => l.Kind == OrganizationKind.Cooperative && SectorGroupOf.Of(l.Sector) == group);
            return new AreaFiguresDto
            {
                AreaCode = area.Code,
                AreaName = area.Name,
                Organizations = Count(_ => true),
                Cooperatives = Count(l => l.Kind == OrganizationKind.Cooperative),
                CooperativeGroups = Count(l => l.Kind == OrganizationKind.CooperativeGroup),
                CooperativeUnions = Count(l => l.Kind == OrganizationKind.CooperativeUnion),
                Active = Count(l => l.Status == OrganizationStatus.Active),
                Suspended = Count(l => l.Status == OrganizationStatus.Suspended),
                AwaitingDissolution = Count(l => l.Status == OrganizationStatus.AwaitingDissolution),
                Dissolved = all.Where(l => l.Status == OrganizationStatus.Dissolved).Sum(l => l.Count),
                AgriculturalCooperatives = Cooperatives(SectorGroup.Agricultural),
                NonAgriculturalCooperatives = Cooperatives(SectorGroup.NonAgricultural),
                CreditCooperatives = Cooperatives(SectorGroup.Credit),
                CharterCapital = living.Sum(l => l.CharterCapital),
                Members = living.Sum(l => l.Members),
                Employees = living.Sum(l => l.Employees),
                YouthCooperatives = living.Sum(l => l.Youth),
                OcopProducts = ocop[area.Code].Sum(o => o.Products),
            };
        }).ToList();
        return new StatisticsByAreaDto { Level = level, ProvinceCode = request.ProvinceCode, AsOf = asOf, Items = items };
    }
}
