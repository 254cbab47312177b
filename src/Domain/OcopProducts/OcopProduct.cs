using CoopApi.Domain.Common;
using CoopApi.Domain.Cooperatives;

namespace CoopApi.Domain.OcopProducts;

/// <summary>
/// An OCOP-rated product of an organization (sản phẩm OCOP): its name, stars, who recognized it,
/// when, and the decision's number. Its own aggregate with its own version. It lies in the
/// organization's province as of its last write. Its expiry is computed (36 months after
/// certification); whether it is active is computed for a date when it is read. A product rated
/// again later is a new record.
/// </summary>
public sealed class OcopProduct : AggregateRoot, IBelongsToProvince
{
    /// <summary>Stored type name (the change feed's <c>entityType</c>).</summary>
    public const string Type = "ocopProduct";

    private OcopProduct() { } // for EF Core

    /// <inheritdoc />
    public override string AggregateType => Type;

    /// <summary>The organization the product belongs to.</summary>
    public Guid CooperativeId { get; private set; }

    /// <summary>Province of the organization when the record was last written.</summary>
    public string ProvinceCode { get; private set; } = "";

    /// <summary>Tên sản phẩm.</summary>
    public string ProductName { get; private set; } = "";

    /// <summary>3 to 5.</summary>
    public int Stars { get; private set; }

    /// <summary>Date of recognition.</summary>
    public DateOnly CertifiedOn { get; private set; }

    /// <summary>Province (3–4★) or central level (5★).</summary>
    public OcopCertifier CertifiedBy { get; private set; }

    /// <summary>Decision or certificate number.</summary>
    public string CertificateNumber { get; private set; } = "";

    /// <summary>The day the certificate is no longer valid (36 months after <see cref="CertifiedOn"/>).</summary>
    public DateOnly ExpiresOn { get; private set; }

    /// <summary>When recorded (UTC).</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When last changed (UTC).</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The rating as a value.</summary>
    public OcopRating Rating => new(ProductName, Stars, CertifiedOn, CertifiedBy, CertificateNumber);

    /// <summary>Records a rating of a product of <paramref name="organization"/>.</summary>
    /// <exception cref="DomainValidationException">A field breaks a rule of <see cref="OcopRules"/>.</exception>
    public static OcopProduct Record(Cooperative organization, OcopRating rating, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(organization);
        var product = new OcopProduct { CooperativeId = organization.Id, CreatedAt = Microseconds(now) };
        product.Apply(organization, rating, today, now);
        product.Raise(new OcopProductRecorded(product.Id, now, product.CooperativeId, product.Rating, product.ExpiresOn));
        return product;
    }

    /// <summary>Corrects the rating; raises <see cref="OcopProductCorrected"/> with the changed fields, or nothing.</summary>
    /// <exception cref="DomainValidationException">A field breaks a rule of <see cref="OcopRules"/>.</exception>
    public void Correct(Cooperative organization, OcopRating rating, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(organization);
        var before = Fields();
        var updatedAt = UpdatedAt;
        Apply(organization, rating, today, now);
        var changes = before.Zip(Fields()).Where(p => !Equals(p.First.Value, p.Second.Value))
            .Select(p => new FieldChange(p.First.Name, p.First.Value, p.Second.Value)).ToList();
        if (changes.Count == 0)
        {
            UpdatedAt = updatedAt;
            return;
        }

        Raise(new OcopProductCorrected(Id, now, changes));
    }

    /// <summary>Removes a rating recorded in error; raises <see cref="OcopProductDeleted"/>.</summary>
    public void Delete(DateTimeOffset now) => Raise(new OcopProductDeleted(Id, now, CooperativeId, Rating));

    private void Apply(Cooperative organization, OcopRating rating, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rating);
        var trimmed = rating with
        {
            ProductName = FreeText.Normalize(rating.ProductName) ?? "",
            CertificateNumber = FreeText.Normalize(rating.CertificateNumber) ?? "",
        };
        if (OcopRules.Check(trimmed, today).FirstOrDefault() is { } error)
        {
            throw error.AsValidation();
        }

        ProvinceCode = organization.ProvinceCode;
        ProductName = trimmed.ProductName;
        Stars = trimmed.Stars;
        CertifiedOn = trimmed.CertifiedOn;
        CertifiedBy = trimmed.CertifiedBy;
        CertificateNumber = trimmed.CertificateNumber;
        ExpiresOn = OcopRules.ExpiresOn(trimmed.CertifiedOn);
        UpdatedAt = Microseconds(now);
    }

    private (string Name, object? Value)[] Fields() =>
    [
        ("provinceCode", ProvinceCode), ("productName", ProductName), ("stars", Stars), ("certifiedOn", CertifiedOn),
        ("certifiedBy", CertifiedBy), ("certificateNumber", CertificateNumber), ("expiresOn", ExpiresOn),
    ];

    private static DateTimeOffset Microseconds(DateTimeOffset instant) => instant.AddTicks(-(instant.Ticks % TimeSpan.TicksPerMicrosecond));
}
