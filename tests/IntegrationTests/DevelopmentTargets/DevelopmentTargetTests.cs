using System.Net;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Security;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.DevelopmentTargets.TargetsApi;

namespace CoopApi.IntegrationTests.DevelopmentTargets;

/// <summary>Development targets as records: the write path (version, events, feed), input rules, province rights, list.</summary>
[Collection(ApiCollection.Name)]
public sealed class DevelopmentTargetTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateAdminClient();

    [Fact]
    public async Task A_target_is_set_with_version_1_and_reads_back_as_set()
    {
        using var response = await _client.SendAsync(HttpMethod.Post, Targets, NewTarget());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var created = await response.ReadNodeAsync();
        Assert.Equal($"/{Targets}/{Id(created)}", response.Headers.Location?.OriginalString);
        Assert.Equal("20", (string?)created["provinceCode"]);
        Assert.Equal("538/UBND-KTTH", (string?)created["sourceDocument"]!["number"]);
        Assert.Equal(3, created["metrics"]!.AsArray().Count);
        Assert.Equal("greaterThan", (string?)created["metrics"]![1]!["comparison"]);

        var read = await _client.GetNodeAsync(Target(Id(created)));
        Assert.True(JsonNode.DeepEquals(created, read), $"{created.ToJsonString()}\n{read.ToJsonString()}");
    }

    [Fact]
    public async Task Every_change_is_an_event_in_the_feed_under_the_province_and_moves_the_version()
    {
        var created = await _client.CreateTargetAsync();
        var id = Id(created);
        var body = NewTarget(horizonYear: 2030);
        var replaced = await _client.SendAsync(HttpMethod.Put, Target(id), body, ETag(created)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, (int)replaced["version"]!);
        Assert.Equal(2030, (int)replaced["horizonYear"]!);

        // The same fields again change nothing: same version, no event.
        var same = await _client.SendAsync(HttpMethod.Put, Target(id), body, ETag(replaced)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, (int)same["version"]!);

        await _client.SendAsync(HttpMethod.Delete, Target(id), ifMatch: ETag(replaced)).ExpectAsync(HttpStatusCode.NoContent);
        await _client.SendAsync(HttpMethod.Get, Target(id)).ExpectAsync(HttpStatusCode.NotFound);

        var feed = await _client.GetNodeAsync($"api/v1/changes?entityType=developmentTarget&provinceCode=20&limit=1000");
        var mine = feed["entries"]!.AsArray().Where(e => (string?)e!["entityId"] == id).Select(e => (string)e!["operation"]!).ToList();
        Assert.Equal(["created", "updated", "deleted"], mine);
        Assert.Equal(3, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM domain_events WHERE aggregate_type = 'developmentTarget' AND aggregate_id = $1 AND province_code = '20'", Guid.Parse(id)));
    }

    [Fact]
    public async Task Writes_need_if_match_and_a_stale_one_is_refused()
    {
        var created = await _client.CreateTargetAsync();
        await _client.SendAsync(HttpMethod.Put, Target(Id(created)), NewTarget()).ExpectAsync(HttpStatusCode.PreconditionRequired);
        await _client.SendAsync(HttpMethod.Put, Target(Id(created)), NewTarget(), "\"7\"").ExpectAsync(HttpStatusCode.PreconditionFailed);
        await _client.SendAsync(HttpMethod.Delete, Target(Id(created))).ExpectAsync(HttpStatusCode.PreconditionRequired);
        Assert.Equal(1, (int)(await _client.GetNodeAsync(Target(Id(created))))["version"]!);
    }

    [Fact]
    public async Task A_merge_patch_changes_only_the_members_sent_and_null_removes_the_source_document()
    {
        var created = await _client.CreateTargetAsync();
        var patched = await _client.SendAsync(HttpMethod.Patch, Target(Id(created)),
            new JsonObject { ["horizonYear"] = 2030, ["sourceDocument"] = null }, ETag(created), "application/merge-patch+json")
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2030, (int)patched["horizonYear"]!);
        Assert.Null(patched["sourceDocument"]);
        Assert.Equal((string?)created["title"], (string?)patched["title"]);
        Assert.True(JsonNode.DeepEquals(created["metrics"], patched["metrics"]));

        await _client.SendAsync(HttpMethod.Patch, Target(Id(created)), new JsonObject { ["metrics"] = null }, ETag(patched),
            "application/merge-patch+json").ExpectFieldErrorAsync("metrics");
        await _client.SendAsync(HttpMethod.Patch, Target(Id(created)), new JsonObject { ["horizon"] = 2030 }, ETag(patched),
            "application/merge-patch+json").ExpectFieldErrorAsync("horizon");
        await _client.SendAsync(HttpMethod.Patch, Target(Id(created)), new JsonObject { ["horizonYear"] = 2031 }, ETag(patched))
            .ExpectAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("fairOrBetterShare", "atLeast", 100.5, "metrics[0].value")]
    [InlineData("weakShare", "atMost", -1, "metrics[0].value")]
    [InlineData("weakShare", "atLeast", 10.123, "metrics[0].value")]
    [InlineData("newCooperatives", "atLeast", 10.5, "metrics[0].value")]
    [InlineData("totalMembers", "atLeast", -5, "metrics[0].value")]
    [InlineData("activeCooperatives", "lessThan", 0, "metrics[0].value")]
    [InlineData("fairOrBetterShare", "greaterThan", 100, "metrics[0].value")]
    public async Task A_value_outside_its_metrics_range_is_refused_and_leaves_nothing(string metric, string comparison, decimal value, string field)
    {
        var before = await fixture.TargetRowCountsAsync();
        await _client.SendAsync(HttpMethod.Post, Targets, NewTarget(goals: Goal(metric, comparison, value))).ExpectFieldErrorAsync(field);
        Assert.Equal(before, await fixture.TargetRowCountsAsync());
    }

    [Fact]
    public async Task Each_metric_appears_at_most_once_and_every_broken_field_is_reported_at_once()
    {
        var body = NewTarget(goals: [Goal("newCooperatives", "atLeast", 100), Goal("newCooperatives", "atLeast", 120)]);
        body["horizonYear"] = 2018; // before the baseline's year
        body["provinceCode"] = "99";
        var before = await fixture.TargetRowCountsAsync();
        var problem = await _client.SendAsync(HttpMethod.Post, Targets, body).ExpectFieldErrorAsync("metrics[1].metric");
        Assert.NotNull(problem["errors"]!["horizonYear"]);
        Assert.NotNull(problem["errors"]!["provinceCode"]);
        Assert.Equal(before, await fixture.TargetRowCountsAsync());
    }

    [Fact]
    public async Task A_target_needs_at_least_one_goal_and_a_baseline_not_in_the_future()
    {
        var body = NewTarget();
        body["metrics"] = new JsonArray();
        body["baselineDate"] = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var problem = await _client.SendAsync(HttpMethod.Post, Targets, body).ExpectFieldErrorAsync("metrics");
        Assert.NotNull(problem["errors"]!["baselineDate"]);
    }

    [Fact]
    public async Task A_key_of_another_province_gets_403_and_writes_nothing()
    {
        var (key, _) = await SecurityApi.CreateKeyAsync(fixture, fixture.CreateClient(), ["read", "write"], ["24"]);
        using var other = ApiFixture.WithKey(fixture.CreateClient(), key);
        var langSon = await _client.CreateTargetAsync();

        var before = await fixture.TargetRowCountsAsync();
        var set = await other.SendAsync(HttpMethod.Post, Targets, NewTarget("20")).ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Equal("provinceNotGranted", (string?)set["code"]);
        await other.SendAsync(HttpMethod.Put, Target(Id(langSon)), NewTarget("24"), ETag(langSon)).ExpectAsync(HttpStatusCode.Forbidden);
        await other.SendAsync(HttpMethod.Delete, Target(Id(langSon)), ifMatch: "\"9\"").ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Equal(before, await fixture.TargetRowCountsAsync());

        // Its own province is fine, and it may read every province.
        await other.CreateTargetAsync(NewTarget("24"));
        await other.GetNodeAsync(Progress(Id(langSon), "2020-01-01"));
    }

    [Fact]
    public async Task The_list_filters_by_province_and_horizon_and_pages()
    {
        var a = await _client.CreateTargetAsync(NewTarget("01", "2021-01-01", 2027));
        var b = await _client.CreateTargetAsync(NewTarget("01", "2021-01-01", 2027));
        await _client.CreateTargetAsync(NewTarget("01", "2021-01-01", 2028));
        var page = await _client.GetNodeAsync($"{Targets}?provinceCode=01&horizonYear=2027&pageSize=1&page=2");
        Assert.True((int)page["totalCount"]! >= 2);
        Assert.Single(page["items"]!.AsArray());
        Assert.All((await _client.GetNodeAsync($"{Targets}?provinceCode=01&horizonYear=2027&pageSize=200"))["items"]!.AsArray(),
            t => Assert.Equal(2027, (int)t!["horizonYear"]!));
        var ids = (await _client.GetNodeAsync($"{Targets}?provinceCode=01&horizonYear=2027&pageSize=200"))["items"]!.AsArray()
            .Select(t => (string)t!["id"]!).ToList();
        Assert.Contains(Id(a), ids);
        Assert.Contains(Id(b), ids);
        await _client.SendAsync(HttpMethod.Get, $"{Targets}?horizonYear=1999").ExpectFieldErrorAsync("horizonYear");
        await _client.SendAsync(HttpMethod.Get, $"{Targets}?provinceCode=99").ExpectFieldErrorAsync("provinceCode");
    }

    [Fact]
    public async Task The_enumerations_name_the_metrics_comparisons_and_states_in_both_languages()
    {
        var enums = await _client.GetNodeAsync("api/v1/reference/enums");
        Assert.Equal(9, enums["targetMetric"]!.AsArray().Count);
        Assert.Contains(enums["targetComparison"]!.AsArray(), v => (string?)v!["value"] == "greaterThan" && (string?)v["vi"] == "Trên (>)");
        Assert.Equal(["met", "onTrack", "atRisk", "missed"], enums["targetState"]!.AsArray().Select(v => (string)v!["value"]!));
    }
}
