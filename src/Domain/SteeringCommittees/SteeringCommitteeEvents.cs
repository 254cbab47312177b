using CoopApi.Domain.Common;

namespace CoopApi.Domain.SteeringCommittees;

/// <summary>A committee was recorded.</summary>
/// <param name="AggregateId">The committee.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Details">Its fields as recorded.</param>
/// <param name="StandingAgency">Its first standing agency.</param>
public sealed record SteeringCommitteeCreated(Guid AggregateId, DateTimeOffset OccurredAt, CommitteeDetails Details, string StandingAgency)
    : IDomainEvent
{
    /// <inheritdoc />
    public ChangeKind Kind => ChangeKind.Created;
}

/// <summary>Descriptive fields of a committee were replaced.</summary>
/// <param name="AggregateId">The committee.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Before">Fields before.</param>
/// <param name="After">Fields after.</param>
public sealed record SteeringCommitteeDetailsChanged(Guid AggregateId, DateTimeOffset OccurredAt, CommitteeDetails Before, CommitteeDetails After)
    : IDomainEvent
{
    /// <inheritdoc />
    public ChangeKind Kind => ChangeKind.Updated;
}

/// <summary>A committee was dissolved (open terms end on that date).</summary>
/// <param name="AggregateId">The committee.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="EffectiveOn">Date of dissolution.</param>
/// <param name="Reason">Why (decision).</param>
public sealed record SteeringCommitteeDissolved(Guid AggregateId, DateTimeOffset OccurredAt, DateOnly EffectiveOn, string? Reason)
    : IDomainEvent
{
    /// <inheritdoc />
    public ChangeKind Kind => ChangeKind.Updated;
}

/// <summary>A committee recorded in error was deleted.</summary>
/// <param name="AggregateId">The committee.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Details">Its last fields.</param>
public sealed record SteeringCommitteeDeleted(Guid AggregateId, DateTimeOffset OccurredAt, CommitteeDetails Details) : IDomainEvent
{
    /// <inheritdoc />
    public ChangeKind Kind => ChangeKind.Deleted;
}

/// <summary>A term was added to a committee.</summary>
/// <param name="AggregateId">The committee.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="MemberId">The term.</param>
/// <param name="FullName">Who.</param>
/// <param name="Role">Role.</param>
/// <param name="From">First day.</param>
/// <param name="To">Last day, if known.</param>
public sealed record CommitteeMemberAdded(Guid AggregateId, DateTimeOffset OccurredAt, Guid MemberId, string FullName,
    CommitteeRole Role, DateOnly From, DateOnly? To) : IDomainEvent
{
    /// <inheritdoc />
    public ChangeKind Kind => ChangeKind.Updated;
}

/// <summary>A term ended.</summary>
/// <param name="AggregateId">The committee.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="MemberId">The term.</param>
/// <param name="PreviousTo">Its end before (null: open).</param>
/// <param name="To">Its last day now.</param>
public sealed record CommitteeMemberTermEnded(Guid AggregateId, DateTimeOffset OccurredAt, Guid MemberId, DateOnly? PreviousTo, DateOnly To)
    : IDomainEvent
{
    /// <inheritdoc />
    public ChangeKind Kind => ChangeKind.Updated;
}

/// <summary>Another agency became the committee's standing agency.</summary>
/// <param name="AggregateId">The committee.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="PreviousAgency">The agency before.</param>
/// <param name="Agency">The agency from <paramref name="From"/>.</param>
/// <param name="From">First day of the new agency.</param>
public sealed record StandingAgencyChanged(Guid AggregateId, DateTimeOffset OccurredAt, string PreviousAgency, string Agency, DateOnly From)
    : IDomainEvent
{
    /// <inheritdoc />
    public ChangeKind Kind => ChangeKind.Updated;
}
