using System.Net;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.SteeringCommittees.SteeringApi;

namespace CoopApi.IntegrationTests.SteeringCommittees;

/// <summary>The demo data holds Lạng Sơn's provincial committee and its 2022 training conference as the sources report them.</summary>
[Collection(ApiCollection.Name)]
public sealed class SteeringDemoDataTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateAdminClient();

    [Fact]
    public async Task Lang_Son_has_its_provincial_committee_with_the_standing_agency_over_time()
    {
        var page = await _client.GetNodeAsync($"{Committees}?level=provincial&areaCode=20&q=đổi mới phát triển doanh nghiệp&pageSize=100");
        var demoId = await DemoCommitteeIdAsync();
        var committee = page["items"]!.AsArray().Single(c => (string)c!["id"]! == demoId)!;
        Assert.EndsWith("tỉnh Lạng Sơn", (string)committee["name"]!, StringComparison.Ordinal);
        Assert.Equal("2019-06-11", (string?)committee["establishedOn"]);
        var history = committee["standingAgencyHistory"]!.AsArray();
        Assert.Equal(["Sở Kế hoạch và Đầu tư tỉnh Lạng Sơn", "Sở Tài chính tỉnh Lạng Sơn"], history.Select(h => (string)h!["agency"]!));
        Assert.Equal("2025-02-28", (string?)history[0]!["to"]);
        Assert.Equal("Sở Tài chính tỉnh Lạng Sơn", (string?)committee["standingAgency"]);
    }

    [Fact]
    public async Task The_training_conference_of_24_November_2022_had_145_delegates_4_topics_and_visited_the_two_cooperatives()
    {
        var activities = await _client.GetNodeAsync($"{Activities}?areaCode=20&kind=training&from=2022-11-24&to=2022-11-24&pageSize=100");
        var demoId = await DemoCommitteeIdAsync();
        var conference = activities["items"]!.AsArray().Where(a => (string?)a!["committeeId"] == demoId).Single(a => ((string)a!["title"]!).StartsWith("Hội nghị tập huấn nâng cao năng lực", StringComparison.Ordinal))!;
        Assert.Equal(145, (int)conference["attendeeCount"]!);
        Assert.Equal(4, conference["topics"]!.AsArray().Count);
        Assert.Contains("Nghị quyết 20-NQ/TW", (string?)conference["topics"]![1], StringComparison.Ordinal);
        // The 2022 conference shows the agency of 2022.
        Assert.Equal("Sở Kế hoạch và Đầu tư tỉnh Lạng Sơn", (string?)conference["standingAgency"]);

        var visited = conference["visitedOrganizationIds"]!.AsArray().Select(v => (string)v!).ToList();
        Assert.Equal(2, visited.Count);
        var names = new List<string>();
        foreach (var id in visited)
        {
            names.Add((string)(await _client.GetNodeAsync($"api/v1/cooperatives/{id}"))["name"]!);
        }

        Assert.Contains(names, n => n.EndsWith("Cai Kinh", StringComparison.Ordinal));
        Assert.Contains(names, n => n.EndsWith("xã Nhật Tiến", StringComparison.Ordinal));

        var stats = await _client.GetNodeAsync($"{Statistics}?year=2022&areaCode=20");
        Assert.True((int)stats["organizationsVisited"]! >= 2);
        Assert.True((long)stats["totalAttendees"]! >= 145);
    }

    [Fact]
    public async Task Loading_the_demo_data_again_adds_no_second_committee()
    {
        var before = await fixture.RowCountsAsync();
        await CoopApi.Infrastructure.Seeding.DatabaseInitializer.InitializeAsync(fixture.Services, loadDemoData: true);
        Assert.Equal(before, await fixture.RowCountsAsync());
        Assert.Equal(1, await fixture.ScalarAsync<long>("SELECT count(*) FROM seed_history WHERE name = 'demo-steering-v1'"));
    }

    [Fact]
    public async Task The_official_letter_538_UBND_KTTH_is_the_committees_directive_of_11_June_2019()
    {
        var activities = await _client.GetNodeAsync($"{Activities}?areaCode=20&kind=directive&from=2019-06-11&to=2019-06-11");
        var directive = activities["items"]!.AsArray().Single(a => (string?)a!["documents"]![0]!["number"] == "538/UBND-KTTH")!;
        Assert.Equal("2019-06-11", (string?)directive["documents"]![0]!["date"]);
        await _client.SendAsync(HttpMethod.Get, $"{Activities}/{Id(directive)}").ExpectAsync(HttpStatusCode.OK);
    }

    /// <summary>
    /// The demo committee's id: the first committee written (ids are time-ordered and the demo data
    /// loads before any test), so records other tests make from the same examples are told apart.
    /// </summary>
    private async Task<string> DemoCommitteeIdAsync() =>
        (await fixture.ScalarAsync<Guid>("SELECT id FROM steering_committees ORDER BY id LIMIT 1")).ToString();
}
