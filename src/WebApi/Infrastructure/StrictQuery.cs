using System.Globalization;
using CoopApi.Application.Common.Localization;
using Microsoft.Extensions.Primitives;

namespace CoopApi.WebApi.Infrastructure;

/// <summary>
/// Reads a query string strictly: every parameter must be one the endpoint declares, a
/// single-valued parameter may appear once, values are read exactly (enumerations by their
/// camelCase name, dates as yyyy-MM-dd, integers within their range), and no value may hold a
/// NUL character. Collects every problem, then throws one <see cref="RequestRejectedException"/>.
/// </summary>
internal sealed class StrictQuery
{
    private readonly IQueryCollection _query;
    private readonly HashSet<string> _declared = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public StrictQuery(IQueryCollection query) => _query = query;

    /// <summary>All values of a multi-valued enumeration parameter (OR within it); empty when absent.</summary>
    public IReadOnlyList<TEnum> Enums<TEnum>(string name) where TEnum : struct, Enum
    {
        var result = new List<TEnum>();
        foreach (var value in Values(name))
        {
            if (StrictEnum.TryParse<TEnum>(value, out var parsed))
            {
                if (!result.Contains(parsed))
                {
                    result.Add(parsed);
                }
            }
            else
            {
                Fail(name, ExpectedValues.For(typeof(TEnum)) + Text.Pick(
                    $" To ask for several, repeat the parameter: {name}=a&{name}=b.",
                    $" Muốn chọn nhiều giá trị, lặp lại tham số: {name}=a&{name}=b."));
            }
        }

        return result;
    }

    /// <summary>A single-valued text parameter; null when absent or empty.</summary>
    public string? String(string name)
    {
        var value = Single(name);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>A single-valued boolean parameter (<c>true</c> or <c>false</c>).</summary>
    public bool? Boolean(string name) => Single(name) switch
    {
        null => null,
        "true" => true,
        "false" => false,
        _ => Fail<bool?>(name, ExpectedValues.For(typeof(bool))),
    };

    /// <summary>A single-valued date parameter, yyyy-MM-dd.</summary>
    public DateOnly? Date(string name) => Single(name) is not { } value
        ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : Fail<DateOnly?>(name, ExpectedValues.For(typeof(DateOnly)));

    /// <summary>A single-valued integer parameter within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int Integer(string name, int fallback, int min, int max) => Single(name) is not { } value
        ? fallback
        : int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : Fail<int>(name, ExpectedValues.Integer(min, max));

    /// <summary>
    /// A single-valued parameter read by <paramref name="parse"/>, which returns null for a value
    /// it cannot read; that value is reported with <paramref name="expected"/>.
    /// </summary>
    public T? Parsed<T>(string name, Func<string, T?> parse, string expected) where T : struct => Single(name) is not { } value
        ? null
        : parse(value) ?? Fail<T?>(name, expected);

    /// <summary>Throws when any parameter was unknown, repeated or unreadable.</summary>
    public void ThrowIfInvalid()
    {
        foreach (var name in _query.Keys.Where(k => !_declared.Contains(k)))
        {
            Fail(name.Contains('\0', StringComparison.Ordinal) ? "query" : name, Text.Pick(
                $"Unknown query parameter '{Printable(name)}'. Allowed: {string.Join(", ", _declared)} (case-sensitive).",
                $"Tham số truy vấn '{Printable(name)}' không tồn tại. Các tham số hợp lệ: {string.Join(", ", _declared)} (phân biệt chữ hoa, chữ thường)."));
        }

        if (_errors.Count > 0)
        {
            throw new RequestRejectedException(_errors.ToDictionary(e => e.Key, e => e.Value.Distinct().ToArray(), StringComparer.Ordinal));
        }
    }

    private IEnumerable<string> Values(string name)
    {
        _declared.Add(name);
        var values = _query.TryGetValue(name, out var raw) ? raw : StringValues.Empty;
        foreach (var value in values)
        {
            if (value is null)
            {
                continue;
            }

            if (value.Contains('\0', StringComparison.Ordinal))
            {
                Fail(name, Text.Pick(ExpectedValues.NulEnglish, ExpectedValues.NulVietnamese));
                continue;
            }

            yield return value;
        }
    }

    private string? Single(string name)
    {
        var values = Values(name).ToList();
        if (values.Count > 1 || (_query.TryGetValue(name, out var raw) && raw.Count > 1))
        {
            Fail(name, Text.Pick($"'{name}' may be given only once.", $"Tham số '{name}' chỉ được xuất hiện một lần."));
            return null;
        }

        return values.Count == 1 ? values[0] : null;
    }

    private void Fail(string name, string message)
    {
        if (!_errors.TryGetValue(name, out var list))
        {
            _errors[name] = list = [];
        }

        list.Add(message);
    }

    private T Fail<T>(string name, string message)
    {
        Fail(name, message);
        return default!;
    }

    private static string Printable(string name) => name.Length > 50 ? name[..50] + "…" : name;
}
