using CoopApi.Domain.Common;

namespace CoopApi.Domain.Statistics;

/// <summary>The administrative level statistics are split by (after the 1 July 2025 reform: two levels).</summary>
public enum AreaLevel
{
    /// <summary>Tỉnh, thành phố: one line per province.</summary>
    [Label("Tỉnh, thành phố", "Province")]
    Province = 1,

    /// <summary>Xã, phường, đặc khu: one line per commune of one province.</summary>
    [Label("Xã, phường, đặc khu", "Commune")]
    Commune = 2,
}
