using CoopApi.Application.Common.Contract;

namespace CoopApi.Application.Audit;

/// <summary>
/// One entry of the audit trail: one stored domain event (<c>domain_events</c>), told as who
/// changed which record, when, in which request, and each field's value before and after.
/// </summary>
public sealed record AuditEntryDto
{
    /// <summary>Position of the entry (the stored event's id); also the paging cursor.</summary>
    /// <example>4711</example>
    public required long Id { get; init; }

    /// <summary>When it happened (UTC).</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Who did it (the user id); null while the API is anonymous (no identity yet).</summary>
    public string? Actor { get; init; }

    /// <summary>W3C trace id of the request that did it (the <c>traceparent</c> header, or one the server started).</summary>
    /// <example>4bf92f3577b34da6a3ce929d0e0e4736</example>
    public string? TraceId { get; init; }

    /// <summary>Kind of record, e.g. <c>cooperative</c>.</summary>
    /// <example>cooperative</example>
    public required string EntityType { get; init; }

    /// <summary>Identifier of the record.</summary>
    public required Guid EntityId { get; init; }

    /// <summary>
    /// What happened, camelCase: <c>cooperativeRegistered</c>, <c>cooperativeDetailsChanged</c>,
    /// <c>cooperativeStatusChanged</c>; later kinds of change appear under their own names.
    /// </summary>
    /// <example>cooperativeDetailsChanged</example>
    public required string Event { get; init; }

    /// <summary>
    /// Each changed field with its value before and after, in the order of the resource's fields.
    /// A registration lists the status and every recorded field (empty ones left out) with <c>before</c> null. Empty for a kind
    /// of event this version of the API cannot read (see <c>payload</c>).
    /// </summary>
    public required IReadOnlyList<AuditChangeDto> Changes { get; init; }

    /// <summary>
    /// Facts of the event that are no field's value, e.g. for a status change
    /// <c>{ "effectiveOn": "2026-01-15", "reason": "…", "sequence": 2 }</c>; null when there are none.
    /// </summary>
    public object? Context { get; init; }

    /// <summary>
    /// The event as stored, for a kind of event this version of the API cannot read field by
    /// field; null otherwise.
    /// </summary>
    public object? Payload { get; init; }
}

/// <summary>One changed field of an audit entry.</summary>
[PublicName("AuditChange")]
public sealed record AuditChangeDto
{
    /// <summary>The field's name in the API (camelCase).</summary>
    /// <example>memberCount</example>
    public required string Field { get; init; }

    /// <summary>Value before the change (any JSON value); null when the field was empty or did not exist yet.</summary>
    /// <example>35</example>
    public object? Before { get; init; }

    /// <summary>Value after the change (any JSON value); null when the field was emptied.</summary>
    /// <example>40</example>
    public object? After { get; init; }
}

/// <summary>One page of the audit trail.</summary>
/// <param name="Items">The entries, newest first.</param>
/// <param name="NextCursor">
/// Pass as <c>after</c> to get the next (older) page; null when this page is the last.
/// </param>
[PublicName("AuditPage")]
public sealed record AuditPageDto(IReadOnlyList<AuditEntryDto> Items, long? NextCursor);
