using System.Globalization;
using CoopApi.Application.Common.Localization;
using Microsoft.Net.Http.Headers;

namespace CoopApi.WebApi.Infrastructure;

/// <summary>ETags of single resources: the record's version, quoted (<c>"4711"</c>).</summary>
internal static class EntityTags
{
    public static string For(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// Reads an <c>If-Match</c> value. Absent or <c>*</c> means "no version check"; otherwise it
    /// must be one ETag this API issued (weak form accepted).
    /// </summary>
    public static bool TryParseIfMatch(string? header, out int? version)
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
        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1)
        {
            return false;
        }

        version = parsed;
        return true;
    }

    /// <summary>
    /// The version named by an <c>If-Match</c> header (null: no check), or a 400 naming the header
    /// when it is not an ETag of this API.
    /// </summary>
    public static int? ParseIfMatch(string? header) => TryParseIfMatch(header, out var version)
        ? version
        : throw new RequestRejectedException(new Dictionary<string, string[]>
        {
            [HeaderNames.IfMatch] = [Text.Pick("If-Match must be an ETag returned by this API, e.g. \"4711\", or *.",
                "If-Match phải là một ETag do API này trả về, ví dụ \"4711\", hoặc *.")],
        });

    /// <summary>
    /// True when an <c>If-None-Match</c> header names <paramref name="etag"/> (weak comparison:
    /// <c>W/"4711"</c> matches <c>"4711"</c>) or is <c>*</c>.
    /// </summary>
    public static bool AnyMatches(IEnumerable<string?> ifNoneMatch, string etag) =>
        ifNoneMatch.Where(v => v is not null)
            .SelectMany(v => v!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Any(tag => tag == "*" || (tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag) == etag);
}
