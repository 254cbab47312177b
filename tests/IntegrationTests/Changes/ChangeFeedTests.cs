using System.Net;
using System.Text.Json.Nodes;
using CoopApi.Application.Common.Interfaces;
using CoopApi.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoopApi.IntegrationTests.Cooperatives.CooperativesApi;

namespace CoopApi.IntegrationTests.Changes;

/// <summary>
/// <c>GET /api/v1/changes</c>: every change of every resource, with its version and its new
/// representation, filtered by entity type and province, from a cursor that only the feed issues;
/// and the explicit versions it reports.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ChangeFeedTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateClient();

    /// <summary>Where the feed ends now: changes made after this are read from it.</summary>
    private async Task<string> EndAsync(string? filters = null) => (await _client.DrainAsync(filters: filters)).Cursor;

    [Fact]
    public async Task Versions_StartAtOne_AndMoveByOnePerAcceptedChange()
    {
        var body = TestData.NewCooperative();
        var created = await TestData.CreateAsync(_client, body);
        Assert.Equal(1, (int)created["version"]!);

        var unchanged = await _client.PutJsonAsync(Id(created), body, "\"1\"");
        Assert.Equal(HttpStatusCode.OK, unchanged.StatusCode);
        Assert.Equal("\"1\"", unchanged.Headers.ETag!.Tag); // nothing changed: no event, same version

        body["memberCount"] = 40;
        var updated = await _client.PutJsonAsync(Id(created), body, "\"1\"");
        Assert.Equal("\"2\"", updated.Headers.ETag!.Tag);

        var suspended = await _client.PostStatusAsync(Id(created), "suspended", "2020-01-01", ifMatch: "\"2\"");
        Assert.Equal("\"3\"", suspended.Headers.ETag!.Tag);
        Assert.Equal(3, (int)(await _client.GetRecordAsync(Id(created)))["version"]!);

        var stale = await _client.PostStatusAsync(Id(created), "active", "2020-02-01", ifMatch: "\"2\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
    }

    [Fact]
    public async Task CreateUpdateAndStatusChange_EachAppearOnce_WithVersionLinkAndTheRecordAsGetReturnsIt()
    {
        var after = await EndAsync();
        var body = TestData.NewCooperative();
        var created = await TestData.CreateAsync(_client, body);
        var id = Id(created);
        body["memberCount"] = 40;
        var afterPut = (await (await _client.PutJsonAsync(id, body, ETagOf(created))).Content.ReadAsStringAsync());
        await _client.PostStatusAsync(id, "suspended", "2020-01-01", ifMatch: ETagOf(JsonNode.Parse(afterPut)!));
        var record = await _client.GetRecordAsync(id);

        var (entries, _) = await _client.DrainAsync(after);

        var mine = entries.Where(e => e.EntityId == id).ToList();
        Assert.Equal(["created", "updated", "updated"], mine.Select(e => e.Operation));
        Assert.Equal([1, 2, 3], mine.Select(e => e.Version ?? 0));
        Assert.All(mine, e => Assert.Equal("cooperative", e.EntityType));
        Assert.All(mine, e => Assert.Equal($"/api/v1/cooperatives/{id}", e.Link));
        Assert.All(mine, e => Assert.Equal(e.Version, (int)e.Data!["version"]!));
        Assert.Equal(35, (int)mine[0].Data!["memberCount"]!);
        Assert.Equal(40, (int)mine[1].Data!["memberCount"]!);
        Assert.Equal("active", (string)mine[1].Data!["status"]!);
        Assert.True(JsonNode.DeepEquals(record, mine[2].Data), $"feed: {mine[2].Data.Text()}\nGET: {record.Text()}");
        Assert.True(JsonNode.DeepEquals(created, mine[0].Data), $"feed: {mine[0].Data.Text()}\n201: {created.Text()}");
    }

    [Fact]
    public async Task EmptyPage_ReturnsTheCursorItWasGiven()
    {
        var end = await EndAsync();

        var (entries, next, hasMore) = await _client.PageAsync(end, 5);

        Assert.Empty(entries);
        Assert.Equal(end, next);
        Assert.False(hasMore);
    }

    [Fact]
    public async Task SmallPages_ReadTheSameEntriesAsOneLargePage()
    {
        var after = await EndAsync();
        for (var i = 0; i < 3; i++)
        {
            await TestData.CreateAsync(_client);
        }

        var (large, _) = await _client.DrainAsync(after, 1000);
        var (small, _) = await _client.DrainAsync(after, 1);

        Assert.Equal(3, large.Count);
        Assert.Equal(large.Select(e => e.Cursor), small.Select(e => e.Cursor));
    }

    [Fact]
    public async Task ProvinceFilter_GivesTheProvincesChanges_IncludingTheMoveOut()
    {
        var lang = await EndAsync("provinceCode=20");
        var hanoi = await EndAsync("provinceCode=01");
        var body = TestData.NewCooperative(); // Lạng Sơn (20)
        var moving = await TestData.CreateAsync(_client, body);
        var staying = await TestData.CreateAsync(_client);
        // To Hà Nội (01), not to the demo province 24, whose totals other tests check.
        body["provinceCode"] = "01";
        body["communeCode"] = "00004"; // Phường Ba Đình
        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync(Id(moving), body, ETagOf(moving))).StatusCode);
        body["memberCount"] = 50;
        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync(Id(moving), body, "\"2\"")).StatusCode);

        var (inLang, _) = await _client.DrainAsync(lang, 2, "provinceCode=20");
        var (inHanoi, _) = await _client.DrainAsync(hanoi, 2, "provinceCode=01&entityType=cooperative");

        // Lạng Sơn sees both registrations and the move out (its data says where the record went); not what followed.
        Assert.Equal([(Id(moving), 1), (Id(staying), 1), (Id(moving), 2)], inLang.Select(e => (e.EntityId, e.Version ?? 0)));
        Assert.Equal("01", (string)inLang[2].Data!["provinceCode"]!);
        // Hà Nội sees the record from the move in.
        Assert.Equal([(Id(moving), 2), (Id(moving), 3)], inHanoi.Select(e => (e.EntityId, e.Version ?? 0)));
    }

    [Fact]
    public async Task EntityTypeFilter_GivesThatTypesChanges()
    {
        var after = await EndAsync("entityType=cooperative");
        var created = await TestData.CreateAsync(_client);

        var (entries, _) = await _client.DrainAsync(after, 10, "entityType=cooperative");

        Assert.Equal(Id(created), Assert.Single(entries).EntityId);
    }

    [Theory]
    [InlineData("after=garbage", "after")]
    [InlineData("after=12", "after")]
    [InlineData("after=12-", "after")]
    [InlineData("after=-12", "after")]
    [InlineData("after=012-3", "after")]
    [InlineData("after=1-2-3", "after")]
    [InlineData("after=%2B1-2", "after")]
    [InlineData("after=99999999999999999999999-1", "after")]
    [InlineData("after=1-2&after=1-3", "after")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("entityType=committee", "entityType")]
    [InlineData("provinceCode=2", "provinceCode")]
    [InlineData("provinceCode=99", "provinceCode")]
    [InlineData("since=1-2", "since")]
    public async Task BadParameters_Get400NamingTheParameter(string query, string parameter)
    {
        var response = await _client.GetAsync($"{ChangeFeed.Route}?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.ReadNodeAsync();
        Assert.True(problem["errors"]![parameter] is JsonArray { Count: > 0 }, problem.Text());
    }

    [Fact]
    public async Task Replay_FromTheStart_EndsWithExactlyTheRegister()
    {
        // A few changes of every kind on top of the demo data.
        var record = await TestData.CreateAsync(_client);
        var body = UpdateBodyFrom(record);
        body["charterCapital"] = 2_000_000_000L;
        await _client.PutJsonAsync(Id(record), body, ETagOf(record));
        await _client.PostStatusAsync(Id(record), "suspended", "2020-01-01");

        var copy = new Dictionary<string, JsonNode>();
        var (entries, _) = await _client.DrainAsync(filters: "entityType=cooperative");
        foreach (var entry in entries)
        {
            if (entry.Operation == "deleted")
            {
                copy.Remove(entry.EntityId);
            }
            else
            {
                copy[entry.EntityId] = entry.Data!;
            }
        }

        var register = new Dictionary<string, JsonNode>();
        for (var page = 1; ; page++)
        {
            var items = (await _client.ListAsync($"sort=createdAt&pageSize=200&page={page}"))["items"]!.AsArray();
            foreach (var item in items)
            {
                register[Id(item!)] = item!;
            }

            if (items.Count < 200)
            {
                break;
            }
        }

        Assert.True(register.Count > 1000, "the demo data is in the register");
        Assert.Equal(register.Keys.Order(), copy.Keys.Order());
        var differing = register.Keys.Where(id => !JsonNode.DeepEquals(register[id], copy[id])).ToList();
        Assert.True(differing.Count == 0, differing.Count == 0 ? "" : $"{differing.Count} differ, e.g. feed {copy[differing[0]].Text()}\nregister {register[differing[0]].Text()}");
        Assert.True(JsonNode.DeepEquals(await _client.GetRecordAsync(Id(record)), copy[Id(record)]));
    }

    [Fact]
    public async Task ASaveThatChangesAnEntityWithoutAnEvent_IsRefused()
    {
        var created = await TestData.CreateAsync(_client);
        var id = Guid.Parse(Id(created));

        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
        var cooperative = await db.Cooperatives.FirstAsync(c => c.Id == id);
        ((DbContext)db).Entry(cooperative).Property(c => c.MemberCount).CurrentValue = 99;

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(CancellationToken.None));

        Assert.Contains("raised no domain event", refused.Message, StringComparison.Ordinal);
        Assert.Equal(35, (int)(await _client.GetRecordAsync(Id(created)))["memberCount"]!);
        Assert.Equal(1, (int)(await _client.GetRecordAsync(Id(created)))["version"]!);
    }

    [Fact]
    public async Task AChildRowChangedWhileItsAggregateRaisesNoEvent_IsRefused_AndOneWhoseAggregateIsNotTracked_Too()
    {
        var created = await TestData.CreateAsync(_client);
        var id = Guid.Parse(Id(created));

        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
            var cooperative = await db.Cooperatives.Include(c => c.StatusHistory).FirstAsync(c => c.Id == id);
            ((DbContext)db).Entry(cooperative.StatusHistory[0]).Property(s => s.Reason).CurrentValue = "changed behind the aggregate's back";

            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(CancellationToken.None));
            Assert.Contains("StatusChange was modified while its Cooperative raised no domain event", refused.Message, StringComparison.Ordinal);
        }

        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
            var row = await db.Set<CoopApi.Domain.Cooperatives.StatusChange>().FirstAsync(s => s.CooperativeId == id);
            db.Entry(row).Property(s => s.Reason).CurrentValue = "changed with no aggregate at all";

            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(CancellationToken.None));
            Assert.Contains("no aggregate it belongs to is tracked", refused.Message, StringComparison.Ordinal);
        }

        Assert.Equal(0, await fixture.ScalarAsync<long>("SELECT count(*) FROM status_changes WHERE cooperative_id = $1 AND reason LIKE 'changed %'", id));
    }
}
