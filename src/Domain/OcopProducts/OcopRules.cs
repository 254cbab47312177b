using CoopApi.Domain.Common;

namespace CoopApi.Domain.OcopProducts;

/// <summary>The fields of an OCOP rating as recorded (free text already trimmed).</summary>
/// <param name="ProductName">Tên sản phẩm.</param>
/// <param name="Stars">Hạng sao, 3 to 5.</param>
/// <param name="CertifiedOn">Date of the recognition decision.</param>
/// <param name="CertifiedBy">Who recognized it: province (3–4★) or central level (5★).</param>
/// <param name="CertificateNumber">Number of the recognition decision or certificate, e.g. <c>1234/QĐ-UBND</c>.</param>
public sealed record OcopRating(string ProductName, int Stars, DateOnly CertifiedOn, OcopCertifier CertifiedBy, string CertificateNumber);

/// <summary>
/// The rules of OCOP ratings (One Commune One Product programme): 3 to 5 stars; the province
/// recognizes 3★ and 4★, the central level 5★; a certificate is valid 36 months from the date of
/// recognition. Each rule once: its limit, its check and its stable code and text.
/// </summary>
public static class OcopRules
{
    /// <summary>Fewest stars of an OCOP product.</summary>
    public const int MinStars = 3;

    /// <summary>Most stars of an OCOP product.</summary>
    public const int MaxStars = 5;

    /// <summary>Months a certificate is valid.</summary>
    public const int ValidityMonths = 36;

    /// <summary>Longest product name (trimmed).</summary>
    public const int ProductNameMaxLength = 255;

    /// <summary>Longest certificate number (trimmed).</summary>
    public const int CertificateNumberMaxLength = 100;

    /// <summary>
    /// Earliest certification date accepted: the national OCOP programme was approved on
    /// 7 May 2018 (Decision 490/QĐ-TTg).
    /// </summary>
    public static readonly DateOnly EarliestCertification = new(2018, 5, 7);

    /// <summary>Who may recognize a rating of <paramref name="stars"/>.</summary>
    public static OcopCertifier CertifierOf(int stars) => stars >= 5 ? OcopCertifier.Central : OcopCertifier.Province;

    /// <summary>The day the certificate is no longer valid: 36 months after certification (a certificate of 15 March 2023 is valid up to 14 March 2026).</summary>
    public static DateOnly ExpiresOn(DateOnly certifiedOn) => certifiedOn.AddMonths(ValidityMonths);

    /// <summary>Status of a certificate on <paramref name="date"/>: active from certification until the day before it expires.</summary>
    public static OcopProductStatus StatusOn(DateOnly certifiedOn, DateOnly date) =>
        date < ExpiresOn(certifiedOn) ? OcopProductStatus.Active : OcopProductStatus.Expired;

    /// <summary>The product name: required free text.</summary>
    public static DomainError? CheckProductName(string? name) =>
        FreeText.CheckRequired("productName", name, ProductNameMaxLength, Errors.Required("productName"));

    /// <summary>The certificate number: required free text.</summary>
    public static DomainError? CheckCertificateNumber(string? number) =>
        FreeText.CheckRequired("certificateNumber", number, CertificateNumberMaxLength, Errors.Required("certificateNumber"));

    /// <summary>The stars: required, 3 to 5.</summary>
    public static DomainError? CheckStars(int? stars) =>
        stars is null ? Errors.Required("stars") : stars is < MinStars or > MaxStars ? Errors.StarsOutOfRange : null;

    /// <summary>The certifier: required, known, and the one the stars call for.</summary>
    public static DomainError? CheckCertifier(OcopCertifier? certifier, int? stars) =>
        certifier is null ? Errors.Required("certifiedBy")
        : !Enum.IsDefined(certifier.Value) ? Errors.CertifierUnknown
        : stars is >= MinStars and <= MaxStars && CertifierOf(stars.Value) != certifier ? Errors.CertifierMismatch(stars.Value)
        : null;

    /// <summary>The certification date: required, not before the programme, not in the future.</summary>
    public static DomainError? CheckCertifiedOn(DateOnly? date, DateOnly today) =>
        date is null ? Errors.Required("certifiedOn")
        : date < EarliestCertification ? Errors.CertifiedBeforeProgramme
        : date > today ? Errors.CertifiedInFuture
        : null;

    /// <summary>Every broken rule of a rating.</summary>
    public static IEnumerable<DomainError> Check(OcopRating rating, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(rating);
        DomainError?[] errors =
        [
            CheckProductName(rating.ProductName),
            CheckStars(rating.Stars),
            CheckCertifier(rating.CertifiedBy, rating.Stars),
            CheckCertifiedOn(rating.CertifiedOn, today),
            CheckCertificateNumber(rating.CertificateNumber),
        ];
        return errors.OfType<DomainError>();
    }

    /// <summary>The catalogue of OCOP rules: stable code and text, in English and Vietnamese.</summary>
    public static class Errors
    {
        /// <summary>A required value is missing.</summary>
        public static DomainError Required(string field)
        {
            var (en, vi) = field switch
            {
                "productName" => ("The product name", "Tên sản phẩm"),
                "stars" => ("The number of stars (3 to 5)", "Hạng sao (3 đến 5)"),
                "certifiedBy" => ("The certifying level (province or central)", "Cấp công nhận (province hoặc central)"),
                "certifiedOn" => ("The certification date (yyyy-MM-dd)", "Ngày công nhận (yyyy-MM-dd)"),
                "certificateNumber" => ("The certificate number", "Số quyết định/giấy chứng nhận"),
                _ => (field, field),
            };
            return new DomainError(field, $"{field}.required", $"{en} is required.", $"{vi} là bắt buộc.");
        }

        /// <summary>Stars outside 3–5.</summary>
        public static DomainError StarsOutOfRange { get; } = new("stars", "stars.outOfRange",
            "An OCOP product is rated 3, 4 or 5 stars.", "Sản phẩm OCOP được xếp hạng 3, 4 hoặc 5 sao.");

        /// <summary>An unknown certifier.</summary>
        public static DomainError CertifierUnknown { get; } = new("certifiedBy", "certifiedBy.unknown",
            "certifiedBy is province or central.", "certifiedBy là province hoặc central.");

        /// <summary>The certifier does not match the stars.</summary>
        public static DomainError CertifierMismatch(int stars) => stars >= 5
            ? new("certifiedBy", "certifiedBy.mismatch",
                "A 5-star rating is recognized by the central level: certifiedBy must be central.",
                "Sản phẩm 5 sao do cấp trung ương công nhận: certifiedBy phải là central.")
            : new("certifiedBy", "certifiedBy.mismatch",
                $"A {stars}-star rating is recognized by the province: certifiedBy must be province.",
                $"Sản phẩm {stars} sao do cấp tỉnh công nhận: certifiedBy phải là province.");

        /// <summary>A certification before the programme existed.</summary>
        public static DomainError CertifiedBeforeProgramme { get; } = new("certifiedOn", "certifiedOn.beforeProgramme",
            $"The certification date may not be before the OCOP programme ({EarliestCertification:yyyy-MM-dd}).",
            $"Ngày công nhận không được trước khi có Chương trình OCOP ({EarliestCertification:yyyy-MM-dd}).");

        /// <summary>A certification in the future.</summary>
        public static DomainError CertifiedInFuture { get; } = new("certifiedOn", "certifiedOn.inFuture",
            "The certification date may not be in the future.", "Ngày công nhận không được ở tương lai.");
    }
}
