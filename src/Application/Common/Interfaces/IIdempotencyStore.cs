namespace CoopApi.Application.Common.Interfaces;

/// <summary>
/// Remembers the response given to a request that carried an <c>Idempotency-Key</c>, per client,
/// so that a retry of the same request gets the same response instead of a second change. A
/// response is stored in the transaction of the change it describes: either both are committed
/// or neither is.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>The response stored for <paramref name="key"/> of <paramref name="client"/>, unless none is or it expired.</summary>
    Task<IdempotentResponse?> FindAsync(string client, string key, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="response"/> in the current transaction (there must be one). When
    /// another transaction holds the same client and key, waits for it to end; returns false
    /// when a live response is stored for them already (an expired one is replaced).
    /// </summary>
    Task<bool> TryAddAsync(IdempotentResponse response, CancellationToken cancellationToken);

    /// <summary>Deletes expired responses, in batches; returns how many. Safe to run on several replicas at once.</summary>
    Task<int> PurgeExpiredAsync(CancellationToken cancellationToken);
}

/// <summary>A response remembered under an idempotency key.</summary>
/// <param name="Client">Who sent the request (the current user's id, or <c>anonymous</c>).</param>
/// <param name="Key">The <c>Idempotency-Key</c> the client chose.</param>
/// <param name="Fingerprint">SHA-256 of the request (method, path and body as bound), lower-case hex.</param>
/// <param name="Method">HTTP method of the request.</param>
/// <param name="Path">Path (and query) of the request.</param>
/// <param name="RequestId">Identifies the HTTP request that produced the response (to tell its own commit from another's).</param>
/// <param name="StatusCode">HTTP status of the response.</param>
/// <param name="Headers">The headers the endpoint set (Content-Type, Location, ETag…), by name.</param>
/// <param name="Body">The response body, byte for byte.</param>
public sealed record IdempotentResponse(
    string Client,
    string Key,
    string Fingerprint,
    string Method,
    string Path,
    Guid RequestId,
    int StatusCode,
    IReadOnlyDictionary<string, string[]> Headers,
    byte[] Body);
