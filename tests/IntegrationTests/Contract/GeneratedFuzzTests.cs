using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Support;
using Xunit.Abstractions;

namespace CoopApi.IntegrationTests.Contract;

/// <summary>
/// Reliability, bad input (issue 16): thousands of requests drawn at random (CsCheck, from a
/// seed) for every write operation of the OpenAPI document — random and boundary values in every
/// field, wrong types, null, missing fields, unknown members, huge texts, SQL and script
/// fragments, odd Unicode, NUL, invalid UTF-8, malformed JSON, wrong content types, odd
/// If-Match and Idempotency-Key values — against the running API on the real database. None may
/// get a 5xx, and none that is refused may change anything: every request carries a trace id of
/// its own (W3C <c>traceparent</c>), every change the API stores is an event stamped with the
/// trace id of the request that made it, so no event may carry a refused request's trace id, and
/// no event of the run's own client may appear during the run that no accepted request made.
/// The seed is printed; <c>COOPAPI_FUZZ_SEED=&lt;seed&gt;</c> draws the same requests again
/// (<c>COOPAPI_FUZZ_COUNT</c> changes how many).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class GeneratedFuzzTests(ApiFixture fixture, ITestOutputHelper output)
{
    public const string SeedVariable = "COOPAPI_FUZZ_SEED";
    public const string CountVariable = "COOPAPI_FUZZ_COUNT";

    private const int DefaultCount = 3000;
    private const int Parallelism = 8;

    /// <summary>The run stops drawing after this long, whatever the count (the machine has 2 shared cores).</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(75);

    private sealed record Sent(Variation Variation, string TraceId, int Status, string Body);

    [Fact]
    public async Task ThousandsOfGeneratedRequests_ToEveryWriteOperation_GetNo5xx_AndTheRefusedOnesChangeNothing()
    {
        var seed = Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } given ? given : ContractFuzzer.NewSeed();
        var count = int.TryParse(Environment.GetEnvironmentVariable(CountVariable), out var n) ? n : DefaultCount;
        output.WriteLine($"seed {seed} ({SeedVariable}={seed} replays it), {count} requests");

        using var client = fixture.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("swagger/v1/swagger.json"))!;
        var fuzzer = new ContractFuzzer(document);
        var requests = fuzzer.Generated(seed, count).ToList();
        var records = await RecordsAsync(client, fuzzer, document, requests);
        var etags = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var eventsBefore = await fixture.ScalarAsync<long>("SELECT coalesce(max(id), 0) FROM domain_events");

        // The run acts as a client of its own (the test host's actor header): what it changed is told
        // apart from what anything else running on the shared host (a background import job) changes.
        var actor = "generated fuzz " + seed;
        var results = new ConcurrentBag<Sent>();
        var watch = Stopwatch.StartNew();
        using var budget = new CancellationTokenSource(Budget);
        try
        {
            await Parallel.ForEachAsync(requests.Select((r, i) => (r, i)), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = budget.Token },
                async (item, ct) =>
                {
                    var (variation, index) = item;
                    var (recordId, createdETag) = records[variation.Operation][index % records[variation.Operation].Count];
                    var resource = variation.Target.Replace(Variation.RecordId, recordId, StringComparison.Ordinal);
                    using var request = variation.ToRequest(recordId, etags.GetValueOrDefault(recordId, createdETag));
                    var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
                    request.Headers.TryAddWithoutValidation(TestHooks.ClientHeader, actor);
                    request.Headers.Remove("traceparent");
                    request.Headers.TryAddWithoutValidation("traceparent", $"00-{traceId}-{Convert.ToHexStringLower(BitConverter.GetBytes(Random.Shared.NextInt64()))}-01");
                    using var response = await client.SendAsync(request, ct);
                    var body = await response.Content.ReadAsStringAsync(ct);
                    if (response.IsSuccessStatusCode && response.Headers.ETag is { } etag)
                    {
                        etags[recordId] = etag.Tag;
                    }

                    results.Add(new Sent(variation, traceId, (int)response.StatusCode, body));
                });
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            output.WriteLine($"time budget of {Budget.TotalSeconds:0} s reached");
        }

        var sent = results.ToList();
        var serverErrors = sent.Where(r => r.Status >= 500).Select(Describe).ToList();
        var refused = sent.Where(r => r.Status >= 400).ToList();
        var accepted = sent.Where(r => r.Status < 400).ToList();
        var stampedRefused = await fixture.ScalarAsync<string>(
            "SELECT coalesce(string_agg(DISTINCT trace_id, ','), '') FROM domain_events WHERE id > $1 AND trace_id = ANY($2)",
            eventsBefore, refused.Select(r => r.TraceId).ToArray());
        var unexplained = await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM domain_events WHERE id > $1 AND actor = $3 AND (trace_id IS NULL OR NOT trace_id = ANY($2))",
            eventsBefore, accepted.Select(r => r.TraceId).ToArray(), actor);
        var events = await fixture.ScalarAsync<long>("SELECT count(*) FROM domain_events WHERE id > $1 AND actor = $2", eventsBefore, actor);
        var stampedAccepted = await fixture.ScalarAsync<long>(
            "SELECT count(DISTINCT trace_id) FROM domain_events WHERE id > $1 AND trace_id = ANY($2)", eventsBefore, accepted.Select(r => r.TraceId).ToArray());
        var fields = fuzzer.WriteFields;
        var varied = sent.SelectMany(r => r.Variation.Mutated.Select(m => $"{r.Variation.Operation}.{m}")).ToHashSet();

        output.WriteLine($"{sent.Count} requests in {watch.Elapsed.TotalSeconds:0.0} s over {sent.Select(r => r.Variation.Operation).Distinct().Count()} write operations "
            + $"({fuzzer.WriteOperationIds.Count} in the document): {refused.Count} refused (4xx), {accepted.Count} accepted, {serverErrors.Count} 5xx; "
            + $"{fields.Count(varied.Contains)} of {fields.Count} body fields given generated values; "
            + $"{sent.Count(r => r.Variation.RawBody is not null)} raw-byte bodies, {sent.Count(r => r.Variation.Description.StartsWith("cut", StringComparison.Ordinal) || r.Variation.Description.Contains("quote", StringComparison.Ordinal))} malformed JSON; "
            + $"{events} events stored during the run, all by {stampedAccepted} accepted requests; statuses: "
            + string.Join(", ", sent.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}")));

        Assert.True(serverErrors.Count == 0, $"seed {seed}: {serverErrors.Count} of {sent.Count} generated requests got a 5xx:\n" + string.Join('\n', serverErrors.Take(30)));
        Assert.True(stampedRefused.Length == 0, $"seed {seed}: refused requests changed something (events with their trace ids): {stampedRefused}");
        Assert.True(unexplained == 0, $"seed {seed}: {unexplained} events during the run were made by no accepted request");
        Assert.True(sent.Count >= 1000, $"only {sent.Count} requests within the budget");
        Assert.Equal(fuzzer.WriteOperationIds.Order(), sent.Select(r => r.Variation.Operation).Distinct().Order());
        Assert.True(stampedAccepted > 0, "no accepted request's trace id reached domain_events: the check of refused ones would prove nothing");
        Assert.True(fields.All(varied.Contains), "fields never given a generated value: " + string.Join(", ", fields.Where(f => !varied.Contains(f))));
    }

    /// <summary>
    /// The records the item operations work on, per operation: made through the POST of the
    /// collection (the path up to its first identifier) from the document's examples, a few each;
    /// a cooperative where no such POST exists or the example is refused.
    /// </summary>
    private static async Task<Dictionary<string, List<(string Id, string ETag)>>> RecordsAsync(HttpClient client, ContractFuzzer fuzzer,
        JsonNode document, List<Variation> requests)
    {
        var byCollection = new Dictionary<string, List<(string Id, string ETag)>>(StringComparer.Ordinal);
        var result = new Dictionary<string, List<(string Id, string ETag)>>(StringComparer.Ordinal);
        foreach (var (operation, path) in requests.Select(r => (r.Operation, Template(document, r.Operation))).Distinct())
        {
            var cut = path.IndexOf("/{", StringComparison.Ordinal);
            var collection = cut < 0 ? "/api/v1/cooperatives" : path[..cut];
            if (!byCollection.TryGetValue(collection, out var made))
            {
                made = [];
                for (var i = 0; i < 4; i++)
                {
                    if (document["paths"]![collection]?["post"] is not null && fuzzer.ValidBody(collection, "post") is { } body)
                    {
                        using var response = await client.PostAsync(collection.TrimStart('/'), new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
                        if (response.StatusCode == HttpStatusCode.Created && response.Headers.Location is { } location)
                        {
                            made.Add((location.OriginalString.TrimEnd('/').Split('/')[^1], response.Headers.ETag?.Tag ?? "\"1\""));
                        }
                    }
                }

                if (made.Count == 0)
                {
                    var record = await TestData.CreateAsync(client);
                    made.Add(((string)record["id"]!, $"\"{(int)record["version"]!}\""));
                }

                byCollection[collection] = made;
            }

            result[operation] = made;
        }

        return result;
    }

    private static string Template(JsonNode document, string operationId) =>
        document["paths"]!.AsObject().First(p => p.Value!.AsObject().Any(o => o.Value is JsonObject op && (string?)op["operationId"] == operationId)).Key;

    private static string Describe(Sent r) =>
        $"{r.Status} {r.Variation.Method} {Shorten(r.Variation.Target)} ({r.Variation.Operation}): {r.Variation.Description}; "
        + $"body {Shorten(r.Variation.Body ?? (r.Variation.RawBody is { } raw ? Convert.ToHexString(raw.AsSpan(0, Math.Min(raw.Length, 60))) : "none"))} → {Shorten(r.Body)}";

    private static string Shorten(string text) => text.Length <= 240 ? text : text[..240] + "…";
}
