using CoopApi.Domain.Common;

namespace CoopApi.Domain.OcopProducts;

/// <summary>
/// Who recognized an OCOP rating, as the register records it: the province for 3 and 4 stars, the
/// central level for 5 stars (docs/domain.md, OCOP products).
/// </summary>
public enum OcopCertifier
{
    /// <summary>Ủy ban nhân dân cấp tỉnh: 3★ and 4★.</summary>
    [Label("Cấp tỉnh (Ủy ban nhân dân tỉnh)", "Province (provincial People's Committee)")]
    Province = 1,

    /// <summary>Trung ương: 5★ (national OCOP products).</summary>
    [Label("Trung ương", "Central level")]
    Central = 2,
}

/// <summary>Whether an OCOP certificate is valid on a date (computed, never stored).</summary>
public enum OcopProductStatus
{
    /// <summary>Certified on or before the date, and not yet expired.</summary>
    [Label("Còn hiệu lực", "Active")]
    Active = 1,

    /// <summary>36 months or more after certification.</summary>
    [Label("Hết hiệu lực", "Expired")]
    Expired = 2,
}
