using System.Net;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.Cooperatives.CooperativesApi;

namespace CoopApi.IntegrationTests.Cooperatives;

/// <summary>
/// DELETE /api/v1/cooperatives/{id}: withdraws an entry made in error, only while its status
/// history holds nothing but the registration. The removal is remembered in domain_events.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DeleteCooperativeTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateClient();

    [Fact]
    public async Task Delete_OfAFreshRegistration_Returns204_RemovesTheRecordAndItsHistory_AndRecordsWhatWasRemoved()
    {
        var record = await TestData.CreateAsync(_client);
        var patched = await (await _client.PatchAsync(Id(record), new JsonObject { ["memberCount"] = 40 })).ReadNodeAsync();
        var before = await fixture.CountRowsAsync();

        var response = await _client.DeleteAsync(Id(record), ETagOf(patched));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(0, response.Content.Headers.ContentLength ?? 0);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(Item(Id(record)))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(HistoryOf(Id(record)))).StatusCode);
        Assert.Equal((before.Cooperatives - 1, before.StatusChanges - 1), await fixture.CountRowsAsync());
        Assert.Equal(0, await fixture.HistoryRowsAsync(Id(record)));
        // The outbox keeps every event, the removal last, with the values the audit trail shows.
        Assert.Equal(["CooperativeRegistered", "CooperativeDetailsChanged", "CooperativeDeleted"], await fixture.EventTypesOfAsync(Id(record)));
        var deleted = await fixture.LastEventPayloadAsync(Id(record), "CooperativeDeleted");
        Assert.Equal(Id(record), (string)deleted["aggregateId"]!);
        Assert.Equal("active", (string)deleted["status"]!);
        Assert.Equal((string)record["registrationCode"]!, (string)deleted["details"]!["registrationCode"]!);
        Assert.Equal((string)record["name"]!, (string)deleted["details"]!["name"]!);
        Assert.Equal(40, (int)deleted["details"]!["memberCount"]!);
    }

    [Fact]
    public async Task Delete_FreesTheRegistrationCode_ForANewRegistration()
    {
        var record = await TestData.CreateAsync(_client);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync(Id(record), ETagOf(record))).StatusCode);
        var again = TestData.NewCooperative();
        again["registrationCode"] = (string)record["registrationCode"]!;

        var response = await _client.PostJsonAsync(again);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotEqual(Id(record), Id(await response.ReadNodeAsync()));
    }

    [Fact]
    public async Task Delete_RemovesTheRecordFromTheList()
    {
        var record = await TestData.CreateAsync(_client);
        var code = (string)record["registrationCode"]!;
        Assert.Equal(1, (int)(await _client.ListAsync($"q={code}"))["totalCount"]!);

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync(Id(record), ETagOf(record))).StatusCode);

        Assert.Equal(0, (int)(await _client.ListAsync($"q={code}"))["totalCount"]!);
    }

    [Theory]
    [InlineData("suspended")]
    [InlineData("awaitingDissolution")]
    [InlineData("dissolved")]
    public async Task Delete_AfterAStatusChange_Returns409HasHistory_AndWritesNothing(string status)
    {
        var record = await CreateInStatusAsync(_client, status);
        var events = await fixture.AllEventsAsync();

        var response = await fixture.SendRejectedAsync(() => _client.DeleteAsync(Id(record), ETagOf(record)));

        var problem = await ProblemAssert.IsConflictAsync(response, "cooperative.hasHistory");
        Assert.Contains("/status", (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.Equal(events, await fixture.AllEventsAsync());
        Assert.True(JsonNode.DeepEquals(record, await _client.GetRecordAsync(Id(record))));
    }

    [Fact]
    public async Task Delete_OfAnOrganizationBackToActive_StillReturns409_BecauseItsHistoryStays()
    {
        var record = await CreateInStatusAsync(_client, "suspended");
        var reactivated = await (await _client.PostStatusAsync(Id(record), "active", "2021-01-01")).ReadNodeAsync();
        Assert.Equal("active", (string)reactivated["status"]!);

        var response = await fixture.SendRejectedAsync(() => _client.DeleteAsync(Id(record), ETagOf(reactivated)));

        await ProblemAssert.IsConflictAsync(response, "cooperative.hasHistory");
        Assert.Equal(3, await fixture.HistoryRowsAsync(Id(record)));
    }

    [Fact]
    public async Task Delete_AndAcceptLanguageVi_ExplainsTheRefusalInVietnamese()
    {
        using var client = fixture.CreateClient("vi");
        var record = await CreateInStatusAsync(client, "suspended");

        var response = await client.DeleteAsync(Id(record), ETagOf(record));

        var problem = await ProblemAssert.IsConflictAsync(response, "cooperative.hasHistory");
        Assert.Contains("chuyển trạng thái", (string)problem["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_UnknownId_Returns404_AndWritesNothing()
    {
        var response = await fixture.SendRejectedAsync(() => _client.DeleteAsync(UnknownId, "\"1\""));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("notFound", (string?)problem["code"]);
    }

    [Fact]
    public async Task Delete_Twice_TheSecondFindsNothing()
    {
        var record = await TestData.CreateAsync(_client);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync(Id(record), ETagOf(record))).StatusCode);

        var again = await _client.DeleteAsync(Id(record), ETagOf(record));

        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.NotFound);
        Assert.Single(await fixture.EventTypesOfAsync(Id(record)), "CooperativeDeleted");
    }
}
