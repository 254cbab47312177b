using System.Text;
using System.Text.Json.Nodes;
using static CoopApi.IntegrationTests.Classifications.ClassificationsApi;

namespace CoopApi.IntegrationTests.StatisticsApi;

/// <summary>
/// The figures of the source articles, computed by the statistics endpoints from the demo register
/// (a host holding the demo data only): Lạng Sơn's 445 cooperatives, 192 cooperative groups and 1
/// union on 22 January 2021, from the status history after later foundings and dissolutions; and
/// Bắc Giang's 1,012 cooperatives with their splits, today.
/// </summary>
[Collection(DemoRegisterCollection.Name)]
public sealed class DemoFiguresFromStatisticsTests(DemoRegisterHost host)
{
    private readonly HttpClient _client = host.CreateClient();

    private static JsonNode Kind(JsonNode overview, string kind) =>
        overview["byKind"]!.AsArray().Single(k => (string)k!["kind"]! == kind)!;

    [Fact]
    public async Task LangSon_On22January2021_Had445Cooperatives_192Groups_1Union()
    {
        var then = await _client.GetJsonAsync("api/v1/statistics/overview?provinceCode=20&asOf=2021-01-22");

        Assert.Equal("2021-01-22", (string)then["asOf"]!);
        Assert.Equal("20", (string)then["provinceCode"]!);
        Assert.Equal((445, 192, 1), ((int)then["totalCooperatives"]!, (int)then["totalCooperativeGroups"]!, (int)then["totalCooperativeUnions"]!));
        Assert.Equal(638, (int)then["totalOrganizations"]!);
        var cooperatives = Kind(then, "cooperative");
        Assert.Equal(445, (int)cooperatives["active"]! + (int)cooperatives["suspended"]! + (int)cooperatives["awaitingDissolution"]!);
        Assert.Equal(22, (int)cooperatives["suspended"]!);
        Assert.Equal(14, (int)cooperatives["awaitingDissolution"]!);
        Assert.Equal(18, (int)cooperatives["dissolved"]!); // dissolved before, in no count of the day
    }

    [Fact]
    public async Task LangSon_Today_DiffersFrom2021_ByTheFoundingsAndDissolutionsSince()
    {
        var then = await _client.GetJsonAsync("api/v1/statistics/overview?provinceCode=20&asOf=2021-01-22");
        var today = await _client.GetJsonAsync("api/v1/statistics/overview?provinceCode=20");
        var since = await _client.GetJsonAsync($"api/v1/statistics/establishments?fromYear=2021&toYear={DateTime.UtcNow.AddHours(7).Year}&provinceCode=20");

        Assert.NotEqual((int)then["totalCooperatives"]!, (int)today["totalCooperatives"]!);
        Assert.Equal((445 - 38 + 96, 192 - 24 + 40, 2),
            ((int)today["totalCooperatives"]!, (int)today["totalCooperativeGroups"]!, (int)today["totalCooperativeUnions"]!));

        // Every change since the day is a founding or a dissolution of the establishments: the
        // difference adds up (no 2021 founding or dissolution falls on or before 22 January).
        foreach (var kind in new[] { "cooperative", "cooperativeGroup", "cooperativeUnion" })
        {
            var net = since["items"]!.AsArray().Where(i => (string)i!["kind"]! == kind).Sum(i => (int)i!["netChange"]!);
            Assert.Equal((int)Kind(today, kind)["organizations"]! - (int)Kind(then, kind)["organizations"]!, net);
        }
    }

    [Fact]
    public async Task BacGiang_Today_Has1012Cooperatives_WithTheSplitsOfTheSource()
    {
        var overview = await _client.GetJsonAsync("api/v1/statistics/overview?provinceCode=24");
        var cooperatives = Kind(overview, "cooperative");

        Assert.Equal(1012, (int)cooperatives["organizations"]!);
        Assert.Equal((945, 28, 39), ((int)cooperatives["active"]!, (int)cooperatives["suspended"]!, (int)cooperatives["awaitingDissolution"]!));
        Assert.Equal(2_421_000_000_000L, (long)cooperatives["charterCapital"]!);
        Assert.Equal(35_270L, (long)cooperatives["members"]!);
        Assert.Equal(8, (int)cooperatives["youthCooperatives"]!);
        Assert.Equal(93.38m, (decimal)cooperatives["activeShare"]!);
        var groups = overview["bySectorGroup"]!.AsArray().ToDictionary(g => (string)g!["sectorGroup"]!, g => g!);
        Assert.Equal((662, 330, 20), ((int)groups["agricultural"]["cooperatives"]!, (int)groups["nonAgricultural"]["cooperatives"]!,
            (int)groups["credit"]["cooperatives"]!));
        Assert.Equal(65.42m, (decimal)groups["agricultural"]["cooperativeShare"]!);
    }

    [Fact]
    public async Task ByArea_AddsUpToTheOverview_ForProvincesAndCommunes()
    {
        var provinces = await _client.GetJsonAsync("api/v1/statistics/by-area?level=province&asOf=2021-01-22");
        Assert.Equal(34, provinces["items"]!.AsArray().Count);
        var langSon = provinces["items"]!.AsArray().Single(i => (string)i!["areaCode"]! == "20")!;
        Assert.Equal("Tỉnh Lạng Sơn", (string)langSon["areaName"]!);
        Assert.Equal((445, 192, 1), ((int)langSon["cooperatives"]!, (int)langSon["cooperativeGroups"]!, (int)langSon["cooperativeUnions"]!));

        var communes = await _client.GetJsonAsync("api/v1/statistics/by-area?level=commune&provinceCode=20");
        var overview = await _client.GetJsonAsync("api/v1/statistics/overview?provinceCode=20");
        Assert.Equal(65, communes["items"]!.AsArray().Count);
        Assert.Equal((int)overview["totalOrganizations"]!, communes["items"]!.AsArray().Sum(i => (int)i!["organizations"]!));
        Assert.Equal((long)overview["totalCharterCapital"]!, communes["items"]!.AsArray().Sum(i => (long)i!["charterCapital"]!));
    }

    [Fact]
    public async Task TheOverviewAsCsv_ParsedBack_EqualsItsJson()
    {
        const string uri = "api/v1/statistics/overview?provinceCode=20&asOf=2021-01-22";
        var json = (await _client.GetJsonAsync(uri)).AsObject();
        var bytes = await (await _client.GetAsync(uri + "&format=csv")).Content.ReadAsByteArrayAsync();

        var rows = Csv.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Csv.AssertEquivalent(json, rows);
        Assert.Equal(3 + 8 + 3 + 3, rows.Count - 1); // kinds, sectors, sector groups, stars
    }
}
