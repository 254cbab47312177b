using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Cooperatives;
using CoopApi.IntegrationTests.Resilience;
using CoopApi.IntegrationTests.Support;
using Npgsql;
using Xunit.Abstractions;

namespace CoopApi.IntegrationTests.Reliability;

/// <summary>
/// Reliability, faults (issue 16): PostgreSQL stopped while a load of registrations and updates
/// runs, on the run cluster of <see cref="RunClusterFixture"/> (stopped and started as an
/// operator would, by the functions of scripts/lib/postgres.sh). The API must answer 503 with
/// Retry-After and nothing worse, never hang, fail its readiness check, come back by itself
/// within seconds of the database, and leave nothing half-written: the outcome of every request
/// is settled afterwards by the client's idempotent retries and checked against the tables.
/// </summary>
[Collection(RunClusterCollection.Name)]
public sealed class DatabaseOutageUnderLoadTests(RunClusterFixture cluster, ITestOutputHelper output)
{
    private const int Workers = 6;

    /// <summary>Longest any request may take, whatever happens to the database (with the machine's slowness on top).</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(6);

    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(15);

    private enum Phase
    {
        Up,
        Down,
        Back,
    }

    /// <summary>One request of the load and what it got (-1: no answer, the connection broke or timed out).</summary>
    private sealed record Call(string Kind, Phase Phase, int Status, TimeSpan Took, bool HasRetryAfter, string? Code, int Index, int Value, string? Id,
        string? ETag = null);

    [Fact]
    public async Task DatabaseStoppedMidLoad_Is503WithRetryAfter_ReadinessFails_ItRecoversByItself_AndNothingIsHalfWritten()
    {
        using var admin = cluster.CreateClient();
        var clients = new List<HttpClient>();
        for (var w = 0; w < Workers; w++)
        {
            // A key per worker: the rate limit counts per credential, and it is not what this test is about.
            using var made = await admin.PostAsJsonAsync("api/v1/api-keys",
                new { name = $"outage load {w}", scopes = new[] { "read", "write" }, provinces = new[] { "*" } });
            Assert.Equal(HttpStatusCode.Created, made.StatusCode);
            clients.Add(ApiFixture.WithKey(new HttpClient { BaseAddress = cluster.BaseAddress, Timeout = TimeSpan.FromSeconds(30) },
                (string)(await made.ReadNodeAsync())["key"]!));
        }

        var healthy = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await admin.GetAsync("api/v1/cooperatives?pageSize=5");
            healthy.Add(watch.Elapsed);
        }

        var bound = Bound + 3 * healthy.Order().ElementAt(2);
        var phase = Phase.Up;
        var calls = new ConcurrentQueue<Call>();
        var bodies = new ConcurrentDictionary<int, (JsonObject Body, string Key)>();
        var next = 0;
        using var stop = new CancellationTokenSource();

        async Task<Call> SendAsync(HttpClient client, string kind, HttpRequestMessage request, int index, int value)
        {
            var at = phase;
            var watch = Stopwatch.StartNew();
            try
            {
                using var response = await client.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                var node = text.StartsWith('{') ? JsonNode.Parse(text) : null;
                return new Call(kind, at, (int)response.StatusCode, watch.Elapsed, response.Headers.RetryAfter?.Delta > TimeSpan.Zero,
                    (string?)node?["code"], index, value, response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created ? (string?)node?["id"] : null,
                    response.Headers.ETag?.Tag);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return new Call(kind, at, -1, watch.Elapsed, false, ex.GetType().Name, index, value, null);
            }
            finally
            {
                request.Dispose();
            }
        }

