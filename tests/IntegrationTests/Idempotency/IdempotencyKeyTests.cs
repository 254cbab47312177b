using System.Net;
using System.Text.Json.Nodes;
using CoopApi.Application.Common.Interfaces;
using CoopApi.IntegrationTests.Cooperatives;
using CoopApi.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using static CoopApi.IntegrationTests.Cooperatives.CooperativesApi;

namespace CoopApi.IntegrationTests.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on every POST: a retry with the same key and the same request gets the
/// original response and changes nothing, also when the retries run in parallel or when a
/// commit only looked failed; the same key for another request is refused with 422; refused
/// requests are not remembered; keys belong to one client and expire.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class IdempotencyKeyTests(ApiFixture fixture)
{
    private const string KeyHeader = "Idempotency-Key";
    private const string ReplayedHeader = "Idempotent-Replayed";

    private readonly HttpClient _client = fixture.CreateClient();

    private sealed record Answer(HttpStatusCode Status, string Body, string? Location, string? ETag, bool Replayed)
    {
        public JsonNode Json => JsonNode.Parse(Body)!;

        /// <summary>What a replay must repeat: status, body bytes, Location and ETag.</summary>
        public (HttpStatusCode, string, string?, string?) Original => (Status, Body, Location, ETag);
    }

    private static string NewKey() => Guid.NewGuid().ToString();

    /// <summary>A cooperative group: no registration code, so nothing but the key stops a duplicate.</summary>
    private static JsonObject NewGroup()
    {
        var body = TestData.NewCooperative($"Tổ hợp tác trồng na {TestData.UniqueToken()}");
        body["kind"] = "cooperativeGroup";
        body.Remove("registrationCode");
        body["memberCount"] = 7;
        return body;
    }

    private async Task<Answer> PostAsync(string uri, JsonNode body, string? key, string? client = null, string? ifMatch = null,
        string? language = null, string? failAfterCommit = null, params string[] extraKeys)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = RawJson(body.ToJsonString()) };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation(KeyHeader, [key, .. extraKeys]);
        }

        if (client is not null)
        {
            request.Headers.Add(TestHooks.ClientHeader, client);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        if (failAfterCommit is not null)
        {
            request.Headers.Add(TestHooks.FailAfterCommitHeader, failAfterCommit);
        }

        using var response = await _client.SendAsync(request);
        return new Answer(response.StatusCode, await response.Content.ReadAsStringAsync(),
            response.Headers.Location?.OriginalString, response.Headers.ETag?.ToString(),
            response.Headers.TryGetValues(ReplayedHeader, out var replayed) && replayed.Single() == "true");
    }

    private Task<long> RecordsNamedAsync(JsonObject body) =>
        fixture.ScalarAsync<long>("SELECT count(*) FROM cooperatives WHERE name = $1", (string)body["name"]!);

    private Task<long> EventsNamedAsync(JsonObject body) =>
        fixture.ScalarAsync<long>("SELECT count(*) FROM domain_events WHERE payload->'details'->>'name' = $1", (string)body["name"]!);

    private Task<long> StoredKeysAsync(string key) =>
        fixture.ScalarAsync<long>("SELECT count(*) FROM idempotency_records WHERE key = $1", key);

    private static void AssertCreated(Answer answer) =>
        Assert.True(answer.Status == HttpStatusCode.Created, $"expected 201, got {(int)answer.Status}: {answer.Body}");

    [Fact]
    public async Task Create_RetriedWithTheSameKey_GetsTheOriginalResponse_AndRegistersOnce()
    {
        var body = NewGroup();
        var key = NewKey();

        var first = await PostAsync(Route, body, key);
        var retry = await PostAsync(Route, body, key);

        AssertCreated(first);
        Assert.False(first.Replayed);
        Assert.NotNull(first.Location);
        Assert.NotNull(first.ETag);
        Assert.Equal(first.Original, retry.Original);
        Assert.True(retry.Replayed, "the retry says it is a replay");
        Assert.Equal(1, await RecordsNamedAsync(body));
        Assert.Equal(1, await EventsNamedAsync(body));
        Assert.Equal(1, await StoredKeysAsync(key));
        // Kept for 24 hours (the default and the minimum), by the database's clock.
        Assert.Equal(24.0, await fixture.ScalarAsync<double>(
            "SELECT extract(epoch FROM expires_at - created_at) / 3600 FROM idempotency_records WHERE key = $1", key));
    }

    [Fact]
    public async Task EightIdenticalPostsAtOnce_OfACooperativeGroup_RegisterOneRecord_AndGetEightIdenticalResponses()
    {
        var body = NewGroup();
        var key = NewKey();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => PostAsync(Route, body, key))));

        Assert.All(answers, AssertCreated);
        Assert.Single(answers.Select(a => a.Original).Distinct());
        Assert.Single(answers, a => !a.Replayed);
        Assert.Equal(1, await RecordsNamedAsync(body));
        Assert.Equal(1, await EventsNamedAsync(body)); // the losers' units rolled back, events included
        Assert.Equal(1, await StoredKeysAsync(key));
        var record = await _client.GetRecordAsync(Id(answers[0].Json));
        Assert.Equal((string)body["name"]!, (string)record["name"]!);
    }

    [Fact]
    public async Task EightIdenticalPostsAtOnce_OfACooperative_RegisterOneRecord_AndGetEightIdenticalResponses()
    {
        // The losers here trip over the registration code's unique index, not the key's (409
        // inside), and still get the winner's response.
        var body = TestData.NewCooperative();
        var key = NewKey();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => PostAsync(Route, body, key))));

        Assert.All(answers, AssertCreated);
        Assert.Single(answers.Select(a => a.Original).Distinct());
        Assert.Equal(1, await RecordsNamedAsync(body));
    }

    [Fact]
    public async Task CommitThatSucceededButLookedFailed_RetriedByTheExecutionStrategy_RegistersOnce_AndAnswersNormally()
    {
        var body = NewGroup();
        var key = NewKey();
        var token = NewKey();

        var answer = await PostAsync(Route, body, key, failAfterCommit: token);

        Assert.True(TestHooks.FailedCommits.TryGetValue(token, out var failed) && failed == 1, "the commit was made to look failed");
        AssertCreated(answer);
        Assert.False(answer.Replayed, "the response is this request's own, committed by its first attempt");
        Assert.Equal(1, await RecordsNamedAsync(body));
        Assert.Equal(1, await EventsNamedAsync(body));
        var retry = await PostAsync(Route, body, key);
        Assert.Equal(answer.Original, retry.Original);
        Assert.True(retry.Replayed);
        Assert.Equal(1, await RecordsNamedAsync(body));
    }

    [Fact]
    public async Task SameKey_WithAnotherBody_Is422_InEitherLanguage_AndChangesNothing()
    {
        var body = NewGroup();
        var key = NewKey();
        AssertCreated(await PostAsync(Route, body, key));
        var changed = body.DeepClone().AsObject();
        changed["memberCount"] = 8;

        using var english = await fixture.SendRejectedAsync(() => SendAsync(changed, key, language: null));
        using var vietnamese = await fixture.SendRejectedAsync(() => SendAsync(changed, key, language: "vi"));

        var problem = await ProblemAssert.IsProblemAsync(english, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("idempotencyKey.reused", (string?)problem["code"]);
        Assert.Contains(key, (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.Contains("different body", (string)problem["detail"]!, StringComparison.Ordinal);
        var vi = await ProblemAssert.IsProblemAsync(vietnamese, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("nội dung khác", (string)vi["detail"]!, StringComparison.Ordinal);
        Assert.Equal(1, await RecordsNamedAsync(body));

        async Task<HttpResponseMessage> SendAsync(JsonObject json, string idempotencyKey, string? language)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, Route) { Content = RawJson(json.ToJsonString()) };
            request.Headers.Add(KeyHeader, idempotencyKey);
            if (language is not null)
            {
                request.Headers.AcceptLanguage.ParseAdd(language);
            }

            return await _client.SendAsync(request);
        }
    }

    [Fact]
    public async Task SameKey_OnAnotherOperation_Is422_AndChangesNothing()
    {
        var key = NewKey();
        var created = (await PostAsync(Route, NewGroup(), key)).Json;

        var answer = await PostAsync(StatusOf(Id(created)), StatusBody("suspended", "2020-01-01"), key, ifMatch: ETagOf(created));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal("idempotencyKey.reused", (string?)answer.Json["code"]);
        Assert.Contains($"POST /{Route}", (string)answer.Json["detail"]!, StringComparison.Ordinal);
        Assert.Equal("active", (string)(await _client.GetRecordAsync(Id(created)))["status"]!);
        Assert.Equal(1, await fixture.HistoryRowsAsync(Id(created)));
    }

    [Fact]
    public async Task SameBody_SpelledDifferently_IsTheSameRequest()
    {
        // The fingerprint is the body as bound, not its bytes: member order, spacing and escapes
        // do not make a retry a different request.
        var body = NewGroup();
        var key = NewKey();
        var first = await PostAsync(Route, body, key);
        var reordered = new JsonObject(body.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));

        using var request = new HttpRequestMessage(HttpMethod.Post, Route)
        {
            // Indented, members reversed, Vietnamese letters as UTF-8 instead of \u escapes.
            Content = RawJson(reordered.ToJsonString(new System.Text.Json.JsonSerializerOptions(Readable) { WriteIndented = true })),
        };
        request.Headers.Add(KeyHeader, key);
        using var retry = await _client.SendAsync(request);

        AssertCreated(first);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(first.Body, await retry.Content.ReadAsStringAsync());
        Assert.Equal("true", retry.Headers.GetValues(ReplayedHeader).Single());
        Assert.Equal(1, await RecordsNamedAsync(body));
    }

    [Fact]
    public async Task Keys_BelongToOneClient_NoClientIsServedAnothersResponse()
    {
        var body = NewGroup();
        var key = NewKey();

        var alice = await PostAsync(Route, body, key, client: "alice");
        var bob = await PostAsync(Route, body, key, client: "bob");
        var keyItself = await PostAsync(Route, body, key); // the credential's own actor
        var aliceAgain = await PostAsync(Route, body, key, client: "alice");
        var bobWithAnotherBody = await PostAsync(Route, NewGroup(), key, client: "bob");

        Assert.All(new[] { alice, bob, keyItself }, AssertCreated);
        Assert.False(bob.Replayed || keyItself.Replayed, "another client's key is not a replay");
        Assert.Equal(3, new[] { alice, bob, keyItself }.Select(a => Id(a.Json)).Distinct().Count());
        Assert.Equal(alice.Original, aliceAgain.Original);
        Assert.True(aliceAgain.Replayed);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bobWithAnotherBody.Status);
        Assert.Equal(3, await RecordsNamedAsync(body));
        Assert.Equal(["alice", "apikey:" + fixture.AdminKey[..13], "bob"], await ClientsOfAsync(key));
    }

    private async Task<List<string>> ClientsOfAsync(string key)
    {
        var clients = await fixture.ScalarAsync<string>(
            "SELECT string_agg(client_id, ',' ORDER BY client_id) FROM idempotency_records WHERE key = $1", key);
        return [.. clients.Split(',')];
    }

    [Fact]
    public async Task RefusedRequests_AreNotRemembered_ACorrectedRetryWithTheSameKeySucceeds()
    {
        var key = NewKey();
        var body = TestData.NewCooperative();
        var invalid = body.DeepClone().AsObject();
        invalid["memberCount"] = -1;
        var taken = body.DeepClone().AsObject();
        taken["registrationCode"] = (string)(await TestData.CreateAsync(_client))["registrationCode"]!;

        var before = await fixture.FingerprintAsync();
        var badRequest = await PostAsync(Route, invalid, key);
        var conflict = await PostAsync(Route, taken, key);
        var after = await fixture.FingerprintAsync();
        var storedAfterRefusals = await StoredKeysAsync(key);
        var corrected = await PostAsync(Route, body, key);
        var retry = await PostAsync(Route, body, key);

        Assert.Equal(HttpStatusCode.BadRequest, badRequest.Status);
        Assert.Equal(HttpStatusCode.Conflict, conflict.Status);
        Assert.Equal(before, after);
        Assert.Equal(0, storedAfterRefusals);
        AssertCreated(corrected);
        Assert.False(corrected.Replayed);
        Assert.Equal(corrected.Original, retry.Original);
        Assert.True(retry.Replayed);
    }

    public static TheoryData<string, string[]> MalformedKeys => new()
    {
        { "empty", [""] },
        { "a space", ["abc def"] },
        { "256 characters", [new string('k', 256)] },
        { "a control character", ["abc\u007f"] },
        { "sent twice", ["one", "two"] },
    };

    [Theory]
    [MemberData(nameof(MalformedKeys))]
    public async Task MalformedKey_Is400NamingTheHeader_AndChangesNothing(string @case, string[] keys)
    {
        var body = NewGroup();

        var answer = await PostAsync(Route, body, keys[0], extraKeys: keys[1..]);

        Assert.True(answer.Status == HttpStatusCode.BadRequest, $"{@case}: {(int)answer.Status} {answer.Body}");
        Assert.True(answer.Json["errors"]?[KeyHeader] is JsonArray { Count: > 0 }, answer.Body);
        Assert.Equal(0, await RecordsNamedAsync(body));
    }

    [Fact]
    public async Task LongestKey_OfVisibleAscii_IsAccepted()
    {
        var key = new string(Enumerable.Range(0, 255).Select(i => (char)('!' + (i % 94))).ToArray());

        var first = await PostAsync(Route, NewGroup(), key);

        AssertCreated(first);
        Assert.Equal(1, await StoredKeysAsync(key));
    }

    [Fact]
    public async Task ExpiredKeys_ArePurged_AndTheKeyCanThenBeUsedAgain()
    {
        var body = NewGroup();
        var key = NewKey();
        var first = await PostAsync(Route, body, key);
        await ExpireAsync(key);

        int purged;
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            purged = await scope.ServiceProvider.GetRequiredService<IIdempotencyStore>().PurgeExpiredAsync(CancellationToken.None);
        }

        var again = await PostAsync(Route, body, key);

        AssertCreated(first);
        Assert.True(purged >= 1, $"purged {purged}");
        AssertCreated(again);
        Assert.False(again.Replayed, "an expired key is a new key");
        Assert.NotEqual(Id(first.Json), Id(again.Json));
        Assert.Equal(1, await StoredKeysAsync(key));
    }

    [Fact]
    public async Task ExpiredKey_NotYetPurged_IsNeverReplayed_ItsRowIsReplaced()
    {
        var body = NewGroup();
        var key = NewKey();
        var first = await PostAsync(Route, body, key);
        await ExpireAsync(key);

        var again = await PostAsync(Route, body, key);
        var retry = await PostAsync(Route, body, key);

        AssertCreated(again);
        Assert.False(again.Replayed);
        Assert.NotEqual(Id(first.Json), Id(again.Json));
        Assert.Equal(again.Original, retry.Original);
        Assert.True(retry.Replayed);
        Assert.Equal(1, await StoredKeysAsync(key));
    }

    private async Task ExpireAsync(string key) => Assert.Equal(1, await fixture.ScalarAsync<long>("""
        WITH expired AS (
            UPDATE idempotency_records SET created_at = now() - interval '25 hours', expires_at = now() - interval '1 hour'
            WHERE key = $1 RETURNING 1)
        SELECT count(*) FROM expired
        """, key));

    [Fact]
    public async Task StatusChange_RetriedWithTheSameKey_GetsTheOriginalResponse_AndChangesOnce()
    {
        var created = await TestData.CreateAsync(_client);
        var key = NewKey();
        var body = StatusBody("suspended", "2020-01-01");

        // The retry repeats the request exactly, its If-Match (now stale) included.
        var first = await PostAsync(StatusOf(Id(created)), body, key, ifMatch: ETagOf(created));
        var retry = await PostAsync(StatusOf(Id(created)), body, key, ifMatch: ETagOf(created));

        Assert.True(first.Status == HttpStatusCode.OK, first.Body);
        Assert.NotNull(first.ETag);
        Assert.Equal(first.Original, retry.Original);
        Assert.True(retry.Replayed);
        Assert.Equal(2, await fixture.HistoryRowsAsync(Id(created))); // the registration and one change
        Assert.Equal(first.ETag, ETagOf(await _client.GetRecordAsync(Id(created))));
    }

    [Fact]
    public async Task StatusChange_ParallelRetries_ChangeOnce()
    {
        var created = await TestData.CreateAsync(_client);
        var key = NewKey();
        var body = StatusBody("suspended", "2020-01-01");

        var answers = await Task.WhenAll(Enumerable.Range(0, 6)
            .Select(_ => Task.Run(() => PostAsync(StatusOf(Id(created)), body, key, ifMatch: ETagOf(created)))));

        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.OK, a.Body));
        Assert.Single(answers.Select(a => a.Original).Distinct());
        Assert.Equal(2, await fixture.HistoryRowsAsync(Id(created)));
    }

    [Fact]
    public async Task WithoutAKey_PostsAreNotRemembered()
    {
        var body = NewGroup();
        var stored = await fixture.ScalarAsync<long>("SELECT count(*) FROM idempotency_records");

        AssertCreated(await PostAsync(Route, body, key: null));
        AssertCreated(await PostAsync(Route, body, key: null));

        Assert.Equal(2, await RecordsNamedAsync(body));
        Assert.Equal(stored, await fixture.ScalarAsync<long>("SELECT count(*) FROM idempotency_records"));
    }

    [Fact]
    public async Task TheDocument_ShowsTheKeyOnEveryPost_WithIts422_AndOnNothingElse()
    {
        var document = JsonNode.Parse(await _client.GetStringAsync("swagger/v1/swagger.json"))!;

        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Where(o => o.Key is "get" or "put" or "post" or "patch" or "delete")
                .Select(o => (Path: path.Key, Method: o.Key, Operation: o.Value!)))
            .ToList();

        Assert.Contains(operations, o => o.Method == "post");
        foreach (var (path, method, operation) in operations)
        {
            var header = operation["parameters"]?.AsArray().FirstOrDefault(p => (string?)p!["name"] == KeyHeader);
            if (method != "post")
            {
                Assert.True(header is null, $"{method} {path} documents {KeyHeader}");
                continue;
            }

            Assert.True(header is not null, $"{method} {path} does not document {KeyHeader}");
            Assert.Equal("header", (string?)header["in"]);
            Assert.False((bool?)header["required"] ?? false);
            Assert.Equal(255, (int?)header["schema"]!["maxLength"]);
            Assert.Contains("e.g.", (string)header["description"]!, StringComparison.Ordinal);
            var unprocessable = operation["responses"]!["422"];
            Assert.True(unprocessable is not null, $"{method} {path} has no 422");
            Assert.Equal("idempotencyKey.reused",
                (string?)unprocessable["content"]!["application/problem+json"]!["examples"]!.AsObject().First().Value!["value"]!["code"]);
            var success = operation["responses"]!.AsObject().First(r => r.Key.StartsWith('2')).Value!;
            Assert.NotNull(success["headers"]?[ReplayedHeader]);
        }
    }
}
