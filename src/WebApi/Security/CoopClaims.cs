using System.Security.Claims;

namespace CoopApi.WebApi.Security;

/// <summary>
/// The one claim set every authenticated principal carries, whichever scheme let it in: both
/// handlers translate their credential (an API key's row, a token's claims) into it, so that
/// authorization and <see cref="Infrastructure.HttpCurrentUser"/> read one shape.
/// </summary>
internal static class CoopClaims
{
    /// <summary>The stable actor id: <c>apikey:&lt;prefix&gt;</c> or the token's subject.</summary>
    public const string Actor = "coop:actor";

    /// <summary>Readable name of the principal.</summary>
    public const string Name = "coop:name";

    /// <summary>The OAuth client of a token (<c>azp</c>).</summary>
    public const string Client = "coop:client";

    /// <summary>One scope granted (one claim per scope).</summary>
    public const string Scope = "coop:scope";

    /// <summary>One province the principal may write in, or <c>*</c> (one claim per entry).</summary>
    public const string Province = "coop:province";

    /// <summary>Builds the principal.</summary>
    public static ClaimsPrincipal Principal(string scheme, string actor, string? name, string? client,
        IEnumerable<string> scopes, IEnumerable<string> provinces)
    {
        var claims = new List<Claim> { new(Actor, actor) };
        if (!string.IsNullOrEmpty(name))
        {
            claims.Add(new Claim(Name, name));
        }

        if (!string.IsNullOrEmpty(client))
        {
            claims.Add(new Claim(Client, client));
        }

        claims.AddRange(scopes.Distinct(StringComparer.Ordinal).Select(s => new Claim(Scope, s)));
        claims.AddRange(provinces.Distinct(StringComparer.Ordinal).Select(p => new Claim(Province, p)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, Name, roleType: null));
    }
}
