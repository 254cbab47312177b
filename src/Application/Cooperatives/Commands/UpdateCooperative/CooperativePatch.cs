using CoopApi.Application.Common.Contract;
using CoopApi.Domain.Cooperatives;

namespace CoopApi.Application.Cooperatives.Commands.UpdateCooperative;

/// <summary>
/// A JSON Merge Patch (RFC 7396) of an organization's descriptive fields, sent as
/// <c>application/merge-patch+json</c>. Every member is optional: a member that is present sets
/// the field, <c>null</c> removes an optional field (a required one cannot be removed), and an
/// absent member leaves the field as it is. The result must satisfy the same rules as a full
/// update (<c>CooperativeUpdate</c>); the status is not patched (use <c>POST /{id}/status</c>).
/// This type is the contract only: the server applies the patch to the stored record and sends
/// the result as a full update.
/// </summary>
[PublicName("CooperativePatch")]
public sealed record CooperativePatch
{
    /// <summary>Tax code: 10 digits, optionally <c>-NNN</c>; <c>null</c> removes it (allowed for cooperative groups only).</summary>
    /// <example>4900123456</example>
    [FieldRules(Pattern = "^[0-9]{10}(-[0-9]{3})?$")]
    public string? RegistrationCode { get; init; }

    /// <summary>Full name (at most 255 characters); cannot be removed.</summary>
    /// <example>Hợp tác xã nông nghiệp dịch vụ Cai Kinh</example>
    [FieldRules(MaxLength = OrganizationRules.NameMaxLength)]
    public string? Name { get; init; }

    /// <summary>Kind of organization; cannot be removed.</summary>
    /// <example>cooperative</example>
    public OrganizationKind? Kind { get; init; }

    /// <summary>Field of activity; cannot be removed.</summary>
    /// <example>agricultureForestryFishery</example>
    public Sector? Sector { get; init; }

    /// <summary>Province code, 2 digits; cannot be removed.</summary>
    /// <example>20</example>
    [FieldRules(Pattern = "^[0-9]{2}$")]
    public string? ProvinceCode { get; init; }

    /// <summary>Commune code, 5 digits, in the province; cannot be removed.</summary>
    /// <example>06427</example>
    [FieldRules(Pattern = "^[0-9]{5}$")]
    public string? CommuneCode { get; init; }

    /// <summary>Street address (at most 500 characters); <c>null</c> removes it.</summary>
    /// <example>Thôn Làng Bên, xã Cai Kinh, tỉnh Lạng Sơn</example>
    [FieldRules(MaxLength = 500)]
    public string? Address { get; init; }

    /// <summary>Founding date, yyyy-MM-dd, not in the future; correctable only before the first status change; cannot be removed.</summary>
    /// <example>2015-03-12</example>
    [FieldRules(EarliestDate = "1900-01-01")]
    public DateOnly? EstablishedOn { get; init; }

    /// <summary>Charter capital in VND, integer ≥ 0; cannot be removed.</summary>
    /// <example>1800000000</example>
    [FieldRules(Minimum = 0)]
    public long? CharterCapital { get; init; }

    /// <summary>Official members: at least 5 for a cooperative, 3 for a union, 2 for a group; cannot be removed.</summary>
    /// <example>42</example>
    [FieldRules(Minimum = 2, Maximum = 10_000_000)]
    public int? MemberCount { get; init; }

    /// <summary>Employees (≥ 0); <c>null</c> removes the number.</summary>
    /// <example>15</example>
    [FieldRules(Minimum = 0, Maximum = 10_000_000)]
    public int? EmployeeCount { get; init; }

    /// <summary>Legal representative (at most 255 characters); <c>null</c> removes it.</summary>
    /// <example>Hoàng Văn Thắng</example>
    [FieldRules(MaxLength = 255)]
    public string? Representative { get; init; }

    /// <summary>Contact phone: at least 6 digits, exact; <c>null</c> removes it.</summary>
    /// <example>0205 3825 123</example>
    [FieldRules(MaxLength = OrganizationRules.PhoneMaxLength, Pattern = OrganizationRules.PhonePattern)]
    public string? Phone { get; init; }

    /// <summary>Contact e-mail, exact; <c>null</c> removes it.</summary>
    /// <example>htxcaikinh@example.vn</example>
    [FieldRules(MaxLength = OrganizationRules.EmailMaxLength, Format = "email")]
    public string? Email { get; init; }

    /// <summary>Youth cooperative (HTX thanh niên); <c>null</c> sets it to false.</summary>
    /// <example>false</example>
    public bool? IsYouthCooperative { get; init; }

    /// <summary>Main products or services, replaced as a whole (at most 50, each at most 255 characters); <c>null</c> empties the list.</summary>
    /// <example>["Na Chi Lăng", "Dịch vụ vật tư nông nghiệp"]</example>
    [FieldRules(MaxItems = 50, ItemMaxLength = 255)]
    public IReadOnlyList<string>? MainProducts { get; init; }
}
