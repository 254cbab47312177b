using CoopApi.Domain.ApiKeys;
using System.Reflection;
using System.Text.Json;
using CoopApi.Application.Audit;
using CoopApi.Domain.Cooperatives;

namespace CoopApi.Infrastructure.ReadSide;

/// <summary>
/// Tells a stored domain event (its payload as <c>DomainEventOutbox</c> wrote it: camelCase,
/// enumerations by their API names) as an audit entry with field changes. An event type this
/// code does not know is shown with its raw payload and no changes, so a new kind of event never
/// breaks the audit trail.
/// </summary>
internal static class AuditEntries
{
    /// <summary>What an issued API key's audit entry shows (never the secret: the event does not hold it).</summary>
    private static readonly string[] KeyFields = ["name", "prefix", "scopes", "provinces", "expiresAt"];

    /// <summary>
    /// The fields of a registration in the resource's order (jsonb does not keep the order of an
    /// object's members): the status, then <see cref="CooperativeDetails"/> as declared.
    /// </summary>
    private static readonly string[] RegistrationOrder =
    [
        "status",
        .. typeof(CooperativeDetails).GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .OrderByDescending(c => c.GetParameters().Length).First().GetParameters()
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name!)),
    ];

    /// <summary>One entry from one row of <c>domain_events</c>.</summary>
    public static AuditEntryDto Read(long id, DateTimeOffset occurredAt, string? actor, string? traceId, string entityType,
        Guid entityId, string eventType, string payload)
    {
        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        IReadOnlyList<AuditChangeDto> changes = [];
        object? context = null;
        object? raw = null;
        switch (eventType)
        {
            case nameof(CooperativeRegistered) when TryGet(root, "details", JsonValueKind.Object, out var details):
                changes = Registered(root, details);
                break;
            case nameof(CooperativeDeleted) when TryGet(root, "details", JsonValueKind.Object, out var removed):
                changes = Registered(root, removed).Select(c => new AuditChangeDto { Field = c.Field, Before = c.After, After = null }).ToList();
                break;
            case nameof(ApiKeyIssued):
                changes = KeyFields
                    .Select(field => (field, value: Value(root, field)))
                    .Where(f => f.value is not null)
                    .Select(f => new AuditChangeDto { Field = f.field, Before = null, After = f.value })
                    .ToList();
                break;
            case nameof(ApiKeyRevoked):
                changes = [new AuditChangeDto { Field = "revokedAt", Before = null, After = Value(root, "occurredAt") }];
                break;
            case nameof(CooperativeDetailsChanged) when TryGet(root, "changes", JsonValueKind.Array, out var list):
                changes = list.EnumerateArray()
                    .Where(c => c.ValueKind == JsonValueKind.Object && c.TryGetProperty("field", out var f) && f.ValueKind == JsonValueKind.String)
                    .Select(c => new AuditChangeDto
                    {
                        Field = c.GetProperty("field").GetString()!,
                        Before = Value(c, "before"),
                        After = Value(c, "after"),
                    })
                    .ToList();
                break;
            case nameof(CooperativeStatusChanged):
                changes = [new AuditChangeDto { Field = "status", Before = Value(root, "from"), After = Value(root, "to") }];
                context = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["effectiveOn"] = Value(root, "effectiveOn"),
                    ["reason"] = Value(root, "reason"),
                    ["sequence"] = Value(root, "sequence"),
                };
                break;
            default:
                raw = root.Clone();
                break;
        }

        return new AuditEntryDto
        {
            Id = id,
            OccurredAt = occurredAt,
            Actor = actor,
            TraceId = traceId,
            EntityType = entityType,
            EntityId = entityId,
            Event = JsonNamingPolicy.CamelCase.ConvertName(eventType),
            Changes = changes,
            Context = context,
            Payload = raw,
        };
    }

    /// <summary>
    /// A registration: the status and every recorded field, each with <c>before</c> null (empty
    /// fields left out). A withdrawal shows the same fields the other way round (<c>after</c> null).
    /// </summary>
    private static List<AuditChangeDto> Registered(JsonElement root, JsonElement details)
    {
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (root.TryGetProperty("status", out var status))
        {
            values["status"] = status;
        }

        foreach (var property in details.EnumerateObject())
        {
            values.TryAdd(property.Name, property.Value);
        }

        var ordered = RegistrationOrder.Where(values.ContainsKey)
            .Concat(values.Keys.Where(k => !RegistrationOrder.Contains(k, StringComparer.Ordinal)).Order(StringComparer.Ordinal));
        return ordered
            .Where(name => values[name].ValueKind != JsonValueKind.Null)
            .Select(name => new AuditChangeDto { Field = name, Before = null, After = values[name].Clone() })
            .ToList();
    }

    private static bool TryGet(JsonElement element, string name, JsonValueKind kind, out JsonElement value) =>
        element.TryGetProperty(name, out value) && value.ValueKind == kind;

    /// <summary>A member's value as JSON (null when absent or null).</summary>
    private static JsonElement? Value(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.Clone() : (JsonElement?)null;
}
