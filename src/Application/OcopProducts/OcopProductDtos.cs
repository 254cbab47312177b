using CoopApi.Domain.OcopProducts;

namespace CoopApi.Application.OcopProducts;

/// <summary>An OCOP-rated product of an organization, as the API returns it.</summary>
public sealed record OcopProductDto
{
    /// <summary>Server-assigned identifier (UUID v7).</summary>
    /// <example>019a1b2c-3d4e-7f00-8a9b-0c1d2e3f4a5d</example>
    public required Guid Id { get; init; }

    /// <summary>The organization the product belongs to.</summary>
    /// <example>019a1b2c-3d4e-7f00-8a9b-0c1d2e3f4a5b</example>
    public required Guid CooperativeId { get; init; }

    /// <summary>Province of the organization when the record was last written (2 digits).</summary>
    /// <example>20</example>
    public required string ProvinceCode { get; init; }

    /// <summary>Product name as certified.</summary>
    /// <example>Na Chi Lăng</example>
    public required string ProductName { get; init; }

    /// <summary>OCOP stars, 3 to 5.</summary>
    /// <example>4</example>
    public required int Stars { get; init; }

    /// <summary>Date of the recognition decision (yyyy-MM-dd).</summary>
    /// <example>2023-03-15</example>
    public required DateOnly CertifiedOn { get; init; }

    /// <summary>Who recognized the rating: the province (3–4★) or the central level (5★).</summary>
    /// <example>province</example>
    public required OcopCertifier CertifiedBy { get; init; }

    /// <summary>Number of the recognition decision or certificate.</summary>
    /// <example>456/QĐ-UBND</example>
    public required string CertificateNumber { get; init; }

    /// <summary>
    /// The day the certificate is no longer valid: 36 months after <c>certifiedOn</c> (computed by
    /// the server). Certified on 2023-03-15: valid up to 2026-03-14, expired from 2026-03-15.
    /// </summary>
    /// <example>2026-03-15</example>
    public required DateOnly ExpiresOn { get; init; }

    /// <summary>
    /// Whether the certificate is valid on the date of the answer (today in Vietnam, or the
    /// <c>asOf</c> date asked for): computed when read, never stored.
    /// </summary>
    /// <example>active</example>
    public required OcopProductStatus Status { get; init; }

    /// <summary>When recorded (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When last changed (UTC).</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Version of the record, also its <c>ETag</c>: send it in <c>If-Match</c> to correct or delete it.</summary>
    /// <example>1</example>
    public required int Version { get; init; }
}
