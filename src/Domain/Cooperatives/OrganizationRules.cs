using System.Text.RegularExpressions;

namespace CoopApi.Domain.Cooperatives;

/// <summary>Legal limits that apply to every organization in the register.</summary>
public static partial class OrganizationRules
{
    /// <summary>Longest name accepted.</summary>
    public const int NameMaxLength = 255;

    /// <summary>Longest free-text reason for a status change.</summary>
    public const int ReasonMaxLength = 1000;

    /// <summary>
    /// The legal minimum of members for a kind (Law on Cooperatives 17/2023/QH15): a cooperative
    /// needs 5 official members, a union 3 member cooperatives, a cooperative group 2 members.
    /// </summary>
    public static int MinimumMembers(OrganizationKind kind) => kind switch
    {
        OrganizationKind.Cooperative => 5,
        OrganizationKind.CooperativeUnion => 3,
        OrganizationKind.CooperativeGroup => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown organization kind."),
    };

    /// <summary>Cooperatives and unions must be registered with a tax code; groups may have none.</summary>
    public static bool RequiresRegistrationCode(OrganizationKind kind) => kind != OrganizationKind.CooperativeGroup;

    /// <summary>A registration (tax) code: 10 digits, optionally a branch suffix <c>-NNN</c>.</summary>
    public static bool IsValidRegistrationCode(string code) => RegistrationCodePattern().IsMatch(code);

    /// <summary>A province code: 2 digits.</summary>
    public static bool IsValidProvinceCode(string code) => ProvinceCodePattern().IsMatch(code);

    /// <summary>A commune code: 5 digits.</summary>
    public static bool IsValidCommuneCode(string code) => CommuneCodePattern().IsMatch(code);

    // ASCII digits only (\d would accept full-width and other scripts' digits) and \z, not $
    // (which also matches before a trailing newline).
    [GeneratedRegex(@"^[0-9]{10}(-[0-9]{3})?\z", RegexOptions.CultureInvariant)]
    private static partial Regex RegistrationCodePattern();

    [GeneratedRegex(@"^[0-9]{2}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ProvinceCodePattern();

    [GeneratedRegex(@"^[0-9]{5}\z", RegexOptions.CultureInvariant)]
    private static partial Regex CommuneCodePattern();
}
