using CoopApi.Domain.Common;
using CoopApi.Domain.Cooperatives;

namespace CoopApi.Domain.Statistics;

/// <summary>
/// The three groups provincial statistics count sectors in: agriculture, people's credit funds, and
/// everything else ("non-agricultural", phi nông nghiệp).
/// </summary>
public enum SectorGroup
{
    /// <summary>Nông nghiệp: agriculture, forestry and fishery.</summary>
    [Label("Nông nghiệp", "Agricultural")]
    Agricultural = 1,

    /// <summary>Phi nông nghiệp: industry, construction, trade, transport, environment, other.</summary>
    [Label("Phi nông nghiệp", "Non-agricultural")]
    NonAgricultural = 2,

    /// <summary>Tín dụng: people's credit funds.</summary>
    [Label("Tín dụng (Quỹ tín dụng nhân dân)", "Credit (people's credit funds)")]
    Credit = 3,
}

/// <summary>The group of each sector.</summary>
public static class SectorGroupOf
{
    /// <summary>The statistics group of <paramref name="sector"/>.</summary>
    public static SectorGroup Of(Sector sector) => sector switch
    {
        Sector.AgricultureForestryFishery => SectorGroup.Agricultural,
        Sector.Credit => SectorGroup.Credit,
        _ => SectorGroup.NonAgricultural,
    };
}
