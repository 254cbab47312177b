using CoopApi.Domain.OcopProducts;

namespace CoopApi.Application.OcopProducts;

/// <summary>
/// Aggregate → DTO of OCOP products. Written by hand, not generated: the status is computed for
/// a date, which a generated mapping cannot take.
/// </summary>
public static class OcopProductMapper
{
    /// <summary>The product as the API shows it on <paramref name="asOf"/>.</summary>
    public static OcopProductDto ToDto(this OcopProduct product, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(product);
        return new OcopProductDto
        {
            Id = product.Id,
            CooperativeId = product.CooperativeId,
            ProvinceCode = product.ProvinceCode,
            ProductName = product.ProductName,
            Stars = product.Stars,
            CertifiedOn = product.CertifiedOn,
            CertifiedBy = product.CertifiedBy,
            CertificateNumber = product.CertificateNumber,
            ExpiresOn = product.ExpiresOn,
            Status = OcopRules.StatusOn(product.CertifiedOn, asOf),
            CreatedAt = product.CreatedAt,
            UpdatedAt = product.UpdatedAt,
            Version = product.Version,
        };
    }
}
