using System.Net;
using System.Security.Claims;
using CoopApi.Domain.ApiKeys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;

namespace CoopApi.WebApi.Security;

/// <summary>
/// Who may call: OpenID Connect bearer tokens (the framework's JwtBearer handler, keys from the
/// provider's discovery document and JWKS) and API keys, behind one policy scheme that picks the
/// handler by header; one authorization policy per scope (<see cref="ScopePolicies"/>).
/// </summary>
/// <remarks>
/// Settings (section <c>Auth:Oidc</c>): <c>Authority</c> (e.g. a Keycloak realm,
/// <c>https://id.example.vn/realms/coop</c>; unset: tokens are not accepted), <c>Audience</c>
/// (required with an authority), <c>RequireHttpsMetadata</c> (default true; false is accepted
/// only for a loopback authority), <c>ClockSkewSeconds</c> (default 30); <c>Auth:PublicStatistics</c>
/// (default false) opens the statistics endpoints to anonymous callers (<see cref="ScopePolicies"/>).
/// </remarks>
internal static class AuthenticationSetup
{
    /// <summary>The default scheme: forwards to <see cref="JwtBearerDefaults.AuthenticationScheme"/> or <see cref="ApiKeyAuthenticationHandler.SchemeName"/>.</summary>
    public const string PolicyScheme = "CoopApi";

    /// <summary>The realm named in <c>WWW-Authenticate</c>.</summary>
    public const string Realm = "coopapi";

    /// <summary>How a bearer token starts in <c>Authorization</c>.</summary>
    public const string BearerPrefix = "Bearer ";

    /// <summary>What was configured, for the handlers.</summary>
    /// <param name="TokensEnabled">True when an OpenID Connect authority is configured.</param>
    /// <param name="PublicStatistics">True when anonymous callers may use the statistics endpoints (<c>Auth:PublicStatistics</c>).</param>
    public sealed record Settings(bool TokensEnabled, bool PublicStatistics);

    public static IServiceCollection AddCoopAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var oidc = configuration.GetSection("Auth:Oidc");
        var authority = oidc["Authority"];
        var tokens = !string.IsNullOrWhiteSpace(authority);

        var builder = services.AddAuthentication(PolicyScheme)
            .AddPolicyScheme(PolicyScheme, "Bearer token or API key", o =>
                o.ForwardDefaultSelector = http => tokens
                    && http.Request.Headers.Authorization.ToString().StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
                    && !ApiKeyAuthenticationHandler.IsBearerApiKey(http.Request.Headers.Authorization.ToString())
                        ? JwtBearerDefaults.AuthenticationScheme
                        : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);

        if (tokens)
        {
            var audience = oidc["Audience"];
            if (string.IsNullOrWhiteSpace(audience))
            {
                throw new InvalidOperationException("Auth:Oidc:Audience is required when Auth:Oidc:Authority is set.");
            }

            var requireHttps = oidc.GetValue("RequireHttpsMetadata", true);
            if (!requireHttps && !IsLoopback(authority!))
            {
                throw new InvalidOperationException(
                    "Auth:Oidc:RequireHttpsMetadata may be false only for a loopback authority (a local test issuer).");
            }

            builder.AddJwtBearer(JwtBearerDefaults.AuthenticationScheme, o =>
            {
                o.Authority = authority;
                o.Audience = audience;
                o.RequireHttpsMetadata = requireHttps;
                o.MapInboundClaims = false; // keep the token's claim names (scope, scp, sub, azp, province)
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidAudience = audience,
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ValidateIssuerSigningKey = true,
                    ClockSkew = TimeSpan.FromSeconds(oidc.GetValue("ClockSkewSeconds", 30)),
                };
                o.Events = new JwtBearerEvents
                {
                    OnTokenValidated = context =>
                    {
                        context.Principal = FromToken(context.Principal!);
                        return Task.CompletedTask;
                    },
                    // The body is written by AuthorizationProblems; JwtBearer adds its WWW-Authenticate.
                };
            });
        }

        var publicStatistics = configuration.GetValue(ScopePolicies.PublicStatisticsSetting, false);
        services.AddSingleton(new Settings(tokens, publicStatistics));
        services.AddAuthorization(o => o.AddCoopPolicies(publicStatistics));
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuthorizationProblems>();
        return services;
    }

    /// <summary>
    /// A validated token as a principal: subject → actor id, <c>preferred_username</c> or
    /// <c>name</c> → name, <c>azp</c> (or <c>client_id</c>) → client, <c>scope</c> (space-separated)
    /// and <c>scp</c> (a list or space-separated) → known scopes, <c>province</c> (one or many
    /// values, each possibly comma- or space-separated; <c>*</c> national) → provinces.
    /// </summary>
    public static ClaimsPrincipal FromToken(ClaimsPrincipal token)
    {
        var subject = token.FindFirst("sub")?.Value
            ?? throw new SecurityTokenValidationException("The token has no subject (sub).");
        var name = token.FindFirst("preferred_username")?.Value ?? token.FindFirst("name")?.Value;
        var client = token.FindFirst("azp")?.Value ?? token.FindFirst("client_id")?.Value;
        var scopes = Split(token, "scope", ' ').Concat(Split(token, "scp", ' ')).Where(ApiScopes.IsKnown);
        var provinces = Split(token, "province", ' ', ',');
        return CoopClaims.Principal(JwtBearerDefaults.AuthenticationScheme, subject, name, client, scopes, provinces);
    }

    private static IEnumerable<string> Split(ClaimsPrincipal principal, string type, params char[] separators) =>
        principal.FindAll(type).SelectMany(c => c.Value.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static bool IsLoopback(string authority) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip)));
}