        var workers = clients.Select((client, w) => Task.Run(async () =>
        {
            (string Id, string? ETag)? mine = null;
            while (!stop.IsCancellationRequested)
            {
                var index = Interlocked.Increment(ref next);
                if (mine is { ETag: { } etag } record && index % 2 == 0)
                {
                    // An update of the worker's last record, with a member count no other request uses.
                    var update = new JsonObject { ["memberCount"] = 100_000 + index };
                    var request = new HttpRequestMessage(HttpMethod.Patch, CooperativesApi.Item(record.Id))
                    {
                        Content = new StringContent(update.ToJsonString(), System.Text.Encoding.UTF8, "application/merge-patch+json"),
                    };
                    request.Headers.TryAddWithoutValidation("If-Match", etag);
                    var call = await SendAsync(client, "update", request, index, 100_000 + index);
                    calls.Enqueue(call);
                    mine = (record.Id, call.Status == 200 ? call.ETag : null);
                }
                else if (mine is { ETag: null } stale && index % 2 == 0)
                {
                    // The outcome of the last update is unknown (or it was refused): read the record again.
                    var call = await SendAsync(client, "read", new HttpRequestMessage(HttpMethod.Get, CooperativesApi.Item(stale.Id)), index, 0);
                    calls.Enqueue(call);
                    mine = (stale.Id, call.Status == 200 ? call.ETag : null);
                }
                else
                {
                    var body = TestData.NewCooperative();
                    var key = Guid.NewGuid().ToString();
                    bodies[index] = (body, key);
                    var request = new HttpRequestMessage(HttpMethod.Post, CooperativesApi.Route) { Content = JsonContent.Create(body) };
                    request.Headers.Add("Idempotency-Key", key);
                    var call = await SendAsync(client, "create", request, index, 0);
                    calls.Enqueue(call);
                    if (call.Status == 201)
                    {
                        mine = (call.Id!, call.ETag);
                    }
                }

                await Task.Delay(25 + w);
            }
        })).ToList();

        var readiness = new ConcurrentQueue<(Phase Phase, int Status)>();
        var watcher = Task.Run(async () =>
        {
            using var probe = new HttpClient { BaseAddress = cluster.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
            while (!stop.IsCancellationRequested)
            {
                var at = phase;
                try
                {
                    using var response = await probe.GetAsync("health/ready");
                    readiness.Enqueue((at, (int)response.StatusCode));
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    readiness.Enqueue((at, -1));
                }

                await Task.Delay(100);
            }
        });

        // Load on a healthy database, then the outage in the middle of it, then the database back.
        var until = Stopwatch.StartNew();
        while (calls.Count(c => c is { Kind: "create", Status: 201 }) < 20 && until.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(50);
        }

        TimeSpan recovery;
        cluster.StopDatabase();
        phase = Phase.Down;
        try
        {
            await Task.Delay(Outage);
            using var live = await admin.GetAsync("health/live");
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }
        finally
        {
            cluster.StartDatabase();
            phase = Phase.Back;
        }

        var back = Stopwatch.StartNew();
        var before = calls.Count;
        while (!calls.Skip(before).Any(c => c is { Kind: "create", Status: 201, Phase: Phase.Back }) && back.Elapsed < RecoveryBound + TimeSpan.FromSeconds(15))
        {
            await Task.Delay(50);
        }

        recovery = back.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(1)); // some load on the recovered database
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        await watcher;

        var all = calls.ToList();
        var summary = string.Join(", ", all.GroupBy(c => (c.Phase, c.Kind, c.Status)).OrderBy(g => g.Key)
            .Select(g => $"{g.Key.Phase}/{g.Key.Kind}/{g.Key.Status}×{g.Count()}"));
        output.WriteLine($"load: {all.Count} requests by {Workers} clients: {summary}; readiness: "
            + string.Join(", ", readiness.GroupBy(r => r).OrderBy(g => g.Key).Select(g => $"{g.Key.Phase}/{g.Key.Status}×{g.Count()}")));
        output.WriteLine($"slowest request {all.Max(c => c.Took).TotalMilliseconds:0} ms (bound {bound.TotalMilliseconds:0} ms); "
            + $"first registration accepted {recovery.TotalSeconds:0.0} s after the database was started again");

        // Nothing worse than 503, always with Retry-After and the problem code; nothing hangs.
        var wrong = all.Where(c => c.Status is not (200 or 201 or 412 or 503)).ToList();
        Assert.True(wrong.Count == 0, "answers other than 200/201/412/503: " + string.Join(" | ", wrong.Take(10)));
        Assert.All(all.Where(c => c.Status == 503), c => Assert.True(c.HasRetryAfter && c.Code == "databaseUnavailable", c.ToString()));
        Assert.True(all.Max(c => c.Took) < bound, $"a request took {all.Max(c => c.Took).TotalSeconds:0.0} s");
        var faults = all.Count(c => c.Status == 503);
        Assert.True(faults >= Workers, $"only {faults} requests met the outage");
        Assert.Contains(all, c => c is { Phase: Phase.Down, Status: 503 });
        Assert.Contains(readiness, r => r is { Phase: Phase.Down, Status: 503 });
        Assert.True(recovery < RecoveryBound, $"the API took {recovery.TotalSeconds:0.0} s to accept a registration after the database came back");
        Assert.Contains(readiness, r => r is { Phase: Phase.Back, Status: 200 });

