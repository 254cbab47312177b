using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using CoopApi.Domain.ApiKeys;
using MediatR;

namespace CoopApi.Application.ApiKeys.Queries.AuthenticateApiKey;

/// <summary>
/// Checks a key a request presented: found by its prefix, then its SHA-256 compared with the
/// stored hash in constant time, then revocation and expiry. A valid key's check is reused for
/// up to <see cref="ApiKeyValidationCache.Lifetime"/> (see there for revocation). A valid use is
/// recorded at most once a minute per key (<see cref="AuthenticateApiKeyQueryHandler.LastUsedResolution"/>).
/// </summary>
/// <param name="Key">The key as sent.</param>
public sealed record AuthenticateApiKeyQuery(string Key) : IQuery<ApiKeyCheck>;

/// <summary>What checking a key found.</summary>
public enum ApiKeyCheckOutcome
{
    /// <summary>The key is valid.</summary>
    Valid,

    /// <summary>No key of that shape, prefix and secret exists.</summary>
    Unknown,

    /// <summary>The key was revoked.</summary>
    Revoked,

    /// <summary>The key has expired.</summary>
    Expired,
}

/// <summary>The outcome, and the key when it is valid.</summary>
/// <param name="Outcome">What the check found.</param>
/// <param name="Key">The key's metadata when <see cref="ApiKeyCheckOutcome.Valid"/>.</param>
public sealed record ApiKeyCheck(ApiKeyCheckOutcome Outcome, ApiKeyDto? Key);

/// <summary>Handles <see cref="AuthenticateApiKeyQuery"/>.</summary>
public sealed class AuthenticateApiKeyQueryHandler(IApiKeyReadModel keys, IVietnamCalendar calendar, ApiKeyValidationCache cache)
    : IRequestHandler<AuthenticateApiKeyQuery, ApiKeyCheck>
{
    /// <summary>Uses of one key closer together than this are recorded once.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private static readonly ApiKeyCheck Unknown = new(ApiKeyCheckOutcome.Unknown, null);

    /// <inheritdoc />
    public async Task<ApiKeyCheck> Handle(AuthenticateApiKeyQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ApiKeySecret.PrefixOf(request.Key) is not { } prefix)
        {
            return Unknown;
        }

        var now = calendar.Now;
        var presented = ApiKeySecret.Hash(request.Key);
        var cacheKey = Convert.ToHexString(presented);
        var entry = cache.Find(cacheKey, now);
        if (entry is null)
        {
            if (await keys.FindByPrefixAsync(prefix, cancellationToken) is not var (stored, hash)
                || !System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(presented, hash))
            {
                return Unknown;
            }

            if (stored.RevokedAt is not null)
            {
                return new ApiKeyCheck(ApiKeyCheckOutcome.Revoked, null);
            }

            entry = new ApiKeyValidationCache.Entry(stored, now, stored.LastUsedAt);
        }

        if (entry.Key.ExpiresAt is { } expiry && expiry <= now)
        {
            cache.Forget(entry.Key.Id);
            return new ApiKeyCheck(ApiKeyCheckOutcome.Expired, null);
        }

        if (entry.UseRecordedAt is not { } used || now - used >= LastUsedResolution)
        {
            await keys.MarkUsedAsync(entry.Key.Id, now, LastUsedResolution, cancellationToken);
            entry = entry with { UseRecordedAt = now };
        }

        cache.Keep(cacheKey, entry);
        return new ApiKeyCheck(ApiKeyCheckOutcome.Valid, entry.Key);
    }
}
