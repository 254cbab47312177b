using CoopApi.Domain.Cooperatives;
using CoopApi.Domain.Statistics;

namespace CoopApi.Application.Statistics;

/// <summary>
/// The state of the register in an area on a date (<c>GET /api/v1/statistics/overview</c>): totals,
/// then four lists (per kind, per sector, per sector group, OCOP products per stars). "Organizations"
/// are those founded by <see cref="AsOf"/> and not dissolved by then (active, suspended or awaiting
/// dissolution); the totals of capital, members and employees are theirs.
/// </summary>
public sealed record StatisticsOverviewDto
{
    /// <summary>The date the figures are for (today in Vietnam unless asked).</summary>
    /// <example>2021-01-22</example>
    public required DateOnly AsOf { get; init; }

    /// <summary>The province asked for, or null (the whole register).</summary>
    /// <example>20</example>
    public string? ProvinceCode { get; init; }

    /// <summary>The commune asked for, or null.</summary>
    /// <example>null</example>
    public string? CommuneCode { get; init; }

    /// <summary>Organizations of every kind in the register on the date, not dissolved.</summary>
    /// <example>638</example>
    public required int TotalOrganizations { get; init; }

    /// <summary>Cooperatives (hợp tác xã) among them.</summary>
    /// <example>445</example>
    public required int TotalCooperatives { get; init; }

    /// <summary>Cooperative groups (tổ hợp tác) among them.</summary>
    /// <example>192</example>
    public required int TotalCooperativeGroups { get; init; }

    /// <summary>Unions of cooperatives (liên hiệp hợp tác xã) among them.</summary>
    /// <example>1</example>
    public required int TotalCooperativeUnions { get; init; }

    /// <summary>Charter capital of these organizations, in VND (as the register records it now).</summary>
    /// <example>1250000000000</example>
    public required long TotalCharterCapital { get; init; }

    /// <summary>Official members of these organizations.</summary>
    /// <example>21450</example>
    public required long TotalMembers { get; init; }

    /// <summary>Employees of these organizations (those that reported a number).</summary>
    /// <example>5120</example>
    public required long TotalEmployees { get; init; }

    /// <summary>Youth cooperatives (HTX thanh niên) among these organizations.</summary>
    /// <example>6</example>
    public required int TotalYouthCooperatives { get; init; }

    /// <summary>OCOP products of organizations of the area whose certificate is valid on the date.</summary>
    /// <example>54</example>
    public required int TotalOcopProducts { get; init; }

    /// <summary>One line per kind (every kind, zeros included): counts per status and totals.</summary>
    public required IReadOnlyList<KindFiguresDto> ByKind { get; init; }

    /// <summary>One line per sector (every sector): organizations not dissolved, per kind.</summary>
    public required IReadOnlyList<SectorFiguresDto> BySector { get; init; }

    /// <summary>One line per sector group (agricultural, non-agricultural, credit): organizations not dissolved, per kind, and the share of cooperatives.</summary>
    public required IReadOnlyList<SectorGroupFiguresDto> BySectorGroup { get; init; }

    /// <summary>OCOP products valid on the date, per stars (3, 4 and 5, zeros included).</summary>
    public required IReadOnlyList<OcopStarsFiguresDto> OcopProductsByStars { get; init; }
}

/// <summary>The figures of one kind of organization.</summary>
public sealed record KindFiguresDto
{
    /// <summary>Kind.</summary>
    /// <example>cooperative</example>
    public required OrganizationKind Kind { get; init; }

    /// <summary>Not dissolved on the date: active + suspended + awaiting dissolution.</summary>
    /// <example>445</example>
    public required int Organizations { get; init; }

    /// <summary>Active (đang hoạt động) on the date.</summary>
    /// <example>401</example>
    public required int Active { get; init; }

    /// <summary>Suspended (tạm ngừng hoạt động) on the date.</summary>
    /// <example>20</example>
    public required int Suspended { get; init; }

    /// <summary>Awaiting dissolution (ngừng hoạt động chờ giải thể) on the date.</summary>
    /// <example>24</example>
    public required int AwaitingDissolution { get; init; }

    /// <summary>Dissolved (đã giải thể) by the date: not among the organizations.</summary>
    /// <example>12</example>
    public required int Dissolved { get; init; }

