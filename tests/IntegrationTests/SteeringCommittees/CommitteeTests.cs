using System.Net;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Security;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.SteeringCommittees.SteeringApi;

namespace CoopApi.IntegrationTests.SteeringCommittees;

/// <summary>Steering committees: levels and areas, the district rule, status, deletion, list, rights.</summary>
[Collection(ApiCollection.Name)]
public sealed class CommitteeTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateAdminClient();

    [Fact]
    public async Task A_provincial_committee_is_recorded_with_version_1_and_reads_back_as_recorded()
    {
        using var response = await _client.SendAsync(HttpMethod.Post, Committees, NewCommittee());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var created = await response.ReadNodeAsync();
        Assert.Equal("20", (string?)created["provinceCode"]);
        Assert.Equal("active", (string?)created["status"]);
        Assert.Equal("Sở Kế hoạch và Đầu tư tỉnh Lạng Sơn", (string?)created["standingAgency"]);
        Assert.Equal("2019-06-11", (string?)created["standingAgencyHistory"]![0]!["from"]);
        Assert.Equal("1234/QĐ-UBND", (string?)created["foundingDecision"]!["number"]);

        var read = await _client.GetNodeAsync(Committee(Id(created)));
        Assert.True(JsonNode.DeepEquals(created, read), $"{created.ToJsonString()}\n{read.ToJsonString()}");
    }

    [Fact]
    public async Task The_change_feed_carries_committees_under_their_province()
    {
        var created = await _client.CreateCommitteeAsync();
        var count = await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM domain_events WHERE aggregate_type = 'steeringCommittee' AND aggregate_id = $1 AND province_code = '20'",
            Guid.Parse(Id(created)));
        Assert.Equal(1, count);
    }

    [Theory]
    [InlineData("provincial", "06427", null, "areaCode")]
    [InlineData("provincial", "24", "20", "provinceCode")]
    [InlineData("commune", "20", null, "areaCode")]
    [InlineData("commune", "06418", null, "areaCode")]
    [InlineData("national", "20", null, "areaCode")]
    [InlineData("national", null, "20", "provinceCode")]
    [InlineData("district", "1860", "20", "areaCode")]
    [InlineData("district", "186", null, "provinceCode")]
    [InlineData("district", "186", "99", "provinceCode")]
    public async Task The_area_code_must_match_the_level(string level, string? areaCode, string? provinceCode, string field)
    {
        var body = NewCommittee();
        body["level"] = level;
        body["areaCode"] = areaCode;
        body["provinceCode"] = provinceCode;
        body["establishedOn"] = "2015-01-01";
        var before = await fixture.RowCountsAsync();
        await _client.SendAsync(HttpMethod.Post, Committees, body).ExpectFieldErrorAsync(field);
        Assert.Equal(before, await fixture.RowCountsAsync());
    }

    [Fact]
    public async Task A_commune_committee_belongs_to_the_province_of_its_commune()
    {
        var body = NewCommittee();
        body["level"] = "commune";
        body["areaCode"] = "06427";
        var created = await _client.CreateCommitteeAsync(body);
        Assert.Equal("20", (string?)created["provinceCode"]);
    }

    [Fact]
    public async Task No_district_committee_may_be_established_on_or_after_1_July_2025()
    {
        var body = NewCommittee();
        body["level"] = "district";
        body["areaCode"] = "186";
        body["provinceCode"] = "20";
        body["establishedOn"] = "2025-07-01";
        body["foundingDecision"] = null;
        var before = await fixture.RowCountsAsync();
        var problem = await _client.SendAsync(HttpMethod.Post, Committees, body).ExpectFieldErrorAsync("establishedOn");
        Assert.Contains("2025", problem["errors"]!["establishedOn"]![0]!.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await fixture.RowCountsAsync());

        body["establishedOn"] = "2025-06-30";
        var created = await _client.CreateCommitteeAsync(body);
        Assert.Equal("186", (string?)created["areaCode"]);
        Assert.Equal("20", (string?)created["provinceCode"]);

        // Nor may an update move an existing district committee's establishment past the reform.
        body["establishedOn"] = "2025-07-02";
        await _client.SendAsync(HttpMethod.Put, Committee(Id(created)), ForUpdate(body), ETag(created)).ExpectFieldErrorAsync("establishedOn");
    }

    [Fact]
    public async Task A_national_committee_is_written_only_with_a_national_credential()
    {
        var body = NewCommittee();
        body["level"] = "national";
        body.Remove("areaCode");
        var (key, _) = await SecurityApi.CreateKeyAsync(fixture, fixture.CreateClient(), ["read", "write"], ["20"]);
        using var provincial = ApiFixture.WithKey(fixture.CreateClient(), key);
        var before = await fixture.RowCountsAsync();
        var problem = await provincial.SendAsync(HttpMethod.Post, Committees, body).ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Equal("nationalRightRequired", (string?)problem["code"]);
        Assert.Equal(before, await fixture.RowCountsAsync());

        var created = await _client.CreateCommitteeAsync(body);
        Assert.Null(created["provinceCode"]);
        Assert.Equal(0, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM domain_events WHERE aggregate_id = $1 AND province_code IS NOT NULL", Guid.Parse(Id(created))));
    }

    [Fact]
    public async Task A_key_of_another_province_gets_403_and_writes_nothing()
    {
        var committee = await _client.CreateCommitteeAsync();
        var (key, _) = await SecurityApi.CreateKeyAsync(fixture, fixture.CreateClient(), ["read", "write"], ["24"]);
        using var other = ApiFixture.WithKey(fixture.CreateClient(), key);
        var before = await fixture.RowCountsAsync();

        await other.SendAsync(HttpMethod.Post, Committees, NewCommittee()).ExpectAsync(HttpStatusCode.Forbidden);
        await other.SendAsync(HttpMethod.Post, Members(Id(committee)), NewMember("Nguyễn Văn A")).ExpectAsync(HttpStatusCode.Forbidden);
        await other.SendAsync(HttpMethod.Post, ActivitiesOf(Id(committee)), NewActivity()).ExpectAsync(HttpStatusCode.Forbidden);
        await other.SendAsync(HttpMethod.Put, Committee(Id(committee)), ForUpdate(NewCommittee()), ETag(committee)).ExpectAsync(HttpStatusCode.Forbidden);
        await other.SendAsync(HttpMethod.Delete, Committee(Id(committee)), ifMatch: ETag(committee)).ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Equal(before, await fixture.RowCountsAsync());

        // Reading is not restricted by province.
        await other.GetNodeAsync(Committee(Id(committee)));
    }

    [Fact]
    public async Task Moving_a_committee_into_another_province_needs_rights_in_both()
    {
        var committee = await _client.CreateCommitteeAsync();
        var (key, _) = await SecurityApi.CreateKeyAsync(fixture, fixture.CreateClient(), ["read", "write"], ["20"]);
        using var langSon = ApiFixture.WithKey(fixture.CreateClient(), key);
        var moved = NewCommittee();
        moved["areaCode"] = "24";
        var problem = await langSon.SendAsync(HttpMethod.Put, Committee(Id(committee)), ForUpdate(moved), ETag(committee)).ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Equal("provinceNotGranted", (string?)problem["code"]);
        Assert.Equal("20", (string?)(await _client.GetNodeAsync(Committee(Id(committee))))["provinceCode"]);
    }

    [Fact]
    public async Task Writes_to_a_committee_require_If_Match_and_a_stale_one_gets_412()
    {
        var committee = await _client.CreateCommitteeAsync();
        await _client.SendAsync(HttpMethod.Put, Committee(Id(committee)), ForUpdate(NewCommittee())).ExpectAsync(HttpStatusCode.PreconditionRequired);
        var updated = await _client.SendAsync(HttpMethod.Put, Committee(Id(committee)), ForUpdate(NewCommittee()), ETag(committee)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, (int)updated["version"]!);
        await _client.SendAsync(HttpMethod.Put, Committee(Id(committee)), ForUpdate(NewCommittee()), ETag(committee)).ExpectAsync(HttpStatusCode.PreconditionFailed);
        await _client.SendAsync(HttpMethod.Delete, Committee(Id(committee))).ExpectAsync(HttpStatusCode.PreconditionRequired);
        await _client.SendAsync(HttpMethod.Post, $"{Committee(Id(committee))}/status",
            new JsonObject { ["status"] = "dissolved", ["effectiveOn"] = "2024-01-01" }).ExpectAsync(HttpStatusCode.PreconditionRequired);
    }

    [Fact]
    public async Task A_committee_without_members_or_activities_can_be_deleted_one_with_members_cannot()
    {
        var empty = await _client.CreateCommitteeAsync();
        await _client.SendAsync(HttpMethod.Delete, Committee(Id(empty)), ifMatch: ETag(empty)).ExpectAsync(HttpStatusCode.NoContent);
        await _client.SendAsync(HttpMethod.Get, Committee(Id(empty))).ExpectAsync(HttpStatusCode.NotFound);

        var withMember = await _client.CreateCommitteeAsync();
        await _client.SendAsync(HttpMethod.Post, Members(Id(withMember)), NewMember("Nguyễn Văn B")).ExpectAsync(HttpStatusCode.Created);
        var current = await _client.GetNodeAsync(Committee(Id(withMember)));
        var before = await fixture.RowCountsAsync();
        await _client.SendAsync(HttpMethod.Delete, Committee(Id(withMember)), ifMatch: ETag(current))
            .ExpectConflictAsync("steeringCommittee.hasMembersOrActivities");
        Assert.Equal(before, await fixture.RowCountsAsync());
    }

    [Fact]
    public async Task A_committee_with_activities_cannot_be_deleted()
    {
        var committee = await _client.CreateCommitteeAsync();
        await _client.SendAsync(HttpMethod.Post, ActivitiesOf(Id(committee)), NewActivity()).ExpectAsync(HttpStatusCode.Created);
        var before = await fixture.RowCountsAsync();
        await _client.SendAsync(HttpMethod.Delete, Committee(Id(committee)), ifMatch: ETag(committee))
            .ExpectConflictAsync("steeringCommittee.hasMembersOrActivities");
        Assert.Equal(before, await fixture.RowCountsAsync());
    }

    [Fact]
    public async Task Dissolving_ends_running_terms_and_is_final()
    {
        var committee = await _client.CreateCommitteeAsync();
        await _client.SendAsync(HttpMethod.Post, Members(Id(committee)), NewMember("Hoàng Văn C", "head")).ExpectAsync(HttpStatusCode.Created);
        var current = await _client.GetNodeAsync(Committee(Id(committee)));
        var dissolved = await _client.SendAsync(HttpMethod.Post, $"{Committee(Id(committee))}/status",
            new JsonObject { ["status"] = "dissolved", ["effectiveOn"] = "2024-12-31", ["reason"] = "Quyết định 99/QĐ-UBND" }, ETag(current))
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("dissolved", (string?)dissolved["status"]);
        Assert.Equal("2024-12-31", (string?)dissolved["dissolvedOn"]);
        Assert.Equal("2024-12-31", (string?)dissolved["members"]![0]!["to"]);
        Assert.Equal("2024-12-31", (string?)dissolved["standingAgencyHistory"]![0]!["to"]);

        await _client.SendAsync(HttpMethod.Put, Committee(Id(committee)), ForUpdate(NewCommittee()), ETag(dissolved))
            .ExpectConflictAsync("steeringCommittee.dissolved");
        await _client.SendAsync(HttpMethod.Post, $"{Committee(Id(committee))}/status",
            new JsonObject { ["status"] = "active", ["effectiveOn"] = "2025-01-01" }, ETag(dissolved))
            .ExpectConflictAsync("steeringCommittee.dissolved");
    }

    [Fact]
    public async Task A_dissolution_before_an_activity_is_refused()
    {
        var committee = await _client.CreateCommitteeAsync();
        await _client.SendAsync(HttpMethod.Post, ActivitiesOf(Id(committee)), NewActivity(startDate: "2022-11-24")).ExpectAsync(HttpStatusCode.Created);
        var before = await fixture.RowCountsAsync();
        await _client.SendAsync(HttpMethod.Post, $"{Committee(Id(committee))}/status",
            new JsonObject { ["status"] = "dissolved", ["effectiveOn"] = "2021-01-01" }, ETag(committee))
            .ExpectConflictAsync("steeringCommittee.activitiesAfterDissolution");
        Assert.Equal(before, await fixture.RowCountsAsync());
    }

    [Fact]
    public async Task The_list_filters_by_level_area_status_and_name()
    {
        var token = TestData.UniqueToken();
        var provincial = await _client.CreateCommitteeAsync(NewCommittee(token));
        var commune = NewCommittee(token);
        commune["level"] = "commune";
        commune["areaCode"] = "06427";
        var communeCommittee = await _client.CreateCommitteeAsync(commune);
        var dissolvedBody = NewCommittee(token);
        var toDissolve = await _client.CreateCommitteeAsync(dissolvedBody);
        await _client.SendAsync(HttpMethod.Post, $"{Committee(Id(toDissolve))}/status",
            new JsonObject { ["status"] = "dissolved", ["effectiveOn"] = "2024-01-01" }, ETag(toDissolve)).ExpectAsync(HttpStatusCode.OK);

        async Task<string[]> Ids(string query)
        {
            var page = await _client.GetNodeAsync($"{Committees}?q={token}&{query}");
            return page["items"]!.AsArray().Select(i => Id(i!)).Order(StringComparer.Ordinal).ToArray();
        }

        Assert.Equal(new[] { Id(provincial), Id(communeCommittee), Id(toDissolve) }.Order(StringComparer.Ordinal), await Ids("pageSize=50"));
        Assert.Equal(new[] { Id(communeCommittee) }, await Ids("level=commune"));
        Assert.Equal(new[] { Id(communeCommittee) }, await Ids("areaCode=06427"));
        Assert.Equal(new[] { Id(toDissolve) }, await Ids("status=dissolved"));
        Assert.Equal(new[] { Id(provincial), Id(toDissolve) }.Order(StringComparer.Ordinal), await Ids("level=provincial&status=active&status=dissolved"));
        await _client.SendAsync(HttpMethod.Get, $"{Committees}?level=county").ExpectFieldErrorAsync("level");
        await _client.SendAsync(HttpMethod.Get, $"{Committees}?areaCode=2").ExpectFieldErrorAsync("areaCode");
    }
}

