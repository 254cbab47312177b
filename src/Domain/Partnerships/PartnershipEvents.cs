using CoopApi.Domain.Common;

namespace CoopApi.Domain.Partnerships;

/// <summary>A programme was recorded (as a draft).</summary>
/// <param name="AggregateId">The agreement.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Terms">Its terms.</param>
public sealed record PartnershipAgreementCreated(Guid AggregateId, DateTimeOffset OccurredAt, AgreementTerms Terms) : IDomainEvent
{
    /// <inheritdoc />
    public ChangeKind Kind => ChangeKind.Created;
}

/// <summary>The terms of a draft were replaced.</summary>
/// <param name="AggregateId">The agreement.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Before">Terms before.</param>
/// <param name="After">Terms after.</param>
public sealed record PartnershipAgreementEdited(Guid AggregateId, DateTimeOffset OccurredAt, AgreementTerms Before, AgreementTerms After)
    : IDomainEvent
{
    /// <inheritdoc />
    public ChangeKind Kind => ChangeKind.Updated;
}

/// <summary>An active programme was amended.</summary>
/// <param name="AggregateId">The agreement.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Amendment">The amendment with the fields it changed.</param>
public sealed record PartnershipAgreementAmended(Guid AggregateId, DateTimeOffset OccurredAt, Amendment Amendment) : IDomainEvent
{
    /// <inheritdoc />
    public ChangeKind Kind => ChangeKind.Updated;
}

/// <summary>The programme's status changed.</summary>
/// <param name="AggregateId">The agreement.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="From">Status before.</param>
/// <param name="To">Status after.</param>
/// <param name="EffectiveOn">Date it took effect.</param>
/// <param name="Reason">Why.</param>
public sealed record PartnershipAgreementStatusChanged(Guid AggregateId, DateTimeOffset OccurredAt, AgreementStatus From, AgreementStatus To,
    DateOnly EffectiveOn, string? Reason) : IDomainEvent
{
    /// <inheritdoc />
    public ChangeKind Kind => ChangeKind.Updated;
}

/// <summary>A draft recorded in error was deleted.</summary>
/// <param name="AggregateId">The agreement.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Terms">Its last terms.</param>
public sealed record PartnershipAgreementDeleted(Guid AggregateId, DateTimeOffset OccurredAt, AgreementTerms Terms) : IDomainEvent
{
    /// <inheritdoc />
    public ChangeKind Kind => ChangeKind.Deleted;
}

/// <summary>A commitment was added.</summary>
/// <param name="AggregateId">The agreement.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="CommitmentId">The commitment.</param>
/// <param name="Fields">Its fields.</param>
public sealed record PartnershipCommitmentAdded(Guid AggregateId, DateTimeOffset OccurredAt, Guid CommitmentId, CommitmentFields Fields)
    : IDomainEvent
{
    /// <inheritdoc />
    public ChangeKind Kind => ChangeKind.Updated;
}

/// <summary>A commitment of a draft was changed.</summary>
/// <param name="AggregateId">The agreement.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="CommitmentId">The commitment.</param>
/// <param name="Before">Fields before.</param>
/// <param name="After">Fields after.</param>
public sealed record PartnershipCommitmentChanged(Guid AggregateId, DateTimeOffset OccurredAt, Guid CommitmentId, CommitmentFields Before,
    CommitmentFields After) : IDomainEvent
{
    /// <inheritdoc />
    public ChangeKind Kind => ChangeKind.Updated;
}

/// <summary>A commitment of a draft was removed.</summary>
/// <param name="AggregateId">The agreement.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="CommitmentId">The commitment.</param>
/// <param name="Fields">Its last fields.</param>
public sealed record PartnershipCommitmentRemoved(Guid AggregateId, DateTimeOffset OccurredAt, Guid CommitmentId, CommitmentFields Fields)
    : IDomainEvent
{
    /// <inheritdoc />
    public ChangeKind Kind => ChangeKind.Updated;
}

/// <summary>A review was recorded.</summary>
/// <param name="AggregateId">The agreement.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="ReviewId">The review.</param>
/// <param name="ReviewKind">Annual or final.</param>
/// <param name="Year">Year reviewed.</param>
/// <param name="HeldOn">Date held.</param>
/// <param name="Results">Values reported.</param>
public sealed record PartnershipReviewRecorded(Guid AggregateId, DateTimeOffset OccurredAt, Guid ReviewId, ReviewKind ReviewKind, int Year,
    DateOnly HeldOn, IReadOnlyList<ReviewResult> Results) : IDomainEvent
{
    /// <inheritdoc />
    public ChangeKind Kind => ChangeKind.Updated;
}
