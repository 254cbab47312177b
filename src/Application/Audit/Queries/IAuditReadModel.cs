using CoopApi.Application.Audit.Queries.ListAuditEntries;

namespace CoopApi.Application.Audit.Queries;

/// <summary>
/// The audit trail's read side: reads the stored domain events (the outbox, the one record of
/// every accepted change) and tells each as an <see cref="AuditEntryDto"/>. Keeps no record of
/// its own. Implemented in Infrastructure; stateless and thread-safe (a singleton).
/// </summary>
public interface IAuditReadModel
{
    /// <summary>
    /// One page of entries matching every filter of <paramref name="query"/> (AND), newest first
    /// (by id), starting after <see cref="ListAuditEntriesQuery.After"/>.
    /// </summary>
    /// <param name="query">A validated query.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    Task<AuditPageDto> ListAsync(ListAuditEntriesQuery query, CancellationToken cancellationToken);
}
