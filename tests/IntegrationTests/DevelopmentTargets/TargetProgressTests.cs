using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.DevelopmentTargets.TargetsApi;

namespace CoopApi.IntegrationTests.DevelopmentTargets;

/// <summary>
/// Progress of targets: values computed from the register and the classifications, the states at
/// their edges (exactly at the target for each comparison, the horizon year ending, a share with no
/// assessments), the date's rules, and the demo targets of Lạng Sơn.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class TargetProgressTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateAdminClient();

    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The value of <paramref name="metric"/> in province 24 on <paramref name="asOf"/>, as progress measures it.</summary>
    private async Task<decimal> ActualAsync(string metric, string baseline, string asOf)
    {
        var probe = await _client.CreateTargetAsync(NewTarget("24", baseline, 2030, Goal(metric, "atLeast", 0)));
        var progress = await _client.GetNodeAsync(Progress(Id(probe), asOf));
        return (decimal)MetricOf(progress, metric)["actual"]!;
    }

    private async Task<JsonNode> StateOfAsync(string metric, string comparison, decimal value, string baseline, int horizon, string asOf)
    {
        var target = await _client.CreateTargetAsync(NewTarget("24", baseline, horizon, Goal(metric, comparison, value)));
        return MetricOf(await _client.GetNodeAsync(Progress(Id(target), asOf)), metric);
    }

    [Theory]
    [InlineData("atLeast", "met")]
    [InlineData("atMost", "met")]
    [InlineData("greaterThan", "onTrack")] // not met at the value itself; on the line (baseline = asOf) is on track
    [InlineData("lessThan", "onTrack")]
    public async Task Exactly_at_the_target_value_atLeast_and_atMost_are_met_greaterThan_and_lessThan_are_not(string comparison, string state)
    {
        var actual = await ActualAsync("activeCooperatives", "2024-12-31", "2024-12-31");
        Assert.True(actual > 0, "the demo province has active cooperatives");
        var line = await StateOfAsync("activeCooperatives", comparison, actual, "2024-12-31", 2030, "2024-12-31");
        Assert.Equal(actual, (decimal)line["actual"]!);
        Assert.Equal(state, (string?)line["state"]);
    }

    [Fact]
    public async Task One_past_the_value_greaterThan_and_lessThan_are_met()
    {
        var actual = await ActualAsync("activeCooperatives", "2024-12-31", "2024-12-31");
        Assert.Equal("met", (string?)(await StateOfAsync("activeCooperatives", "greaterThan", actual - 1, "2024-12-31", 2030, "2024-12-31"))["state"]);
        Assert.Equal("met", (string?)(await StateOfAsync("activeCooperatives", "lessThan", actual + 1, "2024-12-31", 2030, "2024-12-31"))["state"]);
    }

    [Fact]
    public async Task Not_met_on_the_last_day_of_the_horizon_year_is_still_open_and_missed_from_the_next_day()
    {
        var actual = await ActualAsync("activeCooperatives", "2024-01-01", "2024-12-31");
        var target = await _client.CreateTargetAsync(NewTarget("24", "2024-01-01", 2024, Goal("activeCooperatives", "atLeast", actual + 1)));

        var lastDay = await _client.GetNodeAsync(Progress(Id(target), "2024-12-31"));
        Assert.False((bool)lastDay["horizonEnded"]!);
        Assert.Equal("atRisk", (string?)MetricOf(lastDay, "activeCooperatives")["state"]); // the line reached the target that day

        var nextDay = await _client.GetNodeAsync(Progress(Id(target), "2025-01-01"));
        Assert.True((bool)nextDay["horizonEnded"]!);
        Assert.Equal("2024-12-31", (string?)nextDay["measuredOn"]); // measured on the horizon's last day, not later
        Assert.Equal("missed", (string?)MetricOf(nextDay, "activeCooperatives")["state"]);
        Assert.Equal(actual, (decimal)MetricOf(nextDay, "activeCooperatives")["actual"]!);
    }

    [Fact]
    public async Task A_goal_met_by_the_horizons_end_stays_met_afterwards()
    {
        var actual = await ActualAsync("activeCooperatives", "2024-01-01", "2024-12-31");
        var line = await StateOfAsync("activeCooperatives", "atLeast", actual, "2024-01-01", 2024, Today);
        Assert.Equal("met", (string?)line["state"]);
    }

    [Fact]
    public async Task A_share_target_with_no_assessments_that_year_has_no_value_is_at_risk_and_then_missed()
    {
        // The demo province's assessments are for 2020–2025; nobody assesses 2005.
        var target = await _client.CreateTargetAsync(NewTarget("24", "2005-01-01", 2005, Goal("fairOrBetterShare", "greaterThan", 45)));
        var during = MetricOf(await _client.GetNodeAsync(Progress(Id(target), "2005-06-30")), "fairOrBetterShare");
        Assert.Null(during["actual"]);
        Assert.Equal("atRisk", (string?)during["state"]);
        var after = MetricOf(await _client.GetNodeAsync(Progress(Id(target), "2006-01-01")), "fairOrBetterShare");
        Assert.Null(after["actual"]);
        Assert.Equal("missed", (string?)after["state"]);
    }

    [Fact]
    public async Task Shares_are_the_classification_distributions_shares_of_the_year_and_the_series_has_one_per_year()
    {
        var target = await _client.CreateTargetAsync(NewTarget("24", "2020-01-01", 2025,
            Goal("fairOrBetterShare", "greaterThan", 45), Goal("weakShare", "lessThan", 10)));
        var progress = await _client.GetNodeAsync(Progress(Id(target), "2026-01-15"));
        var distribution = await _client.GetNodeAsync("api/v1/statistics/classifications?fromYear=2020&toYear=2025&provinceCode=24");
        var byYear = distribution["items"]!.AsArray().ToDictionary(i => (int)i!["year"]!, i => i!);

        var fair = MetricOf(progress, "fairOrBetterShare");
        Assert.Equal(2025, (int)fair["actualYear"]!);
        Assert.Equal((decimal?)byYear[2025]["fairOrBetterShare"], (decimal?)fair["actual"]);
        Assert.Equal((decimal?)byYear[2020]["fairOrBetterShare"], (decimal?)fair["baseline"]);
        Assert.Equal(Enumerable.Range(2020, 6).Select(y => $"{y}-12-31"), fair["series"]!.AsArray().Select(p => (string)p!["date"]!));
        Assert.Equal(Enumerable.Range(2020, 6).Select(y => (decimal?)byYear[y]["fairOrBetterShare"]),
            fair["series"]!.AsArray().Select(p => (decimal?)p!["value"]));
        Assert.Equal((decimal?)byYear[2025]["weakShare"], (decimal?)MetricOf(progress, "weakShare")["actual"]);
        // The demo's 2025 assessments are above the fair-or-better target and below the weak one.
        Assert.Equal("met", (string?)fair["state"]);
        Assert.Equal("met", (string?)MetricOf(progress, "weakShare")["state"]);
    }

    [Fact]
    public async Task New_organizations_count_those_founded_after_the_baseline_by_the_date_measured()
    {
        var target = await _client.CreateTargetAsync(NewTarget("20", "2023-03-01", 2030, Goal("newCooperatives", "atLeast", 50)));
        var before = (decimal)MetricOf(await _client.GetNodeAsync(Progress(Id(target), "2024-12-31")), "newCooperatives")["actual"]!;

        var onBaseline = TestData.NewCooperative();
        onBaseline["establishedOn"] = "2023-03-01"; // on the baseline date: not new
        var after = TestData.NewCooperative();
        after["establishedOn"] = "2023-03-02";
        var later = TestData.NewCooperative();
        later["establishedOn"] = "2025-02-01"; // after the date measured
        foreach (var body in new[] { onBaseline, after, later })
        {
            await _client.SendAsync(HttpMethod.Post, "api/v1/cooperatives", body).ExpectAsync(HttpStatusCode.Created);
        }

        var progress = await _client.GetNodeAsync(Progress(Id(target), "2024-12-31"));
        var line = MetricOf(progress, "newCooperatives");
        Assert.Equal(before + 1, (decimal)line["actual"]!);
        Assert.Equal(0m, (decimal)line["baseline"]!);
        Assert.Equal(["2023-12-31", "2024-12-31"], line["series"]!.AsArray().Select(p => (string)p!["date"]!));
        Assert.Equal(before + 1, (decimal)line["series"]![1]!["value"]!);
    }

    [Fact]
    public async Task Active_cooperatives_follow_the_status_in_force_on_each_date()
    {
        var body = TestData.NewCooperative();
        body["establishedOn"] = "2020-01-01";
        var organization = await _client.SendAsync(HttpMethod.Post, "api/v1/cooperatives", body).ExpectAsync(HttpStatusCode.Created);
        var measuredBefore = await ActiveIn20Async("2022-12-31");
        await _client.SendAsync(HttpMethod.Post, $"api/v1/cooperatives/{Id(organization)}/status",
            new JsonObject { ["status"] = "suspended", ["effectiveOn"] = "2023-01-01", ["reason"] = "Quyết định 12/QĐ-UBND" }, ETag(organization))
            .ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(measuredBefore, await ActiveIn20Async("2022-12-31")); // still active on that date
        Assert.Equal(measuredBefore - 1, await ActiveIn20Async("2023-01-01")); // suspended from the day it took effect
    }

    private async Task<decimal> ActiveIn20Async(string asOf)
    {
        var target = await _client.CreateTargetAsync(NewTarget("20", "2021-01-01", 2030, Goal("activeCooperatives", "atLeast", 10)));
        return (decimal)MetricOf(await _client.GetNodeAsync(Progress(Id(target), asOf)), "activeCooperatives")["actual"]!;
    }

    [Fact]
    public async Task AsOf_is_today_by_default_and_may_be_neither_in_the_future_nor_before_the_baseline()
    {
        var target = await _client.CreateTargetAsync(NewTarget("20", "2019-06-11", 2030));
        Assert.Equal(Today, (string?)(await _client.GetNodeAsync(Progress(Id(target))))["asOf"]);
        var tomorrow = DateOnly.ParseExact(Today, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await _client.SendAsync(HttpMethod.Get, Progress(Id(target), tomorrow)).ExpectFieldErrorAsync("asOf");
        await _client.SendAsync(HttpMethod.Get, Progress(Id(target), "2019-06-10")).ExpectFieldErrorAsync("asOf");
        await _client.GetNodeAsync(Progress(Id(target), "2019-06-11"));
        await _client.SendAsync(HttpMethod.Get, Progress(Id(target), "11-06-2019")).ExpectFieldErrorAsync("asOf");
        await _client.SendAsync(HttpMethod.Get, Progress(Guid.NewGuid().ToString())).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_demo_targets_of_Lang_Son_are_measured_from_the_register()
    {
        var list = await _client.GetNodeAsync($"{Targets}?provinceCode=20&horizonYear=2025&pageSize=200");
        var demo = list["items"]!.AsArray().Single(t => (string?)t!["title"] == "Mục tiêu phát triển kinh tế tập thể tỉnh Lạng Sơn đến năm 2025")!;
        Assert.Equal("538/UBND-KTTH", (string?)demo["sourceDocument"]!["number"]);
        Assert.Equal("2019-06-11", (string?)demo["baselineDate"]);
        Assert.Equal(["newCooperatives", "newCooperativeGroups", "newUnions", "fairOrBetterShare", "weakShare"],
            demo["metrics"]!.AsArray().Select(m => (string)m!["metric"]!));

        foreach (var (metric, kind) in new[] { ("newCooperatives", "cooperative"), ("newCooperativeGroups", "cooperativeGroup"), ("newUnions", "cooperativeUnion") })
        {
            // The register's own list, filtered the same way, gives the same count (read before and
            // after, since other test hosts may register organizations in Lạng Sơn meanwhile).
            var founded = $"api/v1/cooperatives?provinceCode=20&kind={kind}&establishedFrom=2019-06-12&establishedTo=2025-12-31&pageSize=1";
            var before = (int)(await _client.GetNodeAsync(founded))["totalCount"]!;
            var progress = await _client.GetNodeAsync(Progress(Id(demo)));
            var after = (int)(await _client.GetNodeAsync(founded))["totalCount"]!;
            Assert.True((bool)progress["horizonEnded"]!);
            Assert.Equal("2025-12-31", (string?)progress["measuredOn"]);
            var line = MetricOf(progress, metric);
            Assert.InRange((decimal)line["actual"]!, Math.Min(before, after), Math.Max(before, after));
            var target = (decimal)line["target"]!;
            Assert.Equal((decimal)line["actual"]! >= target ? "met" : "missed", (string?)line["state"]);
            Assert.Equal(7, line["series"]!.AsArray().Count); // 2019–2025
        }

        var weak = MetricOf(await _client.GetNodeAsync(Progress(Id(demo))), "weakShare");
        Assert.Equal(weak["actual"] is null ? "missed" : (decimal)weak["actual"]! < 10 ? "met" : "missed", (string?)weak["state"]);
    }
}
