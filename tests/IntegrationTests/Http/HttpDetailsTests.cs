using System.Net;
using CoopApi.IntegrationTests.Cooperatives;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.Cooperatives.CooperativesApi;

namespace CoopApi.IntegrationTests.Http;

/// <summary>HEAD, security headers, caching headers and links that do not trust the Host header.</summary>
[Collection(ApiCollection.Name)]
public sealed class HttpDetailsTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateClient();

    public static TheoryData<string> GetResources => new(
    [
        Route, $"{Route}?status=active", "api/v1/administrative-units/provinces",
        "api/v1/administrative-units/provinces/20/communes", "api/v1/administrative-units/pre-reform/06418",
        "api/v1/reference/enums", "health/live",
    ]);

    [Theory]
    [MemberData(nameof(GetResources))]
    public async Task Head_IsAnsweredWhereverGetIs_WithoutABody(string uri)
    {
        var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, uri));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Head_OnARecord_CarriesItsETag()
    {
        var created = await TestData.CreateAsync(_client);

        var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, Item(Id(created))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ETagOf(created), response.Headers.ETag?.Tag);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("api/v1/cooperatives")]
    [InlineData("api/v1/nothing-here")]
    [InlineData("api/v1/reference/enums")]
    public async Task EveryResponse_ForbidsSniffingAndReferrers(string uri)
    {
        var response = await _client.GetAsync(uri);

        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal(["no-referrer"], response.Headers.GetValues("Referrer-Policy"));
    }

    [Fact]
    public async Task List_IsNotStored()
    {
        var response = await _client.GetAsync(Route);

        Assert.True(response.Headers.CacheControl?.NoStore, response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Record_IsRevalidatedWithItsETag()
    {
        var created = await TestData.CreateAsync(_client);

        var response = await _client.GetAsync(Item(Id(created)));

        Assert.True(response.Headers.CacheControl?.NoCache, response.Headers.CacheControl?.ToString());
        Assert.False(response.Headers.CacheControl!.NoStore);
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task Create_WithAForgedHostHeader_DoesNotEchoItInLocation()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Route)
        {
            Content = RawJson(TestData.NewCooperative().ToJsonString()),
        };
        request.Headers.Host = "evil.example";

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.DoesNotContain("evil.example", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.StartsWith($"/{Route}/", response.Headers.Location.OriginalString, StringComparison.Ordinal);
    }
}
