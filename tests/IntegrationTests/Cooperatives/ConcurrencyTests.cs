using System.Net;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.Cooperatives.CooperativesApi;

namespace CoopApi.IntegrationTests.Cooperatives;

/// <summary>Writers racing each other: optimistic concurrency (ETag/If-Match) and the status history.</summary>
[Collection(ApiCollection.Name)]
public sealed class ConcurrencyTests(ApiFixture fixture)
{
    private const int Rounds = 5;

    private readonly HttpClient _client = fixture.CreateClient();

    private static async Task<(HttpStatusCode Status, string Body)> Outcome(Task<HttpResponseMessage> request)
    {
        var response = await request;
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static void AssertNoServerError((HttpStatusCode Status, string Body)[] outcomes)
    {
        Assert.All(outcomes, o => Assert.True(o.Status is HttpStatusCode.OK or HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed,
            $"{(int)o.Status}: {o.Body}"));
    }

    /// <summary>The history is one unbroken chain and the record's status is its last entry.</summary>
    private async Task AssertHistoryConsistentAsync(string id, int expectedChanges)
    {
        var history = await _client.GetHistoryAsync(id);
        Assert.Equal(1 + expectedChanges, history.Count);
        Assert.Null(history[0]!["fromStatus"]);
        for (var i = 1; i < history.Count; i++)
        {
            Assert.Equal((string)history[i - 1]!["toStatus"]!, (string)history[i]!["fromStatus"]!);
        }

        Assert.Equal((string)history[^1]!["toStatus"]!, (string)(await _client.GetRecordAsync(id))["status"]!);
        Assert.Equal(0, await fixture.ScalarAsync<long>(
            "SELECT count(*) - count(DISTINCT sequence) FROM status_changes WHERE cooperative_id = $1", Guid.Parse(id)));
        Assert.Equal(history.Count, await fixture.HistoryRowsAsync(id));
    }

    /// <summary>
    /// The losers of If-Match races, checked after every round has been checked for the things
    /// that matter more (one winner, no 500, consistent state): a client that sent If-Match
    /// must learn with 412 that its version is gone, whether the other writer got in before
    /// its read or only before its write.
    /// </summary>
    private static void AssertLosersGot412(List<(int Round, HttpStatusCode Status, string Body)> losers) =>
        Assert.True(losers.All(l => l.Status == HttpStatusCode.PreconditionFailed),
            $"{losers.Count(l => l.Status != HttpStatusCode.PreconditionFailed)} of {losers.Count} losers did not get 412: " +
            string.Join(" | ", losers.Where(l => l.Status != HttpStatusCode.PreconditionFailed).Select(l => $"round {l.Round}: {(int)l.Status} {l.Body}")));

    [Fact]
    public async Task TwoUpdates_WithTheSameIfMatch_ExactlyOneWinsAndTheOtherGets412()
    {
        var losers = new List<(int Round, HttpStatusCode Status, string Body)>();
        for (var round = 0; round < Rounds; round++)
        {
            var record = await TestData.CreateAsync(_client);
            var first = UpdateBodyFrom(record);
            first["name"] = $"Hợp tác xã Thứ Nhất {TestData.UniqueToken()}";
            var second = UpdateBodyFrom(record);
            second["name"] = $"Hợp tác xã Thứ Hai {TestData.UniqueToken()}";

            var outcomes = await Task.WhenAll(
                Outcome(_client.PutJsonAsync(Id(record), first, ETagOf(record))),
                Outcome(_client.PutJsonAsync(Id(record), second, ETagOf(record))));

            AssertNoServerError(outcomes);
            Assert.True(outcomes.Count(o => o.Status == HttpStatusCode.OK) == 1, $"round {round}: {string.Join(" | ", outcomes)}");
            losers.AddRange(outcomes.Where(o => o.Status != HttpStatusCode.OK).Select(o => (round, o.Status, o.Body)));
            var winner = JsonNode.Parse(outcomes.Single(o => o.Status == HttpStatusCode.OK).Body)!;
            var stored = await _client.GetRecordAsync(Id(record));
            Assert.Equal((string)winner["name"]!, (string)stored["name"]!);
            Assert.Equal((int)winner["version"]!, (int)stored["version"]!);
        }

        AssertLosersGot412(losers);
    }

    [Fact]
    public async Task UpdateAndStatusChange_WithTheSameIfMatch_ExactlyOneWinsAndTheOtherGets412()
    {
        var losers = new List<(int Round, HttpStatusCode Status, string Body)>();
        for (var round = 0; round < Rounds; round++)
        {
            var record = await TestData.CreateAsync(_client);
            var body = UpdateBodyFrom(record);
            body["memberCount"] = 99;

            var outcomes = await Task.WhenAll(
                Outcome(_client.PutJsonAsync(Id(record), body, ETagOf(record))),
                Outcome(_client.PostStatusAsync(Id(record), "suspended", "2020-01-01", ifMatch: ETagOf(record))));

            AssertNoServerError(outcomes);
            Assert.True(outcomes.Count(o => o.Status == HttpStatusCode.OK) == 1, $"round {round}: {string.Join(" | ", outcomes)}");
            losers.AddRange(outcomes.Where(o => o.Status != HttpStatusCode.OK).Select(o => (round, o.Status, o.Body)));
            var stored = await _client.GetRecordAsync(Id(record));
            var updateWon = outcomes[0].Status == HttpStatusCode.OK;
            Assert.Equal(updateWon ? 99 : 35, (int)stored["memberCount"]!);
            Assert.Equal(updateWon ? "active" : "suspended", (string)stored["status"]!);
            await AssertHistoryConsistentAsync(Id(record), updateWon ? 0 : 1);
        }

        AssertLosersGot412(losers);
    }

    [Fact]
    public async Task ConcurrentIdenticalStatusChanges_WithTheSameIfMatch_OnlyOneIsRecorded_TheOthersGet412()
    {
        var losers = new List<(int Round, HttpStatusCode Status, string Body)>();
        for (var round = 0; round < Rounds; round++)
        {
            var record = await TestData.CreateAsync(_client);

            var outcomes = await Task.WhenAll(Enumerable.Range(0, 3)
                .Select(_ => Outcome(_client.PostStatusAsync(Id(record), "suspended", "2020-01-01", ifMatch: ETagOf(record)))));

            AssertNoServerError(outcomes);
            Assert.True(outcomes.Count(o => o.Status == HttpStatusCode.OK) == 1, $"round {round}: {string.Join(" | ", outcomes)}");
            losers.AddRange(outcomes.Where(o => o.Status != HttpStatusCode.OK).Select(o => (round, o.Status, o.Body)));
            Assert.Equal("suspended", (string)(await _client.GetRecordAsync(Id(record)))["status"]!);
            await AssertHistoryConsistentAsync(Id(record), 1);
        }

        AssertLosersGot412(losers);
    }

    [Fact]
    public async Task ConcurrentDifferentStatusChanges_WithTheSameIfMatch_ExactlyOneWins_AndTheHistoryStaysAChain()
    {
        var losers = new List<(int Round, HttpStatusCode Status, string Body)>();
        for (var round = 0; round < Rounds; round++)
        {
            var record = await TestData.CreateAsync(_client);

            var outcomes = await Task.WhenAll(
                Outcome(_client.PostStatusAsync(Id(record), "suspended", "2020-01-01", ifMatch: ETagOf(record))),
                Outcome(_client.PostStatusAsync(Id(record), "awaitingDissolution", "2020-01-01", ifMatch: ETagOf(record))),
                Outcome(_client.PostStatusAsync(Id(record), "suspended", "2020-01-01", ifMatch: ETagOf(record))));

            AssertNoServerError(outcomes);
            Assert.True(outcomes.Count(o => o.Status == HttpStatusCode.OK) == 1, $"round {round}: {string.Join(" | ", outcomes)}");
            losers.AddRange(outcomes.Where(o => o.Status != HttpStatusCode.OK).Select(o => (round, o.Status, o.Body)));
            await AssertHistoryConsistentAsync(Id(record), 1);
        }

        AssertLosersGot412(losers);
    }

    [Fact]
    public async Task TwoPatches_WithTheSameIfMatch_ExactlyOneWinsAndTheOtherGets412()
    {
        var losers = new List<(int Round, HttpStatusCode Status, string Body)>();
        for (var round = 0; round < Rounds; round++)
        {
            var record = await TestData.CreateAsync(_client);

            var outcomes = await Task.WhenAll(
                Outcome(_client.PatchAsync(Id(record), new JsonObject { ["memberCount"] = 50 }, ETagOf(record))),
                Outcome(_client.PatchAsync(Id(record), new JsonObject { ["charterCapital"] = 7_000_000_000L }, ETagOf(record))));

            AssertNoServerError(outcomes);
            Assert.True(outcomes.Count(o => o.Status == HttpStatusCode.OK) == 1, $"round {round}: {string.Join(" | ", outcomes)}");
            losers.AddRange(outcomes.Where(o => o.Status != HttpStatusCode.OK).Select(o => (round, o.Status, o.Body)));
            // The loser's field keeps its old value: no merge of two patches based on one version.
            var stored = await _client.GetRecordAsync(Id(record));
            var firstWon = outcomes[0].Status == HttpStatusCode.OK;
            Assert.Equal(firstWon ? 50 : 35, (int)stored["memberCount"]!);
            Assert.Equal(firstWon ? (long)record["charterCapital"]! : 7_000_000_000L, (long)stored["charterCapital"]!);
            Assert.Equal(2, (await fixture.EventTypesOfAsync(Id(record))).Count);
        }

        AssertLosersGot412(losers);
    }

    [Fact]
    public async Task PatchAndStatusChange_WithTheSameIfMatch_ExactlyOneWinsAndTheOtherGets412()
    {
        var losers = new List<(int Round, HttpStatusCode Status, string Body)>();
        for (var round = 0; round < Rounds; round++)
        {
            var record = await TestData.CreateAsync(_client);

            var outcomes = await Task.WhenAll(
                Outcome(_client.PatchAsync(Id(record), new JsonObject { ["memberCount"] = 77 }, ETagOf(record))),
                Outcome(_client.PostStatusAsync(Id(record), "suspended", "2020-01-01", ifMatch: ETagOf(record))));

            AssertNoServerError(outcomes);
            Assert.True(outcomes.Count(o => o.Status == HttpStatusCode.OK) == 1, $"round {round}: {string.Join(" | ", outcomes)}");
            losers.AddRange(outcomes.Where(o => o.Status != HttpStatusCode.OK).Select(o => (round, o.Status, o.Body)));
            var patchWon = outcomes[0].Status == HttpStatusCode.OK;
            var stored = await _client.GetRecordAsync(Id(record));
            Assert.Equal(patchWon ? 77 : 35, (int)stored["memberCount"]!);
            await AssertHistoryConsistentAsync(Id(record), patchWon ? 0 : 1);
        }

        AssertLosersGot412(losers);
    }

    public static TheoryData<string> WritesRacingADelete => new() { "DELETE", "PUT", "PATCH", "POST status" };

    [Theory]
    [MemberData(nameof(WritesRacingADelete))]
    public async Task DeleteAndAnotherWrite_WithTheSameIfMatch_ExactlyOneWins_TheOtherGets412OrFindsItGone(string other)
    {
        var losers = new List<(int Round, HttpStatusCode Status, string Body)>();
        for (var round = 0; round < Rounds; round++)
        {
            var record = await TestData.CreateAsync(_client);

            var outcomes = await Task.WhenAll(
                Outcome(_client.DeleteAsync(Id(record), ETagOf(record))),
                Outcome(IfMatchRequiredTests.WriteAsync(_client, other, record, ETagOf(record))));

            Assert.All(outcomes, o => Assert.True(o.Status is HttpStatusCode.OK or HttpStatusCode.NoContent
                or HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound or HttpStatusCode.Conflict, $"{(int)o.Status}: {o.Body}"));
            var winners = outcomes.Count(o => o.Status is HttpStatusCode.OK or HttpStatusCode.NoContent);
            Assert.True(winners == 1, $"round {round}: {string.Join(" | ", outcomes)}");
            var deleteWon = outcomes.Any(o => o.Status == HttpStatusCode.NoContent);
            // A writer that comes after the delete finds nothing (404, RFC 9110 §13.2.1: no
            // precondition is evaluated for a missing resource); one that read the record before
            // it went learns that its version is gone (412). A loser of the delete itself always gets 412.
            losers.AddRange(outcomes.Where(o => o.Status is not (HttpStatusCode.OK or HttpStatusCode.NoContent)
                    && !(deleteWon && o.Status == HttpStatusCode.NotFound))
                .Select(o => (round, o.Status, o.Body)));
            var get = await _client.GetAsync(Item(Id(record)));
            Assert.Equal(deleteWon ? HttpStatusCode.NotFound : HttpStatusCode.OK, get.StatusCode);
            Assert.Equal(deleteWon ? 0 : other == "POST status" ? 2 : 1, await fixture.HistoryRowsAsync(Id(record)));
            Assert.Equal(deleteWon ? "CooperativeDeleted" : other == "POST status" ? "CooperativeStatusChanged" : "CooperativeDetailsChanged",
                (await fixture.EventTypesOfAsync(Id(record)))[^1]);
        }

        AssertLosersGot412(losers);
    }

    [Fact]
    public async Task ConcurrentRegistrations_WithTheSameCode_OnlyOneIsStored()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var code = TestData.UniqueRegistrationCode();
            var bodies = Enumerable.Range(0, 3).Select(_ =>
            {
                var body = TestData.NewCooperative();
                body["registrationCode"] = code;
                return body;
            }).ToArray();
            var before = await fixture.CountRowsAsync();

            var outcomes = await Task.WhenAll(bodies.Select(b => Outcome(_client.PostJsonAsync(b))));

            Assert.True(outcomes.Count(o => o.Status == HttpStatusCode.Created) == 1, $"round {round}: {string.Join(" | ", outcomes)}");
            Assert.All(outcomes.Where(o => o.Status != HttpStatusCode.Created), o =>
            {
                Assert.True(o.Status == HttpStatusCode.Conflict, o.Body);
                var problem = JsonNode.Parse(o.Body)!;
                Assert.Equal("duplicate", (string?)problem["code"]);
                Assert.Equal("registrationCode", (string?)problem["field"]);
            });
            Assert.Equal(1, await fixture.ScalarAsync<long>("SELECT count(*) FROM cooperatives WHERE registration_code = $1", code));
            Assert.Equal((before.Cooperatives + 1, before.StatusChanges + 1), await fixture.CountRowsAsync());
        }
    }
}
