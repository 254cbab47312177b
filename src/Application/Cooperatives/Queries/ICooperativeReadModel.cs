using CoopApi.Application.Cooperatives.Queries.ListCooperatives;

namespace CoopApi.Application.Cooperatives.Queries;

/// <summary>
/// The read side of the register (CQRS): answers queries straight from SQL into DTOs, without
/// the aggregate, change tracking or a transaction. Implemented in Infrastructure; stateless
/// and thread-safe, so it and the query handlers that use it are singletons.
/// </summary>
public interface ICooperativeReadModel
{
    /// <summary>One organization, or <see langword="null"/> when no organization has this id.</summary>
    /// <param name="id">Identifier.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    Task<CooperativeDto?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// One page of the register: every filter of <paramref name="query"/> applied (OR within a
    /// multi-value filter, AND across filters), sorted with ties broken by id, from its page number
    /// or after its cursor, with the cursor of the next page and the total count (exact, estimated
    /// for the whole register once it is large, or none when not asked for).
    /// </summary>
    /// <param name="query">A validated list query.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    Task<CooperativePage> ListAsync(ListCooperativesQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// The status history of one organization, oldest first, or <see langword="null"/> when no
    /// organization has this id.
    /// </summary>
    /// <param name="id">Identifier of the organization.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    Task<IReadOnlyList<StatusChangeDto>?> GetStatusHistoryAsync(Guid id, CancellationToken cancellationToken);
}
