using System.Net;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.Security.SecurityApi;

namespace CoopApi.IntegrationTests.Security;

/// <summary>
/// The actor stored with every change (and shown by the audit trail) is the principal that made
/// it: <c>apikey:&lt;prefix&gt;</c> for a key; nobody (null) for an anonymous write.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ActorTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateClient();

    [Fact]
    public async Task AWriteMadeWithAnApiKey_IsRecordedUnderTheKeysActorId()
    {
        using var response = await _client.SendAsync(WithApiKey(HttpMethod.Post, "api/v1/cooperatives", fixture.AdminKey,
            TestData.NewCooperative()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (string)(await response.ReadNodeAsync())["id"]!;

        using var audit = await _client.GetAsync($"api/v1/audit?entityType=cooperative&entityId={id}");
        var entry = Assert.Single((await audit.ReadNodeAsync())["items"]!.AsArray())!;

        Assert.Equal("cooperativeRegistered", (string)entry["event"]!);
        Assert.Equal("apikey:" + fixture.AdminKey[..13], (string)entry["actor"]!);
    }

    [Fact]
    public async Task AnAnonymousWrite_HasNoActor()
    {
        var created = await TestData.CreateAsync(_client);

        using var audit = await _client.GetAsync($"api/v1/audit?entityType=cooperative&entityId={(string)created["id"]!}");
        var entry = Assert.Single((await audit.ReadNodeAsync())["items"]!.AsArray())!;

        Assert.Null(entry["actor"]);
    }
}
