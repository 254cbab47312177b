using System.Net;
using System.Text.Json.Nodes;
using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Domain.SteeringCommittees;
using CoopApi.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoopApi.IntegrationTests.SteeringCommittees.SteeringApi;

namespace CoopApi.IntegrationTests.SteeringCommittees;

/// <summary>Members' terms: one head at a time, terms inside the committee's life, no person twice at once, ending instead of deleting.</summary>
[Collection(ApiCollection.Name)]
public sealed class MemberTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateAdminClient();

    private Task<JsonNode> AddAsync(string committeeId, JsonObject member, HttpStatusCode expected = HttpStatusCode.Created) =>
        _client.SendAsync(HttpMethod.Post, Members(committeeId), member).ExpectAsync(expected);

    [Fact]
    public async Task A_member_added_while_the_committee_is_deleted_by_another_writer_is_a_conflict_not_a_server_error()
    {
        // Found by the generated fuzz run: a DELETE of the committee committed between the addition's
        // load and its save; the member's row then violated its foreign key and the API answered 500.
        var id = Guid.Parse(Id(await _client.CreateCommitteeAsync()));
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
        var committee = await db.Set<SteeringCommittee>().SingleAsync(c => c.Id == id);

        Assert.Equal(1, await fixture.ScalarAsync<int>(
            "WITH gone AS (DELETE FROM steering_committees WHERE id = $1 RETURNING 1) SELECT count(*)::int FROM gone", id));
        committee.AddMember("Nguyễn Văn Muộn", null, null, CommitteeRole.StandingMember, new DateOnly(2024, 1, 1), null,
            DateTimeOffset.UtcNow);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => db.SaveChangesAsync(CancellationToken.None));
        Assert.Equal(0, await fixture.ScalarAsync<int>("SELECT count(*)::int FROM steering_committee_members WHERE committee_id = $1", id));
    }

    [Fact]
    public async Task A_second_head_at_overlapping_dates_is_refused_and_writes_nothing()
    {
        var committee = Id(await _client.CreateCommitteeAsync());
        await AddAsync(committee, NewMember("Nguyễn Văn Head", "head", "2020-01-01", "2022-12-31"));
        var before = await fixture.RowCountsAsync();
        var version = (int)(await _client.GetNodeAsync(Committee(committee)))["version"]!;

        var problem = await _client.SendAsync(HttpMethod.Post, Members(committee), NewMember("Trần Thị Khác", "head", "2022-06-01"))
            .ExpectConflictAsync("member.headOverlap");
        Assert.Contains("Nguyễn Văn Head", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal(before, await fixture.RowCountsAsync());
        Assert.Equal(version, (int)(await _client.GetNodeAsync(Committee(committee)))["version"]!);

        // The day after the first head's term ends, another head may start.
        await AddAsync(committee, NewMember("Trần Thị Khác", "head", "2023-01-01"));
        // A deputy at the same dates is no head.
        await AddAsync(committee, NewMember("Lê Văn Phó", "deputyHead", "2020-01-01"));
    }

    [Fact]
    public async Task The_same_person_cannot_hold_two_terms_at_overlapping_dates()
    {
        var committee = Id(await _client.CreateCommitteeAsync());
        await AddAsync(committee, NewMember("Phùng Thị Thanh Nga", "standingMember", "2020-01-01", "2023-12-31"));
        var before = await fixture.RowCountsAsync();
        await _client.SendAsync(HttpMethod.Post, Members(committee), NewMember("  phùng thị  THANH nga ", "member", "2023-12-31"))
            .ExpectConflictAsync("member.personOverlap");
        Assert.Equal(before, await fixture.RowCountsAsync());
        await AddAsync(committee, NewMember("Phùng Thị Thanh Nga", "deputyHead", "2024-01-01"));
    }

    [Theory]
    [InlineData("2019-06-10", null)]
    [InlineData("2019-06-11", "2025-01-01")]
    public async Task A_term_outside_the_committees_life_is_refused(string from, string? to)
    {
        var committee = await _client.CreateCommitteeAsync(); // established 2019-06-11
        if (to is not null)
        {
            await _client.SendAsync(HttpMethod.Post, $"{Committee(Id(committee))}/status",
                new JsonObject { ["status"] = "dissolved", ["effectiveOn"] = "2024-12-31" }, ETag(committee)).ExpectAsync(HttpStatusCode.OK);
        }

        var before = await fixture.RowCountsAsync();
        var code = to is null ? "member.outsideCommitteeLife" : "steeringCommittee.dissolved";
        await _client.SendAsync(HttpMethod.Post, Members(Id(committee)), NewMember("Vi Văn Ngoài", "member", from, to)).ExpectConflictAsync(code);
        Assert.Equal(before, await fixture.RowCountsAsync());
    }

    [Fact]
    public async Task A_term_ending_after_the_dissolution_cannot_exist_the_dissolution_ends_it()
    {
        var committee = await _client.CreateCommitteeAsync();
        await AddAsync(Id(committee), NewMember("Hà Văn Dài", "member", "2020-01-01", "2030-12-31"));
        var current = await _client.GetNodeAsync(Committee(Id(committee)));
        var dissolved = await _client.SendAsync(HttpMethod.Post, $"{Committee(Id(committee))}/status",
            new JsonObject { ["status"] = "dissolved", ["effectiveOn"] = "2024-12-31" }, ETag(current)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("2024-12-31", (string?)dissolved["members"]![0]!["to"]);
    }

    [Fact]
    public async Task A_dissolution_before_a_term_begins_is_refused()
    {
        var committee = await _client.CreateCommitteeAsync();
        await AddAsync(Id(committee), NewMember("Hà Văn Muộn", "member", "2024-01-01"));
        var current = await _client.GetNodeAsync(Committee(Id(committee)));
        await _client.SendAsync(HttpMethod.Post, $"{Committee(Id(committee))}/status",
            new JsonObject { ["status"] = "dissolved", ["effectiveOn"] = "2023-12-31" }, ETag(current))
            .ExpectConflictAsync("steeringCommittee.membersAfterDissolution");
    }

    [Fact]
    public async Task A_term_is_ended_not_deleted_and_the_composition_as_of_a_date_follows()
    {
        var committee = Id(await _client.CreateCommitteeAsync());
        using (var added = await _client.SendAsync(HttpMethod.Post, Members(committee), NewMember("Hoàng Văn Trưởng", "head", "2020-01-01")))
        {
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
            var location = added.Headers.Location!.ToString();
            var term = await added.ReadNodeAsync();
            Assert.EndsWith($"{Members(committee)}/{Id(term)}", location, StringComparison.Ordinal);
            Assert.True(JsonNode.DeepEquals(term, await _client.GetNodeAsync($"{Members(committee)}/{Id(term)}")));
        }

        var head = (await _client.GetNodeAsync(Members(committee)))[0]!;
        await AddAsync(committee, NewMember("Lương Thị Thành Viên", "member", "2021-01-01"));
        var current = await _client.GetNodeAsync(Committee(committee));

        using (var missing = await _client.SendAsync(HttpMethod.Post, $"{Members(committee)}/{Id(head)}/end", new JsonObject { ["to"] = "2022-12-31" }))
        {
            Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);
        }

        using var ended = await _client.SendAsync(HttpMethod.Post, $"{Members(committee)}/{Id(head)}/end",
            new JsonObject { ["to"] = "2022-12-31" }, ETag(current));
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal($"\"{(int)current["version"]! + 1}\"", ended.Headers.ETag?.Tag);
        Assert.Equal("2022-12-31", (string?)(await ended.ReadNodeAsync())["to"]);

        var successor = await AddAsync(committee, NewMember("Đinh Văn Kế Nhiệm", "head", "2023-01-01"));

        async Task<string[]> Names(string asOf) => (await _client.GetNodeAsync($"{Members(committee)}?asOf={asOf}")).AsArray()
            .Select(m => (string)m!["fullName"]!).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(["Hoàng Văn Trưởng"], await Names("2020-06-01"));
        Assert.Equal(["Hoàng Văn Trưởng", "Lương Thị Thành Viên"], await Names("2022-12-31"));
        Assert.Equal(["Lương Thị Thành Viên", "Đinh Văn Kế Nhiệm"], await Names("2023-01-01"));
        Assert.Equal(3, (await _client.GetNodeAsync(Members(committee))).AsArray().Count);
        Assert.Equal(Id(successor), Id((await _client.GetNodeAsync(Members(committee)))[2]!));

        // Ending it again, on the same or a later day, is refused; there is no DELETE of a term.
        var latest = await _client.GetNodeAsync(Committee(committee));
        await _client.SendAsync(HttpMethod.Post, $"{Members(committee)}/{Id(head)}/end", new JsonObject { ["to"] = "2023-06-30" }, ETag(latest))
            .ExpectConflictAsync("member.alreadyEnded");
        await _client.SendAsync(HttpMethod.Delete, $"{Members(committee)}/{Id(head)}").ExpectAsync(HttpStatusCode.MethodNotAllowed);
        await _client.SendAsync(HttpMethod.Get, $"{Members(committee)}?asOf=2023-13-01").ExpectFieldErrorAsync("asOf");
    }

    [Fact]
    public async Task Two_concurrent_requests_to_add_a_head_never_both_succeed()
    {
        for (var round = 0; round < 5; round++)
        {
            var committee = Id(await _client.CreateCommitteeAsync());
            using var start = new SemaphoreSlim(0);
            var racers = Enumerable.Range(0, 4).Select(async i =>
            {
                using var client = fixture.CreateAdminClient();
                await start.WaitAsync();
                using var response = await client.SendAsync(HttpMethod.Post, Members(committee), NewMember($"Người Thứ {i}", "head", "2020-01-01"));
                return (response.StatusCode, await response.Content.ReadAsStringAsync());
            }).ToArray();
            start.Release(racers.Length);
            var outcomes = await Task.WhenAll(racers);

            Assert.All(outcomes, o => Assert.True(o.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{(int)o.StatusCode}: {o.Item2}"));
            Assert.Equal(1, outcomes.Count(o => o.StatusCode == HttpStatusCode.Created));
            var members = (await _client.GetNodeAsync(Members(committee))).AsArray();
            Assert.Single(members);
            Assert.Equal(1, await fixture.ScalarAsync<long>(
                "SELECT count(*) FROM steering_committee_members WHERE committee_id = $1 AND role = 'head'", Guid.Parse(committee)));
        }
    }

    [Fact]
    public async Task Member_fields_are_validated_in_both_languages()
    {
        var committee = Id(await _client.CreateCommitteeAsync());
        var body = NewMember("", "member", "2020-02-01", "2020-01-01");
        var english = await _client.SendAsync(HttpMethod.Post, Members(committee), body).ExpectFieldErrorAsync("fullName");
        Assert.NotNull(english["errors"]!["to"]);
        using var vi = fixture.CreateAdminClient("vi");
        var vietnamese = await vi.SendAsync(HttpMethod.Post, Members(committee), body).ExpectFieldErrorAsync("fullName");
        Assert.Contains("bắt buộc", vietnamese["errors"]!["fullName"]![0]!.ToString(), StringComparison.Ordinal);
    }
}
