using System.Net;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.Partnerships.PartnershipApi;

namespace CoopApi.IntegrationTests.Partnerships;

/// <summary>Commitments, the review rules, and the computed progress at its edges (today is later than 2025 in these tests).</summary>
[Collection(ApiCollection.Name)]
public sealed class ReviewAndProgressTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateAdminClient();

    [Fact]
    public async Task A_commitment_names_an_existing_content_area_and_a_party_and_is_frozen_once_the_programme_is_active()
    {
        var created = await _client.CreateAgreementAsync();
        var id = Id(created);
        var before = await fixture.PartnershipRowsAsync();
        await _client.SendJsonAsync(HttpMethod.Post, $"{Agreement(id)}/commitments", NewCommitment(contentArea: 2)).ExpectFieldError("contentArea");
        var stranger = NewCommitment();
        stranger["responsibleParty"] = "Hội Nông dân tỉnh";
        await _client.SendJsonAsync(HttpMethod.Post, $"{Agreement(id)}/commitments", stranger).ExpectFieldError("responsibleParty");
        Assert.Equal(before, await fixture.PartnershipRowsAsync());

        var commitment = await _client.AddCommitmentAsync(id, NewCommitment());
        var draft = await _client.GetJsonAsync(Agreement(id));
        Assert.Equal(2, (int)draft["version"]!);
        var changed = NewCommitment(target: 2);
        var updated = await _client.SendJsonAsync(HttpMethod.Put, $"{Agreement(id)}/commitments/{commitment}", changed, ETag(draft))
            .Expect(HttpStatusCode.OK);
        Assert.Equal(2m, (decimal)updated["target"]!);

        var active = await _client.ActivateAsync(id, "2023-03-09");
        await _client.SendJsonAsync(HttpMethod.Put, $"{Agreement(id)}/commitments/{commitment}", NewCommitment(), ETag(active))
            .ExpectConflict("partnershipCommitment.notDraft");
        await _client.SendJsonAsync(HttpMethod.Delete, $"{Agreement(id)}/commitments/{commitment}", ifMatch: ETag(active))
            .ExpectConflict("partnershipCommitment.notDraft");
        // An addendum: a new commitment of an active programme.
        await _client.AddCommitmentAsync(id, NewCommitment("byPeriodEnd", 3));
        Assert.Equal(2, (await _client.GetJsonAsync($"{Agreement(id)}/commitments")).AsArray().Count);
    }

    [Fact]
    public async Task Reviews_are_one_per_year_of_the_period_of_an_active_programme_and_a_year_outside_the_period_is_refused()
    {
        var created = await _client.CreateAgreementAsync(NewAgreement(2023, 2025));
        var id = Id(created);
        var commitment = await _client.AddCommitmentAsync(id, NewCommitment());
        await _client.SendJsonAsync(HttpMethod.Post, $"{Agreement(id)}/reviews", NewReview(2023, "2023-12-20"))
            .ExpectConflict("partnershipReview.agreementNotActive");
        await _client.ActivateAsync(id, "2023-03-09");

        var before = await fixture.PartnershipRowsAsync();
        await _client.SendJsonAsync(HttpMethod.Post, $"{Agreement(id)}/reviews", NewReview(2022, "2022-12-20"))
            .ExpectConflict("partnershipReview.yearOutsidePeriod");
        await _client.SendJsonAsync(HttpMethod.Post, $"{Agreement(id)}/reviews", NewReview(2026, "2026-01-20"))
            .ExpectConflict("partnershipReview.yearOutsidePeriod");
        await _client.SendJsonAsync(HttpMethod.Post, $"{Agreement(id)}/reviews", NewReview(2024, "2023-12-20")).ExpectFieldError("heldOn");
        await _client.SendJsonAsync(HttpMethod.Post, $"{Agreement(id)}/reviews", NewReview(2023, "2023-12-20", results: [(Guid.NewGuid().ToString(), 1)]))
            .ExpectFieldError("results");
        Assert.Equal(before, await fixture.PartnershipRowsAsync());

        var review = await _client.ReviewAsync(id, NewReview(2023, "2023-12-20", results: [(commitment, 1)]));
        Assert.Equal(2023, (int)review["year"]!);
        await _client.SendJsonAsync(HttpMethod.Post, $"{Agreement(id)}/reviews", NewReview(2023, "2024-01-10"))
            .ExpectConflict("partnershipReview.yearAlreadyReviewed");
        await _client.SendJsonAsync(HttpMethod.Post, $"{Agreement(id)}/reviews", NewReview(2024, "2024-12-20", "final"))
            .ExpectConflict("partnershipReview.finalNotEndYear");
        await _client.SendJsonAsync(HttpMethod.Post, $"{Agreement(id)}/reviews", NewReview(2025, "2024-12-20", "final")).ExpectFieldError("heldOn");
    }

    [Fact]
    public async Task Of_two_concurrent_reviews_of_one_year_exactly_one_is_recorded_and_the_other_gets_409()
    {
        var created = await _client.CreateAgreementAsync(NewAgreement(2023, 2025));
        var id = Id(created);
        await _client.ActivateAsync(id, "2023-03-09");
        var attempts = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var client = fixture.CreateAdminClient();
            using var response = await client.SendJsonAsync(HttpMethod.Post, $"{Agreement(id)}/reviews", NewReview(2024, "2024-12-20"));
            return response.StatusCode;
        }));
        Assert.Equal(1, attempts.Count(s => s == HttpStatusCode.Created));
        Assert.All(attempts.Where(s => s != HttpStatusCode.Created), s => Assert.Equal(HttpStatusCode.Conflict, s));
        Assert.Equal(1, await fixture.ScalarAsync<long>("SELECT count(*) FROM partnership_reviews WHERE agreement_id = $1", Guid.Parse(id)));
    }

    [Fact]
    public async Task The_final_review_completes_the_programme_and_raises_its_status_event()
    {
        var created = await _client.CreateAgreementAsync(NewAgreement(2023, 2025));
        var id = Id(created);
        var commitment = await _client.AddCommitmentAsync(id, NewCommitment());
        await _client.ActivateAsync(id, "2023-03-09");
        await _client.ReviewAsync(id, NewReview(2025, "2025-12-19", "final", (commitment, 1)));

        var completed = await _client.GetJsonAsync(Agreement(id));
        Assert.Equal("completed", (string?)completed["status"]);
        Assert.Equal("2025-12-19", (string?)completed["closedOn"]);
        Assert.Equal(1, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM domain_events WHERE aggregate_id = $1 AND event_type LIKE '%StatusChanged%' AND payload->>'to' = 'completed'",
            Guid.Parse(id)));
        await _client.SendJsonAsync(HttpMethod.Post, $"{Agreement(id)}/reviews", NewReview(2024, "2025-12-20"))
            .ExpectConflict("partnershipAgreement.closed");
    }

    [Fact]
    public async Task A_perYear_commitment_missed_in_one_year_is_missed_and_a_byPeriodEnd_one_reached_early_stays_achieved()
    {
        var created = await _client.CreateAgreementAsync(NewAgreement(2023, 2025));
        var id = Id(created);
        var perYear = await _client.AddCommitmentAsync(id, NewCommitment("perYear", 1));
        var early = await _client.AddCommitmentAsync(id, NewCommitment("byPeriodEnd", 6));
        var slow = await _client.AddCommitmentAsync(id, NewCommitment("byPeriodEnd", 6));
        await _client.ActivateAsync(id, "2023-03-09");
        await _client.ReviewAsync(id, NewReview(2023, "2023-12-20", results: [(perYear, 1), (early, 4), (slow, 1)]));
        await _client.ReviewAsync(id, NewReview(2024, "2024-12-20", results: [(perYear, 0), (early, 3), (slow, 1)]));
        await _client.ReviewAsync(id, NewReview(2025, "2025-12-19", "final", [(perYear, 2), (slow, 1)]));

        var progress = await _client.GetJsonAsync($"{Agreement(id)}/progress");
        var byId = progress["commitments"]!.AsArray().ToDictionary(c => (string)c!["commitmentId"]!, c => c!);
        Assert.Equal(["achieved", "missed", "achieved"], States(byId[perYear]));
        Assert.Equal("missed", (string?)byId[perYear]["state"]);
        Assert.Equal(1m, (decimal)byId[perYear]["years"]![1]!["expected"]!);

        Assert.Equal(["onTrack", "achieved", "achieved"], States(byId[early]));
        Assert.Equal("achieved", (string?)byId[early]["state"]);
        Assert.Equal(7m, (decimal)byId[early]["years"]![2]!["cumulativeAchieved"]!);

        // 1, 2, 3 against 2, 4, 6 expected: behind, behind, then missed when the end year closed.
        Assert.Equal(["behind", "behind", "missed"], States(byId[slow]));
        Assert.Equal(4m, (decimal)byId[slow]["years"]![1]!["expected"]!);
        Assert.Equal(33.33m, (decimal)progress["shareAchievedOrOnTrack"]!);
    }

    [Fact]
    public async Task In_the_current_year_an_unreviewed_year_is_on_track_or_behind_by_last_years_share_and_later_years_are_not_due()
    {
        var year = DateTime.UtcNow.AddHours(7).Year;
        var created = await _client.CreateAgreementAsync(NewAgreement(year - 1, year + 1, signedOn: $"{year - 1}-01-10"));
        var id = Id(created);
        var perYear = await _client.AddCommitmentAsync(id, NewCommitment("perYear", 2));
        var onTrack = await _client.AddCommitmentAsync(id, NewCommitment("byPeriodEnd", 3));
        var behind = await _client.AddCommitmentAsync(id, NewCommitment("byPeriodEnd", 3));
        await _client.ActivateAsync(id, $"{year - 1}-01-10");
        await _client.ReviewAsync(id, NewReview(year - 1, $"{year - 1}-12-20", results: [(perYear, 2), (onTrack, 1), (behind, 0)]));

        var progress = await _client.GetJsonAsync($"{Agreement(id)}/progress");
        var byId = progress["commitments"]!.AsArray().ToDictionary(c => (string)c!["commitmentId"]!, c => c!);
        Assert.Equal(["achieved", "onTrack", "notDue"], States(byId[perYear]));
        Assert.Equal("onTrack", (string?)byId[perYear]["state"]);
        Assert.Equal(["onTrack", "onTrack", "notDue"], States(byId[onTrack]));
        Assert.Equal(["behind", "behind", "notDue"], States(byId[behind]));
        Assert.Null(byId[perYear]["years"]![2]!["achieved"]);
        Assert.Equal(66.67m, (decimal)progress["shareAchievedOrOnTrack"]!);
    }

    [Fact]
    public async Task A_register_measured_commitment_counts_the_youth_cooperatives_founded_in_the_province_during_the_period()
    {
        var created = await _client.CreateAgreementAsync(NewAgreement(2023, 2025, provinceCode: "20"));
        var id = Id(created);
        var youth = await _client.AddCommitmentAsync(id, NewCommitment("byPeriodEnd", 6, registerMeasure: "youthCooperativesEstablished"));
        await _client.ActivateAsync(id, "2023-03-09");
        await _client.SendJsonAsync(HttpMethod.Post, $"{Agreement(id)}/reviews", NewReview(2024, "2024-12-20", results: [(youth, 3)]))
            .ExpectFieldError("results");

        async Task<decimal> AchievedIn2024Async() =>
            (decimal)(await _client.GetJsonAsync($"{Agreement(id)}/progress"))["commitments"]![0]!["years"]![1]!["achieved"]!;

        var before = await AchievedIn2024Async();
        Assert.Equal(await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM cooperatives WHERE province_code = '20' AND kind = 'cooperative' AND is_youth_cooperative "
            + "AND established_on >= '2024-01-01' AND established_on < '2025-01-01'"), (long)before);

        var cooperative = TestData.NewCooperative();
        cooperative["isYouthCooperative"] = true;
        cooperative["establishedOn"] = "2024-05-04";
        await TestData.CreateAsync(_client, cooperative);
        var notYouth = TestData.NewCooperative();
        notYouth["establishedOn"] = "2024-05-04";
        await TestData.CreateAsync(_client, notYouth);
        Assert.Equal(before + 1, await AchievedIn2024Async());
    }

    [Fact]
    public async Task Statistics_count_agreements_by_status_commitments_by_state_and_parties_by_kind()
    {
        async Task<JsonNode> StatisticsAsync() => await _client.GetJsonAsync($"{Statistics}?provinceCode=01&year=2024");
        var before = await StatisticsAsync();
        var created = await _client.CreateAgreementAsync(NewAgreement(2023, 2025, provinceCode: "01"));
        var id = Id(created);
        var commitment = await _client.AddCommitmentAsync(id, NewCommitment());
        await _client.ActivateAsync(id, "2023-03-09");
        await _client.ReviewAsync(id, NewReview(2024, "2024-12-20", results: [(commitment, 0)]));
        await _client.CreateAgreementAsync(NewAgreement(2020, 2022, provinceCode: "01", signedOn: "2020-03-01"));

        var after = await StatisticsAsync();
        int Delta(string field) => (int)after[field]! - (int)before[field]!;
        Assert.Equal(1, Delta("agreements"));
        Assert.Equal(1, Delta("active"));
        Assert.Equal(0, Delta("draft"));
        Assert.Equal(1, Delta("commitments"));
        Assert.Equal(1, Delta("commitmentsMissed"));
        Assert.Equal(1, Delta("partiesYouthUnion"));
        Assert.Equal(1, Delta("partiesCooperativeAlliance"));
        Assert.Equal("01", (string?)after["provinceCode"]);
        await _client.SendJsonAsync(HttpMethod.Get, $"{Statistics}?provinceCode=1").Expect(HttpStatusCode.BadRequest);
    }

    private static List<string> States(JsonNode commitment) =>
        commitment["years"]!.AsArray().Select(y => (string)y!["state"]!).ToList();
}
