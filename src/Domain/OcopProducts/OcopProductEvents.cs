using CoopApi.Domain.Common;
using CoopApi.Domain.Cooperatives;

namespace CoopApi.Domain.OcopProducts;

/// <summary>An OCOP rating of an organization's product was recorded.</summary>
/// <param name="AggregateId">The product record.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="CooperativeId">The organization.</param>
/// <param name="Rating">The rating as recorded.</param>
/// <param name="ExpiresOn">The day the certificate expires.</param>
public sealed record OcopProductRecorded(Guid AggregateId, DateTimeOffset OccurredAt, Guid CooperativeId, OcopRating Rating,
    DateOnly ExpiresOn) : IDomainEvent
{
    /// <inheritdoc />
    public ChangeKind Kind => ChangeKind.Created;
}

/// <summary>A recorded rating was corrected (a correction that changes nothing raises no event).</summary>
/// <param name="AggregateId">The product record.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Changes">Each changed field.</param>
public sealed record OcopProductCorrected(Guid AggregateId, DateTimeOffset OccurredAt, IReadOnlyList<FieldChange> Changes) : IDomainEvent
{
    /// <inheritdoc />
    public ChangeKind Kind => ChangeKind.Updated;
}

/// <summary>A rating recorded in error was removed; carries what it held.</summary>
/// <param name="AggregateId">The product record.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="CooperativeId">The organization.</param>
/// <param name="Rating">The rating it held.</param>
public sealed record OcopProductDeleted(Guid AggregateId, DateTimeOffset OccurredAt, Guid CooperativeId, OcopRating Rating) : IDomainEvent
{
    /// <inheritdoc />
    public ChangeKind Kind => ChangeKind.Deleted;
}
