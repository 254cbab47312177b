namespace CoopApi.Application.ApiKeys.Queries;

/// <summary>
/// The read side of API keys (plain SQL, implemented in Infrastructure; a stateless singleton).
/// Also the one lookup authentication makes per request.
/// </summary>
public interface IApiKeyReadModel
{
    /// <summary>Every key, newest first.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    Task<IReadOnlyList<ApiKeyDto>> ListAsync(CancellationToken cancellationToken);

    /// <summary>One key, or <see langword="null"/>.</summary>
    /// <param name="id">Identifier.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    Task<ApiKeyDto?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The key with this prefix and its stored hash, or <see langword="null"/>.</summary>
    /// <param name="prefix">The visible prefix, e.g. <c>coop_k7m2q9xa</c>.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    Task<(ApiKeyDto Key, byte[] Hash)?> FindByPrefixAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>
    /// Records a use of the key at <paramref name="at"/>, unless one was recorded less than
    /// <paramref name="resolution"/> before (one autocommitted UPDATE, outside any command).
    /// </summary>
    /// <param name="id">The key.</param>
    /// <param name="at">Now.</param>
    /// <param name="resolution">Uses closer together than this are not written.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    Task MarkUsedAsync(Guid id, DateTimeOffset at, TimeSpan resolution, CancellationToken cancellationToken);
}
