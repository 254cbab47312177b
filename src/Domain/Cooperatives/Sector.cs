using CoopApi.Domain.Common;

namespace CoopApi.Domain.Cooperatives;

/// <summary>
/// Field of activity as counted in provincial statistics. Everything except agriculture and
/// credit counts as "non-agricultural" (phi nông nghiệp).
/// </summary>
public enum Sector
{
    /// <summary>Nông nghiệp, lâm nghiệp, thủy sản.</summary>
    [Label("Nông nghiệp, lâm nghiệp, thủy sản", "Agriculture, forestry and fishery")]
    AgricultureForestryFishery = 1,

    /// <summary>Công nghiệp, tiểu thủ công nghiệp.</summary>
    [Label("Công nghiệp, tiểu thủ công nghiệp", "Industry and handicraft")]
    IndustryHandicraft = 2,

    /// <summary>Xây dựng.</summary>
    [Label("Xây dựng", "Construction")]
    Construction = 3,

    /// <summary>Thương mại, dịch vụ.</summary>
    [Label("Thương mại, dịch vụ", "Trade and services")]
    TradeServices = 4,

    /// <summary>Vận tải.</summary>
    [Label("Vận tải", "Transport")]
    Transport = 5,

    /// <summary>Vệ sinh môi trường.</summary>
    [Label("Môi trường", "Environment")]
    Environment = 6,

    /// <summary>Quỹ tín dụng nhân dân (people's credit funds).</summary>
    [Label("Tín dụng (Quỹ tín dụng nhân dân)", "Credit (people's credit funds)")]
    Credit = 7,

    /// <summary>Lĩnh vực khác.</summary>
    [Label("Lĩnh vực khác", "Other")]
    Other = 8,
}

/// <summary>Groupings of sectors used by provincial statistics.</summary>
public static class SectorGroups
{
    /// <summary>True for the sectors statistics count as non-agricultural.</summary>
    public static bool IsNonAgricultural(this Sector sector) =>
        sector is not (Sector.AgricultureForestryFishery or Sector.Credit);
}
