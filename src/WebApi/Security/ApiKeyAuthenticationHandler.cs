using System.Text.Encodings.Web;
using CoopApi.Application.ApiKeys.Queries.AuthenticateApiKey;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CoopApi.WebApi.Security;

/// <summary>
/// Authenticates <c>Authorization: ApiKey &lt;key&gt;</c>, <c>X-Api-Key: &lt;key&gt;</c> or a key sent
/// as a bearer token (<c>Authorization: Bearer coop_…</c>) through
/// <see cref="AuthenticateApiKeyQuery"/> (one indexed lookup by prefix, a constant-time hash
/// comparison, no cache). Also the scheme that answers a request with no credentials, or an
/// <c>Authorization</c> header of a scheme this API does not take.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>Name of the scheme.</summary>
    public const string SchemeName = "ApiKey";

    /// <summary>The header a key may also come in.</summary>
    public const string Header = "X-Api-Key";

    /// <summary>
    /// An API key sent as a bearer token (<c>Authorization: Bearer coop_…</c>), as a person does who
    /// pastes the key under <c>bearer</c> in Swagger UI's Authorize dialog: taken as the key (an
    /// access token never starts with <c>coop_</c>).
    /// </summary>
    public static bool IsBearerApiKey(string authorization) =>
        authorization.StartsWith(AuthenticationSetup.BearerPrefix, StringComparison.OrdinalIgnoreCase)
        && authorization.AsSpan(AuthenticationSetup.BearerPrefix.Length).TrimStart().StartsWith(Domain.ApiKeys.ApiKeySecret.Marker, StringComparison.Ordinal);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var authorization = Request.Headers.Authorization;
        var headerKeys = Request.Headers[Header];
        string? key = null;
        if (authorization.Count > 0)
        {
            var value = authorization.ToString();
            if (authorization.Count > 1 || headerKeys.Count > 0)
            {
                return AuthenticateResult.Fail(AuthenticationFailure.AmbiguousKey);
            }

            if (value.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase))
            {
                key = value[(SchemeName.Length + 1)..].Trim();
            }
            else if (IsBearerApiKey(value))
            {
                key = value[AuthenticationSetup.BearerPrefix.Length..].Trim();
            }
            else if (value.StartsWith(AuthenticationSetup.BearerPrefix, StringComparison.OrdinalIgnoreCase))
            {
                return AuthenticateResult.Fail(AuthenticationFailure.TokensDisabled); // the selector sends tokens here only when JWT is off
            }
            else
            {
                return AuthenticateResult.Fail(AuthenticationFailure.UnsupportedScheme);
            }
        }
        else if (headerKeys.Count == 1)
        {
            key = headerKeys.ToString().Trim();
        }
        else if (headerKeys.Count > 1)
        {
            return AuthenticateResult.Fail(AuthenticationFailure.AmbiguousKey);
        }
        else
        {
            return AuthenticateResult.NoResult();
        }

        var mediator = Context.RequestServices.GetRequiredService<IMediator>();
        var check = await mediator.Send(new AuthenticateApiKeyQuery(key), Context.RequestAborted);
        if (check is not { Outcome: ApiKeyCheckOutcome.Valid, Key: { } valid })
        {
            return AuthenticateResult.Fail(check.Outcome switch
            {
                ApiKeyCheckOutcome.Revoked => AuthenticationFailure.RevokedKey,
                ApiKeyCheckOutcome.Expired => AuthenticationFailure.ExpiredKey,
                _ => AuthenticationFailure.UnknownKey,
            });
        }

        var principal = CoopClaims.Principal(SchemeName, Domain.ApiKeys.ApiKeyRules.ActorIdOf(valid.Prefix), valid.Name,
            client: null, valid.Scopes, valid.Provinces);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>401 with a challenge for every scheme this API takes (the body is written by <see cref="AuthorizationProblems"/>).</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        var bearer = Context.RequestServices.GetRequiredService<AuthenticationSetup.Settings>().TokensEnabled;
        Response.Headers.Append(HeaderNames.WWWAuthenticate, $"{SchemeName} realm=\"{AuthenticationSetup.Realm}\"");
        if (bearer)
        {
            Response.Headers.Append(HeaderNames.WWWAuthenticate, $"Bearer realm=\"{AuthenticationSetup.Realm}\"");
        }

        return Task.CompletedTask;
    }
}
