using System.Collections.Frozen;
using System.Security.Claims;
using CoopApi.Application.Common.Interfaces;
using CoopApi.WebApi.Security;

namespace CoopApi.WebApi.Infrastructure;

/// <summary>
/// The caller as HTTP authentication identified it (an API key or a token, both translated to
/// <see cref="CoopClaims"/>), or anonymous: <see cref="Id"/> null, no scopes, no provinces.
/// </summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    public string? Id => Principal?.FindFirst(CoopClaims.Actor)?.Value;

    public string? Name => Principal?.FindFirst(CoopClaims.Name)?.Value;

    public string? ClientId => Principal?.FindFirst(CoopClaims.Client)?.Value;

    public bool IsAuthenticated => Id is not null;

    public IReadOnlySet<string> Scopes => Values(CoopClaims.Scope);

    public IReadOnlySet<string> Provinces => Values(CoopClaims.Province);

    private FrozenSet<string> Values(string type) => Principal is { } principal
        ? principal.FindAll(type).Select(c => c.Value).ToFrozenSet(StringComparer.Ordinal)
        : FrozenSet<string>.Empty;
}
