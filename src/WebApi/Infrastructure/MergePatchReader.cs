using System.Reflection;
using System.Text.Json;
using CoopApi.Application.Common.Localization;
using Microsoft.Net.Http.Headers;

namespace CoopApi.WebApi.Infrastructure;

/// <summary>
/// What a JSON Merge Patch (RFC 7396) of one kind of record may carry: its members by JSON name
/// with the .NET type each value must read as, the members that cannot be removed with
/// <c>null</c>, an example for the message when the body is not an object, and an optional rule of
/// its own for a member (e.g. "the status is changed elsewhere").
/// </summary>
/// <param name="Members">Patchable members by their JSON name.</param>
/// <param name="RequiredMembers">Members a patch may change but not remove.</param>
/// <param name="NotAnObject">English and Vietnamese message for a body that is not a JSON object.</param>
/// <param name="MemberRule">A check run before the generic ones; returns a message to refuse the member.</param>
internal sealed record MergePatchShape(
    IReadOnlyDictionary<string, Type> Members,
    IReadOnlySet<string> RequiredMembers,
    (string English, string Vietnamese) NotAnObject,
    Func<JsonProperty, string?>? MemberRule = null)
{
    /// <summary>The public instance properties of <typeparamref name="TPatch"/> by their camelCase JSON name.</summary>
    public static Dictionary<string, Type> MembersOf<TPatch>() => typeof(TPatch)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), p => p.PropertyType, StringComparer.Ordinal);
}

/// <summary>
/// Reads a JSON Merge Patch body as strictly as every other body of the API, the same way for
/// every record that can be patched: 415 for another media type (or a charset other than UTF-8);
/// 400 for a body that is not valid JSON or not an object, a member named twice, an unknown member,
/// <c>null</c> on a required member, or a value of the wrong type — every bad member named at once.
/// </summary>
internal static class MergePatchReader
{
    /// <summary>The one media type a patch is accepted in.</summary>
    public const string MediaType = "application/merge-patch+json";

    private const int MaxDepth = 16;

    /// <summary>The API's JSON options (the ones every body is read with).</summary>
    public static JsonSerializerOptions SerializerOptions(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RequestServices
            .GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>()
            .Value.SerializerOptions;
    }

    /// <summary>Reads and checks the patch of <paramref name="request"/> against <paramref name="shape"/>.</summary>
    public static async Task<JsonElement> ReadAsync(HttpRequest request, MergePatchShape shape, JsonSerializerOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(shape);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals(MediaType, StringComparison.OrdinalIgnoreCase)
            || (contentType.Charset.HasValue && !contentType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            throw new BadHttpRequestException("A merge patch must be sent as " + MediaType, StatusCodes.Status415UnsupportedMediaType);
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = MaxDepth }, ct);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, byte {ex.BytePositionInLine + 1})" : "";
            throw Rejected("body", Text.Pick(
                $"The request body is missing or not valid JSON{where}: send a JSON object with the fields to change.",
                $"Thiếu nội dung yêu cầu hoặc không phải JSON hợp lệ{where.Replace("line", "dòng", StringComparison.Ordinal)}: hãy gửi một đối tượng JSON với các trường cần thay đổi."));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Rejected("body", Text.Pick(shape.NotAnObject.English, shape.NotAnObject.Vietnamese));
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach (var member in root.EnumerateObject())
            {
                if (!seen.Add(member.Name))
                {
                    errors[member.Name] = [Text.Pick(
                        $"The member '{member.Name}' appears more than once.", $"Thuộc tính '{member.Name}' xuất hiện nhiều lần.")];
                }
                else if (Check(member, shape, options) is { } problem)
                {
                    errors[member.Name] = [problem];
                }
            }

            return errors.Count > 0 ? throw new RequestRejectedException(errors) : root.Clone();
        }
    }

    private static string? Check(JsonProperty member, MergePatchShape shape, JsonSerializerOptions options)
    {
        if (shape.MemberRule?.Invoke(member) is { } own)
        {
            return own;
        }

        if (!shape.Members.TryGetValue(member.Name, out var type))
        {
            var allowed = string.Join(", ", shape.Members.Keys);
            return Text.Pick($"Unknown property '{member.Name}'. Allowed here: {allowed}.",
                $"Thuộc tính '{member.Name}' không tồn tại. Các thuộc tính hợp lệ: {allowed}.");
        }

        if (member.Value.ValueKind == JsonValueKind.Null)
        {
            return shape.RequiredMembers.Contains(member.Name)
                ? Text.Pick($"{member.Name} is required and cannot be removed: send a new value, or leave the member out to keep the current one.",
                    $"{member.Name} là bắt buộc nên không thể xóa: hãy gửi giá trị mới, hoặc bỏ thuộc tính này để giữ giá trị hiện tại.")
                : null;
        }

        try
        {
            _ = member.Value.Deserialize(type, options);
            return null;
        }
        catch (JsonValueRejectedException rejected)
        {
            return Text.Pick(rejected.English, rejected.Vietnamese);
        }
        catch (JsonException)
        {
            return ExpectedValues.For(type);
        }
    }

    private static RequestRejectedException Rejected(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}
