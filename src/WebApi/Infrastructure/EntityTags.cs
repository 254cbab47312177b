using System.Globalization;
using CoopApi.Application.Common.Localization;
using Microsoft.Net.Http.Headers;

namespace CoopApi.WebApi.Infrastructure;

/// <summary>ETags of single resources: the record's version, quoted (<c>"4711"</c>).</summary>
internal static class EntityTags
{
    /// <summary>An example of an ETag of this API, as the documentation shows it.</summary>
    public const string Example = "\"4711\"";

    public static string For(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// Reads an <c>If-Match</c> value that names one ETag this API issued (weak form accepted).
    /// False for anything else, <c>*</c> and lists included.
    /// </summary>
    public static bool TryParse(string header, out int version)
    {
        version = 0;
        if (!EntityTagHeaderValue.TryParse(header.Trim(), out var tag))
        {
            return false;
        }

        var raw = tag.Tag.Value?.Trim('"');
        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out version) && version >= 1;
    }

    /// <summary>
    /// The version named by the <c>If-Match</c> header of a write. Every write to an existing
    /// record must name the version it was based on, so that it cannot overwrite a change it
    /// never saw (a lost update):
    /// <list type="bullet">
    /// <item>absent or blank → 428 Precondition Required;</item>
    /// <item><c>*</c> → 428 as well: it matches any version, so it protects nothing; the client is
    /// told to send the ETag of its last read instead;</item>
    /// <item>anything that is not one ETag of this API → 400 naming the header.</item>
    /// </list>
    /// </summary>
    public static int RequireIfMatch(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            throw PreconditionRequired(Text.Pick(
                $"This request changes a record, so it must say which version it is based on: send the ETag from your last GET of the record in If-Match, e.g. If-Match: {Example}.",
                $"Yêu cầu này thay đổi bản ghi nên phải nêu phiên bản mà nó dựa trên: hãy gửi ETag của lần GET bản ghi gần nhất trong If-Match, ví dụ If-Match: {Example}."));
        }

        if (header.Trim() == "*")
        {
            throw PreconditionRequired(Text.Pick(
                $"If-Match: * matches any version, so it would overwrite changes you have not seen. Send the ETag from your last GET of the record instead, e.g. If-Match: {Example}.",
                $"If-Match: * khớp với mọi phiên bản nên có thể ghi đè các thay đổi mà bạn chưa thấy. Hãy gửi ETag của lần GET bản ghi gần nhất, ví dụ If-Match: {Example}."));
        }

        if (!TryParse(header, out var version))
        {
            throw new RequestRejectedException(new Dictionary<string, string[]>
            {
                [HeaderNames.IfMatch] = [Text.Pick(
                    $"If-Match must be one ETag returned by this API (the ETag header of a GET), e.g. {Example}.",
                    $"If-Match phải là một ETag do API này trả về (header ETag của một lần GET), ví dụ {Example}.")],
            });
        }

        return version;
    }

    /// <summary>
    /// True when an <c>If-None-Match</c> header names <paramref name="etag"/> (weak comparison:
    /// <c>W/"4711"</c> matches <c>"4711"</c>) or is <c>*</c>.
    /// </summary>
    public static bool AnyMatches(IEnumerable<string?> ifNoneMatch, string etag) =>
        ifNoneMatch.Where(v => v is not null)
            .SelectMany(v => v!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Any(tag => tag == "*" || (tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag) == etag);

    private static PreconditionRequiredException PreconditionRequired(string message) =>
        new(new Dictionary<string, string[]> { [HeaderNames.IfMatch] = [message] }, message);
}

/// <summary>
/// A write came without a usable <c>If-Match</c>: answered 428 Precondition Required (RFC 6585)
/// with code <c>precondition.required</c> and the header named in <c>errors</c>.
/// </summary>
internal sealed class PreconditionRequiredException(IReadOnlyDictionary<string, string[]> errors, string detail)
    : Exception("If-Match is required: " + detail)
{
    /// <summary>Messages by header name, in the caller's language.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    /// <summary>What the client must do, in the caller's language.</summary>
    public string Detail { get; } = detail;
}
