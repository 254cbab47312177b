using CoopApi.Domain.Cooperatives;

namespace CoopApi.Domain.AnnualReports;

/// <summary>
/// One row of the size table: an organization is at least of <see cref="Class"/> when it has at
/// least <see cref="MinOfficialMembers"/> official members and either a yearly revenue of at
/// least <see cref="MinRevenue"/> or a total capital of at least <see cref="MinTotalCapital"/>.
/// </summary>
/// <param name="Class">The class the row grants.</param>
/// <param name="MinOfficialMembers">Official members needed.</param>
/// <param name="MinRevenue">Yearly revenue needed (VND), or …</param>
/// <param name="MinTotalCapital">… total capital (tổng nguồn vốn, VND) needed instead.</param>
public sealed record SizeThreshold(SizeClass Class, int MinOfficialMembers, long MinRevenue, long MinTotalCapital);

/// <summary>The thresholds of one sector group, largest class first, and where they come from.</summary>
/// <param name="Group">The sector group.</param>
/// <param name="Thresholds">Large, medium and small (micro is everything below small).</param>
/// <param name="Source">The legal source of the figures, or why they are used.</param>
public sealed record SizeTable(SizeSectorGroup Group, IReadOnlyList<SizeThreshold> Thresholds, string Source);

/// <summary>
/// Size classes of cooperatives and unions (Decree 113/2024/NĐ-CP): micro, small, medium and
/// large, from the number of official members together with the year's revenue or total capital,
/// with thresholds per sector group. The thresholds are data (<see cref="Tables"/>): a new decree
/// changes a row, not the rule. Cooperative groups (tổ hợp tác) are not classified by size.
/// </summary>
public static class SizeClassRules
{
    private const long Billion = 1_000_000_000L;

    /// <summary>The figures Decree 113/2024/NĐ-CP sets for agriculture, forestry and fishery.</summary>
    private static readonly SizeThreshold[] AgricultureThresholds =
    [
        new(SizeClass.Large, 300, 50 * Billion, 10 * Billion),
        new(SizeClass.Medium, 200, 10 * Billion, 5 * Billion),
        new(SizeClass.Small, 50, 2 * Billion, 1 * Billion),
    ];

    /// <summary>Source of the agricultural figures.</summary>
    public const string DecreeSource = "Decree 113/2024/NĐ-CP (agriculture, forestry and fishery)";

    /// <summary>
    /// Why the other groups use the agricultural figures: the decree sets thresholds per sector
    /// group, but only the agricultural ones were available when this was built; they apply to
    /// every group until the other rows are checked against the decree (docs/domain.md).
    /// </summary>
    public const string ProvisionalSource =
        "Provisional: the agricultural figures of Decree 113/2024/NĐ-CP, until this group's own figures are verified";

    /// <summary>The size table of every sector group.</summary>
    public static IReadOnlyList<SizeTable> Tables { get; } =
    [
        new(SizeSectorGroup.Agriculture, AgricultureThresholds, DecreeSource),
        new(SizeSectorGroup.IndustryConstruction, AgricultureThresholds, ProvisionalSource),
        new(SizeSectorGroup.TradeServicesOther, AgricultureThresholds, ProvisionalSource),
    ];

    /// <summary>The sector group whose thresholds apply to <paramref name="sector"/>.</summary>
    public static SizeSectorGroup GroupOf(Sector sector) => sector switch
    {
        Sector.AgricultureForestryFishery => SizeSectorGroup.Agriculture,
        Sector.IndustryHandicraft or Sector.Construction or Sector.Environment => SizeSectorGroup.IndustryConstruction,
        Sector.TradeServices or Sector.Transport or Sector.Credit or Sector.Other => SizeSectorGroup.TradeServicesOther,
        _ => throw new ArgumentOutOfRangeException(nameof(sector), sector, "Unknown sector."),
    };

    /// <summary>The size table of <paramref name="group"/>.</summary>
    public static SizeTable TableOf(SizeSectorGroup group) => Tables.Single(t => t.Group == group);

    /// <summary>
    /// The size class of an organization of <paramref name="kind"/> in <paramref name="sector"/>
    /// with these figures: the largest class whose member threshold is met together with its
    /// revenue or its capital threshold; micro when none is. Null for a cooperative group.
    /// </summary>
    public static SizeClass? Classify(OrganizationKind kind, Sector sector, int officialMembers, long revenue, long totalCapital)
    {
        if (kind == OrganizationKind.CooperativeGroup)
        {
            return null;
        }

        foreach (var threshold in TableOf(GroupOf(sector)).Thresholds)
        {
            if (officialMembers >= threshold.MinOfficialMembers
                && (revenue >= threshold.MinRevenue || totalCapital >= threshold.MinTotalCapital))
            {
                return threshold.Class;
            }
        }

        return SizeClass.Micro;
    }
}
