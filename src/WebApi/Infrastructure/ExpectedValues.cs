using System.Globalization;
using CoopApi.Application.Common.Localization;

namespace CoopApi.WebApi.Infrastructure;

/// <summary>
/// Says, in the caller's language, what a field expected when its value could not be read: the
/// allowed names of an enumeration, the date format, the range of an integer. Derived from the
/// field's .NET type, so a new field or enumeration needs no new message.
/// </summary>
internal static class ExpectedValues
{
    public const string NulEnglish = "The text must not contain the NUL character (U+0000).";
    public const string NulVietnamese = "Chuỗi ký tự không được chứa ký tự NUL (U+0000).";

    /// <summary>"Expected one of: active, suspended…" in English.</summary>
    public static string EnumEnglish(Type enumType) =>
        $"Not a valid value: expected exactly one of: {string.Join(", ", StrictEnum.Names(enumType))} (case-sensitive).";

    /// <summary>The same in Vietnamese.</summary>
    public static string EnumVietnamese(Type enumType) =>
        $"Giá trị không hợp lệ: phải là đúng một trong: {string.Join(", ", StrictEnum.Names(enumType))} (phân biệt chữ hoa, chữ thường).";

    /// <summary>What a value of <paramref name="type"/> must look like, in the caller's language.</summary>
    public static string For(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t.IsEnum)
        {
            return Text.Pick(EnumEnglish(t), EnumVietnamese(t));
        }

        if (t != typeof(string) && t.GetInterfaces().FirstOrDefault(i => i.IsGenericType
                && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) is { } sequence)
        {
            var item = sequence.GetGenericArguments()[0];
            return Text.Pick("Expected a JSON array. Each item: ", "Giá trị phải là một mảng JSON. Mỗi phần tử: ") + For(item);
        }

        return t switch
        {
            _ when t == typeof(string) => Text.Pick("Expected a JSON string.", "Giá trị phải là một chuỗi JSON."),
            _ when t == typeof(bool) => Text.Pick("Expected true or false.", "Giá trị phải là true hoặc false."),
            _ when t == typeof(DateOnly) => Text.Pick("Expected a date as yyyy-MM-dd, e.g. 2015-03-12.",
                "Giá trị phải là ngày theo định dạng yyyy-MM-dd, ví dụ 2015-03-12."),
            _ when t == typeof(Guid) => Text.Pick("Expected an identifier (GUID), e.g. 3f2504e0-4f89-11d3-9a0c-0305e82c3301.",
                "Giá trị phải là một mã định danh (GUID), ví dụ 3f2504e0-4f89-11d3-9a0c-0305e82c3301."),
            _ when t == typeof(int) => Integer(int.MinValue, int.MaxValue),
            _ when t == typeof(long) => Integer(long.MinValue, long.MaxValue),
            _ when t == typeof(uint) => Integer(uint.MinValue, uint.MaxValue),
            _ when t == typeof(decimal) || t == typeof(double) => Text.Pick("Expected a JSON number.", "Giá trị phải là một số JSON."),
            _ => Text.Pick("Expected a JSON object.", "Giá trị phải là một đối tượng JSON."),
        };
    }

    /// <summary>An integer between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public static string Integer(decimal min, decimal max)
    {
        var from = min.ToString(CultureInfo.InvariantCulture);
        var to = max.ToString(CultureInfo.InvariantCulture);
        return Text.Pick($"Expected a whole number from {from} to {to}, written as a number without quotes.",
            $"Giá trị phải là số nguyên từ {from} đến {to}, viết dạng số, không có dấu ngoặc kép.");
    }
}
