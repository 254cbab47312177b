using CoopApi.Domain.ApiKeys;

namespace CoopApi.Application.ApiKeys;

/// <summary>An API key as the API shows it: its metadata, never the key or its hash.</summary>
public sealed record ApiKeyDto
{
    /// <summary>Identifier.</summary>
    /// <example>0193a5b2-7c1e-7d3a-9f00-2b6c1e8a4d10</example>
    public required Guid Id { get; init; }

    /// <summary>Who uses the key.</summary>
    /// <example>Bắc Ninh provincial system</example>
    public required string Name { get; init; }

    /// <summary>The visible start of the key, to recognise it (the rest is secret).</summary>
    /// <example>coop_k7m2q9xa</example>
    public required string Prefix { get; init; }

    /// <summary>Scopes granted: read, write, classify, admin.</summary>
    /// <example>["read","write"]</example>
    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>Province codes the key may write in, or ["*"] for every province.</summary>
    /// <example>["24"]</example>
    public required IReadOnlyList<string> Provinces { get; init; }

    /// <summary>When the key was made (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Who made it (an actor id).</summary>
    /// <example>apikey:coop_a2b3c4d5</example>
    public required string CreatedBy { get; init; }

    /// <summary>When the key stops working, or null for never.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>When the key was revoked, or null.</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>Last successful use, to the minute, or null when never used.</summary>
    public DateTimeOffset? LastUsedAt { get; init; }
}

/// <summary>A key just made: the key itself (shown this once) and its metadata.</summary>
public sealed record CreatedApiKeyDto
{
    /// <summary>The key. Store it now: the API keeps only its hash and never shows it again.</summary>
    /// <example>coop_k7m2q9xa_0mJ4cVn1zQ8XW2hP5bR7tY9uE3sD6fG1aK0lN4oI2cM</example>
    public required string Key { get; init; }

    /// <summary>The key's metadata, as <c>GET /api/v1/api-keys/{id}</c> shows it.</summary>
    public required ApiKeyDto ApiKey { get; init; }
}

/// <summary>Entity → DTO.</summary>
public static class ApiKeyMapper
{
    /// <summary>The key's metadata (never its hash).</summary>
    public static ApiKeyDto ToDto(this ApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new ApiKeyDto
        {
            Id = key.Id,
            Name = key.Name,
            Prefix = key.Prefix,
            Scopes = [.. key.Scopes],
            Provinces = [.. key.Provinces],
            CreatedAt = key.CreatedAt,
            CreatedBy = key.CreatedBy,
            ExpiresAt = key.ExpiresAt,
            RevokedAt = key.RevokedAt,
            LastUsedAt = key.LastUsedAt,
        };
    }
}
