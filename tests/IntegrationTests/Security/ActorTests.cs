using System.Net;
using System.Net.Http.Json;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.Security.SecurityApi;

namespace CoopApi.IntegrationTests.Security;

/// <summary>
/// The actor stored with every change (and shown by the audit trail) is the principal that made
/// it: <c>apikey:&lt;prefix&gt;</c> for a key; an anonymous write is refused and stores nothing.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ActorTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateAnonymousClient();

    [Fact]
    public async Task AWriteMadeWithAnApiKey_IsRecordedUnderTheKeysActorId()
    {
        using var response = await _client.SendAsync(WithApiKey(HttpMethod.Post, "api/v1/cooperatives", fixture.AdminKey,
            TestData.NewCooperative()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (string)(await response.ReadNodeAsync())["id"]!;

        using var audit = await _client.SendAsync(WithApiKey(HttpMethod.Get, $"api/v1/audit?entityType=cooperative&entityId={id}", fixture.AdminKey));
        var entry = Assert.Single((await audit.ReadNodeAsync())["items"]!.AsArray())!;

        Assert.Equal("cooperativeRegistered", (string)entry["event"]!);
        Assert.Equal("apikey:" + fixture.AdminKey[..13], (string)entry["actor"]!);
    }

    [Fact]
    public async Task AnAnonymousWrite_IsRefused_AndStoresNothing()
    {
        var body = TestData.NewCooperative();

        using var response = await _client.PostAsJsonAsync("api/v1/cooperatives", body);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM cooperatives WHERE name = $1", (string)body["name"]!));
    }

    [Fact]
    public async Task MakingAndRevokingAKey_AreAudited_UnderTheAdminsActor_WithoutTheSecret()
    {
        var (key, metadata) = await CreateKeyAsync(fixture, _client, scopes: ["read", "write"], provinces: ["20"], name: "Lạng Sơn portal");
        var id = (string)metadata["id"]!;
        using var revoked = await _client.SendAsync(WithApiKey(HttpMethod.Delete, $"{Keys}/{id}", fixture.AdminKey));
        using var again = await _client.SendAsync(WithApiKey(HttpMethod.Delete, $"{Keys}/{id}", fixture.AdminKey));
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);

        using var audit = await _client.SendAsync(WithApiKey(HttpMethod.Get, $"api/v1/audit?entityType=apiKey&entityId={id}", fixture.AdminKey));
        var text = await audit.Content.ReadAsStringAsync();
        var entries = (await audit.ReadNodeAsync())["items"]!.AsArray();

        Assert.Equal(["apiKeyRevoked", "apiKeyIssued"], entries.Select(e => (string)e!["event"]!));
        Assert.All(entries, e => Assert.Equal("apikey:" + fixture.AdminKey[..13], (string)e!["actor"]!));
        var issued = entries[1]!["changes"]!.AsArray();
        Assert.Contains(issued, c => (string)c!["field"]! == "name" && (string)c["after"]! == "Lạng Sơn portal");
        Assert.Contains(issued, c => (string)c!["field"]! == "provinces" && c["after"]!.ToJsonString() == "[\"20\"]");
        Assert.Equal("revokedAt", (string)entries[0]!["changes"]![0]!["field"]!);
        Assert.DoesNotContain(key[14..], text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeysStayOutOfTheChangeFeed()
    {
        var (_, metadata) = await CreateKeyAsync(fixture, _client);
        using var reader = fixture.CreateClient();

        using var byType = await reader.GetAsync("api/v1/changes?entityType=apiKey");
        var seen = new List<string>();
        string? cursor = null;
        for (var page = 0; page < 100; page++)
        {
            using var response = await reader.GetAsync("api/v1/changes?limit=1000" + (cursor is null ? "" : $"&after={cursor}"));
            var body = await response.ReadNodeAsync();
            seen.AddRange(body["entries"]!.AsArray().Select(e => (string)e!["entityType"]!));
            cursor = (string)body["nextCursor"]!;
            if (!(bool)body["hasMore"]!)
            {
                break;
            }
        }

        Assert.Equal(HttpStatusCode.BadRequest, byType.StatusCode);
        Assert.NotEmpty(seen);
        Assert.DoesNotContain("apiKey", seen);
        Assert.NotNull(metadata["id"]);
    }

    [Fact]
    public async Task TheAuditTrail_NeedsTheAdminScope()
    {
        var (readOnly, _) = await CreateKeyAsync(fixture, _client, scopes: ["read", "write"], provinces: ["*"]);

        using var anonymous = await _client.GetAsync("api/v1/audit");
        using var withoutAdmin = await _client.SendAsync(WithApiKey(HttpMethod.Get, "api/v1/audit", readOnly));
        using var admin = await _client.SendAsync(WithApiKey(HttpMethod.Get, "api/v1/audit?limit=1", fixture.AdminKey));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withoutAdmin.StatusCode);
        Assert.Equal("scopeMissing", (string)(await withoutAdmin.ReadNodeAsync())["code"]!);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }
}
