using System.Net;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Cooperatives;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.Classifications.ClassificationsApi;

namespace CoopApi.IntegrationTests.StatisticsApi;

/// <summary>
/// GET /api/v1/statistics/overview, establishments and by-area in the shared host: the status on a
/// date comes from the history, and bad filters are refused. Works in Cần Thơ (92), which no other
/// test uses; figures are compared before and after each change, since the tests of this class add up.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OverviewTests(ApiFixture fixture)
{
    private const string Province = "92";
    private const string Commune = "31120"; // Phường Cái Khế

    private readonly HttpClient _client = fixture.CreateAdminClient();

    private async Task<JsonNode> CooperativesOnAsync(string asOf) =>
        (await _client.GetJsonAsync($"api/v1/statistics/overview?provinceCode={Province}&communeCode={Commune}&asOf={asOf}"))["byKind"]!
        .AsArray().Single(k => (string)k!["kind"]! == "cooperative")!;

    private static (int Organizations, int Active, int Suspended, int Awaiting, int Dissolved) Counts(JsonNode kind) =>
        ((int)kind["organizations"]!, (int)kind["active"]!, (int)kind["suspended"]!, (int)kind["awaitingDissolution"]!, (int)kind["dissolved"]!);

    [Fact]
    public async Task TheStatusOnADate_IsTheOneInForceThen_FromTheStatusHistory()
    {
        string[] dates = ["2014-12-31", "2015-06-01", "2020-06-01", "2021-06-01", "2022-06-01", CooperativesApi.Iso(CooperativesApi.Today)];
        var before = new List<(int, int, int, int, int)>();
        foreach (var date in dates)
        {
            before.Add(Counts(await CooperativesOnAsync(date)));
        }

        var id = await CreateOrganizationAsync(_client, "2015-03-12", provinceCode: Province, communeCode: Commune);
        foreach (var (status, on) in new[] { ("suspended", "2020-03-01"), ("awaitingDissolution", "2021-05-01"), ("dissolved", "2022-05-01") })
        {
            using var response = await _client.PostStatusAsync(id, status, on);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        (int, int, int, int, int)[] delta = [(0, 0, 0, 0, 0), (1, 1, 0, 0, 0), (1, 0, 1, 0, 0), (1, 0, 0, 1, 0), (0, 0, 0, 0, 1), (0, 0, 0, 0, 1)];
        for (var i = 0; i < dates.Length; i++)
        {
            var now = Counts(await CooperativesOnAsync(dates[i]));
            var was = before[i];
            Assert.True((now.Organizations - was.Item1, now.Active - was.Item2, now.Suspended - was.Item3, now.Awaiting - was.Item4, now.Dissolved - was.Item5)
                == delta[i], $"on {dates[i]}: {now} after, {was} before");
        }
    }

    [Fact]
    public async Task TheOverview_EchoesItsFilters_AndCountsTheOrganizationsOfTheCommuneOnly()
    {
        var before = await _client.GetJsonAsync($"api/v1/statistics/overview?provinceCode={Province}&communeCode={Commune}");
        await CreateOrganizationAsync(_client, "2019-01-01", kind: "cooperativeGroup", sector: "credit", provinceCode: Province, communeCode: Commune);
        await CreateOrganizationAsync(_client, "2019-01-01", provinceCode: Province, communeCode: "31135");

        var after = await _client.GetJsonAsync($"api/v1/statistics/overview?provinceCode={Province}&communeCode={Commune}");
        Assert.Equal(Province, (string)after["provinceCode"]!);
        Assert.Equal(Commune, (string)after["communeCode"]!);
        Assert.Equal(CooperativesApi.Iso(CooperativesApi.Today), (string)after["asOf"]!);
        Assert.Equal((int)before["totalOrganizations"]! + 1, (int)after["totalOrganizations"]!);
        Assert.Equal((int)before["totalCooperativeGroups"]! + 1, (int)after["totalCooperativeGroups"]!);
        var credit = after["bySectorGroup"]!.AsArray().Single(g => (string)g!["sectorGroup"]! == "credit")!;
        Assert.Equal((int)before["bySectorGroup"]![2]!["cooperativeGroups"]! + 1, (int)credit["cooperativeGroups"]!);
    }

    [Theory]
    [InlineData("overview?provinceCode=99", "provinceCode")]
    [InlineData("overview?provinceCode=2", "provinceCode")]
    [InlineData("overview?communeCode=99999", "communeCode")]
    [InlineData("overview?provinceCode=92&communeCode=06427", "communeCode")]
    [InlineData("overview?asOf=2999-01-01", "asOf")]
    [InlineData("overview?asOf=1900-01-01", "asOf")]
    [InlineData("overview?asOf=22/01/2021", "asOf")]
    [InlineData("overview?kind=cooperative", "kind")]
    [InlineData("establishments?fromYear=2024&toYear=2020", "fromYear")]
    [InlineData("establishments?fromYear=1950&toYear=2025", "toYear")]
    [InlineData("establishments?toYear=2999", "toYear")]
    [InlineData("establishments?fromYear=abc", "fromYear")]
    [InlineData("by-area", "level")]
    [InlineData("by-area?level=district", "level")]
    [InlineData("by-area?level=commune", "provinceCode")]
    [InlineData("by-area?level=province&asOf=2999-01-01", "asOf")]
    public async Task BadFilters_Are400_NamingTheParameter_InBothLanguages(string query, string parameter)
    {
        foreach (var language in new[] { "en", "vi" })
        {
            using var client = fixture.CreateAdminClient(language);
            using var response = await client.GetAsync("api/v1/statistics/" + query);
            var body = await response.ReadNodeAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query}: {(int)response.StatusCode} {body.ToJsonString()}");
            Assert.NotNull(body["errors"]![parameter]);
        }
    }

    [Fact]
    public async Task Establishments_CountFoundingsAndDissolutions_PerYearAndKind()
    {
        var uri = $"api/v1/statistics/establishments?fromYear=2016&toYear=2018&provinceCode={Province}";
        var before = await _client.GetJsonAsync(uri);
        var id = await CreateOrganizationAsync(_client, "2016-04-01", provinceCode: Province, communeCode: Commune);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostStatusAsync(id, "suspended", "2017-02-01")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostStatusAsync(id, "awaitingDissolution", "2017-09-01")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostStatusAsync(id, "dissolved", "2018-01-10")).StatusCode);

        var after = await _client.GetJsonAsync(uri);
        Assert.Equal(9, after["items"]!.AsArray().Count); // 3 years × 3 kinds
        JsonNode Line(JsonNode body, int year) =>
            body["items"]!.AsArray().Single(i => (int)i!["year"]! == year && (string)i["kind"]! == "cooperative")!;
        (int, int, int, int) Of(JsonNode line) => ((int)line["founded"]!, (int)line["suspended"]!, (int)line["dissolved"]!, (int)line["netChange"]!);
        int[][] expected = [[1, 0, 0, 1], [0, 1, 0, 0], [0, 0, 1, -1]];
        for (var year = 2016; year <= 2018; year++)
        {
            var (f0, s0, d0, n0) = Of(Line(before, year));
            var (f1, s1, d1, n1) = Of(Line(after, year));
            Assert.Equal(expected[year - 2016], new[] { f1 - f0, s1 - s0, d1 - d0, n1 - n0 });
        }
    }
}
