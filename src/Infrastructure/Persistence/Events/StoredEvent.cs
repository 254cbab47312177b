namespace CoopApi.Infrastructure.Persistence.Events;

/// <summary>
/// One row of <c>domain_events</c>, the append-only outbox: a domain event as the write path
/// stored it, in the transaction of the change (docs/decisions/0013-domain-events-outbox.md).
/// </summary>
public sealed class StoredEvent
{
    /// <summary>Position of insertion (identity). Not commit order: see <see cref="TransactionId"/>.</summary>
    public long Id { get; private set; }

    /// <summary>Kind of aggregate, e.g. <c>cooperative</c>.</summary>
    public required string AggregateType { get; init; }

    /// <summary>Identifier of the aggregate.</summary>
    public required Guid AggregateId { get; init; }

    /// <summary>Name of the event, e.g. <c>CooperativeRegistered</c>.</summary>
    public required string EventType { get; init; }

    /// <summary>The event as JSON (camelCase, enumerations as their API names).</summary>
    public required string Payload { get; init; }

    /// <summary>
    /// The aggregate's version after the change (the save) that raised the event; every event of
    /// one aggregate stored in one save carries the same. Null only on rows stored before versions
    /// were explicit (migration <c>AggregateVersions</c>).
    /// </summary>
    public int? AggregateVersion { get; init; }

    /// <summary>What the event did: <c>created</c>, <c>updated</c> or <c>deleted</c> (<see cref="Domain.Common.ChangeKind"/>).</summary>
    public required string Operation { get; init; }

    /// <summary>
    /// Province of the aggregate after the change (for a deletion: the last it was in); null for
    /// aggregates that lie in no province.
    /// </summary>
    public string? ProvinceCode { get; init; }

    /// <summary>Province of the aggregate before the change; null when it was created or lies in no province.</summary>
    public string? PreviousProvinceCode { get; init; }

    /// <summary>
    /// The aggregate's representation after the save (the JSON of its single-record <c>GET</c>);
    /// null for a deletion. When one save stores several events of one aggregate, each carries the
    /// state after the whole save.
    /// </summary>
    public string? State { get; init; }

    /// <summary>When the event happened (UTC).</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Who caused it (the current user's id); null while anonymous.</summary>
    public string? Actor { get; init; }

    /// <summary>Trace id of the request that caused it, when one was being traced.</summary>
    public string? TraceId { get; init; }

    /// <summary>
    /// The writing transaction's id (<c>pg_current_xact_id()</c>, a column default), so that a
    /// change feed can tell which rows are surely committed.
    /// </summary>
    public ulong TransactionId { get; private set; }
}