/// <summary>The feature's enumerations in the reference list, with their Vietnamese labels.</summary>
[Collection(ApiCollection.Name)]
public sealed class SteeringEnumerationTests(ApiFixture fixture)
{
    [Fact]
    public async Task Levels_statuses_roles_and_activity_kinds_are_listed_with_Vietnamese_labels()
    {
        using var client = fixture.CreateAdminClient();
        var body = await client.GetNodeAsync("api/v1/reference/enums");
        string[] Values(string name) => body[name]!.AsArray().Select(v => (string)v!["value"]!).ToArray();
        Assert.Equal(["national", "provincial", "district", "commune"], Values("committeeLevel"));
        Assert.Equal(["active", "dissolved"], Values("committeeStatus"));
        Assert.Equal(["head", "deputyHead", "standingMember", "member", "workingGroupMember"], Values("committeeRole"));
        Assert.Equal(["meeting", "training", "fieldVisit", "inspection", "reviewConference", "directive"], Values("activityKind"));
        Assert.Equal("Trưởng ban", (string?)body["committeeRole"]![0]!["vi"]);
        Assert.Equal("Cấp tỉnh", (string?)body["committeeLevel"]![1]!["vi"]);
    }
}

/// <summary>The register's write path covers the feature without its own code: Idempotency-Key on POST, audit trail.</summary>
[Collection(ApiCollection.Name)]
public sealed class SteeringWritePathTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_retried_POST_with_the_same_Idempotency_Key_records_one_committee_and_one_term()
    {
        using var client = fixture.CreateAdminClient();
        var key = Guid.NewGuid().ToString();
        var body = NewCommittee();

        async Task<(HttpStatusCode, JsonNode, bool)> PostAsync(string path, JsonNode content, string idempotencyKey)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Body(content) };
            request.Headers.Add("Idempotency-Key", idempotencyKey);
            using var response = await client.SendAsync(request);
            return (response.StatusCode, await response.ReadNodeAsync(), response.Headers.Contains("Idempotent-Replayed"));
        }

        var (firstStatus, first, _) = await PostAsync(Committees, body, key);
        var (secondStatus, second, replayed) = await PostAsync(Committees, body, key);
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created, true), (firstStatus, secondStatus, replayed));
        Assert.Equal(Id(first), Id(second));
        Assert.Equal(1, await fixture.ScalarAsync<long>("SELECT count(*) FROM steering_committees WHERE name = $1", (string)body["name"]!));

        var memberKey = Guid.NewGuid().ToString();
        var member = NewMember("Nông Văn Một", "head");
        await PostAsync(Members(Id(first)), member, memberKey);
        var (_, _, memberReplayed) = await PostAsync(Members(Id(first)), member, memberKey);
        Assert.True(memberReplayed);
        Assert.Single((await client.GetNodeAsync(Members(Id(first)))).AsArray());
    }

    [Fact]
    public async Task Committee_changes_are_in_the_audit_trail_under_the_actor()
    {
        using var client = fixture.CreateAdminClient();
        var committee = await client.CreateCommitteeAsync();
        await client.SendAsync(HttpMethod.Post, Members(Id(committee)), NewMember("Nông Văn Hai")).ExpectAsync(HttpStatusCode.Created);
        var audit = await client.GetNodeAsync($"api/v1/audit?entityType=steeringCommittee&entityId={Id(committee)}");
        var events = audit["items"]!.AsArray().Select(e => (string)e!["event"]!).ToList();
        Assert.Equal(2, events.Count);
        Assert.All(audit["items"]!.AsArray(), e => Assert.StartsWith("apikey:", (string)e!["actor"]!, StringComparison.Ordinal));
    }
}
