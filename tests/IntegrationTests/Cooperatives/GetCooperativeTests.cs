using System.Net;
using System.Net.Http.Headers;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.Cooperatives.CooperativesApi;

namespace CoopApi.IntegrationTests.Cooperatives;

/// <summary>GET /api/v1/cooperatives/{id}: one organization, with its ETag.</summary>
[Collection(ApiCollection.Name)]
public sealed class GetCooperativeTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateClient();

    [Fact]
    public async Task Get_ExistingRecord_Returns200WithETagOfItsVersion()
    {
        var created = await TestData.CreateAsync(_client);

        var response = await _client.GetAsync(Item(Id(created)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ETagOf(created), response.Headers.ETag?.Tag);
        var body = await response.ReadNodeAsync();
        Assert.Equal(Id(created), Id(body));
        Assert.Equal((string)created["name"]!, (string)body["name"]!);
    }

    [Fact]
    public async Task Get_WithIfNoneMatchOfCurrentETag_Returns304WithoutBody()
    {
        var created = await TestData.CreateAsync(_client);
        using var request = new HttpRequestMessage(HttpMethod.Get, Item(Id(created)));
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(ETagOf(created)));

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(ETagOf(created), response.Headers.ETag?.Tag);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Get_WithIfNoneMatchOfWeakCurrentETag_Returns304()
    {
        var created = await TestData.CreateAsync(_client);
        using var request = new HttpRequestMessage(HttpMethod.Get, Item(Id(created)));
        request.Headers.TryAddWithoutValidation("If-None-Match", $"\"1\", W/{ETagOf(created)}");

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task Get_WithIfNoneMatchOfAnOlderVersion_Returns200WithTheNewETag()
    {
        var created = await TestData.CreateAsync(_client);
        var changed = await (await _client.PostStatusAsync(Id(created), "suspended", "2020-01-01")).ReadNodeAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, Item(Id(created)));
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(ETagOf(created)));

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(ETagOf(created), ETagOf(changed));
        Assert.Equal(ETagOf(changed), response.Headers.ETag?.Tag);
        Assert.Equal("suspended", (string)(await response.ReadNodeAsync())["status"]!);
    }

    [Fact]
    public async Task Get_UnknownId_Returns404Problem()
    {
        var response = await _client.GetAsync(Item(UnknownId));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("notFound", (string?)problem["code"]);
        Assert.Contains(UnknownId, (string)problem["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownId_WithAcceptLanguageVi_ExplainsInVietnamese()
    {
        using var client = fixture.CreateClient("vi");

        var response = await client.GetAsync(Item(UnknownId));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("Không tìm thấy.", (string)problem["title"]!);
        Assert.Contains("Không tìm thấy", (string)problem["detail"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("12345")]
    public async Task Get_IdThatIsNotAUuid_Returns404Problem(string id)
    {
        var response = await _client.GetAsync(Item(id));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }
}
