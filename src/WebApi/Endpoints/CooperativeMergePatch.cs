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
    public const string MediaType = MergePatchReader.MediaType;

    /// <summary>Patchable members by their JSON name, with the .NET type their value must read as.</summary>
    private static readonly Dictionary<string, Type> Members = MergePatchShape.MembersOf<CooperativePatch>();

    /// <summary>Members a full update requires: a patch may change them but not remove them (<c>null</c>).</summary>
    public static readonly IReadOnlySet<string> RequiredMembers = Required();

    private static HashSet<string> Required() => typeof(UpdateCooperativeCommand)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetCustomAttribute<FieldRulesAttribute>()?.Required == true)
        .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
        .ToHashSet(StringComparer.Ordinal);

    private static readonly MergePatchShape Shape = new(Members, RequiredMembers,
        ("A merge patch of an organization is a JSON object naming the fields to change, e.g. {\"memberCount\": 42}.",
            "Bản vá (merge patch) của một tổ chức là một đối tượng JSON nêu các trường cần thay đổi, ví dụ {\"memberCount\": 42}."),
        StatusRule);

    private readonly JsonElement _patch;
    private readonly JsonSerializerOptions _options;

    private CooperativeMergePatch(JsonElement patch, JsonSerializerOptions options)
    {
        _patch = patch;
        _options = options;
    }

    /// <summary>
    /// Binds the parameter of an endpoint from the request body, read as every merge patch is
    /// (<see cref="MergePatchReader"/>): 415 unless it is sent as <see cref="MediaType"/>, 400 naming
    /// each member that is wrong in itself (here also <c>status</c>, which has its own endpoint),
    /// before any other check, as the body of a PUT is read.
    /// </summary>
    public static async ValueTask<CooperativeMergePatch?> BindAsync(HttpContext context)
    {
        var options = MergePatchReader.SerializerOptions(context);
        return new CooperativeMergePatch(await MergePatchReader.ReadAsync(context.Request, Shape, options, context.RequestAborted), options);
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

    /// <summary>The register's own rule: the status is changed through POST …/status, never patched.</summary>
    private static string? StatusRule(JsonProperty member) => member.Name == "status"
        ? Text.Pick(
            "The status cannot be patched: change it with POST /api/v1/cooperatives/{id}/status, which records the effective date and the reason in the status history.",
            "Không thể sửa trạng thái bằng PATCH: hãy dùng POST /api/v1/cooperatives/{id}/status, thao tác này ghi ngày hiệu lực và lý do vào lịch sử trạng thái.")
        : null;
}
