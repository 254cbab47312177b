using System.Reflection;

namespace CoopApi.Domain.Common;

/// <summary>Reads <see cref="LabelAttribute"/> off enumeration values.</summary>
public static class EnumLabels
{
    /// <summary>The labels of one enumeration value; falls back to its name.</summary>
    public static LabelAttribute Of<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var field = typeof(TEnum).GetField(value.ToString(), BindingFlags.Public | BindingFlags.Static);
        return field?.GetCustomAttribute<LabelAttribute>() ?? new LabelAttribute(value.ToString(), value.ToString());
    }

    /// <summary>The value as the API and the database spell it: camelCase (<c>awaitingDissolution</c>).</summary>
    public static string ApiName<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
