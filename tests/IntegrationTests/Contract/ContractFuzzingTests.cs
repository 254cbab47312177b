using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Support;
using Xunit.Abstractions;

namespace CoopApi.IntegrationTests.Contract;

/// <summary>
/// Contract fuzzing: every operation of the OpenAPI document, sent variations derived from its
/// own schemas (missing required members, null, wrong types, one past each length and bound,
/// broken patterns, unknown enumeration values and combinations, NUL characters, unknown
/// members and parameters, malformed bodies and headers) against the running API on the real
/// database. No variation may get a 5xx, and every variation the document says is invalid must
/// be refused with a 4xx problem.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ContractFuzzingTests(ApiFixture fixture, ITestOutputHelper output)
{
    private const int Parallelism = 8;

    // One pass serves both facts: ~700 requests are sent once per test run.
    private static readonly SemaphoreSlim RunLock = new(1, 1);
    private static FuzzRun? _run;

    private sealed record FuzzRun(IReadOnlyList<(Variation Variation, HttpStatusCode Status, string Body)> Results, int Operations, int DocumentOperations);

    private async Task<FuzzRun> RunAsync()
    {
        await RunLock.WaitAsync();
        try
        {
            if (_run is not null)
            {
                return _run;
            }

            using var client = fixture.CreateClient();
            var document = JsonNode.Parse(await client.GetStringAsync("swagger/v1/swagger.json"))!;
            var fuzzer = new ContractFuzzer(document);
            var existing = await CreateOrganizationAsync(client, fuzzer);
            var variations = fuzzer.Variations().ToList();
            var results = new ConcurrentBag<(Variation Variation, HttpStatusCode Status, string Body)>();
            await Parallel.ForEachAsync(variations, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (variation, ct) =>
            {
                var (recordId, recordETag) = variation.NeedsOwnRecord ? await CreateOrganizationAsync(client, fuzzer) : existing;
                using var request = variation.ToRequest(recordId, recordETag);
                using var response = await client.SendAsync(request, ct);
                results.Add((variation, response.StatusCode, await response.Content.ReadAsStringAsync(ct)));
            });
            _run = new FuzzRun([.. results], variations.Select(v => v.Operation).Distinct().Count(), fuzzer.OperationCount);
            output.WriteLine($"{results.Count} variations ({results.Count(r => r.Variation.Invalid)} invalid by the document) over {_run.Operations} operations; "
                + $"{results.Count(r => (int)r.Status >= 500)} answered 5xx; "
                + $"{results.Count(r => r.Variation.Invalid && (int)r.Status < 400)} invalid ones accepted.");
            return _run;
        }
        finally
        {
            RunLock.Release();
        }
    }

    [Fact]
    public async Task NoVariationDerivedFromTheDocument_GetsA5xx()
    {
        var run = await RunAsync();

        var serverErrors = run.Results.Where(r => (int)r.Status >= 500).Select(Describe).Order().ToList();

        Assert.Equal(run.DocumentOperations, run.Operations);
        Assert.True(run.Results.Count >= 300, $"only {run.Results.Count} variations derived from the document");
        Assert.True(serverErrors.Count == 0,
            $"{serverErrors.Count} of {run.Results.Count} variations got a 5xx:\n" + string.Join('\n', serverErrors));
    }

    [Fact]
    public async Task EveryVariationTheDocumentCallsInvalid_IsRefusedWithA4xx()
    {
        var run = await RunAsync();

        var acceptedInvalid = run.Results.Where(r => r.Variation.Invalid && (int)r.Status < 400).Select(Describe).Order().ToList();

        Assert.True(run.Results.Count(r => r.Variation.Invalid) >= 200, "too few invalid variations derived from the document");
        Assert.True(acceptedInvalid.Count == 0,
            $"{acceptedInvalid.Count} variations the document calls invalid were accepted:\n" + string.Join('\n', acceptedInvalid));
    }

    private static string Describe((Variation Variation, HttpStatusCode Status, string Body) r) =>
        $"{(int)r.Status} {r.Variation.Operation}: {r.Variation.Description} — {Truncate(r.Body)}";

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "…";

    /// <summary>A valid registration made from the document's own examples: the record the item operations work on.</summary>
    private static async Task<(string Id, string ETag)> CreateOrganizationAsync(HttpClient client, ContractFuzzer fuzzer)
    {
        var body = fuzzer.ValidBody("/api/v1/cooperatives", "post")!;
        var response = await client.PostAsync("api/v1/cooperatives", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(response.StatusCode == HttpStatusCode.Created,
            "the document's own example of a registration was refused: " + await response.Content.ReadAsStringAsync());
        return ((string)(await response.ReadNodeAsync())["id"]!, response.Headers.ETag!.Tag);
    }
}
