using System.Net;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Security;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.Partnerships.PartnershipApi;

namespace CoopApi.IntegrationTests.Partnerships;

/// <summary>Partnership agreements: the draft, its status moves, amendments of an active one, deletion, rights, the list.</summary>
[Collection(ApiCollection.Name)]
public sealed class AgreementTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateAdminClient();

    [Fact]
    public async Task An_agreement_is_recorded_as_a_draft_with_version_1_reads_back_as_recorded_and_enters_the_feed_of_its_province()
    {
        using var response = await _client.SendJsonAsync(HttpMethod.Post, Agreements, NewAgreement());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var created = await response.ReadNodeAsync();
        Assert.Equal("draft", (string?)created["status"]);
        Assert.Equal(2, created["parties"]!.AsArray().Count);
        Assert.Equal(YouthUnion, (string?)created["signatories"]![1]!["party"]);

        var read = await _client.GetJsonAsync(Agreement(Id(created)));
        Assert.True(JsonNode.DeepEquals(created, read), $"{created.ToJsonString()}\n{read.ToJsonString()}");
        Assert.Equal(1, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM domain_events WHERE aggregate_type = 'partnershipAgreement' AND aggregate_id = $1 AND province_code = '24'",
            Guid.Parse(Id(created))));
    }

    [Fact]
    public async Task Fewer_than_two_parties_or_a_signatory_of_no_party_is_refused_and_leaves_nothing()
    {
        var before = await fixture.PartnershipRowsAsync();
        var single = NewAgreement();
        single["parties"]!.AsArray().RemoveAt(1);
        single["signatories"]!.AsArray().RemoveAt(1);
        await _client.SendJsonAsync(HttpMethod.Post, Agreements, single).ExpectFieldError("parties");

        var stranger = NewAgreement();
        stranger["signatories"]![1]!["party"] = "Hội Nông dân tỉnh";
        await _client.SendJsonAsync(HttpMethod.Post, Agreements, stranger).ExpectFieldError("signatories[1].party");

        var reversed = NewAgreement(2025, 2023, signedOn: "2023-01-01");
        await _client.SendJsonAsync(HttpMethod.Post, Agreements, reversed).ExpectFieldError("periodEndYear");
        Assert.Equal(before, await fixture.PartnershipRowsAsync());
    }

    [Fact]
    public async Task Status_moves_draft_to_active_to_terminated_and_refuses_every_other_move_with_a_stable_code()
    {
        var created = await _client.CreateAgreementAsync();
        var id = Id(created);
        await _client.SendJsonAsync(HttpMethod.Post, $"{Agreement(id)}/status", Status("completed", "2025-12-31"), ETag(created))
            .ExpectConflict("partnershipAgreement.transitionNotAllowed");
        await _client.SendJsonAsync(HttpMethod.Post, $"{Agreement(id)}/status", Status("active", "2023-03-01"), ETag(created))
            .ExpectConflict("partnershipAgreement.activeBeforeSigned");

        var active = await _client.ActivateAsync(id, "2023-03-09");
        Assert.Equal("active", (string?)active["status"]);
        Assert.Equal("2023-03-09", (string?)active["effectiveFrom"]);
        await _client.SendJsonAsync(HttpMethod.Post, $"{Agreement(id)}/status", Status("active", "2023-04-01"), ETag(active))
            .ExpectConflict("partnershipAgreement.statusUnchanged");
        await _client.SendJsonAsync(HttpMethod.Post, $"{Agreement(id)}/status", Status("draft", "2023-04-01"), ETag(active))
            .ExpectConflict("partnershipAgreement.transitionNotAllowed");

        var terminated = await _client.SendJsonAsync(HttpMethod.Post, $"{Agreement(id)}/status",
            new JsonObject { ["status"] = "terminated", ["effectiveOn"] = "2024-06-30", ["reason"] = "Sáp nhập tỉnh" }, ETag(active))
            .Expect(HttpStatusCode.OK);
        Assert.Equal("terminated", (string?)terminated["status"]);
        Assert.Equal("2024-06-30", (string?)terminated["closedOn"]);
        await _client.SendJsonAsync(HttpMethod.Post, $"{Agreement(id)}/status", Status("active", "2024-07-01"), ETag(terminated))
            .ExpectConflict("partnershipAgreement.transitionNotAllowed");
        await _client.SendJsonAsync(HttpMethod.Put, Agreement(id), NewAgreement(), ETag(terminated))
            .ExpectConflict("partnershipAgreement.closed");
    }

    [Fact]
    public async Task A_programme_is_completed_through_its_status_only_in_or_after_its_end_year()
    {
        var created = await _client.CreateAgreementAsync(NewAgreement(2023, 2025));
        var active = await _client.ActivateAsync(Id(created), "2023-03-09");
        await _client.SendJsonAsync(HttpMethod.Post, $"{Agreement(Id(created))}/status", Status("completed", "2024-12-31"), ETag(active))
            .ExpectConflict("partnershipAgreement.completedBeforeEndYear");
        var completed = await _client.SendJsonAsync(HttpMethod.Post, $"{Agreement(Id(created))}/status", Status("completed", "2025-12-31"), ETag(active))
            .Expect(HttpStatusCode.OK);
        Assert.Equal("completed", (string?)completed["status"]);
    }

    [Fact]
    public async Task A_draft_is_edited_freely_but_an_active_programme_only_by_an_amendment_of_the_amendable_fields_which_is_kept()
    {
        var body = NewAgreement(2023, 2025);
        var created = await _client.CreateAgreementAsync(body);
        var id = Id(created);
        body["title"] = "Chương trình phối hợp (dự thảo sửa)";
        var edited = await _client.SendJsonAsync(HttpMethod.Put, Agreement(id), body, ETag(created)).Expect(HttpStatusCode.OK);
        Assert.Equal(2, (int)edited["version"]!);
        Assert.Empty(edited["amendments"]!.AsArray());

        var active = await _client.ActivateAsync(id, "2023-03-09");
        var retitled = (JsonObject)body.DeepClone();
        retitled["title"] = "Tên khác";
        retitled["amendment"] = new JsonObject { ["amendedOn"] = "2024-06-01", ["reference"] = "02/CTPH-SĐ" };
        await _client.SendJsonAsync(HttpMethod.Put, Agreement(id), retitled, ETag(active)).ExpectConflict("partnershipAgreement.notAmendable");

        var extended = (JsonObject)body.DeepClone();
        extended["periodEndYear"] = 2026;
        await _client.SendJsonAsync(HttpMethod.Put, Agreement(id), extended, ETag(active)).ExpectConflict("partnershipAgreement.amendmentRequired");

        var replaced = (JsonObject)body.DeepClone();
        replaced["contentAreas"] = new JsonArray("Nội dung khác", "Tập huấn sáng lập viên hợp tác xã");
        replaced["amendment"] = new JsonObject { ["amendedOn"] = "2024-06-01" };
        await _client.SendJsonAsync(HttpMethod.Put, Agreement(id), replaced, ETag(active)).ExpectConflict("partnershipAgreement.contentAreasAppendOnly");

        extended["contentAreas"]!.AsArray().Add("Giới thiệu lao động trẻ về làm việc tại hợp tác xã");
        extended["amendment"] = new JsonObject { ["amendedOn"] = "2024-06-01", ["reference"] = "02/CTPH-SĐ", ["reason"] = "Kéo dài một năm" };
        var amended = await _client.SendJsonAsync(HttpMethod.Put, Agreement(id), extended, ETag(active)).Expect(HttpStatusCode.OK);
        Assert.Equal(2026, (int)amended["periodEndYear"]!);
        Assert.Equal(3, amended["contentAreas"]!.AsArray().Count);
        var amendment = amended["amendments"]!.AsArray().Single()!;
        Assert.Equal("02/CTPH-SĐ", (string?)amendment["reference"]);
        Assert.Equal(["periodEndYear", "contentAreas"], amendment["changes"]!.AsArray().Select(c => (string)c!["field"]!));
        Assert.Equal("2025", (string?)amendment["changes"]![0]!["before"]);
        Assert.Equal("2026", (string?)amendment["changes"]![0]!["after"]);
    }

    [Fact]
    public async Task Only_a_draft_is_deleted_and_the_feed_records_the_deletion()
    {
        var draft = await _client.CreateAgreementAsync();
        await _client.SendJsonAsync(HttpMethod.Delete, Agreement(Id(draft)), ifMatch: ETag(draft)).Expect(HttpStatusCode.NoContent);
        await _client.SendJsonAsync(HttpMethod.Get, Agreement(Id(draft))).Expect(HttpStatusCode.NotFound);
        Assert.Equal(1, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM domain_events WHERE aggregate_id = $1 AND operation = 'deleted'", Guid.Parse(Id(draft))));

        var other = await _client.CreateAgreementAsync();
        var active = await _client.ActivateAsync(Id(other), "2023-03-09");
        await _client.SendJsonAsync(HttpMethod.Delete, Agreement(Id(other)), ifMatch: ETag(active)).ExpectConflict("partnershipAgreement.notDraft");
    }

    [Fact]
    public async Task A_key_of_another_province_gets_403_and_writes_nothing()
    {
        var created = await _client.CreateAgreementAsync();
        var (key, _) = await SecurityApi.CreateKeyAsync(fixture, fixture.CreateClient(), ["read", "write"], ["20"]);
        using var langSon = ApiFixture.WithKey(fixture.CreateClient(), key);
        var before = await fixture.PartnershipRowsAsync();
        await langSon.SendJsonAsync(HttpMethod.Post, Agreements, NewAgreement()).Expect(HttpStatusCode.Forbidden);
        await langSon.SendJsonAsync(HttpMethod.Post, $"{Agreement(Id(created))}/status", Status("active", "2023-03-09"), ETag(created))
            .Expect(HttpStatusCode.Forbidden);
        await langSon.SendJsonAsync(HttpMethod.Post, $"{Agreement(Id(created))}/commitments", NewCommitment()).Expect(HttpStatusCode.Forbidden);
        Assert.Equal(before, await fixture.PartnershipRowsAsync());

        // Its own province is fine.
        await langSon.SendJsonAsync(HttpMethod.Post, Agreements, NewAgreement(provinceCode: "20")).Expect(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_stale_If_Match_gets_412_and_a_missing_one_428()
    {
        var created = await _client.CreateAgreementAsync();
        await _client.ActivateAsync(Id(created), "2023-03-09");
        await _client.SendJsonAsync(HttpMethod.Post, $"{Agreement(Id(created))}/status", Status("terminated", "2024-01-01"), ETag(created))
            .Expect(HttpStatusCode.PreconditionFailed);
        await _client.SendJsonAsync(HttpMethod.Post, $"{Agreement(Id(created))}/status", Status("terminated", "2024-01-01"))
            .Expect(HttpStatusCode.PreconditionRequired);
    }

    [Fact]
    public async Task The_list_filters_by_province_status_party_kind_year_and_words()
    {
        var token = TestData.UniqueToken();
        var body = NewAgreement(2022, 2024, provinceCode: "20");
        body["title"] = $"Chương trình phối hợp khoa học {token}";
        body["parties"]![1]!["kind"] = "scienceTechnologyUnion";
        var created = await _client.CreateAgreementAsync(body);

        async Task<int> CountAsync(string query) =>
            (int)(await _client.GetJsonAsync($"{Agreements}?q={token}&{query}"))["totalCount"]!;

        Assert.Equal(1, await CountAsync("provinceCode=20&status=draft&partyKind=scienceTechnologyUnion&year=2023"));
        Assert.Equal(0, await CountAsync("provinceCode=24"));
        Assert.Equal(0, await CountAsync("status=active"));
        Assert.Equal(0, await CountAsync("partyKind=youthUnion"));
        Assert.Equal(0, await CountAsync("year=2025"));
        Assert.Equal(Id(created), (string?)(await _client.GetJsonAsync($"{Agreements}?q={token}"))["items"]![0]!["id"]);
        await _client.SendJsonAsync(HttpMethod.Get, $"{Agreements}?status=finished").Expect(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_new_enumerations_are_in_the_reference_list_with_Vietnamese_labels()
    {
        var enums = await _client.GetJsonAsync("api/v1/reference/enums");
        foreach (var name in new[] { "partyKind", "agreementStatus", "targetKind", "registerMeasure", "reviewKind", "progressState" })
        {
            Assert.NotEmpty(enums[name]!.AsArray());
        }

        Assert.Contains(enums["progressState"]!.AsArray(), v => (string?)v!["value"] == "onTrack" && (string?)v["vi"] == "Đúng tiến độ");
    }
}
