using System.Net;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.Cooperatives.CooperativesApi;

namespace CoopApi.IntegrationTests.Cooperatives;

/// <summary>POST /api/v1/cooperatives/{id}/status and GET /api/v1/cooperatives/{id}/status-history.</summary>
[Collection(ApiCollection.Name)]
public sealed class StatusChangeTests(ApiFixture fixture)
{
    /// <summary>Later than every step <see cref="CooperativesApi.CreateInStatusAsync"/> takes.</summary>
    private const string ChangeDate = "2021-06-01";

    private readonly HttpClient _client = fixture.CreateClient();

    private static readonly string[] Statuses = ["active", "suspended", "awaitingDissolution", "dissolved"];

    private static readonly HashSet<(string From, string To)> Allowed =
    [
        ("active", "suspended"),
        ("suspended", "active"),
        ("active", "awaitingDissolution"),
        ("suspended", "awaitingDissolution"),
        ("awaitingDissolution", "dissolved"),
        ("awaitingDissolution", "active"),
    ];

    public static TheoryData<string, string> AllowedTransitions => Pairs(Allowed);

    /// <summary>Every (from, to) pair of the 16 that the register refuses, same-status pairs included.</summary>
    public static TheoryData<string, string> ForbiddenTransitions =>
        Pairs(Statuses.SelectMany(from => Statuses.Select(to => (from, to))).Where(t => !Allowed.Contains(t)));

    private static TheoryData<string, string> Pairs(IEnumerable<(string From, string To)> pairs)
    {
        var data = new TheoryData<string, string>();
        foreach (var (from, to) in pairs)
        {
            data.Add(from, to);
        }

        return data;
    }

    [Fact]
    public void TheForbiddenTransitions_AreTheTenPairsOutsideTheAllowedSix()
    {
        Assert.Equal(6, AllowedTransitions.Count);
        Assert.Equal(10, ForbiddenTransitions.Count);
    }

    [Theory]
    [MemberData(nameof(AllowedTransitions))]
    public async Task ChangeStatus_AllowedTransition_Returns200WithTheNewStatus_AndAppendsToTheHistory(string from, string to)
    {
        var record = await CreateInStatusAsync(_client, from);
        var historyBefore = await _client.GetHistoryAsync(Id(record));
        var rowsBefore = await fixture.CountRowsAsync();

        var response = await _client.PostStatusAsync(Id(record), to, ChangeDate, "  Quyết định số 125/QĐ-UBND  ");

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{from} → {to}: {(int)response.StatusCode} {text}");
        var changed = JsonNode.Parse(text)!;
        Assert.Equal(to, (string)changed["status"]!);
        Assert.Equal(Id(record), Id(changed));
        Assert.NotEqual((int)record["version"]!, (int)changed["version"]!);
        Assert.Equal(ETagOf(changed), response.Headers.ETag?.Tag);
        Assert.True(JsonNode.DeepEquals(changed, await _client.GetRecordAsync(Id(record))), "GET differs from the response");

        var history = await _client.GetHistoryAsync(Id(record));
        Assert.Equal(historyBefore.Count + 1, history.Count);
        Assert.True(JsonNode.DeepEquals(historyBefore, new JsonArray(history.Take(historyBefore.Count).Select(h => h!.DeepClone()).ToArray())),
            "earlier entries changed");
        var last = history[^1]!;
        Assert.Equal(from, (string)last["fromStatus"]!);
        Assert.Equal(to, (string)last["toStatus"]!);
        Assert.Equal(ChangeDate, (string)last["effectiveOn"]!);
        Assert.Equal("Quyết định số 125/QĐ-UBND", (string)last["reason"]!);
        Assert.Equal((rowsBefore.Cooperatives, rowsBefore.StatusChanges + 1), await fixture.CountRowsAsync());
        Assert.Equal(to, await fixture.ScalarAsync<string>("SELECT status FROM cooperatives WHERE id = $1", Guid.Parse(Id(record))));
    }

    [Theory]
    [MemberData(nameof(ForbiddenTransitions))]
    public async Task ChangeStatus_ForbiddenTransition_Returns409WithCode_AndLeavesStatusAndHistoryUnchanged(string from, string to)
    {
        var record = await CreateInStatusAsync(_client, from);
        var historyBefore = await _client.GetHistoryAsync(Id(record));

        var response = await fixture.SendRejectedAsync(() => _client.PostStatusAsync(Id(record), to, ChangeDate));

        var expectedCode = from == to ? "status.unchanged" : "status.transitionNotAllowed";
        await ProblemAssert.IsConflictAsync(response, expectedCode);
        var after = await _client.GetRecordAsync(Id(record));
        Assert.True(JsonNode.DeepEquals(record, after), $"record changed: {after.Text()}");
        Assert.True(JsonNode.DeepEquals(historyBefore, await _client.GetHistoryAsync(Id(record))), "history changed");
    }

