using System.Collections.Concurrent;

namespace CoopApi.Application.ApiKeys.Queries.AuthenticateApiKey;

/// <summary>
/// Valid keys recently checked, by the SHA-256 of the key (the key itself is never kept), for
/// <see cref="Lifetime"/>: within it, a request with the same key costs no database round trip.
/// Revocation through this instance (<c>DELETE /api/v1/api-keys/{id}</c>) forgets the key at
/// once; a revocation made elsewhere (another instance, SQL) takes effect within
/// <see cref="Lifetime"/>. Expiry is checked on every request against the cached expiry. Only
/// valid keys are cached, so unknown keys cannot fill it; it holds at most
/// <see cref="MaxEntries"/> keys and starts over when full.
/// </summary>
public sealed class ApiKeyValidationCache
{
    /// <summary>How long a check is reused.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    /// <summary>Most keys held.</summary>
    public const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>A cached check.</summary>
    /// <param name="Key">The key's metadata as read.</param>
    /// <param name="ReadAt">When it was read from the database.</param>
    /// <param name="UseRecordedAt">The last use written to the database (or read from it).</param>
    public sealed record Entry(ApiKeyDto Key, DateTimeOffset ReadAt, DateTimeOffset? UseRecordedAt);

    /// <summary>The entry for this hash, if it is younger than <see cref="Lifetime"/>.</summary>
    public Entry? Find(string hash, DateTimeOffset now) =>
        _entries.TryGetValue(hash, out var entry) && now - entry.ReadAt < Lifetime ? entry : null;

    /// <summary>Keeps (or replaces) an entry.</summary>
    public void Keep(string hash, Entry entry)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[hash] = entry;
    }

    /// <summary>Forgets every entry of the key <paramref name="id"/> (after a revocation).</summary>
    public void Forget(Guid id)
    {
        foreach (var (hash, entry) in _entries)
        {
            if (entry.Key.Id == id)
            {
                _entries.TryRemove(hash, out _);
            }
        }
    }
}
