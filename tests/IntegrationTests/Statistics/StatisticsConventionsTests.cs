using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.Classifications.ClassificationsApi;

namespace CoopApi.IntegrationTests.StatisticsApi;

/// <summary>
/// The conventions every statistics endpoint shares (CSV, ETag, Cache-Control, 304), on the
/// endpoints that existed before them: they come from <c>RequireStatisticsRead()</c>, not from
/// each endpoint. Works in Cà Mau (96), which no other test uses.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class StatisticsConventionsTests(ApiFixture fixture)
{
    private const string Province = "96";
    private const string Commune = "31825";
    private const string Distribution = "api/v1/statistics/classifications?fromYear=2021&toYear=2024&provinceCode=96&groupBy=sector";

    private readonly HttpClient _client = fixture.CreateAdminClient();

    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    [Theory]
    [InlineData(Distribution)]
    [InlineData("api/v1/statistics/steering-activities?year=2022&areaCode=20")]
    public async Task Csv_ParsedBack_EqualsTheJson(string uri)
    {
        await _client.AssessAsync(await CreateOrganizationAsync(_client, "2015-01-01", provinceCode: Province, communeCode: Commune), Body(2022, total: 81));
        var json = (await _client.GetJsonAsync(uri)).AsObject();

        using var byParameter = await _client.GetAsync(uri + "&format=csv");
        using var byAccept = await SendAsync(uri, accept: "text/csv");

        foreach (var response in new[] { byParameter, byAccept })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(Bom, bytes[..3]);
            Csv.AssertEquivalent(json, Csv.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3)));
        }
    }

    [Fact]
    public async Task Csv_QuotesFieldsAndKeepsVietnameseText()
    {
        var bytes = await (await _client.GetAsync(Distribution + "&format=csv")).Content.ReadAsByteArrayAsync();
        var rows = Csv.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal(["fromYear", "toYear", "provinceCode", "groupBy", "year", "group"], rows[0][..6]);
        Assert.All(rows.Skip(1), r => Assert.Equal(["2021", "2024", Province, "sector"], r[..4]));
    }

    [Fact]
    public async Task UnchangedFigures_Answer304_ToTheirETag_WithoutABody()
    {
        using var first = await _client.GetAsync(Distribution);
        var etag = first.Headers.ETag!.Tag;
        Assert.True(first.Headers.CacheControl!.Private);
        Assert.Equal(TimeSpan.FromSeconds(60), first.Headers.CacheControl.MaxAge);
        Assert.Contains("Accept", first.Headers.Vary);

        using var again = await SendAsync(Distribution, ifNoneMatch: etag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, again.Headers.ETag!.Tag);

        // The CSV is another representation: its own ETag, and the JSON one does not match it.
        using var csv = await SendAsync(Distribution, accept: "text/csv", ifNoneMatch: etag);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.NotEqual(etag, csv.Headers.ETag!.Tag);
        using var csvAgain = await SendAsync(Distribution, accept: "text/csv", ifNoneMatch: csv.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.NotModified, csvAgain.StatusCode);
    }

    [Fact]
    public async Task AChangeToTheData_ChangesTheETag()
    {
        const string uri = "api/v1/statistics/classifications?year=2023&provinceCode=96";
        using var before = await _client.GetAsync(uri);
        var etag = before.Headers.ETag!.Tag;

        // An active organization founded before 2023 and not assessed: one more "not yet assessed".
        await CreateOrganizationAsync(_client, "2012-05-01", provinceCode: Province, communeCode: Commune);

        using var after = await SendAsync(uri, ifNoneMatch: etag);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(etag, after.Headers.ETag!.Tag);
    }

    [Theory]
    [InlineData("&format=xml")]
    [InlineData("&format=csv&format=json")]
    public async Task AnUnknownFormat_Is400_NamingTheParameter(string suffix)
    {
        using var response = await _client.GetAsync(Distribution + suffix);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadNodeAsync())["errors"]!["format"]);
    }

    [Fact]
    public async Task FormatJson_WinsOverAcceptCsv()
    {
        using var response = await SendAsync(Distribution + "&format=json", accept: "text/csv");
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
    }

    private async Task<HttpResponseMessage> SendAsync(string uri, string? accept = null, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return await _client.SendAsync(request);
    }
}