        // Settle every registration whose outcome the client does not know, as a client would:
        // the same request with the same key, until it is answered.
        var retrying = new RetryingClient([clients[0]]);
        var unknown = all.Where(c => c is { Kind: "create" } && c.Status != 201).ToList();
        var settledAsReplay = 0;
        var ids = all.Where(c => c is { Kind: "create", Status: 201 }).ToDictionary(c => c.Index, c => c.Id!);
        foreach (var call in unknown)
        {
            var (body, key) = bodies[call.Index];
            var answer = await retrying.SendAsync(() =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, CooperativesApi.Route) { Content = JsonContent.Create(body) };
                request.Headers.Add("Idempotency-Key", key);
                return request;
            });
            Assert.True(answer.Status == HttpStatusCode.Created, $"settling request {call.Index}: {(int)answer.Status} {answer.Body}");
            settledAsReplay += answer.Replayed ? 1 : 0;
            ids[call.Index] = (string)JsonNode.Parse(answer.Body)!["id"]!;
        }

        // Every registration sent exists exactly once, as its answer said; no organization of
        // the database lacks its history row or its events; every accepted update is stored,
        // no refused one is.
        var db = new Database(new NpgsqlConnectionStringBuilder(cluster.AdminConnectionString) { Database = "coopapi" }.ConnectionString);
        var codes = bodies.Values.Select(b => (string)b.Body["registrationCode"]!).ToArray();
        var guids = ids.Values.Select(Guid.Parse).ToArray();
        Assert.Equal(codes.Length, ids.Count);
        Assert.Equal($"{codes.Length}/{codes.Length}", await db.ScalarAsync<string>(
            "SELECT count(*) || '/' || count(DISTINCT registration_code) FROM cooperatives WHERE registration_code = ANY($1) AND id = ANY($2)", codes, guids));
        Assert.Equal(0L, await db.ScalarAsync<long>("""
            SELECT count(*) FROM cooperatives c
            WHERE NOT EXISTS (SELECT 1 FROM status_changes s WHERE s.cooperative_id = c.id)
               OR NOT EXISTS (SELECT 1 FROM domain_events e WHERE e.aggregate_id = c.id AND e.operation = 'created')
            """));
        Assert.Equal(0L, await db.ScalarAsync<long>("""
            SELECT count(*) FROM cooperatives c
            WHERE c.id = ANY($1)
              AND (SELECT count(*) FROM domain_events e WHERE e.aggregate_id = c.id) <> c.version
            """, guids));
        var accepted = all.Where(c => c is { Kind: "update", Status: 200 }).Select(c => c.Value).ToArray();
        // 412 is a refusal for sure; a 503 or no answer may have committed (its outcome is not asserted).
        var refused = all.Where(c => c is { Kind: "update", Status: 412 }).Select(c => c.Value).ToArray();
        Assert.Equal(accepted.Length, await db.ScalarAsync<long>(
            "SELECT count(DISTINCT (state->>'memberCount')::int) FROM domain_events WHERE (state->>'memberCount')::int = ANY($1)", accepted));
        Assert.Equal(0L, await db.ScalarAsync<long>(
            "SELECT count(*) FROM domain_events WHERE (state->>'memberCount')::int = ANY($1)", refused));
        var organizations = await db.ScalarAsync<long>("SELECT count(*) FROM cooperatives");
        output.WriteLine($"faults: {faults} answers 503 with Retry-After, {all.Count(c => c.Status == -1)} without an answer; "
            + $"{unknown.Count} registrations of unknown outcome settled by retrying with their key ({settledAsReplay} had committed, "
            + $"{unknown.Count - settledAsReplay} had not); checked {codes.Length} registrations (one row each), {organizations} organizations "
            + $"(history row and created event each), {guids.Length} versions against their events, {accepted.Length} accepted and {refused.Length} refused updates.");
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }
}
