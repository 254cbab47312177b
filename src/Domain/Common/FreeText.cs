namespace CoopApi.Domain.Common;

/// <summary>
/// The one rule for text typed by people (names, addresses, reasons, products): surrounding
/// white space is dropped, a blank optional value is absent (null), and length limits apply to
/// the trimmed value. No text may hold a NUL character (U+0000): PostgreSQL cannot store it.
/// Codes and format fields (phone, e-mail) are not free text: they are exact, never trimmed —
/// surrounding white space makes them invalid and their limits apply to the value as sent
/// (<see cref="CheckExact"/>).
/// </summary>
public static class FreeText
{
    /// <summary>The stored form of an optional text: trimmed, or null when blank.</summary>
    public static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>True when <paramref name="value"/> holds a NUL character.</summary>
    public static bool HasNul(string? value) => value is not null && value.Contains('\0', StringComparison.Ordinal);

    /// <summary>
    /// Checks an optional free-text value: no NUL character, at most <paramref name="maxLength"/>
    /// characters once trimmed.
    /// </summary>
    public static DomainError? Check(string field, string? value, int maxLength)
    {
        if (HasNul(value))
        {
            return Errors.ContainsNul(field);
        }

        return value is not null && value.Trim().Length > maxLength ? Errors.TooLong(field, maxLength) : null;
    }

    /// <summary>
    /// Checks an optional exact value (a format field such as a phone or an e-mail): no NUL
    /// character, at most <paramref name="maxLength"/> characters as sent (nothing is trimmed).
    /// The field's own format check refuses surrounding white space.
    /// </summary>
    public static DomainError? CheckExact(string field, string? value, int maxLength)
    {
        if (HasNul(value))
        {
            return Errors.ContainsNul(field);
        }

        return value is not null && value.Length > maxLength ? Errors.TooLongAsSent(field, maxLength) : null;
    }

    /// <summary>True when <paramref name="value"/> starts or ends with white space.</summary>
    public static bool HasSurroundingWhiteSpace(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]));
    }

    /// <summary>Checks a required free-text value: as <see cref="Check"/>, and not blank.</summary>
    public static DomainError? CheckRequired(string field, string? value, int maxLength, DomainError whenBlank)
    {
        ArgumentNullException.ThrowIfNull(whenBlank);
        if (HasNul(value))
        {
            return Errors.ContainsNul(field);
        }

        return string.IsNullOrWhiteSpace(value) ? whenBlank : Check(field, value, maxLength);
    }

    /// <summary>Texts of the free-text rule, shared by every field.</summary>
    public static class Errors
    {
        /// <summary>The value holds U+0000.</summary>
        public static DomainError ContainsNul(string field) => new(field, $"{field}.containsNul",
            $"{field} must not contain the NUL character (U+0000).",
            $"{field} không được chứa ký tự NUL (U+0000).");

        /// <summary>The trimmed value is longer than the limit.</summary>
        public static DomainError TooLong(string field, int maxLength) => new(field, $"{field}.tooLong",
            $"{field} must be at most {maxLength} characters (surrounding spaces are not counted).",
            $"{field} không được dài quá {maxLength} ký tự (không tính khoảng trắng ở hai đầu).");

        /// <summary>An exact value is longer than the limit (white space counts: nothing is trimmed).</summary>
        public static DomainError TooLongAsSent(string field, int maxLength) => new(field, $"{field}.tooLong",
            $"{field} must be at most {maxLength} characters.",
            $"{field} không được dài quá {maxLength} ký tự.");
    }
}
