namespace CoopApi.Application.Changes.Queries;

/// <summary>
/// The change feed's read side over the append-only <c>domain_events</c> table. Implemented in
/// Infrastructure in plain SQL; stateless and thread-safe.
/// </summary>
public interface IChangesReadModel
{
    /// <summary>
    /// Up to <paramref name="limit"/> changes after <paramref name="after"/>, in commit-safe order:
    /// only changes of transactions that, with every transaction before them, have ended (so none
    /// can appear later before the cursor), ordered by (transaction id, row id). Entries carry no
    /// link (the caller adds it).
    /// </summary>
    /// <param name="after">Where the client is.</param>
    /// <param name="limit">Most entries to return.</param>
    /// <param name="entityType">Only this kind of resource, when given.</param>
    /// <param name="provinceCode">Only changes of resources that are, or were until the change, in this province, when given.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The entries, and whether more are ready after them.</returns>
    Task<(IReadOnlyList<ChangeEntryDto> Entries, bool HasMore)> ReadAsync(ChangeCursor after, int limit, string? entityType,
        string? provinceCode, CancellationToken cancellationToken);
}