    /// <summary>Share of active among the organizations of the kind, percent with 2 decimals (null when there are none).</summary>
    /// <example>90.11</example>
    public decimal? ActiveShare { get; init; }

    /// <summary>Charter capital of the organizations of the kind, VND.</summary>
    /// <example>1200000000000</example>
    public required long CharterCapital { get; init; }

    /// <summary>Official members.</summary>
    /// <example>20100</example>
    public required long Members { get; init; }

    /// <summary>Employees.</summary>
    /// <example>5000</example>
    public required long Employees { get; init; }

    /// <summary>Youth cooperatives.</summary>
    /// <example>6</example>
    public required int YouthCooperatives { get; init; }
}

/// <summary>Organizations of one sector, not dissolved on the date.</summary>
public sealed record SectorFiguresDto
{
    /// <summary>Sector.</summary>
    /// <example>agricultureForestryFishery</example>
    public required Sector Sector { get; init; }

    /// <summary>Its statistics group.</summary>
    /// <example>agricultural</example>
    public required SectorGroup SectorGroup { get; init; }

    /// <summary>Organizations of every kind.</summary>
    /// <example>480</example>
    public required int Organizations { get; init; }

    /// <summary>Cooperatives.</summary>
    /// <example>300</example>
    public required int Cooperatives { get; init; }

    /// <summary>Cooperative groups.</summary>
    /// <example>180</example>
    public required int CooperativeGroups { get; init; }

    /// <summary>Unions.</summary>
    /// <example>0</example>
    public required int CooperativeUnions { get; init; }
}

/// <summary>Organizations of one sector group, not dissolved on the date.</summary>
public sealed record SectorGroupFiguresDto
{
    /// <summary>The group.</summary>
    /// <example>agricultural</example>
    public required SectorGroup SectorGroup { get; init; }

    /// <summary>Organizations of every kind.</summary>
    /// <example>480</example>
    public required int Organizations { get; init; }

    /// <summary>Cooperatives.</summary>
    /// <example>300</example>
    public required int Cooperatives { get; init; }

    /// <summary>Cooperative groups.</summary>
    /// <example>180</example>
    public required int CooperativeGroups { get; init; }

    /// <summary>Unions.</summary>
    /// <example>0</example>
    public required int CooperativeUnions { get; init; }

    /// <summary>Share of the cooperatives of the area in this group, percent with 2 decimals (null when there are none).</summary>
    /// <example>67.42</example>
    public decimal? CooperativeShare { get; init; }
}

/// <summary>OCOP products of one rating.</summary>
public sealed record OcopStarsFiguresDto
{
    /// <summary>Stars (3 to 5).</summary>
    /// <example>4</example>
    public required int Stars { get; init; }

    /// <summary>Products whose certificate is valid on the date.</summary>
    /// <example>12</example>
    public required int Products { get; init; }
}

/// <summary>One aggregate line of the read side: organizations of one kind, status and sector (and area).</summary>
/// <param name="Area">Province or commune code when grouped by area; null otherwise.</param>
/// <param name="Kind">Kind.</param>
/// <param name="Status">Status on the date.</param>
/// <param name="Sector">Sector.</param>
/// <param name="Count">Organizations.</param>
/// <param name="CharterCapital">Their charter capital.</param>
/// <param name="Members">Their members.</param>
/// <param name="Employees">Their employees.</param>
/// <param name="Youth">Youth cooperatives among them.</param>
public sealed record OrganizationCounts(string? Area, OrganizationKind Kind, OrganizationStatus Status, Sector Sector, int Count,
    long CharterCapital, long Members, long Employees, int Youth);

/// <summary>OCOP products of one rating (and area).</summary>
/// <param name="Area">Province or commune code when grouped by area; null otherwise.</param>
/// <param name="Stars">Stars.</param>
/// <param name="Products">Products valid on the date.</param>
public sealed record OcopCounts(string? Area, int Stars, int Products);

/// <summary>Computes the statistics shapes from the aggregate lines.</summary>
public static class StatisticsFigures
{
    /// <summary>A share in percent with 2 decimals; null when the whole is 0.</summary>
    public static decimal? Share(int part, int whole) =>
        whole == 0 ? null : Math.Round(100m * part / whole, 2, MidpointRounding.AwayFromZero);

