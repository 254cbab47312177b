using CoopApi.Domain.Common;

namespace CoopApi.Domain.DevelopmentTargets;

/// <summary>A development target was set.</summary>
/// <param name="AggregateId">The target.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Fields">Its fields as recorded.</param>
public sealed record DevelopmentTargetSet(Guid AggregateId, DateTimeOffset OccurredAt, TargetFields Fields) : IDomainEvent
{
    /// <inheritdoc />
    public ChangeKind Kind => ChangeKind.Created;
}

/// <summary>The fields of a target were replaced (a replacement that changes nothing raises no event).</summary>
/// <param name="AggregateId">The target.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Before">Fields before.</param>
/// <param name="After">Fields after.</param>
public sealed record DevelopmentTargetChanged(Guid AggregateId, DateTimeOffset OccurredAt, TargetFields Before, TargetFields After) : IDomainEvent
{
    /// <inheritdoc />
    public ChangeKind Kind => ChangeKind.Updated;
}

/// <summary>A target recorded in error was deleted; carries what it held.</summary>
/// <param name="AggregateId">The target.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Fields">Its last fields.</param>
public sealed record DevelopmentTargetDeleted(Guid AggregateId, DateTimeOffset OccurredAt, TargetFields Fields) : IDomainEvent
{
    /// <inheritdoc />
    public ChangeKind Kind => ChangeKind.Deleted;
}
