using CoopApi.Domain.Common;

namespace CoopApi.Domain.ApiKeys;

/// <summary>An API key was made. Carries what it grants, never its secret or hash.</summary>
/// <param name="AggregateId">The key.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Name">Its name.</param>
/// <param name="Prefix">Its visible prefix.</param>
/// <param name="Scopes">Scopes granted.</param>
/// <param name="Provinces">Provinces it may write in (<c>*</c>: all).</param>
/// <param name="ExpiresAt">When it expires, if it does.</param>
public sealed record ApiKeyIssued(Guid AggregateId, DateTimeOffset OccurredAt, string Name, string Prefix,
    IReadOnlyList<string> Scopes, IReadOnlyList<string> Provinces, DateTimeOffset? ExpiresAt) : IDomainEvent
{
    /// <inheritdoc />
    public ChangeKind Kind => ChangeKind.Created;
}

/// <summary>An API key was revoked (raised once: revoking a revoked key raises nothing).</summary>
/// <param name="AggregateId">The key.</param>
/// <param name="OccurredAt">When.</param>
public sealed record ApiKeyRevoked(Guid AggregateId, DateTimeOffset OccurredAt) : IDomainEvent
{
    /// <inheritdoc />
    public ChangeKind Kind => ChangeKind.Updated;
}