    /// <summary>The overview of the lines given (one area, or all of them).</summary>
    public static StatisticsOverviewDto Overview(DateOnly asOf, string? provinceCode, string? communeCode,
        IReadOnlyCollection<OrganizationCounts> lines, IReadOnlyCollection<OcopCounts> ocop)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(ocop);
        var living = lines.Where(l => l.Status != OrganizationStatus.Dissolved).ToList();
        int Count(Func<OrganizationCounts, bool> which) => living.Where(which).Sum(l => l.Count);
        var cooperatives = Count(l => l.Kind == OrganizationKind.Cooperative);
        return new StatisticsOverviewDto
        {
            AsOf = asOf,
            ProvinceCode = provinceCode,
            CommuneCode = communeCode,
            TotalOrganizations = Count(_ => true),
            TotalCooperatives = cooperatives,
            TotalCooperativeGroups = Count(l => l.Kind == OrganizationKind.CooperativeGroup),
            TotalCooperativeUnions = Count(l => l.Kind == OrganizationKind.CooperativeUnion),
            TotalCharterCapital = living.Sum(l => l.CharterCapital),
            TotalMembers = living.Sum(l => l.Members),
            TotalEmployees = living.Sum(l => l.Employees),
            TotalYouthCooperatives = living.Sum(l => l.Youth),
            TotalOcopProducts = ocop.Sum(o => o.Products),
            ByKind = Enum.GetValues<OrganizationKind>().Select(kind =>
            {
                var ofKind = lines.Where(l => l.Kind == kind).ToList();
                int InStatus(OrganizationStatus status) => ofKind.Where(l => l.Status == status).Sum(l => l.Count);
                var alive = ofKind.Where(l => l.Status != OrganizationStatus.Dissolved).ToList();
                var organizations = alive.Sum(l => l.Count);
                return new KindFiguresDto
                {
                    Kind = kind,
                    Organizations = organizations,
                    Active = InStatus(OrganizationStatus.Active),
                    Suspended = InStatus(OrganizationStatus.Suspended),
                    AwaitingDissolution = InStatus(OrganizationStatus.AwaitingDissolution),
                    Dissolved = InStatus(OrganizationStatus.Dissolved),
                    ActiveShare = Share(InStatus(OrganizationStatus.Active), organizations),
                    CharterCapital = alive.Sum(l => l.CharterCapital),
                    Members = alive.Sum(l => l.Members),
                    Employees = alive.Sum(l => l.Employees),
                    YouthCooperatives = alive.Sum(l => l.Youth),
                };
            }).ToList(),
            BySector = Enum.GetValues<Sector>().Select(sector => new SectorFiguresDto
            {
                Sector = sector,
                SectorGroup = SectorGroupOf.Of(sector),
                Organizations = Count(l => l.Sector == sector),
                Cooperatives = Count(l => l.Sector == sector && l.Kind == OrganizationKind.Cooperative),
                CooperativeGroups = Count(l => l.Sector == sector && l.Kind == OrganizationKind.CooperativeGroup),
                CooperativeUnions = Count(l => l.Sector == sector && l.Kind == OrganizationKind.CooperativeUnion),
            }).ToList(),
            BySectorGroup = Enum.GetValues<SectorGroup>().Select(group =>
            {
                bool InGroup(OrganizationCounts l) => SectorGroupOf.Of(l.Sector) == group;
                var groupCooperatives = Count(l => InGroup(l) && l.Kind == OrganizationKind.Cooperative);
                return new SectorGroupFiguresDto
                {
                    SectorGroup = group,
                    Organizations = Count(InGroup),
                    Cooperatives = groupCooperatives,
                    CooperativeGroups = Count(l => InGroup(l) && l.Kind == OrganizationKind.CooperativeGroup),
                    CooperativeUnions = Count(l => InGroup(l) && l.Kind == OrganizationKind.CooperativeUnion),
                    CooperativeShare = Share(groupCooperatives, cooperatives),
                };
            }).ToList(),
            OcopProductsByStars = Enumerable.Range(3, 3)
                .Select(stars => new OcopStarsFiguresDto { Stars = stars, Products = ocop.Where(o => o.Stars == stars).Sum(o => o.Products) })
                .ToList(),
        };
    }
}
