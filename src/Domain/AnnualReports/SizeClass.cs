using CoopApi.Domain.Common;

namespace CoopApi.Domain.AnnualReports;

/// <summary>
/// Size of a cooperative or union in a year (quy mô), computed from that year's figures by
/// <see cref="SizeClassRules"/> (Decree 113/2024/NĐ-CP); never typed in.
/// </summary>
public enum SizeClass
{
    /// <summary>Siêu nhỏ.</summary>
    [Label("Siêu nhỏ", "Micro")]
    Micro = 1,

    /// <summary>Nhỏ.</summary>
    [Label("Nhỏ", "Small")]
    Small = 2,

    /// <summary>Vừa.</summary>
    [Label("Vừa", "Medium")]
    Medium = 3,

    /// <summary>Lớn.</summary>
    [Label("Lớn", "Large")]
    Large = 4,
}

/// <summary>
/// The groups of sectors the size thresholds are set for (lĩnh vực): agriculture; industry and
/// construction; trade, services and the rest.
/// </summary>
public enum SizeSectorGroup
{
    /// <summary>Nông nghiệp, lâm nghiệp, thủy sản.</summary>
    [Label("Nông nghiệp, lâm nghiệp, thủy sản", "Agriculture, forestry and fishery")]
    Agriculture = 1,

    /// <summary>Công nghiệp, xây dựng (with waste and water services: environment).</summary>
    [Label("Công nghiệp, xây dựng", "Industry and construction")]
    IndustryConstruction = 2,

    /// <summary>Thương mại, dịch vụ và lĩnh vực khác (transport and credit included).</summary>
    [Label("Thương mại, dịch vụ và lĩnh vực khác", "Trade, services and other")]
    TradeServicesOther = 3,
}