    [Fact]
    public async Task ChangeStatus_FromDissolved_ExplainsThatTheStatusIsFinal()
    {
        var record = await CreateInStatusAsync(_client, "dissolved");

        var response = await fixture.SendRejectedAsync(() => _client.PostStatusAsync(Id(record), "active", ChangeDate));

        var problem = await ProblemAssert.IsConflictAsync(response, "status.transitionNotAllowed");
        var detail = (string)problem["detail"]!;
        Assert.Contains("Dissolved", detail, StringComparison.Ordinal);
        Assert.Contains("final", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeStatus_ForbiddenTransition_NamesTheAllowedTargets()
    {
        var record = await TestData.CreateAsync(_client);

        var response = await fixture.SendRejectedAsync(() => _client.PostStatusAsync(Id(record), "dissolved", ChangeDate));

        var problem = await ProblemAssert.IsConflictAsync(response, "status.transitionNotAllowed");
        var detail = (string)problem["detail"]!;
        Assert.Contains("Suspended", detail, StringComparison.Ordinal);
        Assert.Contains("Awaiting dissolution", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeStatus_ForbiddenTransition_WithAcceptLanguageVi_ExplainsInVietnamese()
    {
        using var client = fixture.CreateClient("vi");
        var record = await CreateInStatusAsync(client, "dissolved");

        var response = await fixture.SendRejectedAsync(() => client.PostStatusAsync(Id(record), "active", ChangeDate));

        var problem = await ProblemAssert.IsConflictAsync(response, "status.transitionNotAllowed");
        Assert.Equal("Yêu cầu mâu thuẫn với dữ liệu hiện có.", (string)problem["title"]!);
        var detail = (string)problem["detail"]!;
        Assert.Contains("Không được chuyển từ \"Đã giải thể\" sang \"Đang hoạt động\"", detail, StringComparison.Ordinal);
        Assert.Contains("trạng thái cuối cùng", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeStatus_ToTheSameStatus_WithAcceptLanguageVi_ExplainsInVietnamese()
    {
        using var client = fixture.CreateClient("vi");
        var record = await TestData.CreateAsync(client);

        var response = await fixture.SendRejectedAsync(() => client.PostStatusAsync(Id(record), "active", ChangeDate));

        var problem = await ProblemAssert.IsConflictAsync(response, "status.unchanged");
        Assert.Contains("Đang hoạt động", (string)problem["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeStatus_FullLifecycle_RecordsEveryStepInOrder()
    {
        var record = await TestData.CreateAsync(_client);
        (string Status, string Date)[] steps =
        [
            ("suspended", "2019-01-10"), ("active", "2019-07-10"), ("awaitingDissolution", "2020-03-01"),
            ("active", "2020-09-01"), ("suspended", "2021-01-01"), ("awaitingDissolution", "2021-01-01"), ("dissolved", "2022-12-31"),
        ];
        foreach (var (status, date) in steps)
        {
            var response = await _client.PostStatusAsync(Id(record), status, date, $"Bước {status}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{status} on {date}: {await response.Content.ReadAsStringAsync()}");
        }

        var history = await _client.GetHistoryAsync(Id(record));

        Assert.Equal(steps.Length + 1, history.Count);
        Assert.Null(history[0]!["fromStatus"]);
        Assert.Equal(DefaultEstablishedOn, (string)history[0]!["effectiveOn"]!);
        for (var i = 1; i < history.Count; i++)
        {
            Assert.Equal((string)history[i - 1]!["toStatus"]!, (string)history[i]!["fromStatus"]!);
            Assert.Equal(steps[i - 1].Status, (string)history[i]!["toStatus"]!);
            Assert.Equal(steps[i - 1].Date, (string)history[i]!["effectiveOn"]!);
            Assert.Equal($"Bước {steps[i - 1].Status}", (string)history[i]!["reason"]!);
        }

        Assert.Equal("dissolved", (string)(await _client.GetRecordAsync(Id(record)))["status"]!);
    }

    [Fact]
    public async Task ChangeStatus_EffectiveInTheFuture_Returns409_AndWritesNothing()
    {
        var record = await TestData.CreateAsync(_client);

        var response = await fixture.SendRejectedAsync(() => _client.PostStatusAsync(Id(record), "suspended", FutureDate));

        await ProblemAssert.IsConflictAsync(response, "status.effectiveInFuture");
        Assert.Equal("active", (string)(await _client.GetRecordAsync(Id(record)))["status"]!);
    }

    [Fact]
    public async Task ChangeStatus_EffectiveToday_Returns200()
    {
        var record = await TestData.CreateAsync(_client);

        var response = await _client.PostStatusAsync(Id(record), "suspended", Iso(Today));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ChangeStatus_EffectiveBeforeTheFoundingDate_Returns409_AndWritesNothing()
    {
        var record = await TestData.CreateAsync(_client); // founded 2015-03-12

        var response = await fixture.SendRejectedAsync(() => _client.PostStatusAsync(Id(record), "suspended", "2015-03-11"));

        var problem = await ProblemAssert.IsConflictAsync(response, "status.effectiveBeforePrevious");
        Assert.Contains(DefaultEstablishedOn, (string)problem["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeStatus_EffectiveOnTheFoundingDate_Returns200()
    {
        var record = await TestData.CreateAsync(_client);

        var response = await _client.PostStatusAsync(Id(record), "suspended", DefaultEstablishedOn);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ChangeStatus_EffectiveBeforeThePreviousChange_Returns409_AndLeavesHistoryUnchanged()
    {
        var record = await TestData.CreateAsync(_client);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostStatusAsync(Id(record), "suspended", "2020-06-15")).StatusCode);
        var history = await _client.GetHistoryAsync(Id(record));

        var response = await fixture.SendRejectedAsync(() => _client.PostStatusAsync(Id(record), "active", "2020-06-14"));

        var problem = await ProblemAssert.IsConflictAsync(response, "status.effectiveBeforePrevious");
        Assert.Contains("2020-06-15", (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(history, await _client.GetHistoryAsync(Id(record))));
        Assert.Equal("suspended", (string)(await _client.GetRecordAsync(Id(record)))["status"]!);
    }

    [Fact]
    public async Task ChangeStatus_OnTheSameDayAsThePreviousChange_Returns200()
    {
        var record = await TestData.CreateAsync(_client);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostStatusAsync(Id(record), "suspended", "2020-06-15")).StatusCode);

        var response = await _client.PostStatusAsync(Id(record), "active", "2020-06-15");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var history = await _client.GetHistoryAsync(Id(record));
        Assert.Equal(["active", "suspended", "active"], history.Select(h => (string)h!["toStatus"]!));
    }

    public static TheoryData<string, string> InvalidRequests => new()
    {
        { "status", "status missing" },
        { "status", "status null" },
        { "status", "status unknown" },
        { "status", "status as integer" },
        { "effectiveOn", "effectiveOn missing" },
        { "effectiveOn", "effectiveOn not a date" },
        { "reason", "reason missing" },
        { "reason", "reason blank" },
        { "reason", "reason 1001 characters" },
    };

    private static string InvalidBody(string @case)
    {
        var body = StatusBody("suspended", "2020-01-01");
        switch (@case)
        {
            case "status missing": body.Remove("status"); break;
            case "status null": body["status"] = null; break;
            case "status unknown": body["status"] = "closed"; break;
            case "status as integer": return body.ToJsonString().Replace("\"suspended\"", "2", StringComparison.Ordinal);
            case "effectiveOn missing": body.Remove("effectiveOn"); break;
            case "effectiveOn not a date": body["effectiveOn"] = "01/01/2020"; break;
            case "reason missing": body.Remove("reason"); break;
            case "reason blank": body["reason"] = "  "; break;
            case "reason 1001 characters": body["reason"] = new string('l', 1001); break;
            default: throw new ArgumentOutOfRangeException(nameof(@case), @case, null);
        }

        return body.ToJsonString();
    }

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task ChangeStatus_WithInvalidField_Returns400NamingIt_AndWritesNothing(string field, string @case)
    {
        var record = await TestData.CreateAsync(_client);

        var response = await fixture.SendRejectedAsync(() => SendAsync(_client, HttpMethod.Post, StatusOf(Id(record)), InvalidBody(@case), CurrentETag));
        Assert.True(JsonNode.DeepEquals(record, await _client.GetRecordAsync(Id(record))));
        await ProblemAssert.HasFieldErrorAsync(response, field);
    }

    [Fact]
    public async Task ChangeStatus_WithReasonOf1000Characters_Returns200AndKeepsItWhole()
    {
        var record = await TestData.CreateAsync(_client);
        var reason = string.Concat(Enumerable.Repeat("Nghị quyết ", 100))[..1000];

        var response = await _client.PostStatusAsync(Id(record), "suspended", "2020-01-01", reason);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(reason.Trim(), (string)(await _client.GetHistoryAsync(Id(record)))[^1]!["reason"]!);
    }

    [Fact]
    public async Task ChangeStatus_WithMissingFields_AndAcceptLanguageVi_ReturnsVietnameseMessages()
    {
        using var client = fixture.CreateClient("vi");
        var record = await TestData.CreateAsync(client);

        var response = await fixture.SendRejectedAsync(() => client.PostStatusAsync(Id(record), new JsonObject { ["status"] = "suspended", ["effectiveOn"] = "2020-01-01" }));

        var messages = await ProblemAssert.HasFieldErrorAsync(response, "reason");
        Assert.Contains(messages, m => m.Contains("lý do", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ChangeStatus_UnknownId_Returns404Problem_AndWritesNothing()
    {
        var response = await fixture.SendRejectedAsync(() => _client.PostStatusAsync(UnknownId, "suspended", "2020-01-01"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("notFound", (string?)problem["code"]);
    }

    [Fact]
    public async Task ChangeStatus_WithIfMatchOfCurrentETag_Returns200()
    {
        var record = await TestData.CreateAsync(_client);

        var response = await _client.PostStatusAsync(Id(record), "suspended", "2020-01-01", ifMatch: ETagOf(record));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ChangeStatus_WithStaleIfMatch_Returns412_AndLeavesStatusAndHistoryUnchanged()
    {
        var record = await TestData.CreateAsync(_client);
        var changedBody = UpdateBodyFrom(record);
        changedBody["memberCount"] = 36;
        var put = await _client.PutJsonAsync(Id(record), changedBody);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var current = await put.ReadNodeAsync();

        var response = await fixture.SendRejectedAsync(() => _client.PostStatusAsync(Id(record), "suspended", "2020-01-01", ifMatch: ETagOf(record)));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.PreconditionFailed);
        Assert.Equal("preconditionFailed", (string?)problem["code"]);
        Assert.True(JsonNode.DeepEquals(current, await _client.GetRecordAsync(Id(record))));
    }

    [Fact]
    public async Task ChangeStatus_WithMalformedIfMatch_Returns400_AndWritesNothing()
    {
        var record = await TestData.CreateAsync(_client);

        var response = await fixture.SendRejectedAsync(() => _client.PostStatusAsync(Id(record), "suspended", "2020-01-01", ifMatch: "version-1"));
        await ProblemAssert.HasFieldErrorAsync(response, "If-Match");
    }

    [Fact]
    public async Task History_StartsWithTheRegistration_WithoutFromStatus_EffectiveOnTheFoundingDate()
    {
        var body = TestData.NewCooperative();
        body["establishedOn"] = "2009-11-20";
        var record = await TestData.CreateAsync(_client, body);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostStatusAsync(Id(record), "suspended", "2019-02-01")).StatusCode);

        var response = await _client.GetAsync(HistoryOf(Id(record)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var history = (await response.ReadNodeAsync()).AsArray();
        Assert.Equal(2, history.Count);
        var registration = history[0]!.AsObject();
        Assert.False(registration.ContainsKey("fromStatus") && registration["fromStatus"] is not null);
        Assert.Equal("active", (string)registration["toStatus"]!);
        Assert.Equal("2009-11-20", (string)registration["effectiveOn"]!);
        Assert.Equal("active", (string)history[1]!["fromStatus"]!);
        Assert.Equal("suspended", (string)history[1]!["toStatus"]!);
        Assert.All(history, h => Assert.True(Guid.TryParse((string?)h!["id"], out _)));
        Assert.True((DateTimeOffset)history[1]!["recordedAt"]! >= (DateTimeOffset)history[0]!["recordedAt"]!);
    }

    [Fact]
    public async Task History_UnknownId_Returns404Problem()
    {
        var response = await _client.GetAsync(HistoryOf(UnknownId));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("notFound", (string?)problem["code"]);
    }
}
