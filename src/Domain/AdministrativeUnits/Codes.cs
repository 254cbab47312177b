using CoopApi.Domain.Common;

namespace CoopApi.Domain.AdministrativeUnits;

/// <summary>
/// A current province code: exactly 2 ASCII digits naming one of the 34 provinces of the
/// 1 July 2025 reform. Codes are exact: no trimming, no other digits (full-width "２４" is not 24).
/// </summary>
public readonly record struct ProvinceCode
{
    /// <summary>The format as a POSIX regular expression (database CHECKs use it).</summary>
    public const string SqlPattern = "^[0-9]{2}$";

    /// <summary>Field name in the API.</summary>
    public const string Field = "provinceCode";

    private ProvinceCode(string value) => Value = value;

    /// <summary>The code, e.g. "24".</summary>
    public string Value { get; }

    /// <summary>True when <paramref name="code"/> has the format (says nothing about existence).</summary>
    public static bool IsWellFormed(string? code) => code is { Length: 2 } && code.All(char.IsAsciiDigit);

    /// <summary>Required and well-formed; null when it is.</summary>
    public static DomainError? CheckFormat(string? code) =>
        string.IsNullOrEmpty(code) ? Errors.Required
        : FreeText.HasNul(code) ? FreeText.Errors.ContainsNul(Field)
        : IsWellFormed(code) ? null : Errors.Format;

    /// <summary>A well-formed code names a current province; null when it does.</summary>
    public static DomainError? CheckExists(string code, IAdministrativeUnits units)
    {
        ArgumentNullException.ThrowIfNull(units);
        if (units.FindProvince(code) is not null)
        {
            return null;
        }

        var current = units.ProvincesReplacing(code);
        return current.Count == 0 ? Errors.Unknown(code) : Errors.PreReform(code, string.Join(", ", current));
    }

    /// <summary>The code of a current province, or the rule it breaks.</summary>
    public static ProvinceCode Create(string? code, IAdministrativeUnits units)
    {
        var error = CheckFormat(code) ?? CheckExists(code!, units);
        return error is null ? new ProvinceCode(code!) : throw error.AsValidation();
    }

    /// <inheritdoc />
    public override string ToString() => Value;

    /// <summary>Texts of the province-code rules.</summary>
    public static class Errors
    {
        /// <summary>Missing.</summary>
        public static readonly DomainError Required = new(Field, "provinceCode.required",
            "The province code is required.", "Mã tỉnh là bắt buộc.");

        /// <summary>Not 2 digits.</summary>
        public static readonly DomainError Format = new(Field, "provinceCode.format",
            "The province code must be exactly 2 digits (e.g. 24).", "Mã tỉnh phải gồm đúng 2 chữ số (ví dụ 24).");

        /// <summary>No province has it.</summary>
        public static DomainError Unknown(string code) => new(Field, "provinceCode.unknown",
            $"There is no province with code {code}.", $"Không có tỉnh nào mang mã {code}.");

        /// <summary>A pre-reform code: says which current province it became.</summary>
        public static DomainError PreReform(string code, string current) => new(Field, "provinceCode.preReform",
            $"{code} is a pre-reform province code; since 1 July 2025 it is part of province {current}.",
            $"{code} là mã tỉnh trước sắp xếp; từ 1/7/2025 thuộc tỉnh mã {current}.");
    }
}

/// <summary>
/// A current commune code: exactly 5 ASCII digits naming one of the 3,321 communes of the reform,
/// in a given province.
/// </summary>
public readonly record struct CommuneCode
{
    /// <summary>The format as a POSIX regular expression (database CHECKs use it).</summary>
    public const string SqlPattern = "^[0-9]{5}$";

    /// <summary>Field name in the API.</summary>
    public const string Field = "communeCode";

    private CommuneCode(string value) => Value = value;

    /// <summary>The code, e.g. "06415".</summary>
    public string Value { get; }

    /// <summary>True when <paramref name="code"/> has the format (says nothing about existence).</summary>
    public static bool IsWellFormed(string? code) => code is { Length: 5 } && code.All(char.IsAsciiDigit);

    /// <summary>Required and well-formed; null when it is.</summary>
    public static DomainError? CheckFormat(string? code) =>
        string.IsNullOrEmpty(code) ? Errors.Required
        : FreeText.HasNul(code) ? FreeText.Errors.ContainsNul(Field)
        : IsWellFormed(code) ? null : Errors.Format;

    /// <summary>A well-formed code names a current commune; null when it does.</summary>
    public static DomainError? CheckExists(string code, IAdministrativeUnits units)
    {
        ArgumentNullException.ThrowIfNull(units);
        if (units.FindCommune(code) is not null)
        {
            return null;
        }

        var current = units.CommunesReplacing(code);
        return current.Count == 0 ? Errors.Unknown(code) : Errors.PreReform(code, string.Join(", ", current));
    }

    /// <summary>
    /// A current commune that lies in <paramref name="provinceCode"/>; null when it does. Call
    /// with a commune code that passed <see cref="CheckExists"/>.
    /// </summary>
    public static DomainError? CheckInProvince(string code, string provinceCode, IAdministrativeUnits units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var commune = units.FindCommune(code);
        return commune is null || commune.ProvinceCode == provinceCode
            ? null
            : Errors.NotInProvince(code, commune.Name, commune.ProvinceCode, provinceCode);
    }

    /// <summary>The code of a current commune of <paramref name="province"/>, or the rule it breaks.</summary>
    public static CommuneCode Create(string? code, ProvinceCode province, IAdministrativeUnits units)
    {
        var error = CheckFormat(code) ?? CheckExists(code!, units) ?? CheckInProvince(code!, province.Value, units);
        return error is null ? new CommuneCode(code!) : throw error.AsValidation();
    }

    /// <inheritdoc />
    public override string ToString() => Value;

    /// <summary>Texts of the commune-code rules.</summary>
    public static class Errors
    {
        /// <summary>Missing.</summary>
        public static readonly DomainError Required = new(Field, "communeCode.required",
            "The commune code is required.", "Mã xã là bắt buộc.");

        /// <summary>Not 5 digits.</summary>
        public static readonly DomainError Format = new(Field, "communeCode.format",
            "The commune code must be exactly 5 digits (e.g. 06415).", "Mã xã phải gồm đúng 5 chữ số (ví dụ 06415).");

        /// <summary>No commune has it.</summary>
        public static DomainError Unknown(string code) => new(Field, "communeCode.unknown",
            $"There is no commune with code {code}.", $"Không có xã nào mang mã {code}.");

        /// <summary>A pre-reform code: says which current communes it went into.</summary>
        public static DomainError PreReform(string code, string current) => new(Field, "communeCode.preReform",
            $"{code} is a pre-reform commune code; since 1 July 2025 it is part of {current}.",
            $"{code} là mã xã trước sắp xếp; từ 1/7/2025 thuộc đơn vị mã {current}.");

        /// <summary>The commune lies in another province.</summary>
        public static DomainError NotInProvince(string code, string name, string actual, string given) => new(Field,
            "communeCode.notInProvince",
            $"Commune {code} ({name}) belongs to province {actual}, not {given}.",
            $"Xã mã {code} ({name}) thuộc tỉnh mã {actual}, không thuộc tỉnh mã {given}.");
    }
}
