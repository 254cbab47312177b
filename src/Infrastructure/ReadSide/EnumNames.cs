using System.Collections.Frozen;
using CoopApi.Domain.Common;

namespace CoopApi.Infrastructure.ReadSide;

/// <summary>
/// Enumerations as the database stores them (camelCase API names, see <c>EnumStorage</c>), both
/// ways, computed once per enumeration: reading a row parses no text and reflects on nothing.
/// </summary>
internal static class EnumNames<TEnum> where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<string, TEnum> ByName =
        Enum.GetValues<TEnum>().ToFrozenDictionary(EnumLabels.ApiName, v => v, StringComparer.Ordinal);

    private static readonly FrozenDictionary<TEnum, string> ByValue =
        Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, EnumLabels.ApiName);

    /// <summary>The value stored as <paramref name="name"/>; a name the CHECK constraint would refuse throws.</summary>
    public static TEnum Parse(string name) => ByName.TryGetValue(name, out var value)
        ? value
        : throw new InvalidOperationException($"The database holds '{name}', which is no {typeof(TEnum).Name}.");

    /// <summary>The stored names of <paramref name="values"/>, for <c>= ANY($n)</c>.</summary>
    public static string[] Names(IReadOnlyList<TEnum> values)
    {
        var names = new string[values.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = ByValue[values[i]];
        }

        return names;
    }
}
