using CoopApi.Domain.Common;

namespace CoopApi.Domain.Cooperatives;

/// <summary>
/// A registration (tax) code: 10 ASCII digits, optionally a branch suffix <c>-NNN</c>. Exact:
/// "4900123456\n" or " 4900123456" is not a code (nothing is trimmed). Cooperatives and unions
/// must have one; a cooperative group may have none.
/// </summary>
public readonly record struct RegistrationCode
{
    /// <summary>The format as a POSIX regular expression (database CHECKs use it).</summary>
    public const string SqlPattern = "^[0-9]{10}(-[0-9]{3})?$";

    /// <summary>Field name in the API.</summary>
    public const string Field = "registrationCode";

    /// <summary>Longest code: 10 digits, a dash and 3 digits.</summary>
    public const int MaxLength = 14;

    /// <summary>True when <paramref name="code"/> has the format.</summary>
    public static bool IsWellFormed(string? code) => code switch
    {
        { Length: 10 } => code.All(char.IsAsciiDigit),
        { Length: 14 } => code[10] == '-' && code[..10].All(char.IsAsciiDigit) && code[11..].All(char.IsAsciiDigit),
        _ => false,
    };

    /// <summary>
    /// The code a <paramref name="kind"/> of organization may carry; null when it is fine. An
    /// empty string counts as no code.
    /// </summary>
    public static DomainError? Check(string? code, OrganizationKind kind)
    {
        if (string.IsNullOrEmpty(code))
        {
            return OrganizationRules.RequiresRegistrationCode(kind) ? Errors.Required : null;
        }

        if (FreeText.HasNul(code))
        {
            return FreeText.Errors.ContainsNul(Field);
        }

        return IsWellFormed(code) ? null : Errors.Format;
    }

    /// <summary>Texts of the registration-code rules.</summary>
    public static class Errors
    {
        /// <summary>A cooperative or union without a code.</summary>
        public static readonly DomainError Required = new(Field, "registrationCode.required",
            "A registration code is required for cooperatives and unions.",
            "Hợp tác xã và liên hiệp hợp tác xã phải có mã số đăng ký.");

        /// <summary>Not 10 digits with an optional -NNN.</summary>
        public static readonly DomainError Format = new(Field, "registrationCode.format",
            "The registration code must be exactly 10 digits, optionally followed by -NNN (e.g. 4900123456 or 4900123456-001), with no spaces or line breaks.",
            "Mã số đăng ký phải gồm đúng 10 chữ số, có thể kèm hậu tố -NNN (ví dụ 4900123456 hoặc 4900123456-001), không có khoảng trắng hay xuống dòng.");
    }
}
