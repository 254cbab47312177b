using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Localization;
using CoopApi.Application.Cooperatives;
using CoopApi.Application.Cooperatives.Commands.UpdateCooperative;
using CoopApi.WebApi.Infrastructure;
using Microsoft.Net.Http.Headers;

namespace CoopApi.WebApi.Endpoints;

/// <summary>
/// JSON Merge Patch (RFC 7396) of an organization, turned into the full update it means: the
/// stored record's descriptive fields with the patch applied, sent as the one
/// <see cref="UpdateCooperativeCommand"/>, so that PATCH and PUT share one validator and one set of
/// domain rules. The members a patch may carry are those of <see cref="CooperativePatch"/>; which
/// of them cannot be removed with <c>null</c> comes from the full update's required fields.
/// Bound from the request body (<see cref="BindAsync"/>), read with the API's JSON rules.
/// </summary>
internal sealed class CooperativeMergePatch
{
    /// <summary>The one media type a patch is accepted in.</summary>
    public const string MediaType = "application/merge-patch+json";

    private const int MaxDepth = 16;

    /// <summary>Patchable members by their JSON name, with the .NET type their value must read as.</summary>
    private static readonly Dictionary<string, Type> Members = typeof(CooperativePatch)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), p => p.PropertyType, StringComparer.Ordinal);

    /// <summary>Members a full update requires: a patch may change them but not remove them (<c>null</c>).</summary>
    public static readonly IReadOnlySet<string> RequiredMembers = Required();

    private static HashSet<string> Required() => typeof(UpdateCooperativeCommand)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetCustomAttribute<FieldRulesAttribute>()?.Required == true)
        .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
        .ToHashSet(StringComparer.Ordinal);

    private readonly JsonElement _patch;
    private readonly JsonSerializerOptions _options;

    private CooperativeMergePatch(JsonElement patch, JsonSerializerOptions options)
    {
        _patch = patch;
        _options = options;
    }

    /// <summary>Binds the parameter of an endpoint from the request body (see <see cref="ReadAsync"/>).</summary>
    public static async ValueTask<CooperativeMergePatch?> BindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>();
        var serializerOptions = options.Value.SerializerOptions;
        return new CooperativeMergePatch(await ReadAsync(context.Request, serializerOptions, context.RequestAborted), serializerOptions);
    }

    /// <summary>
    /// Reads the body as a merge patch: 415 unless it is sent as <see cref="MediaType"/>, 400 when
    /// it is missing, not JSON, not a JSON object, or names a member twice; and 400 naming each
    /// member that is wrong in itself (see <see cref="Check"/>), before any other check, as the
    /// body of a PUT is read. A body above the limit is cut off by the server (413), as every
    /// other body.
    /// </summary>
    private static async Task<JsonElement> ReadAsync(HttpRequest request, JsonSerializerOptions options, CancellationToken ct)
    {
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
                throw Rejected("body", Text.Pick(
                    "A merge patch of an organization is a JSON object naming the fields to change, e.g. {\"memberCount\": 42}.",
                    "Bản vá (merge patch) của một tổ chức là một đối tượng JSON nêu các trường cần thay đổi, ví dụ {\"memberCount\": 42}."));
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
                else if (Check(member, options) is { } problem)
                {
                    errors[member.Name] = [problem];
                }
            }

            if (errors.Count > 0)
            {
                throw new RequestRejectedException(errors);
            }

            return root.Clone();
        }
    }

    /// <summary>
    /// The full update that this patch makes of <paramref name="current"/>: the stored
    /// descriptive fields, each member of the patch set (or removed, for <c>null</c>). The members
    /// were checked when the body was read; the rules on the resulting values are the full
    /// update's (its validator and the domain), applied when it is sent.
    /// </summary>
    public UpdateCooperativeCommand ApplyTo(CooperativeDto current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var target = new JsonObject();
        var stored = JsonSerializer.SerializeToNode(current, _options)!.AsObject();
        foreach (var name in Members.Keys)
        {
            target[name] = stored[name]?.DeepClone();
        }

        foreach (var member in _patch.EnumerateObject())
        {
            if (member.Value.ValueKind == JsonValueKind.Null)
            {
                target.Remove(member.Name);
            }
            else
            {
                target[member.Name] = JsonNode.Parse(member.Value.GetRawText());
            }
        }

        return target.Deserialize<UpdateCooperativeCommand>(_options)!;
    }

    /// <summary>
    /// What is wrong with one member of a patch, or null: <c>status</c> (changed through its own
    /// endpoint), an unknown member, <c>null</c> on a required field, a value of the wrong JSON
    /// type or an unknown enumeration name, a NUL character.
    /// </summary>
    private static string? Check(JsonProperty member, JsonSerializerOptions options)
    {
        if (member.Name == "status")
        {
            return Text.Pick(
                "The status cannot be patched: change it with POST /api/v1/cooperatives/{id}/status, which records the effective date and the reason in the status history.",
                "Không thể sửa trạng thái bằng PATCH: hãy dùng POST /api/v1/cooperatives/{id}/status, thao tác này ghi ngày hiệu lực và lý do vào lịch sử trạng thái.");
        }

        if (!Members.TryGetValue(member.Name, out var type))
        {
            var allowed = string.Join(", ", Members.Keys);
            return Text.Pick($"Unknown property '{member.Name}'. Allowed here: {allowed}.",
                $"Thuộc tính '{member.Name}' không tồn tại. Các thuộc tính hợp lệ: {allowed}.");
        }

        if (member.Value.ValueKind == JsonValueKind.Null)
        {
            return RequiredMembers.Contains(member.Name)
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
