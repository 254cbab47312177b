using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Support;

namespace CoopApi.IntegrationTests.DevelopmentTargets;

/// <summary>Addresses, valid bodies and small helpers for the development-target endpoints.</summary>
internal static class TargetsApi
{
    public const string Targets = "api/v1/development-targets";

    public static string Target(string id) => $"{Targets}/{id}";

    public static string Progress(string id, string? asOf = null) => $"{Targets}/{id}/progress" + (asOf is null ? "" : "?asOf=" + asOf);

    public static string Id(JsonNode node) => (string)node["id"]!;

    public static string ETag(JsonNode node) => $"\"{(int)node["version"]!}\"";

    public static JsonObject Goal(string metric, string comparison, decimal value) =>
        new() { ["metric"] = metric, ["comparison"] = comparison, ["value"] = value };

    /// <summary>A valid target of Lạng Sơn (20) for 2025, baseline the letter's date, the seed's three headline goals.</summary>
    public static JsonObject NewTarget(string provinceCode = "20", string baselineDate = "2019-06-11", int horizonYear = 2025,
        params JsonObject[] goals) => new()
    {
        ["provinceCode"] = provinceCode,
        ["title"] = $"Mục tiêu phát triển kinh tế tập thể {TestData.UniqueToken()}",
        ["baselineDate"] = baselineDate,
        ["horizonYear"] = horizonYear,
        ["sourceDocument"] = new JsonObject { ["number"] = "538/UBND-KTTH", ["date"] = "2019-06-11", ["issuer"] = "Ủy ban nhân dân tỉnh Lạng Sơn" },
        ["metrics"] = new JsonArray(goals.Length > 0
            ? goals.Select(g => (JsonNode)g).ToArray()
            : [Goal("newCooperatives", "atLeast", 100), Goal("fairOrBetterShare", "greaterThan", 45), Goal("weakShare", "lessThan", 10)]),
    };

    public static async Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string path, JsonNode? body = null,
        string? ifMatch = null, string mediaType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, mediaType);
        }

        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }

        return await client.SendAsync(request);
    }

    public static async Task<JsonNode> ExpectAsync(this Task<HttpResponseMessage> pending, HttpStatusCode status)
    {
        using var response = await pending;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    /// <summary>A 400 naming <paramref name="field"/> among its errors.</summary>
    public static async Task<JsonNode> ExpectFieldErrorAsync(this Task<HttpResponseMessage> pending, string field)
    {
        var body = await pending.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(body["errors"]?[field] is not null, $"expected an error on {field}: {body.ToJsonString()}");
        return body;
    }

    public static Task<JsonNode> CreateTargetAsync(this HttpClient client, JsonObject? body = null) =>
        client.SendAsync(HttpMethod.Post, Targets, body ?? NewTarget()).ExpectAsync(HttpStatusCode.Created);

    public static Task<JsonNode> GetNodeAsync(this HttpClient client, string path) =>
        client.SendAsync(HttpMethod.Get, path).ExpectAsync(HttpStatusCode.OK);

    /// <summary>The progress line of one metric.</summary>
    public static JsonNode MetricOf(JsonNode progress, string metric) =>
        progress["metrics"]!.AsArray().Single(m => (string?)m!["metric"] == metric)!;

    /// <summary>Row counts of the feature's tables and of the event store, to prove a rejected write left nothing.</summary>
    public static async Task<string> TargetRowCountsAsync(this ApiFixture fixture) => string.Join(",",
        await fixture.ScalarAsync<long>("SELECT count(*) FROM development_targets"),
        await fixture.ScalarAsync<long>("SELECT count(*) FROM development_target_metrics"),
        await fixture.ScalarAsync<long>("SELECT count(*) FROM domain_events"));
}
