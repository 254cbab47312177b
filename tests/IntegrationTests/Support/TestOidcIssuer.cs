using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CoopApi.IntegrationTests.Support;

/// <summary>
/// A small OpenID Connect issuer for tests, laid out like a Keycloak realm: real Kestrel on a free
/// loopback port serving <c>/realms/test/.well-known/openid-configuration</c> and the JWKS of an
/// RSA key generated when it starts. The API under test is configured with it as its authority,
/// so its JwtBearer handler fetches discovery and keys from here and verifies real signatures.
/// <see cref="Mint"/> signs tokens with that key (or, to test refusals, with another one).
/// </summary>
public sealed class TestOidcIssuer : IAsyncDisposable
{
    /// <summary>The audience the API is configured with.</summary>
    public const string Audience = "coopapi";

    private const string KeyId = "test-key-1";

    private readonly WebApplication _app;
    private readonly RSA _rsa = RSA.Create(2048);

    private TestOidcIssuer(WebApplication app) => _app = app;

    /// <summary>The issuer (and authority), e.g. <c>http://127.0.0.1:41234/realms/test</c>.</summary>
    public string Issuer { get; private set; } = "";

    /// <summary>How many times the JWKS was fetched (proves the API asked the issuer).</summary>
    public int JwksRequests { get; private set; }

    public static async Task<TestOidcIssuer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var issuer = new TestOidcIssuer(app);
        app.MapGet("/realms/test/.well-known/openid-configuration", () => Results.Json(new JsonObject
        {
            ["issuer"] = issuer.Issuer,
            ["jwks_uri"] = issuer.Issuer + "/protocol/openid-connect/certs",
            ["authorization_endpoint"] = issuer.Issuer + "/protocol/openid-connect/auth",
            ["token_endpoint"] = issuer.Issuer + "/protocol/openid-connect/token",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["response_types_supported"] = new JsonArray("code"),
            ["subject_types_supported"] = new JsonArray("public"),
        }));
        app.MapGet("/realms/test/protocol/openid-connect/certs", () =>
        {
            issuer.JwksRequests++;
            var p = issuer._rsa.ExportParameters(includePrivateParameters: false);
            return Results.Json(new JsonObject
            {
                ["keys"] = new JsonArray(new JsonObject
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["alg"] = "RS256",
                    ["kid"] = KeyId,
                    ["n"] = Base64UrlEncoder.Encode(p.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(p.Exponent),
                }),
            });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        issuer.Issuer = address.TrimEnd('/') + "/realms/test";
        return issuer;
    }

    /// <summary>
    /// A signed access token shaped like Keycloak's: <c>sub</c>, <c>preferred_username</c>,
    /// <c>azp</c>, a space-separated <c>scope</c>, and a <c>province</c> claim (a list).
    /// Every argument can be bent to make a token the API must refuse.
    /// </summary>
    public string Mint(string scope = "openid profile read", string[]? provinces = null, string subject = "user-1",
        string? audience = Audience, string? issuer = null, DateTime? expires = null, DateTime? notBefore = null,
        RSA? signWith = null, IDictionary<string, object>? extraClaims = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = subject,
            ["preferred_username"] = subject + ".name",
            ["azp"] = "provincial-portal",
            ["scope"] = scope,
        };
        if (provinces is not null)
        {
            claims["province"] = provinces;
        }

        foreach (var (key, value) in extraClaims ?? new Dictionary<string, object>())
        {
            claims[key] = value;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = (notBefore ?? now.AddMinutes(-1)),
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(signWith ?? _rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _rsa.Dispose();
    }
}
