using CoopApi.Domain.Common;

namespace CoopApi.Domain.Cooperatives;

/// <summary>An organization was registered, with the values it was registered with.</summary>
/// <param name="AggregateId">The organization.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Status">The status it starts in.</param>
/// <param name="Details">Its descriptive fields as recorded (normalized).</param>
public sealed record CooperativeRegistered(Guid AggregateId, DateTimeOffset OccurredAt, OrganizationStatus Status,
    CooperativeDetails Details) : IDomainEvent
{
    /// <inheritdoc />
    public ChangeKind Kind => ChangeKind.Created;
}

/// <summary>
/// Descriptive fields of an organization changed (a <c>PUT</c> that changes nothing raises no event).
/// </summary>
/// <param name="AggregateId">The organization.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Changes">Each changed field, in the order of the resource's fields.</param>
public sealed record CooperativeDetailsChanged(Guid AggregateId, DateTimeOffset OccurredAt,
    IReadOnlyList<FieldChange> Changes) : IDomainEvent
{
    /// <inheritdoc />
    public ChangeKind Kind => ChangeKind.Updated;
}

/// <summary>One changed field: its API name, its value before and after.</summary>
/// <param name="Field">The field's name in the API (camelCase, e.g. <c>memberCount</c>).</param>
/// <param name="Before">Value before the change.</param>
/// <param name="After">Value after the change.</param>
public sealed record FieldChange(string Field, object? Before, object? After);

/// <summary>An organization moved to another status.</summary>
/// <param name="AggregateId">The organization.</param>
/// <param name="OccurredAt">When it was recorded.</param>
/// <param name="From">Status before.</param>
/// <param name="To">Status after.</param>
/// <param name="EffectiveOn">Date the new status takes effect.</param>
/// <param name="Reason">Reason recorded.</param>
/// <param name="Sequence">Sequence of the entry appended to the status history.</param>
public sealed record CooperativeStatusChanged(Guid AggregateId, DateTimeOffset OccurredAt, OrganizationStatus From,
    OrganizationStatus To, DateOnly EffectiveOn, string Reason, int Sequence) : IDomainEvent
{
    /// <inheritdoc />
    public ChangeKind Kind => ChangeKind.Updated;
}
    
/// <summary>
/// An entry made in error was withdrawn from the register (only possible before any status
/// change). Carries the values it had, so that the audit trail can show what was removed.
/// </summary>
/// <param name="AggregateId">The organization.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Status">Its status when withdrawn (always the registration's).</param>
/// <param name="Details">Its descriptive fields as last recorded (the registration code among them).</param>
public sealed record CooperativeDeleted(Guid AggregateId, DateTimeOffset OccurredAt, OrganizationStatus Status,
    CooperativeDetails Details) : IDomainEvent
{
    /// <inheritdoc />
    public ChangeKind Kind => ChangeKind.Deleted;
}
