using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Changes;
using CoopApi.IntegrationTests.Cooperatives;
using CoopApi.IntegrationTests.Support;
using Xunit.Abstractions;

namespace CoopApi.IntegrationTests.Reliability;

/// <summary>
/// The concurrency scenarios of the reliability suite, written once and run against one API and
/// against two API processes on one database (the instances are the clients given; requests
/// alternate between them as a load balancer would spread them).
/// </summary>
internal static class ConcurrencyScenarios
{
    /// <summary>How long the feed may hold entries back (its fence waits for the server's oldest open transaction).</summary>
    private static readonly TimeSpan FeedPatience = TimeSpan.FromSeconds(60);

    /// <summary>
    /// <paramref name="count"/> registrations sent at once by a retrying client: every one carries
    /// its own Idempotency-Key; a quarter have their first attempt cut short after a few
    /// milliseconds (outcome unknown, sent again with the same key), a fifth are sent twice at once
    /// on purpose, a tenth once more after their answer. Each must be stored exactly once: one
    /// row, one status-history row, one event, one idempotency record, one feed entry (read
    /// through every instance, page by page, while the writes run: no gap, no duplicate).
    /// </summary>
    public static async Task ParallelCreatesWithRetries_StoreEachExactlyOnceAsync(IReadOnlyList<HttpClient> instances, Database db,
        ITestOutputHelper output, int count = 500)
    {
        var client = new RetryingClient(instances);
        var (_, start) = await DrainAlternatingAsync(instances, null);
        var bodies = Enumerable.Range(0, count).Select(_ => TestData.NewCooperative()).ToArray();
        var keys = Enumerable.Range(0, count).Select(_ => Guid.NewGuid().ToString()).ToArray();
        using var writing = new CancellationTokenSource();
        var follower = FollowAsync(instances, start, writing.Token);
        var watch = Stopwatch.StartNew();

        Task<Answer> Post(int i, int instance, TimeSpan? cut = null) => client.SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, CooperativesApi.Route) { Content = JsonContent.Create(bodies[i]) };
            request.Headers.Add("Idempotency-Key", keys[i]);
            return request;
        }, instance, cut);

        var answers = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            var cut = i % 4 == 1 ? TimeSpan.FromMilliseconds(2 + (i * 7 % 40)) : (TimeSpan?)null;
            var first = i % 5 == 0
                ? await Task.WhenAll(Post(i, i, cut), Post(i, i + 1))
                : [await Post(i, i, cut)];
            return i % 10 == 3 ? [.. first, await Post(i, i + 1)] : first;
        }));
        var writeTime = watch.Elapsed;
        await writing.CancelAsync();
        var followed = await follower;

        var failures = new List<string>();
        var ids = new string?[count];
        for (var i = 0; i < count; i++)
        {
            var idsOfCopies = answers[i].Select(a => a.Status == HttpStatusCode.Created ? (string?)JsonNode.Parse(a.Body)?["id"] : null).ToList();
            if (answers[i].Any(a => a.Status != HttpStatusCode.Created) || idsOfCopies.Distinct().Count() != 1)
            {
                failures.Add($"request {i}: " + string.Join(" | ", answers[i].Select(a => $"{(int)a.Status} after {a.Attempts} attempts: {Shorten(a.Body)}")));
            }

            ids[i] = idsOfCopies[0];
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {count} registrations did not end in one 201 with one id:\n" + string.Join('\n', failures.Take(20)));
        var guids = ids.Select(id => Guid.Parse(id!)).ToArray();
        var codes = bodies.Select(b => (string)b["registrationCode"]!).ToArray();

        // Rows, history, events, idempotency records: exactly one each.
        Assert.Equal(count, guids.Distinct().Count());
        Assert.Equal($"{count}/{count}", await db.ScalarAsync<string>(
            "SELECT count(*) || '/' || count(DISTINCT registration_code) FROM cooperatives WHERE registration_code = ANY($1) AND id = ANY($2)", codes, guids));
        Assert.Equal(count, await db.ScalarAsync<long>("SELECT count(*) FROM cooperatives WHERE registration_code = ANY($1)", (object)codes));
        Assert.Equal(count, await db.ScalarAsync<long>("SELECT count(*) FROM status_changes WHERE cooperative_id = ANY($1)", guids));
        Assert.Equal($"{count} created", await db.ScalarAsync<string>(
            "SELECT count(*) || ' ' || string_agg(DISTINCT operation, ',') FROM domain_events WHERE aggregate_id = ANY($1)", guids));
        Assert.Equal(count, await db.ScalarAsync<long>("SELECT count(*) FROM idempotency_records WHERE key = ANY($1)", (object)keys));

        // The feed, followed through every instance while the writes ran and after: each once, no gap.
        var ours = guids.Select(g => g.ToString()).ToHashSet();
        var entries = followed.Where(e => ours.Contains(e.EntityId)).ToList();
        var deadline = Stopwatch.StartNew();
        var cursor = followed.Count > 0 ? followed[^1].Cursor : start;
        while (entries.Count < count && deadline.Elapsed < FeedPatience)
        {
            await Task.Delay(200);
            var (more, next) = await DrainAlternatingAsync(instances, cursor);
            followed.AddRange(more);
            entries.AddRange(more.Where(e => ours.Contains(e.EntityId)));
            cursor = next;
        }

        Assert.Equal(followed.Count, followed.Select(e => e.Cursor).Distinct().Count()); // no entry served twice
        Assert.Equal(count, entries.Count);
        Assert.Equal(ours, entries.Select(e => e.EntityId).ToHashSet());
        Assert.All(entries, e => Assert.True(e is { Operation: "created", Version: 1 }, $"{e.EntityId}: {e.Operation} v{e.Version}"));
        // No gap: every event stored after the start cursor and up to the last one read was served
        // (API keys are audited but kept out of the feed: ApiKeyRepresentation.InChangeFeed).
        var stored = await db.ScalarAsync<long>("""
            SELECT count(*) FROM domain_events
            WHERE (xact_id::text::numeric, id) > ($1::numeric, $2::bigint) AND (xact_id::text::numeric, id) <= ($3::numeric, $4::bigint)
              AND aggregate_type <> 'apiKey'
            """, CursorParts(start).Xact, CursorParts(start).Id, CursorParts(cursor).Xact, CursorParts(cursor).Id);
        Assert.Equal(stored, followed.Count);

        output.WriteLine($"{count} registrations at once through {instances.Count} instance(s) in {writeTime.TotalSeconds:0.0} s: "
            + $"{client.Sent} requests sent ({answers.Sum(a => a.Length) - count} deliberate duplicates, {client.CutShort} first attempts cut short, "
            + $"{client.TransportErrors} transport errors, {client.Unavailable} answered 503/429, all retried with the same key); "
            + $"{answers.Sum(a => a.Count(x => x.Replayed))} answers were replays; checked {count} rows, {count} history rows, {count} events, "
            + $"{count} idempotency records, {followed.Count} feed entries read page by page alternating instances ({entries.Count} of them ours, each once).");
    }

    /// <summary>
    /// Round after round, <paramref name="writers"/> PUTs of one record sent at once with the same
    /// If-Match (each with a member count of its own): exactly one wins per version, every other
    /// gets 412, the stored record is the winner's, the version moves by one per round, and no
    /// loser's value ever reaches the record, its events or the feed.
    /// </summary>
    public static async Task ConflictingUpdates_OneWinnerPerVersion_NoLostUpdateAsync(IReadOnlyList<HttpClient> instances, Database db,
        ITestOutputHelper output, int writers = 50, int rounds = 4)
    {
        var (_, start) = await DrainAlternatingAsync(instances, null);
        var record = await TestData.CreateAsync(instances[0]);
        var id = CooperativesApi.Id(record);
        var etag = CooperativesApi.ETagOf(record);
        var winners = new List<int>();
        var losers = new List<int>();
        var retrying = new RetryingClient(instances);
        for (var round = 1; round <= rounds; round++)
        {
            var outcomes = await Task.WhenAll(Enumerable.Range(0, writers).Select(async w =>
            {
                var body = CooperativesApi.UpdateBodyFrom(record);
                var value = round * 1000 + w;
                body["memberCount"] = value;
                body["representative"] = $"Người ghi {round}-{w}";
                // A 503 (every pooled connection busy for longer than the pool's wait) is sent again, unchanged.
                var answer = await retrying.SendAsync(() =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Put, CooperativesApi.Item(id)) { Content = JsonContent.Create(body) };
                    request.Headers.TryAddWithoutValidation("If-Match", etag);
                    return request;
                }, w);
                return (Value: value, StatusCode: answer.Status, answer.Body, answer.ETag);
            }));

            var won = outcomes.Where(o => o.StatusCode == HttpStatusCode.OK).ToList();
            var other = outcomes.Where(o => o.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.PreconditionFailed)).ToList();
            Assert.True(other.Count == 0, $"round {round}: " + string.Join(" | ", other.Select(o => $"{(int)o.StatusCode} {Shorten(o.Body)}")));
            Assert.True(won.Count == 1, $"round {round}: {won.Count} of {writers} updates with If-Match {etag} won");
            winners.Add(won[0].Value);
            losers.AddRange(outcomes.Where(o => o.StatusCode == HttpStatusCode.PreconditionFailed).Select(o => o.Value));

            // The stored record is the winner's, read through another instance than the winner's.
            var stored = await instances[(round + 1) % instances.Count].GetRecordAsync(id);
            Assert.Equal(won[0].Value, (int)stored["memberCount"]!);
            Assert.Equal(round + 1, (int)stored["version"]!);
            Assert.Equal(won[0].ETag, CooperativesApi.ETagOf(stored));
            record = stored;
            etag = won[0].ETag!;
        }

        var guid = Guid.Parse(id);
        var events = await db.RowsAsync(
            "SELECT aggregate_version, (state->>'memberCount') FROM domain_events WHERE aggregate_id = $1 ORDER BY id", guid);
        Assert.Equal(Enumerable.Range(1, rounds + 1).Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)), events.Select(e => e[0]));
        Assert.Equal(winners.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)), events.Skip(1).Select(e => e[1]));
        Assert.Equal(0L, await db.ScalarAsync<long>(
            "SELECT count(*) FROM domain_events WHERE aggregate_id = $1 AND (state->>'memberCount')::int = ANY($2)", guid, losers.ToArray()));

        var feed = new List<FeedEntry>();
        var cursor = start;
        var deadline = Stopwatch.StartNew();
        while (feed.Count < rounds + 1 && deadline.Elapsed < FeedPatience)
        {
            var (more, next) = await DrainAlternatingAsync(instances, cursor);
            feed.AddRange(more.Where(e => e.EntityId == id));
            cursor = next;
            if (feed.Count < rounds + 1)
            {
                await Task.Delay(200);
            }
        }

        Assert.Equal(Enumerable.Range(1, rounds + 1).Select(v => (int?)v), feed.Select(e => e.Version));
        Assert.Equal(winners, feed.Skip(1).Select(e => (int)e.Data!["memberCount"]!));
        output.WriteLine($"{rounds} rounds of {writers} PUTs with one If-Match through {instances.Count} instance(s): {retrying.Sent} requests ({retrying.Unavailable} answered 503 and sent again), "
            + $"{winners.Count} won (one per version), {losers.Count} got 412; checked {events.Count} events and {feed.Count} feed entries of the record: "
            + "versions 1.." + (rounds + 1) + " once each, every one the winner's, no loser's value stored.");
    }

    /// <summary>Follows the feed through the instances in turn (one page each) until cancelled; every entry read.</summary>
    private static async Task<List<FeedEntry>> FollowAsync(IReadOnlyList<HttpClient> instances, string start, CancellationToken stop)
    {
        var all = new List<FeedEntry>();
        var cursor = start;
        var page = 0;
        while (!stop.IsCancellationRequested)
        {
            var (entries, next, hasMore) = await PageAsync(instances, page++, cursor, 97);
            all.AddRange(entries);
            cursor = next;
            if (!hasMore)
            {
                try
                {
                    await Task.Delay(50, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        return all;
    }

    /// <summary>Drains the feed from <paramref name="after"/>, each page from the next instance.</summary>
    private static async Task<(List<FeedEntry> Entries, string Cursor)> DrainAlternatingAsync(IReadOnlyList<HttpClient> instances, string? after)
    {
        var all = new List<FeedEntry>();
        var page = 0;
        while (true)
        {
            var (entries, next, hasMore) = await PageAsync(instances, page++, after, 500);
            all.AddRange(entries);
            after = next;
            if (!hasMore)
            {
                return (all, after);
            }
        }
    }

    /// <summary>
    /// One page of the feed from instance <paramref name="page"/> (mod the count); a 503 (the
    /// instance's connections all busy under the load) is retried after its Retry-After, as a follower would.
    /// </summary>
    private static async Task<(List<FeedEntry> Entries, string NextCursor, bool HasMore)> PageAsync(IReadOnlyList<HttpClient> instances,
        int page, string? after, int limit)
    {
        var answer = await new RetryingClient(instances).SendAsync(
            () => new HttpRequestMessage(HttpMethod.Get, ChangeFeed.Route + "?limit=" + limit + (after is null ? "" : "&after=" + Uri.EscapeDataString(after))),
            page % instances.Count);
        Assert.True(answer.Status == HttpStatusCode.OK, $"GET changes: {(int)answer.Status} {answer.Body}");
        var body = JsonNode.Parse(answer.Body)!;
        return (body["entries"]!.AsArray().Select(e => FeedEntry.From(e!)).ToList(), (string)body["nextCursor"]!, (bool)body["hasMore"]!);
    }

    private static (decimal Xact, long Id) CursorParts(string cursor)
    {
        var dash = cursor.IndexOf('-', StringComparison.Ordinal);
        return (decimal.Parse(cursor[..dash], System.Globalization.CultureInfo.InvariantCulture),
            long.Parse(cursor[(dash + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
