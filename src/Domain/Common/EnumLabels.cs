using System.Collections.Concurrent;
using System.Reflection;

namespace CoopApi.Domain.Common;

/// <summary>Reads <see cref="LabelAttribute"/> off enumeration values.</summary>
public static class EnumLabels
{
    /// <summary>The labels of one enumeration value; falls back to its name.</summary>
    public static LabelAttribute Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Enum.IsDefined(value) ? Names<TEnum>.Labels.GetOrAdd(value, ReadLabel) : ReadLabel(value);

    /// <summary>The value as the API and the database spell it: camelCase (<c>awaitingDissolution</c>).</summary>
    public static string ApiName<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Enum.IsDefined(value) ? Names<TEnum>.Api.GetOrAdd(value, CamelCase) : CamelCase(value);

    private static LabelAttribute ReadLabel<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var field = typeof(TEnum).GetField(value.ToString(), BindingFlags.Public | BindingFlags.Static);
        return field?.GetCustomAttribute<LabelAttribute>() ?? new LabelAttribute(value.ToString(), value.ToString());
    }

    private static string CamelCase<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>
    /// Read once per defined value (reflection and string building on every call cost a bulk
    /// import of 100,000 rows about a second); an undefined number is read each time, not kept.
    /// </summary>
    private static class Names<TEnum> where TEnum : struct, Enum
    {
        public static readonly ConcurrentDictionary<TEnum, LabelAttribute> Labels = new();

        public static readonly ConcurrentDictionary<TEnum, string> Api = new();
    }
}
