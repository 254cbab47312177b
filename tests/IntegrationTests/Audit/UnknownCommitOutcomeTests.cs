using System.Net;
using System.Net.Http.Json;
using CoopApi.IntegrationTests.Support;

namespace CoopApi.IntegrationTests.Audit;

/// <summary>
/// A commit whose answer is lost (the connection breaks after COMMIT was sent) is not run again
/// blindly: the runner asks the server what became of the transaction. Without a registration
/// code nothing unique would stop a second cooperative group, so a blind rerun would register it
/// twice.
/// </summary>
[Collection(AuditHostCollection.Name)]
public sealed class UnknownCommitOutcomeTests(AuditHost host)
{
    private static System.Text.Json.Nodes.JsonObject NewGroup()
    {
        var body = TestData.NewCooperative($"Tổ hợp tác trồng na {TestData.UniqueToken()}");
        body["kind"] = "cooperativeGroup";
        body["registrationCode"] = null;
        body["memberCount"] = 7;
        return body;
    }

    private Task<long> CountAsync(string table, string name) => host.ScalarAsync<long>(
        table == "cooperatives"
            ? "SELECT count(*) FROM cooperatives WHERE name = $1"
            : "SELECT count(*) FROM domain_events WHERE payload -> 'details' ->> 'name' = $1",
        name);

    [Fact]
    public async Task CommitThatSucceeded_ButWhoseAnswerWasLost_Is201_WithOneRecordAndOneEvent()
    {
        var body = NewGroup();
        var before = host.Commits.Attempts;
        host.Commits.LoseAnswerOfNextCommit();

        var response = await host.CreateClient().PostAsJsonAsync("api/v1/cooperatives", body);

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        Assert.Equal(before + 1, host.Commits.Attempts); // the fault did fire
        Assert.Equal(1, await CountAsync("cooperatives", (string)body["name"]!));
        Assert.Equal(1, await CountAsync("domain_events", (string)body["name"]!));
        var created = await response.ReadNodeAsync();
        Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().GetAsync(response.Headers.Location)).StatusCode);
        Assert.Equal((string)body["name"]!, (string)created["name"]!);
    }

    [Fact]
    public async Task CommitThatReallyFailed_IsRunAgain_WithOneRecordAndOneEvent()
    {
        var body = NewGroup();
        var before = host.Commits.Attempts;
        host.Commits.FailNextCommit();

        var response = await host.CreateClient().PostAsJsonAsync("api/v1/cooperatives", body);

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        Assert.Equal(before + 1, host.Commits.Attempts);
        Assert.Equal(1, await CountAsync("cooperatives", (string)body["name"]!));
        Assert.Equal(1, await CountAsync("domain_events", (string)body["name"]!));
    }

    [Fact]
    public async Task CommitStillInProgress_Is503_NotRunAgain()
    {
        var body = NewGroup();
        var before = host.Commits.Attempts;
        host.Commits.LeaveNextCommitInProgress();

        var response = await host.CreateClient().PostAsJsonAsync("api/v1/cooperatives", body);

        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, await response.Content.ReadAsStringAsync());
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal(before + 1, host.Commits.Attempts); // asked once, never rerun
        Assert.Equal(0, await CountAsync("cooperatives", (string)body["name"]!)); // the open transaction was rolled back
    }
}
