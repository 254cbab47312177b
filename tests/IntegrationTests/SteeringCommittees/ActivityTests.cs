using System.Net;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.SteeringCommittees.SteeringApi;

namespace CoopApi.IntegrationTests.SteeringCommittees;

/// <summary>Activities: fields, visits to the register, the committee's life, lists, statistics, the standing agency of their date.</summary>
[Collection(ApiCollection.Name)]
public sealed class ActivityTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateAdminClient();

    private async Task<string> NewCooperativeAsync() => (string)(await TestData.CreateAsync(_client))["id"]!;

    [Fact]
    public async Task An_activity_is_recorded_with_its_fields_and_visits_and_reads_back_as_recorded()
    {
        var committee = Id(await _client.CreateCommitteeAsync());
        var (a, b) = (await NewCooperativeAsync(), await NewCooperativeAsync());
        using var response = await _client.SendAsync(HttpMethod.Post, ActivitiesOf(committee), NewActivity(visited: [a, b]));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadNodeAsync();
        Assert.EndsWith($"{Activities}/{Id(created)}", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(145, (int)created["attendeeCount"]!);
        Assert.Equal("Kinh nghiệm quốc tế", (string?)created["topics"]![0]);
        Assert.Equal([a, b], created["visitedOrganizationIds"]!.AsArray().Select(v => (string)v!).ToArray());
        Assert.Equal("538/UBND-KTTH", (string?)created["documents"]![0]!["number"]);
        Assert.Equal("20", (string?)created["provinceCode"]);
        Assert.Equal("Sở Kế hoạch và Đầu tư tỉnh Lạng Sơn", (string?)created["standingAgency"]);

        var read = await _client.GetNodeAsync($"{Activities}/{Id(created)}");
        Assert.True(JsonNode.DeepEquals(created, read), $"{created.ToJsonString()}\n{read.ToJsonString()}");
        Assert.Equal(1, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM domain_events WHERE aggregate_type = 'steeringActivity' AND aggregate_id = $1 AND province_code = '20'",
            Guid.Parse(Id(created))));
    }

    [Fact]
    public async Task Visits_to_organizations_not_in_the_register_are_refused_naming_them_and_write_nothing()
    {
        var committee = Id(await _client.CreateCommitteeAsync());
        var known = await NewCooperativeAsync();
        var unknown = Guid.CreateVersion7().ToString();
        var before = await fixture.RowCountsAsync();
        var problem = await _client.SendAsync(HttpMethod.Post, ActivitiesOf(committee), NewActivity(visited: [known, unknown]))
            .ExpectFieldErrorAsync("visitedOrganizationIds");
        var message = problem["errors"]!["visitedOrganizationIds"]![0]!.ToString();
        Assert.Contains(unknown, message, StringComparison.Ordinal);
        Assert.DoesNotContain(known, message, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.RowCountsAsync());
    }

    [Theory]
    [InlineData("2019-06-10")]
    [InlineData("2025-01-01")]
    public async Task An_activity_outside_the_committees_life_is_refused(string date)
    {
        var committee = await _client.CreateCommitteeAsync(); // established 2019-06-11
        var dissolved = await _client.SendAsync(HttpMethod.Post, $"{Committee(Id(committee))}/status",
            new JsonObject { ["status"] = "dissolved", ["effectiveOn"] = "2024-12-31" }, ETag(committee)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("dissolved", (string?)dissolved["status"]);
        var before = await fixture.RowCountsAsync();
        await _client.SendAsync(HttpMethod.Post, ActivitiesOf(Id(committee)), NewActivity(startDate: date))
            .ExpectConflictAsync("activity.outsideCommitteeLife");
        Assert.Equal(before, await fixture.RowCountsAsync());
    }

    [Fact]
    public async Task An_activity_shows_the_standing_agency_of_its_own_date()
    {
        var committee = await _client.CreateCommitteeAsync();
        var in2022 = await _client.SendAsync(HttpMethod.Post, ActivitiesOf(Id(committee)), NewActivity(startDate: "2022-11-24")).ExpectAsync(HttpStatusCode.Created);
        var in2025 = await _client.SendAsync(HttpMethod.Post, ActivitiesOf(Id(committee)), NewActivity("meeting", "2025-04-10")).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("Sở Kế hoạch và Đầu tư tỉnh Lạng Sơn", (string?)in2025["standingAgency"]);

        var changed = await _client.SendAsync(HttpMethod.Post, $"{Committee(Id(committee))}/standing-agency",
            new JsonObject { ["agency"] = "Sở Tài chính tỉnh Lạng Sơn", ["from"] = "2025-03-01" }, ETag(committee)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Sở Tài chính tỉnh Lạng Sơn", (string?)changed["standingAgency"]);
        Assert.Equal("2025-02-28", (string?)changed["standingAgencyHistory"]![0]!["to"]);
        Assert.Equal("2025-03-01", (string?)changed["standingAgencyHistory"]![1]!["from"]);

        Assert.Equal("Sở Kế hoạch và Đầu tư tỉnh Lạng Sơn", (string?)(await _client.GetNodeAsync($"{Activities}/{Id(in2022)}"))["standingAgency"]);
        var moved = await _client.GetNodeAsync($"{Activities}/{Id(in2025)}");
        Assert.Equal("Sở Tài chính tỉnh Lạng Sơn", (string?)moved["standingAgency"]);
        Assert.Equal(2, (int)moved["version"]!);
        // The feed tells followers of the activity that it changed.
        Assert.Equal(2, await fixture.ScalarAsync<long>("SELECT count(*) FROM domain_events WHERE aggregate_id = $1", Guid.Parse(Id(in2025))));

        // A new agency must begin after the current one did.
        await _client.SendAsync(HttpMethod.Post, $"{Committee(Id(committee))}/standing-agency",
            new JsonObject { ["agency"] = "Văn phòng UBND tỉnh", ["from"] = "2024-01-01" }, ETag(changed))
            .ExpectConflictAsync("standingAgency.notAfterCurrent");
    }

    [Fact]
    public async Task Activities_are_listed_per_committee_and_across_committees_with_filters()
    {
        var areaCode = "9" + Random.Shared.Next(10, 99).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var body = NewCommittee();
        body["level"] = "district";
        body["areaCode"] = areaCode;
        body["provinceCode"] = "20";
        body["establishedOn"] = "2015-01-01";
        var district = Id(await _client.CreateCommitteeAsync(body));
        var other = Id(await _client.CreateCommitteeAsync());
        var training = Id(await _client.SendAsync(HttpMethod.Post, ActivitiesOf(district), NewActivity("training", "2016-03-01")).ExpectAsync(HttpStatusCode.Created));
        var inspection = Id(await _client.SendAsync(HttpMethod.Post, ActivitiesOf(district), NewActivity("inspection", "2017-05-01")).ExpectAsync(HttpStatusCode.Created));
        await _client.SendAsync(HttpMethod.Post, ActivitiesOf(other), NewActivity("training", "2020-01-01")).ExpectAsync(HttpStatusCode.Created);

        async Task<string[]> Ids(string path) => (await _client.GetNodeAsync(path))["items"]!.AsArray().Select(i => Id(i!)).ToArray();

        Assert.Equal([inspection, training], await Ids(ActivitiesOf(district)));
        Assert.Equal([training], await Ids($"{ActivitiesOf(district)}?kind=training"));
        Assert.Equal([inspection], await Ids($"{Activities}?areaCode={areaCode}&from=2017-01-01&to=2017-12-31"));
        Assert.Equal([inspection, training], await Ids($"{Activities}?areaCode={areaCode}&kind=training&kind=inspection&to=2019-12-31"));
        Assert.Contains(training, await Ids($"{Activities}?areaCode=20&from=2016-03-01&to=2016-03-01&pageSize=200"));
        await _client.SendAsync(HttpMethod.Get, $"{Activities}?from=2020-01-02&to=2020-01-01").ExpectFieldErrorAsync("to");
        await _client.SendAsync(HttpMethod.Get, $"{Activities}?kind=party").ExpectFieldErrorAsync("kind");
        await _client.SendAsync(HttpMethod.Get, ActivitiesOf(Guid.CreateVersion7().ToString())).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Statistics_count_a_years_activities_per_kind_with_attendees_and_organizations_visited()
    {
        var areaCode = "8" + Random.Shared.Next(10, 99).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var body = NewCommittee();
        body["level"] = "district";
        body["areaCode"] = areaCode;
        body["provinceCode"] = "20";
        body["establishedOn"] = "2005-01-01";
        var committee = Id(await _client.CreateCommitteeAsync(body));
        var (a, b) = (await NewCooperativeAsync(), await NewCooperativeAsync());
        await _client.SendAsync(HttpMethod.Post, ActivitiesOf(committee), NewActivity("training", "2010-03-01", a, b)).ExpectAsync(HttpStatusCode.Created);
        var visit = NewActivity("fieldVisit", "2010-09-01", a);
        visit["attendeeCount"] = 20;
        await _client.SendAsync(HttpMethod.Post, ActivitiesOf(committee), visit).ExpectAsync(HttpStatusCode.Created);
        var meeting = NewActivity("meeting", "2010-12-31");
        meeting.Remove("attendeeCount");
        await _client.SendAsync(HttpMethod.Post, ActivitiesOf(committee), meeting).ExpectAsync(HttpStatusCode.Created);
        await _client.SendAsync(HttpMethod.Post, ActivitiesOf(committee), NewActivity("meeting", "2011-01-01")).ExpectAsync(HttpStatusCode.Created);

        var stats = await _client.GetNodeAsync($"{Statistics}?year=2010&areaCode={areaCode}");
        Assert.Equal(3, (int)stats["totalActivities"]!);
        Assert.Equal(165, (long)stats["totalAttendees"]!);
        Assert.Equal(2, (int)stats["organizationsVisited"]!);
        var byKind = stats["byKind"]!.AsArray().ToDictionary(k => (string)k!["kind"]!, k => (int)k!["count"]!);
        Assert.Equal(6, byKind.Count);
        Assert.Equal((1, 1, 1, 0), (byKind["training"], byKind["fieldVisit"], byKind["meeting"], byKind["directive"]));

        await _client.SendAsync(HttpMethod.Get, Statistics).ExpectFieldErrorAsync("year");
        using var anonymous = fixture.CreateAnonymousClient();
        using var response = await anonymous.GetAsync($"{Statistics}?year=2010");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_activity_is_updated_with_If_Match_and_deleted()
    {
        var committee = Id(await _client.CreateCommitteeAsync());
        var activity = await _client.SendAsync(HttpMethod.Post, ActivitiesOf(committee), NewActivity()).ExpectAsync(HttpStatusCode.Created);
        var change = NewActivity("reviewConference", "2023-01-15");
        await _client.SendAsync(HttpMethod.Put, $"{Activities}/{Id(activity)}", change).ExpectAsync(HttpStatusCode.PreconditionRequired);
        var updated = await _client.SendAsync(HttpMethod.Put, $"{Activities}/{Id(activity)}", change, ETag(activity)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(("reviewConference", 2), ((string)updated["kind"]!, (int)updated["version"]!));
        await _client.SendAsync(HttpMethod.Delete, $"{Activities}/{Id(activity)}", ifMatch: ETag(activity)).ExpectAsync(HttpStatusCode.PreconditionFailed);
        await _client.SendAsync(HttpMethod.Delete, $"{Activities}/{Id(activity)}", ifMatch: ETag(updated)).ExpectAsync(HttpStatusCode.NoContent);
        await _client.SendAsync(HttpMethod.Get, $"{Activities}/{Id(activity)}").ExpectAsync(HttpStatusCode.NotFound);
    }
}
