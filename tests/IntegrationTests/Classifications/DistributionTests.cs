using System.Net;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Cooperatives;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.Classifications.ClassificationsApi;

namespace CoopApi.IntegrationTests.Classifications;

/// <summary>
/// GET /api/v1/statistics/classifications and GET /api/v1/classifications. The tests work in
/// provinces no other test uses (Tuyên Quang 08, Cao Bằng 04), each in years of its own.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DistributionTests(ApiFixture fixture)
{
    private const string C1 = "01273", C2 = "01279"; // two communes of Cao Bằng (04)

    private readonly HttpClient _client = fixture.CreateAdminClient();

    private async Task<JsonNode> DistributionAsync(string query)
    {
        var body = await _client.GetJsonAsync($"{Statistics}?{query}");
        return body["items"]!.AsArray().Single(i => i!["group"] is null)!;
    }

    [Fact]
    public async Task SharesCountOnlyRatedOrganizations_NotRatedOnesChangeNoShare()
    {
        const int year = 2020;
        foreach (var total in new[] { 85m, 70m, 55m, 40m })
        {
            await _client.AssessAsync(await CreateOrganizationAsync(_client, "2001-06-01", provinceCode: "08", communeCode: "00691"), Body(year, total: total));
        }

        var rated = await DistributionAsync($"year={year}&provinceCode=08");
        Assert.Equal((1, 1, 1, 1, 4, 0), ((int)rated["good"]!, (int)rated["fair"]!, (int)rated["average"]!, (int)rated["weak"]!,
            (int)rated["rated"]!, (int)rated["notRated"]!));
        Assert.Equal(50m, (decimal)rated["fairOrBetterShare"]!);
        Assert.Equal(25m, (decimal)rated["weakShare"]!);
        Assert.Equal(25m, (decimal)rated["goodShare"]!);

        // A people's credit fund and a cooperative group: assessed, not rated, outside every share.
        await _client.AssessAsync(await CreateOrganizationAsync(_client, "2001-06-01", provinceCode: "08", communeCode: "00691", sector: "credit"), Body(year, []));
        await _client.AssessAsync(await CreateOrganizationAsync(_client, "2001-06-01", provinceCode: "08", communeCode: "00691", kind: "cooperativeGroup"), Body(year, total: 95));

        var withNotRated = await DistributionAsync($"year={year}&provinceCode=08");
        Assert.Equal(2, (int)withNotRated["notRated"]!);
        Assert.Equal(4, (int)withNotRated["rated"]!);
        Assert.Equal(50m, (decimal)withNotRated["fairOrBetterShare"]!);
        Assert.Equal(25m, (decimal)withNotRated["weakShare"]!);
    }

    [Fact]
    public async Task ActiveOrganizationsNotYetAssessed_AreCountedPerYear_FromTheirFoundingYear()
    {
        var before2021 = (int)(await DistributionAsync("year=2021&provinceCode=08"))["notYetAssessed"]!;
        var before2022 = (int)(await DistributionAsync("year=2022&provinceCode=08"))["notYetAssessed"]!;

        await CreateOrganizationAsync(_client, "2022-02-01", provinceCode: "08", communeCode: "00691");
        await CreateOrganizationAsync(_client, "2020-02-01", provinceCode: "08", communeCode: "00691");
        var assessedIn2021 = await CreateOrganizationAsync(_client, "2020-02-01", provinceCode: "08", communeCode: "00691");
        await _client.AssessAsync(assessedIn2021, Body(2021, total: 66));
        var suspended = await CreateOrganizationAsync(_client, "2020-02-01", provinceCode: "08", communeCode: "00691");
        using (var response = await _client.PostStatusAsync(suspended, "suspended", "2020-03-01"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // Founded in 2022: not in 2021; the suspended one is not active; the assessed one only in 2022.
        Assert.Equal(before2021 + 1, (int)(await DistributionAsync("year=2021&provinceCode=08"))["notYetAssessed"]!);
        Assert.Equal(before2022 + 3, (int)(await DistributionAsync("year=2022&provinceCode=08"))["notYetAssessed"]!);
    }

    [Fact]
    public async Task ATimeSeries_HasEveryYear_AndGroupsSplitByCommuneOrSector()
    {
        await _client.AssessAsync(await CreateOrganizationAsync(_client, "2001-01-01", provinceCode: "08", communeCode: "00691"), Body(2023, total: 90));
        await _client.AssessAsync(await CreateOrganizationAsync(_client, "2001-01-01", sector: "transport", provinceCode: "08", communeCode: "00691"),
            Body(2023, total: 30));
        await _client.AssessAsync(await CreateOrganizationAsync(_client, "2001-01-01", provinceCode: "08", communeCode: "00694"), Body(2024, total: 66));

        var series = await _client.GetJsonAsync($"{Statistics}?fromYear=2023&toYear=2025&provinceCode=08");
        Assert.Equal([2023, 2024, 2025], series["items"]!.AsArray().Select(i => (int)i!["year"]!));
        Assert.Equal(0, (int)series["items"]![2]!["rated"]!);
        Assert.Null(series["items"]![2]!["fairOrBetterShare"]);

        var bySector = await _client.GetJsonAsync($"{Statistics}?year=2023&provinceCode=08&groupBy=sector");
        var transport = bySector["items"]!.AsArray().Single(i => (string?)i!["group"] == "transport")!;
        Assert.Equal((0, 1, 0m), ((int)transport["good"]!, (int)transport["weak"]!, (decimal)transport["fairOrBetterShare"]!));

        var byCommune = await _client.GetJsonAsync($"{Statistics}?year=2024&provinceCode=08&groupBy=commune");
        var commune = byCommune["items"]!.AsArray().Single(i => (string?)i!["group"] == "00694")!;
        Assert.Equal(1, (int)commune["fair"]!);
    }

    [Theory]
    [InlineData("", "fromYear")]
    [InlineData("year=2024&fromYear=2020", "year")]
    [InlineData("fromYear=2025&toYear=2020", "toYear")]
    [InlineData("year=24", "year")]
    [InlineData("year=2024&groupBy=district", "groupBy")]
    [InlineData("year=2024&color=red", "color")]
    public async Task BadParameters_Are400(string query, string field)
    {
        using var response = await _client.GetAsync($"{Statistics}?{query}");
        await ProblemAssert.HasFieldErrorAsync(response, field);
    }

    [Fact]
    public async Task TheDemoProvince_MovesFromBelowTheTargetsIn2020_ToAboveThemIn2025()
    {
        var series = await _client.GetJsonAsync($"{Statistics}?fromYear=2020&toYear=2025&provinceCode=24");
        var first = series["items"]![0]!;
        var last = series["items"]![5]!;

        Assert.True((decimal)first["fairOrBetterShare"]! < 45m, first.ToJsonString());
        Assert.True((decimal)first["weakShare"]! > 10m, first.ToJsonString());
        Assert.True((decimal)last["fairOrBetterShare"]! > 45m, last.ToJsonString());
        Assert.True((decimal)last["weakShare"]! < 10m, last.ToJsonString());
        Assert.True((int)last["notRated"]! >= 20, "the 20 people's credit funds are assessed and not rated");
    }

    [Fact]
    public async Task TheListAcrossTheRegister_FiltersByYearProvinceCommuneRatingAndSector()
    {
        const int year = 2024;
        var weak = await CreateOrganizationAsync(_client, "2001-01-01", sector: "construction", provinceCode: "04", communeCode: C1);
        var good = await CreateOrganizationAsync(_client, "2001-01-01", sector: "construction", provinceCode: "04", communeCode: C2);
        await _client.AssessAsync(weak, Body(year, total: 20));
        await _client.AssessAsync(good, Body(year, total: 95));

        var weakOnly = await _client.GetJsonAsync($"{All}?year={year}&provinceCode=04&rating=weak");
        Assert.Equal([weak], weakOnly["items"]!.AsArray().Select(i => (string)i!["cooperativeId"]!));
        Assert.Equal(1, (int)weakOnly["totalCount"]!);

        var both = await _client.GetJsonAsync($"{All}?year={year}&provinceCode=04&sector=construction&rating=weak&rating=good");
        Assert.Equal(2, (int)both["totalCount"]!);
        Assert.All(both["items"]!.AsArray(), i => Assert.False(string.IsNullOrEmpty((string?)i!["cooperativeName"])));

        var commune = await _client.GetJsonAsync($"{All}?year={year}&communeCode={C2}");
        Assert.Equal([good], commune["items"]!.AsArray().Select(i => (string)i!["cooperativeId"]!));

        using var bad = await _client.GetAsync($"{All}?rating=excellent");
        await ProblemAssert.HasFieldErrorAsync(bad, "rating");
    }
}
