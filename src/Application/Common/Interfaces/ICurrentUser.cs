namespace CoopApi.Application.Common.Interfaces;

/// <summary>
/// Who is making the request: the principal an API key or an OpenID Connect token identified,
/// or nobody. Use cases ask this abstraction, not HTTP; the audit trail and the change feed
/// store <see cref="Id"/> as the actor; authorization reads the scopes and provinces
/// (<see cref="Security.ProvinceRights"/>).
/// </summary>
public interface ICurrentUser
{
    /// <summary>
    /// Stable identifier of the actor, or null when anonymous: <c>apikey:&lt;prefix&gt;</c> for an
    /// API key, the token's subject (<c>sub</c>) for a token.
    /// </summary>
    string? Id { get; }

    /// <summary>Readable name: the key's name, or the token's <c>preferred_username</c> or <c>name</c>.</summary>
    string? Name { get; }

    /// <summary>The OAuth client the token was issued to (<c>azp</c>); null for API keys and anonymous callers.</summary>
    string? ClientId { get; }

    /// <summary>True when a credential was presented and accepted.</summary>
    bool IsAuthenticated { get; }

    /// <summary>Scopes granted (read, write, classify, admin); empty when anonymous.</summary>
    IReadOnlySet<string> Scopes { get; }

    /// <summary>Province codes the caller may write in; <c>*</c> means every province. Empty when anonymous.</summary>
    IReadOnlySet<string> Provinces { get; }
}
