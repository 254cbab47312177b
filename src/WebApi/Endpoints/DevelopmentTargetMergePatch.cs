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
    public const string MediaType = MergePatchReader.MediaType;

    /// <summary>Members a replacement requires: a patch may change them but not remove them.</summary>
    public static readonly IReadOnlySet<string> RequiredMembers =
        new HashSet<string>(StringComparer.Ordinal) { "provinceCode", "title", "baselineDate", "horizonYear", "metrics" };

    private static readonly Dictionary<string, Type> Members = MergePatchShape.MembersOf<DevelopmentTargetPatch>();

    private static readonly MergePatchShape Shape = new(Members, RequiredMembers,
        ("A merge patch of a target is a JSON object naming the fields to change, e.g. {\"horizonYear\": 2030}.",
            "Bản vá (merge patch) của một mục tiêu là một đối tượng JSON nêu các trường cần thay đổi, ví dụ {\"horizonYear\": 2030}."));

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
        var options = MergePatchReader.SerializerOptions(context);
        return new DevelopmentTargetMergePatch(await MergePatchReader.ReadAsync(context.Request, Shape, options, context.RequestAborted), options);
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
}
