using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using CoopApi.IntegrationTests.Support;
using CoopApi.WebApi.Security;
using static CoopApi.IntegrationTests.Security.SecurityApi;

namespace CoopApi.IntegrationTests.Security;

/// <summary>
/// OpenID Connect bearer tokens, checked by the framework's JwtBearer handler against the
/// discovery document and JWKS of a real issuer on loopback (<see cref="TestOidcIssuer"/>):
/// signature, issuer, audience and lifetime. A refused token gets 401 with a problem body and a
/// Bearer challenge; a token without the scope gets 403.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class TokenAuthenticationTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateAnonymousClient();

    private async Task<HttpResponseMessage> ListKeysWithAsync(string token) =>
        await _client.SendAsync(WithToken(HttpMethod.Get, Keys, token));

    [Fact]
    public async Task AValidTokenWithTheAdminScope_IsAccepted_AfterTheApiFetchedTheIssuersKeys()
    {
        using var response = await ListKeysWithAsync(fixture.Issuer.Mint(scope: "openid profile admin", provinces: ["*"]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(fixture.Issuer.JwksRequests > 0, "the API never fetched the JWKS");
    }

    [Fact]
    public async Task ATokenSignedByAnotherKey_Gets401_WithABearerChallenge()
    {
        using var stranger = RSA.Create(2048);

        using var response = await ListKeysWithAsync(fixture.Issuer.Mint(scope: "admin", signWith: stranger));

        await AssertRefusedAsync(response, "tokenSignature");
    }

    [Fact]
    public async Task ATokenForAnotherAudience_Gets401()
    {
        using var response = await ListKeysWithAsync(fixture.Issuer.Mint(scope: "admin", audience: "another-api"));

        await AssertRefusedAsync(response, "tokenAudience");
    }

    [Fact]
    public async Task AnExpiredToken_Gets401()
    {
        var now = DateTime.UtcNow;

        using var response = await ListKeysWithAsync(fixture.Issuer.Mint(scope: "admin",
            notBefore: now.AddHours(-2), expires: now.AddMinutes(-5)));

        await AssertRefusedAsync(response, "tokenExpired");
    }

    [Fact]
    public async Task ATokenFromAnotherIssuer_Gets401()
    {
        using var response = await ListKeysWithAsync(fixture.Issuer.Mint(scope: "admin", issuer: "http://127.0.0.1:1/realms/other"));

        await AssertRefusedAsync(response, "tokenIssuer");
    }

    [Fact]
    public async Task ATokenWithoutTheAdminScope_Gets403_NamingTheScope()
    {
        using var response = await ListKeysWithAsync(fixture.Issuer.Mint(scope: "openid read write", provinces: ["24"]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadNodeAsync();
        Assert.Equal("scopeMissing", (string)problem["code"]!);
        Assert.Contains("'admin'", (string)problem["detail"]!, StringComparison.Ordinal);
    }

    /// <summary>A key pasted where a token goes (Swagger UI's bearer box) is taken as the key, not refused as a malformed token.</summary>
    [Fact]
    public async Task AnApiKey_SentAsABearerToken_IsTakenAsTheKey()
    {
        using var response = await _client.SendAsync(WithToken(HttpMethod.Get, Keys, fixture.AdminKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task NoCredentials_Gets401_ChallengingWithBothSchemes()
    {
        using var response = await _client.GetAsync(new Uri(Keys, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenges = response.Headers.WwwAuthenticate.Select(h => h.Scheme).ToList();
        Assert.Contains("ApiKey", challenges);
        Assert.Contains("Bearer", challenges);
        var problem = await response.ReadNodeAsync();
        Assert.Equal("unauthorized", (string)problem["code"]!);
        Assert.Equal(401, (int)problem["status"]!);
    }

    [Fact]
    public async Task TheTokensSubject_IsTheActor_OfWhatItDoes()
    {
        var token = fixture.Issuer.Mint(scope: "admin", provinces: ["*"], subject: "keycloak-user-42");
        var request = WithToken(HttpMethod.Post, Keys, token);
        request.Content = System.Net.Http.Json.JsonContent.Create(new { name = "made by a token", scopes = new[] { "read" }, provinces = new[] { "24" } });

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("keycloak-user-42", (string)(await response.ReadNodeAsync())["apiKey"]!["createdBy"]!);
    }

    [Fact]
    public void KeycloakClaims_BecomeScopesProvincesNameAndClient()
    {
        var token = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim("sub", "f3a1"), new Claim("preferred_username", "nguyen.van.a"), new Claim("azp", "portal"),
            new Claim("scope", "openid profile read write"), new Claim("scp", "classify"), new Claim("scp", "unknown-scope"),
            new Claim("province", "24"), new Claim("province", "01,79"),
        ], "Bearer"));

        var principal = AuthenticationSetup.FromToken(token);

        Assert.Equal("f3a1", principal.FindFirst(CoopClaims.Actor)?.Value);
        Assert.Equal("nguyen.van.a", principal.FindFirst(CoopClaims.Name)?.Value);
        Assert.Equal("portal", principal.FindFirst(CoopClaims.Client)?.Value);
        Assert.Equal(["read", "write", "classify"], principal.FindAll(CoopClaims.Scope).Select(c => c.Value));
        Assert.Equal(["24", "01", "79"], principal.FindAll(CoopClaims.Province).Select(c => c.Value));
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string code)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var bearer = Assert.Single(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.Contains("invalid_token", bearer.Parameter ?? "", StringComparison.Ordinal);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadNodeAsync();
        Assert.Equal(code, (string)problem["code"]!);
        Assert.Equal(401, (int)problem["status"]!);
    }
}
