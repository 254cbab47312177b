using System.Net;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.Cooperatives.CooperativesApi;

namespace CoopApi.IntegrationTests.ReadSide;

/// <summary>
/// GET /api/v1/cooperatives with several values of kind, sector or status: any of the values of
/// one parameter (OR), every parameter (AND).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class MultiValueFilterTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateClient();

    /// <summary>
    /// A: cooperative, agriculture, province 20, active.
    /// B: cooperative group, trade and services, province 20, suspended.
    /// C: union, credit, province 01, awaiting dissolution.
    /// </summary>
    private async Task<(string Token, Dictionary<string, string> Ids)> CreateSetAsync()
    {
        var token = TestData.UniqueToken();
        var hanoiCommune = await fixture.ScalarAsync<string>("SELECT min(code) FROM communes WHERE province_code = '01'");
        var a = await TestData.CreateAsync(_client, TestData.NewCooperative($"Hợp tác xã A {token}"));
        var groupBody = TestData.NewCooperative($"Tổ hợp tác B {token}");
        groupBody["kind"] = "cooperativeGroup";
        groupBody.Remove("registrationCode");
        groupBody["memberCount"] = 3;
        groupBody["sector"] = "tradeServices";
        var b = await TestData.CreateAsync(_client, groupBody);
        var unionBody = TestData.NewCooperative($"Liên hiệp hợp tác xã C {token}");
        unionBody["kind"] = "cooperativeUnion";
        unionBody["memberCount"] = 3;
        unionBody["sector"] = "credit";
        unionBody["provinceCode"] = "01";
        unionBody["communeCode"] = hanoiCommune;
        var c = await TestData.CreateAsync(_client, unionBody);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostStatusAsync(Id(b), "suspended", "2020-01-01")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostStatusAsync(Id(c), "awaitingDissolution", "2020-01-01")).StatusCode);
        return (token, new Dictionary<string, string> { ["A"] = Id(a), ["B"] = Id(b), ["C"] = Id(c) });
    }

    public static TheoryData<string, string> Filters => new()
    {
        { "kind=cooperative&kind=cooperativeUnion", "AC" },
        { "kind=cooperative&kind=cooperativeGroup&kind=cooperativeUnion", "ABC" },
        { "status=suspended&status=awaitingDissolution", "BC" },
        { "status=active&status=active", "A" },
        { "sector=credit&sector=tradeServices", "BC" },
        { "sector=credit&sector=tradeServices&status=active", "" },
        { "sector=credit&sector=agricultureForestryFishery&status=active&status=awaitingDissolution", "AC" },
        { "kind=cooperativeGroup&kind=cooperativeUnion&provinceCode=20", "B" },
        { "kind=cooperative&kind=cooperativeGroup&sector=tradeServices&sector=credit&status=suspended&status=dissolved", "B" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task List_WithSeveralValuesPerFilter_MatchesAnyValueOfEachAndEveryFilter(string filter, string expected)
    {
        var (token, ids) = await CreateSetAsync();

        var page = await _client.ListAsync($"{filter}&q={token}&pageSize=50");

        var expectedIds = expected.Select(letter => ids[letter.ToString()]).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expectedIds, page["items"]!.AsArray().Select(i => Id(i!)).Order(StringComparer.Ordinal));
        Assert.Equal(expected.Length, (int)page["totalCount"]!);
    }

    [Fact]
    public async Task List_WithSeveralStatuses_SortsAndPagesAcrossAllOfThem()
    {
        var (token, ids) = await CreateSetAsync();

        var first = await _client.ListAsync($"status=active&status=suspended&status=awaitingDissolution&q={token}&sort=-name&pageSize=2");
        var second = await _client.ListAsync($"status=active&status=suspended&status=awaitingDissolution&q={token}&sort=-name&pageSize=2&page=2");

        // Names: "Tổ hợp tác B" > "Liên hiệp … C" > "Hợp tác xã A" in Vietnamese order, descending.
        Assert.Equal([ids["B"], ids["C"]], first["items"]!.AsArray().Select(i => Id(i!)));
        Assert.Equal([ids["A"]], second["items"]!.AsArray().Select(i => Id(i!)));
        Assert.All(new[] { first, second }, p => Assert.Equal(3, (int)p["totalCount"]!));
    }
}
