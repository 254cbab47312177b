using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Http;

namespace CoopApi.IntegrationTests.Security;

/// <summary>
/// Authentication as configured: without an OpenID Connect authority tokens are refused cleanly
/// (401, not a crash); a key checked while the database is down is 503, never 500; an insecure
/// metadata address is accepted only on loopback.
/// </summary>
[Collection(OwnHostCollection.Name)]
public sealed class AuthenticationSettingsTests
{
    private static readonly Dictionary<string, string?> DatabaseDown = new()
    {
        ["ConnectionStrings:Default"] = "Host=127.0.0.1;Port=1;Database=coopapi;Username=coopapi;Password=x;Timeout=2",
        ["Database:MigrateOnStartup"] = "false",
    };

    [Fact]
    public async Task WithoutAnAuthority_ABearerToken_Gets401_AndOnlyApiKeysAreOffered()
    {
        await using var host = new OwnHost(DatabaseDown);
        using var client = host.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, SecurityApi.Keys);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "eyJhbGciOiJub25lIn0.e30.");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("tokenNotAccepted", (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["code"]!);
        Assert.Equal(["ApiKey"], response.Headers.WwwAuthenticate.Select(h => h.Scheme));
    }

    [Fact]
    public async Task AKeyCheckedWhileTheDatabaseIsDown_Gets503_NotA500()
    {
        await using var host = new OwnHost(DatabaseDown);
        using var client = host.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, SecurityApi.Keys);
        request.Headers.Add("X-Api-Key", "coop_abcdefgh_" + new string('A', 43));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public void PlainHttpMetadata_IsRefusedForARemoteAuthority()
    {
        var failure = Assert.ThrowsAny<Exception>(() => new OwnHost(new Dictionary<string, string?>(DatabaseDown)
        {
            ["Auth:Oidc:Authority"] = "http://id.example.vn/realms/coop",
            ["Auth:Oidc:Audience"] = "coopapi",
            ["Auth:Oidc:RequireHttpsMetadata"] = "false",
        }));

        Assert.Contains("RequireHttpsMetadata", failure.ToString(), StringComparison.Ordinal);
    }
}
