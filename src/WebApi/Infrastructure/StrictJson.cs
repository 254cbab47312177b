using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoopApi.WebApi.Infrastructure;

/// <summary>
/// The JSON rules of the API, for bodies and responses alike: camelCase names, numbers only as
/// numbers, enumerations only by their exact camelCase name, no NUL character in any string, and
/// no member the target type does not declare.
/// </summary>
internal static class StrictJson
{
    /// <summary>Applies the rules to <paramref name="options"/>.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = false;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.Converters.Insert(0, new NulFreeStringConverter());
        options.Converters.Insert(0, new StrictEnumConverter());
    }
}

/// <summary>
/// A JSON value was of the right JSON type but not acceptable (an unknown enumeration name, a NUL
/// character). Carries both languages; the serializer fills in <see cref="JsonException.Path"/>.
/// </summary>
internal sealed class JsonValueRejectedException(string english, string vietnamese) : JsonException(english)
{
    /// <summary>The message in English.</summary>
    public string English { get; } = english;

    /// <summary>The message in Vietnamese.</summary>
    public string Vietnamese { get; } = vietnamese;
}

/// <summary>
/// Reads and writes every enumeration by its exact camelCase name: case-sensitive, no spaces, no
/// numbers, no comma-separated combinations.
/// </summary>
internal sealed class StrictEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<TEnum> : JsonConverter<TEnum> where TEnum : struct, Enum
    {
        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String && StrictEnum.TryParse<TEnum>(reader.GetString(), out var value))
            {
                return value;
            }

            throw new JsonValueRejectedException(
                ExpectedValues.EnumEnglish(typeof(TEnum)), ExpectedValues.EnumVietnamese(typeof(TEnum)));
        }

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteStringValue(StrictEnum.Name(value));
    }
}

/// <summary>Strings may hold any character but NUL (U+0000), which PostgreSQL cannot store.</summary>
internal sealed class NulFreeStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException(); // the serializer's own type error; the handler names what was expected
        }

        var value = reader.GetString()!;
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new JsonValueRejectedException(ExpectedValues.NulEnglish, ExpectedValues.NulVietnamese);
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>Enumeration names as the API spells them (camelCase), read strictly.</summary>
internal static class StrictEnum
{
    /// <summary>The camelCase names of <paramref name="enumType"/>, in declaration order.</summary>
    public static IReadOnlyList<string> Names(Type enumType) =>
        enumType.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => CamelCase(f.Name)).ToList();

    /// <summary>The API name of <paramref name="value"/>.</summary>
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => CamelCase(value.ToString());

    /// <summary>True when <paramref name="text"/> is exactly one of the camelCase names.</summary>
    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        foreach (var field in typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (string.Equals(CamelCase(field.Name), text, StringComparison.Ordinal))
            {
                value = (TEnum)field.GetValue(null)!;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
