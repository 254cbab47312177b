using CoopApi.Domain.Common;

namespace CoopApi.Domain.ApiKeys;

/// <summary>
/// A credential of a machine client: its name, what it may do (scopes) and where it may write
/// (province codes, or <c>*</c> for the whole country). Holds only the hash of the key; the key
/// itself exists once, in the answer that created it. A key is never changed after it is made,
/// except that it is used (<see cref="LastUsedAt"/>) and may be revoked; to rotate a key, make a
/// new one and revoke the old. An aggregate like the register's records: making and revoking a
/// key raise events (<see cref="ApiKeyIssued"/>, <see cref="ApiKeyRevoked"/>) that the write path
/// stores, so the audit trail shows who did it; the use stamp is not an event.
/// </summary>
public sealed class ApiKey : AggregateRoot
{
    /// <summary>Stored type name of API keys.</summary>
    public const string Type = "apiKey";

    /// <inheritdoc />
    public override string AggregateType => Type;

    private ApiKey(string name, string prefix, byte[] hash, IReadOnlyList<string> scopes, IReadOnlyList<string> provinces,
        DateTimeOffset createdAt, string createdBy, DateTimeOffset? expiresAt)
    {
        Name = name;
        Prefix = prefix;
        Hash = hash;
        Scopes = [.. scopes];
        Provinces = [.. provinces];
        CreatedAt = createdAt;
        CreatedBy = createdBy;
        ExpiresAt = expiresAt?.ToUniversalTime(); // the same instant; PostgreSQL's timestamptz takes UTC only
    }

    /// <summary>For EF Core.</summary>
    private ApiKey()
    {
        Name = Prefix = CreatedBy = "";
        Hash = [];
        Scopes = Provinces = [];
    }

    /// <summary>Who or what uses the key, e.g. "Bắc Ninh provincial system".</summary>
    public string Name { get; private set; }

    /// <summary>The visible start of the key (<c>coop_</c> and 8 characters); unique.</summary>
    public string Prefix { get; private set; }

    /// <summary>SHA-256 of the whole key.</summary>
    public byte[] Hash { get; private set; }

    /// <summary>Scopes granted (<see cref="ApiScopes"/>).</summary>
    public List<string> Scopes { get; private set; }

    /// <summary>Province codes the key may write in, or the single entry <c>*</c> (national).</summary>
    public List<string> Provinces { get; private set; }

    /// <summary>When the key was made.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The actor who made it (an actor id, e.g. <c>apikey:coop_abcd2345</c>, or <c>cli:create-admin-key</c>).</summary>
    public string CreatedBy { get; private set; }

    /// <summary>When the key stops working, if ever (in UTC, whatever offset it was given with).</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>When the key was revoked, if it was.</summary>
    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>Last successful use, to the minute (written at most once a minute).</summary>
    public DateTimeOffset? LastUsedAt { get; private set; }

    /// <summary>The actor id a request made with this key carries (audit, change feed).</summary>
    public string ActorId => ApiKeyRules.ActorIdOf(Prefix);

    /// <summary>
    /// Makes a key. The arguments must satisfy <see cref="ApiKeyRules"/> (the validator checks
    /// them field by field); returns the key with the only copy of its secret.
    /// </summary>
    public static (ApiKey Key, string Secret) Issue(string name, IEnumerable<string> scopes, IEnumerable<string> provinces,
        DateTimeOffset? expiresAt, string createdBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(name);
        var scopeList = scopes.Distinct(StringComparer.Ordinal).OrderBy(s => ApiScopes.All.ToList().IndexOf(s)).ToList();
        var provinceList = provinces.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (ApiKeyRules.CheckName(name) is { } nameError)
        {
            throw nameError.AsValidation();
        }

        if (scopeList.Count == 0 || scopeList.Any(s => !ApiScopes.IsKnown(s)))
        {
            throw ApiKeyRules.Errors.ScopesInvalid.AsValidation();
        }

        if (provinceList.Count == 0 || (provinceList.Contains(ApiKeyRules.National) && provinceList.Count > 1))
        {
            throw ApiKeyRules.Errors.ProvincesInvalid.AsValidation();
        }

        if (expiresAt is { } expiry && expiry <= now)
        {
            throw ApiKeyRules.Errors.ExpiresInPast.AsValidation();
        }

        var (secret, prefix, hash) = ApiKeySecret.Generate();
        var key = new ApiKey(name.Trim(), prefix, hash, scopeList, provinceList, now, createdBy, expiresAt);
        key.Raise(new ApiKeyIssued(key.Id, now, key.Name, key.Prefix, key.Scopes, key.Provinces, key.ExpiresAt));
        return (key, secret);
    }

    /// <summary>True when the key may be used at <paramref name="now"/>: not revoked, not expired.</summary>
    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    /// <summary>Revokes the key from <paramref name="now"/>; revoking a revoked key changes nothing.</summary>
    public void Revoke(DateTimeOffset now)
    {
        if (RevokedAt is not null)
        {
            return;
        }

        RevokedAt = now;
        Raise(new ApiKeyRevoked(Id, now));
    }
}
