using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.Cooperatives.CooperativesApi;
using static CoopApi.IntegrationTests.Cooperatives.ProblemAssert;

namespace CoopApi.IntegrationTests.Audit;

/// <summary>
/// <c>GET /api/v1/audit</c>: every accepted change, told from the stored events as who, when,
/// which request and each field before and after; filtered, paged by cursor; nothing from a
/// rejected write.
/// </summary>
[Collection(AuditHostCollection.Name)]
public sealed class AuditTrailTests(AuditHost host)
{
    private const string Route = "api/v1/audit";

    private static string NewUser() => $"user-{Guid.NewGuid():N}";

    private static string NewTraceId() => Guid.NewGuid().ToString("N");

    private static async Task<HttpResponseMessage> SendTracedAsync(HttpClient client, HttpMethod method, string uri, JsonNode body,
        string traceId, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = JsonContent.Create(body) };
        request.Headers.Add("traceparent", $"00-{traceId}-{Guid.NewGuid().ToString("N")[..16]}-01");
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private async Task<JsonNode> AuditAsync(string query)
    {
        var response = await host.CreateClient().GetAsync($"{Route}?{query}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    private static JsonNode Change(JsonNode entry, string field) =>
        entry["changes"]!.AsArray().Single(c => (string)c!["field"]! == field)!;

    private static string Encoded(JsonNode? instant) => Uri.EscapeDataString((string)instant!);

    [Fact]
    public async Task CreatePutAndStatusChange_EachGiveAnEntry_WithBeforeAndAfterPerField_TheActorAndTheRequestsTraceId()
    {
        var user = NewUser();
        var client = host.CreateClient(user);
        var body = TestData.NewCooperative();
        var (createTrace, putTrace, statusTrace) = (NewTraceId(), NewTraceId(), NewTraceId());

        var created = await SendTracedAsync(client, HttpMethod.Post, "api/v1/cooperatives", body, createTrace);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var record = (await created.ReadNodeAsync())!;
        var put = body.DeepClone().AsObject();
        put["memberCount"] = 40;
        put["sector"] = "tradeServices";
        put["employeeCount"] = null;
        var updated = await SendTracedAsync(client, HttpMethod.Put, Item(Id(record)), put, putTrace, ETagOf(record));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var status = await SendTracedAsync(client, HttpMethod.Post, StatusOf(Id(record)),
            StatusBody("suspended", "2020-01-01", "Quyết định số 12/QĐ-UBND"), statusTrace, updated.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);

        var page = await AuditAsync($"entityType=cooperative&entityId={Id(record)}");

        var entries = page["items"]!.AsArray();
        Assert.Null(page["nextCursor"]);
        Assert.Equal(["cooperativeStatusChanged", "cooperativeDetailsChanged", "cooperativeRegistered"],
            entries.Select(e => (string)e!["event"]!));
        Assert.All(entries, e =>
        {
            Assert.Equal(user, (string)e!["actor"]!);
            Assert.Equal("cooperative", (string)e["entityType"]!);
            Assert.Equal(Id(record), (string)e["entityId"]!);
        });
        Assert.Equal([statusTrace, putTrace, createTrace], entries.Select(e => (string)e!["traceId"]!));
        Assert.True((long)entries[0]!["id"]! > (long)entries[1]!["id"]! && (long)entries[1]!["id"]! > (long)entries[2]!["id"]!);

        var statusChange = entries[0]!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""[{ "field": "status", "before": "active", "after": "suspended" }]"""),
            statusChange["changes"]), statusChange.Text());
        Assert.Equal("2020-01-01", (string)statusChange["context"]!["effectiveOn"]!);
        Assert.Equal("Quyết định số 12/QĐ-UBND", (string)statusChange["context"]!["reason"]!);
        Assert.Null(statusChange["payload"]);

        var detailsChange = entries[1]!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            [
              { "field": "sector", "before": "agricultureForestryFishery", "after": "tradeServices" },
              { "field": "memberCount", "before": 35, "after": 40 },
              { "field": "employeeCount", "before": 12, "after": null }
            ]
            """), detailsChange["changes"]), detailsChange.Text());
        Assert.Null(detailsChange["context"]);

