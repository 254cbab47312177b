using CoopApi.Application.Common.Contract;
using CoopApi.Domain.Cooperatives;

namespace CoopApi.Application.Cooperatives.Commands;

/// <summary>
/// The descriptive fields a client sends to register or fully update an organization. Value
/// fields are nullable so that a missing field is reported as "required" instead of silently
/// becoming 0 or the first enumeration value.
/// </summary>
public abstract record CooperativeFields
{
    /// <summary>Tax code: 10 digits, optionally <c>-NNN</c>. Required for cooperatives and unions; unique.</summary>
    /// <example>4900123456</example>
    [FieldRules(Pattern = "^[0-9]{10}(-[0-9]{3})?$")]
    public string? RegistrationCode { get; init; }

    /// <summary>Full name (required, at most 255 characters); Vietnamese text is kept exactly.</summary>
    /// <example>Hợp tác xã sản xuất, kinh doanh dịch vụ nông lâm nghiệp Cai Kinh</example>
    [FieldRules(Required = true, MaxLength = OrganizationRules.NameMaxLength)]
    public string? Name { get; init; }

    /// <summary>Kind of organization (required).</summary>
    /// <example>cooperative</example>
    [FieldRules(Required = true)]
    public OrganizationKind? Kind { get; init; }

    /// <summary>Field of activity (required).</summary>
    /// <example>agricultureForestryFishery</example>
    [FieldRules(Required = true)]
    public Sector? Sector { get; init; }

    /// <summary>Province code, 2 digits (required); see <c>GET /api/v1/administrative-units/provinces</c>.</summary>
    /// <example>20</example>
    [FieldRules(Required = true, Pattern = "^[0-9]{2}$")]
    public string? ProvinceCode { get; init; }

    /// <summary>Commune code, 5 digits (required); must belong to the province.</summary>
    /// <example>06427</example>
    [FieldRules(Required = true, Pattern = "^[0-9]{5}$")]
    public string? CommuneCode { get; init; }

    /// <summary>Street address (at most 500 characters).</summary>
    /// <example>Thôn Làng Bên, xã Cai Kinh, tỉnh Lạng Sơn</example>
    [FieldRules(MaxLength = 500)]
    public string? Address { get; init; }

    /// <summary>Founding date, yyyy-MM-dd (required, not in the future).</summary>
    /// <example>2015-03-12</example>
    [FieldRules(Required = true, EarliestDate = "1900-01-01")]
    public DateOnly? EstablishedOn { get; init; }

    /// <summary>Charter capital in VND, integer ≥ 0 (required).</summary>
    /// <example>1500000000</example>
    [FieldRules(Required = true, Minimum = 0)]
    public long? CharterCapital { get; init; }

    /// <summary>Official members (required): at least 5 for a cooperative, 3 for a union, 2 for a group.</summary>
    /// <example>35</example>
    [FieldRules(Required = true, Minimum = 2, Maximum = 10_000_000)]
    public int? MemberCount { get; init; }

    /// <summary>Employees (≥ 0).</summary>
    /// <example>12</example>
    [FieldRules(Minimum = 0, Maximum = 10_000_000)]
    public int? EmployeeCount { get; init; }

    /// <summary>Legal representative (at most 255 characters).</summary>
    /// <example>Hoàng Văn Thắng</example>
    [FieldRules(MaxLength = 255)]
    public string? Representative { get; init; }

    /// <summary>Contact phone: at least 6 digits; exact, not trimmed (no space at either end).</summary>
    /// <example>0205 3825 123</example>
    [FieldRules(MaxLength = OrganizationRules.PhoneMaxLength, Pattern = OrganizationRules.PhonePattern)]
    public string? Phone { get; init; }

    /// <summary>Contact e-mail; exact, not trimmed (no white space anywhere).</summary>
    /// <example>htxcaikinh@example.vn</example>
    [FieldRules(MaxLength = OrganizationRules.EmailMaxLength, Format = "email")]
    public string? Email { get; init; }

    /// <summary>Youth cooperative (HTX thanh niên); false when absent.</summary>
    /// <example>false</example>
    public bool? IsYouthCooperative { get; init; }

    /// <summary>Main products or services (at most 50, each at most 255 characters).</summary>
    /// <example>["Na Chi Lăng", "Dịch vụ vật tư nông nghiệp"]</example>
    [FieldRules(MaxItems = 50, ItemMaxLength = 255)]
    public IReadOnlyList<string>? MainProducts { get; init; }
}

/// <summary>Turns validated client fields into the domain's value.</summary>
internal static class CooperativeFieldsExtensions
{
    /// <summary>Call only after validation: required fields are known to be present.</summary>
    public static CooperativeDetails ToDetails(this CooperativeFields f) => new(
        f.RegistrationCode,
        f.Name!,
        f.Kind!.Value,
        f.Sector!.Value,
        f.ProvinceCode!,
        f.CommuneCode!,
        f.Address,
        f.EstablishedOn!.Value,
        f.CharterCapital!.Value,
        f.MemberCount!.Value,
        f.EmployeeCount,
        f.Representative,
        f.Phone,
        f.Email,
        f.IsYouthCooperative ?? false,
        f.MainProducts ?? []);
}
