using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CoopApi.Application.Common.Localization;
using CoopApi.Application.DevelopmentTargets;
using CoopApi.Application.DevelopmentTargets.Commands.ReplaceDevelopmentTarget;
using CoopApi.WebApi.Infrastructure;
using Microsoft.Net.Http.Headers;

namespace CoopApi.WebApi.Endpoints;

/// <summary>
/// JSON Merge Patch (RFC 7396) of a development target, turned into the full replacement it means:
/// the stored fields with the patch applied, sent as one <see cref="ReplaceDevelopmentTargetCommand"/>,
/// so that PATCH and PUT share one validator and one set of domain rules. Read as strictly as the
/// register's patches: 415 for another media type; 400 for a body that is not a JSON object, a member
/// named twice, an unknown member, <c>null</c> on a required field, or a value of the wrong type.
/// </summary>
internal sealed class DevelopmentTargetMergePatch
{
    /// <summary>The one media type a patch is accepted in.</summary>
    public const string MediaType = "application/merge-patch+json";

    /// <summary>Members a replacement requires: a patch may change them but not remove them.</summary>
    public static readonly IReadOnlySet<string> RequiredMembers =
        new HashSet<string>(StringComparer.Ordinal) { "provinceCode", "title", "baselineDate", "horizonYear", "metrics" };

    private const int MaxDepth = 16;

    private static readonly Dictionary<string, Type> Members = typeof(DevelopmentTargetPatch)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), p => p.PropertyType, StringComparer.Ordinal);

    private readonly JsonElement _patch;
    private readonly JsonSerializerOptions _options;

    private DevelopmentTargetMergePatch(JsonElement patch, JsonSerializerOptions options)
    {
        _patch = patch;
        _options = options;
    }

    /// <summary>Binds the parameter of an endpoint from the request body.</summary>
    public static async ValueTask<DevelopmentTargetMergePatch?> BindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>()
            .Value.SerializerOptions;
        return new DevelopmentTargetMergePatch(await ReadAsync(context.Request, options, context.RequestAborted), options);
    }

    /// <summary>The full replacement this patch makes of <paramref name="current"/>.</summary>
    public ReplaceDevelopmentTargetCommand ApplyTo(DevelopmentTargetDto current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var stored = JsonSerializer.SerializeToNode(current, _options)!.AsObject();
        var target = new JsonObject();
        foreach (var name in Members.Keys)
        {
            target[name] = stored[name]?.DeepClone();
        }

        foreach (var member in _patch.EnumerateObject())
        {
            target[member.Name] = member.Value.ValueKind == JsonValueKind.Null ? null : JsonNode.Parse(member.Value.GetRawText());
        }

        return target.Deserialize<ReplaceDevelopmentTargetCommand>(_options)!;
    }

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
        catch (JsonException)
        {
            throw Rejected("body", Text.Pick(
                "The request body is missing or not valid JSON: send a JSON object with the fields to change.",
                "Thiếu nội dung yêu cầu hoặc không phải JSON hợp lệ: hãy gửi một đối tượng JSON với các trường cần thay đổi."));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Rejected("body", Text.Pick(
                    "A merge patch of a target is a JSON object naming the fields to change, e.g. {\"horizonYear\": 2030}.",
                    "Bản vá (merge patch) của một mục tiêu là một đối tượng JSON nêu các trường cần thay đổi, ví dụ {\"horizonYear\": 2030}."));
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach (var member in root.EnumerateObject())
            {
                if (!seen.Add(member.Name))
                {
                    errors[member.Name] = [Text.Pick($"The member '{member.Name}' appears more than once.", $"Thuộc tính '{member.Name}' xuất hiện nhiều lần.")];
                }
                else if (Check(member, options) is { } problem)
                {
                    errors[member.Name] = [problem];
                }
            }

            return errors.Count > 0 ? throw new RequestRejectedException(errors) : root.Clone();
        }
    }

    private static string? Check(JsonProperty member, JsonSerializerOptions options)
    {
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
