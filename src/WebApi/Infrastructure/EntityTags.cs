using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace CoopApi.WebApi.Infrastructure;

/// <summary>ETags of single resources: the record's version, quoted (<c>"4711"</c>).</summary>
internal static class EntityTags
{
    public static string For(uint version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// Reads an <c>If-Match</c> value. Absent or <c>*</c> means "no version check"; otherwise it
    /// must be one ETag this API issued (weak form accepted).
    /// </summary>
    public static bool TryParseIfMatch(string? header, out uint? version)
    {
        version = null;
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*")
        {
            return true;
        }

        if (!EntityTagHeaderValue.TryParse(header.Trim(), out var tag))
        {
            return false;
        }

        var raw = tag.Tag.Value?.Trim('"');
        if (!uint.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }

        version = parsed;
        return true;
    }
}