        var registration = entries[2]!;
        var fields = registration["changes"]!.AsArray().Select(c => (string)c!["field"]!).ToList();
        Assert.Equal(["status", "registrationCode", "name", "kind", "sector", "provinceCode", "communeCode", "address", "establishedOn",
            "charterCapital", "memberCount", "employeeCount", "representative", "phone", "email", "isYouthCooperative", "mainProducts"], fields);
        Assert.All(registration["changes"]!.AsArray(), c => Assert.Null(c!["before"]));
        Assert.Equal("active", (string)Change(registration, "status")["after"]!);
        Assert.Equal((string)body["name"]!, (string)Change(registration, "name")["after"]!);
        Assert.Equal(35, (int)Change(registration, "memberCount")["after"]!);
        Assert.Equal(1_500_000_000L, (long)Change(registration, "charterCapital")["after"]!);
        Assert.Equal("2015-03-12", (string)Change(registration, "establishedOn")["after"]!);
        Assert.True(JsonNode.DeepEquals(body["mainProducts"], Change(registration, "mainProducts")["after"]));
    }

    [Fact]
    public async Task Filters_CombineWithAnd_ByEntityActorAndTime()
    {
        var (alice, bob) = (NewUser(), NewUser());
        var first = await TestData.CreateAsync(host.CreateClient(alice));
        var second = await TestData.CreateAsync(host.CreateClient(bob));
        var third = await TestData.CreateAsync(host.CreateClient(alice));
        Assert.True((await TestData.ChangeStatusAsync(host.CreateClient(bob), Id(first), "suspended")).IsSuccessStatusCode);

        var byAlice = (await AuditAsync($"actor={alice}"))["items"]!.AsArray();
        Assert.Equal([Id(third), Id(first)], byAlice.Select(e => (string)e!["entityId"]!));
        Assert.All(byAlice, e => Assert.Equal("cooperativeRegistered", (string)e!["event"]!));

        var firstByBob = (await AuditAsync($"entityType=cooperative&entityId={Id(first)}&actor={bob}"))["items"]!.AsArray();
        Assert.Equal("cooperativeStatusChanged", (string)Assert.Single(firstByBob)!["event"]!);

        Assert.Empty((await AuditAsync($"entityType=committee&entityId={Id(first)}"))["items"]!.AsArray());
        Assert.Empty((await AuditAsync($"entityType=cooperative&entityId={Guid.NewGuid()}"))["items"]!.AsArray());

        // from and to are inclusive instants: the middle entry alone, then it and the later one.
        var secondEntry = Assert.Single((await AuditAsync($"actor={bob}&entityType=cooperative&entityId={Id(second)}"))["items"]!.AsArray())!;
        var at = secondEntry["occurredAt"];
        var onlyThen = (await AuditAsync($"from={Encoded(at)}&to={Encoded(at)}"))["items"]!.AsArray();
        Assert.Equal((long)secondEntry["id"]!, (long)Assert.Single(onlyThen)!["id"]!);
        var sinceThen = (await AuditAsync($"actor={alice}&from={Encoded(at)}"))["items"]!.AsArray();
        Assert.Equal([Id(third)], sinceThen.Select(e => (string)e!["entityId"]!));
        var untilThen = (await AuditAsync($"actor={alice}&to={Encoded(at)}"))["items"]!.AsArray();
        Assert.Equal([Id(first)], untilThen.Select(e => (string)e!["entityId"]!));

        // The same instant in another offset is the same instant.
        var inHanoi = DateTimeOffset.Parse((string)at!, System.Globalization.CultureInfo.InvariantCulture).ToOffset(TimeSpan.FromHours(7))
            .ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", System.Globalization.CultureInfo.InvariantCulture);
        var hanoi = (await AuditAsync($"from={Uri.EscapeDataString(inHanoi)}&to={Uri.EscapeDataString(inHanoi)}"))["items"]!.AsArray();
        Assert.Equal((long)secondEntry["id"]!, (long)Assert.Single(hanoi)!["id"]!);
    }

    [Fact]
    public async Task Paging_ByCursor_GivesEveryEntryOnce_NewestFirst_AndEndsWithANullCursor()
    {
        var user = NewUser();
        var client = host.CreateClient(user);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(Id(await TestData.CreateAsync(client)));
        }

        var seen = new List<string>();
        var pages = 0;
        string? after = null;
        do
        {
            var page = await AuditAsync($"actor={user}&limit=2" + (after is null ? "" : $"&after={after}"));
            seen.AddRange(page["items"]!.AsArray().Select(e => (string)e!["entityId"]!));
            after = page["nextCursor"]?.ToJsonString();
            pages++;
        }
        while (after is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Reverse(ids), seen);
        var all = await AuditAsync($"actor={user}&limit=5");
        Assert.Equal(5, all["items"]!.AsArray().Count);
        Assert.Null(all["nextCursor"]); // a full last page is still the last
    }

    [Fact]
    public async Task RejectedWrites_400_409_412_LeaveNoEntry()
    {
        var user = NewUser();
        var client = host.CreateClient(user);
        var created = await TestData.CreateAsync(client);
        var id = Id(created);
        var before = await host.ScalarAsync<long>("SELECT count(*) FROM domain_events");

        var invalid = TestData.NewCooperative();
        invalid["memberCount"] = -1;
        var badRequest = await client.PostJsonAsync(invalid);
        var duplicate = TestData.NewCooperative();
        duplicate["registrationCode"] = (string)created["registrationCode"]!;
        var taken = await client.PostJsonAsync(duplicate);
        var notAllowed = await client.PostStatusAsync(id, "active", "2020-01-01");
        var changed = UpdateBodyFrom(created);
        changed["memberCount"] = 99;
        var stale = await client.PutJsonAsync(id, changed, "\"999\"");

        Assert.Equal(HttpStatusCode.BadRequest, badRequest.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, notAllowed.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var mine = (await AuditAsync($"actor={user}"))["items"]!.AsArray();
        Assert.Equal(["cooperativeRegistered"], mine.Select(e => (string)e!["event"]!));
        Assert.Equal(before, await host.ScalarAsync<long>("SELECT count(*) FROM domain_events"));
    }

    [Fact]
    public async Task AWithdrawal_ShowsEveryFieldAsItWas_WithNothingAfter()
    {
        var user = NewUser();
        var client = host.CreateClient(user);
        var body = TestData.NewCooperative();
        var created = (await (await client.PostJsonAsync(body)).ReadNodeAsync())!;

        var deleted = await client.DeleteAsync(Id(created), ETagOf(created));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var entries = (await AuditAsync($"entityType=cooperative&entityId={Id(created)}"))["items"]!.AsArray();
        Assert.Equal(["cooperativeDeleted", "cooperativeRegistered"], entries.Select(e => (string)e!["event"]!));
        var changes = entries[0]!["changes"]!.AsArray();
        Assert.Contains(changes, c => (string)c!["field"]! == "memberCount" && (int)c["before"]! == (int)body["memberCount"]! && c["after"] is null);
        Assert.Contains(changes, c => (string)c!["field"]! == "registrationCode" && (string)c["before"]! == (string)body["registrationCode"]! && c["after"] is null);
        Assert.Contains(changes, c => (string)c!["field"]! == "status" && (string)c["before"]! == "active");
        Assert.Equal(user, (string)entries[0]!["actor"]!);
    }

    [Fact]
    public async Task AnEventTypeThisVersionCannotRead_ComesWithItsPayload_AndNoChanges()
    {
        var created = await TestData.CreateAsync(host.CreateClient());
        var user = NewUser();
        // A kind of event added later (say, a merger into another organization), stored as the write path stores events.
        await host.ScalarAsync<int>("""
            INSERT INTO domain_events (aggregate_type, aggregate_id, event_type, payload, occurred_at, actor, operation, aggregate_version, state)
            VALUES ('cooperative', $1, 'CooperativeMergedInto', '{"aggregateId": "x", "reason": "Sáp nhập"}', now(), $2, 'updated', 2, '{}')
            RETURNING 1
            """, Guid.Parse(Id(created)), user);

        var entry = Assert.Single((await AuditAsync($"actor={user}"))["items"]!.AsArray())!;

        Assert.Equal("cooperativeMergedInto", (string)entry["event"]!);
        Assert.Empty(entry["changes"]!.AsArray());
        Assert.Equal("Sáp nhập", (string)entry["payload"]!["reason"]!);
        Assert.Null(entry["context"]);
    }

    [Theory]
    [InlineData("entity=cooperative", "entity")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("after=0", "after")]
    [InlineData("after=-5", "after")]
    [InlineData("from=2026-11-30", "from")]
    [InlineData("from=2026-11-30T08:00:00", "from")]
    [InlineData("from=2026-11-30T08:00:00+07:00", "from")] // an unencoded + arrives as a space
    [InlineData("to=yesterday", "to")]
    [InlineData("from=2026-11-30T08:00:00Z&to=2026-11-30T07:59:59Z", "to")]
    [InlineData("from=2026-11-30T08:00:00%2B07:00&to=2026-11-30T00:59:59Z", "to")]
    [InlineData("entityId=019a1b2c-3d4e-7f00-8a9b-0c1d2e3f4a5b", "entityType")]
    [InlineData("entityType=cooperative&entityId=42", "entityId")]
    [InlineData("entityType=Cooperative%20x", "entityType")]
    [InlineData("actor=a&actor=b", "actor")]
    public async Task BadQuery_Is400_NamingTheParameter(string query, string field)
    {
        var response = await host.CreateClient().GetAsync($"{Route}?{query}");

        await HasFieldErrorAsync(response, field);
    }
}
