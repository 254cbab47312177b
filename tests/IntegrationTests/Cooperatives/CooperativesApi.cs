using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Support;

namespace CoopApi.IntegrationTests.Cooperatives;

/// <summary>Addresses and small request helpers for /api/v1/cooperatives.</summary>
internal static class CooperativesApi
{
    public const string Route = "api/v1/cooperatives";

    /// <summary>An id no organization has (a valid UUID v7 shape, never issued).</summary>
    public const string UnknownId = "01900000-0000-7000-8000-000000000000";

    /// <summary>The founding date of <see cref="TestData.NewCooperative"/>.</summary>
    public const string DefaultEstablishedOn = "2015-03-12";

    public static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Item(string id) => $"{Route}/{id}";

    public static string StatusOf(string id) => $"{Route}/{id}/status";

    public static string HistoryOf(string id) => $"{Route}/{id}/status-history";

    /// <summary>Today in Vietnam (UTC+7), the calendar the API judges "future" by.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    /// <summary>A date surely in the future whatever the time zone of the machine.</summary>
    public static string FutureDate => Iso(Today.AddDays(2));

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Id(JsonNode record) => (string)record["id"]!;

    /// <summary>The ETag the API sends for <paramref name="record"/>: its version, quoted.</summary>
    public static string ETagOf(JsonNode record) => $"\"{(int)record["version"]!}\"";

    public static string Text(this JsonNode? node) => node?.ToJsonString(Readable) ?? "null";

    public static StringContent RawJson(string text) => new(text, Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string text) =>
        client.PostAsync(Route, RawJson(text));

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, JsonObject body) =>
        client.PostAsync(Route, RawJson(body.ToJsonString()));

    /// <summary>
    /// Stands for "the record's current ETag" in the If-Match argument of the helpers: they GET
    /// the record first and send its ETag (or a well-formed ETag no record has, when it does not
    /// exist). Writes require If-Match; tests about something else send the current one.
    /// </summary>
    public const string CurrentETag = "(current)";

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string id, JsonObject body, string? ifMatch = CurrentETag) =>
        SendAsync(client, HttpMethod.Put, Item(id), body.ToJsonString(), ifMatch);

    /// <summary>PATCH with a JSON Merge Patch body (application/merge-patch+json).</summary>
    public static Task<HttpResponseMessage> PatchAsync(this HttpClient client, string id, string mergePatch, string? ifMatch = CurrentETag,
        string contentType = "application/merge-patch+json") =>
        SendAsync(client, HttpMethod.Patch, Item(id), mergePatch, ifMatch, contentType);

    public static Task<HttpResponseMessage> PatchAsync(this HttpClient client, string id, JsonObject mergePatch, string? ifMatch = CurrentETag) =>
        PatchAsync(client, id, mergePatch.ToJsonString(), ifMatch);

    /// <summary>DELETE, without a body.</summary>
    public static Task<HttpResponseMessage> DeleteAsync(this HttpClient client, string id, string? ifMatch) =>
        SendAsync(client, HttpMethod.Delete, Item(id), null, ifMatch);

    public static Task<HttpResponseMessage> PostStatusAsync(this HttpClient client, string id, JsonObject body, string? ifMatch = CurrentETag) =>
        SendAsync(client, HttpMethod.Post, StatusOf(id), body.ToJsonString(), ifMatch);

    public static Task<HttpResponseMessage> PostStatusAsync(this HttpClient client, string id, string status, string effectiveOn,
        string reason = "Quyết định số 12/QĐ-UBND", string? ifMatch = CurrentETag) =>
        PostStatusAsync(client, id, StatusBody(status, effectiveOn, reason), ifMatch);

    public static JsonObject StatusBody(string status, string effectiveOn, string reason = "Quyết định số 12/QĐ-UBND") =>
        new() { ["status"] = status, ["effectiveOn"] = effectiveOn, ["reason"] = reason };

    /// <summary>Sends a request; <paramref name="ifMatch"/> null sends no If-Match, <see cref="CurrentETag"/> the record's current one.</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string uri, string? json, string? ifMatch,
        string contentType = "application/json")
    {
        if (ifMatch == CurrentETag)
        {
            ifMatch = await CurrentETagOfAsync(client, uri);
        }

        using var request = new HttpRequestMessage(method, uri);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
            request.Content.Headers.ContentType.CharSet ??= "utf-8";
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }

    /// <summary>The ETag a GET of the record at <paramref name="uri"/> (or the record its sub-resource belongs to) returns now.</summary>
    private static async Task<string> CurrentETagOfAsync(HttpClient client, string uri)
    {
        var item = string.Join('/', uri.Split('?')[0].Split('/').Take(4)); // api/v1/cooperatives/{id}
        using var response = await client.GetAsync(item);
        return response.StatusCode == HttpStatusCode.OK ? response.Headers.ETag!.Tag : "\"1\"";
    }

    /// <summary>GETs one record, asserting it exists.</summary>
    public static async Task<JsonNode> GetRecordAsync(this HttpClient client, string id)
    {
        var response = await client.GetAsync(Item(id));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {id}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>GETs the status history of a record, asserting it exists.</summary>
    public static async Task<JsonArray> GetHistoryAsync(this HttpClient client, string id)
    {
        var response = await client.GetAsync(HistoryOf(id));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET history {id}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsArray();
    }

    /// <summary>GETs a list page, asserting 200.</summary>
    public static async Task<JsonNode> ListAsync(this HttpClient client, string query)
    {
        var response = await client.GetAsync($"{Route}?{query}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET ?{query}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>A PUT body carrying the descriptive fields of <paramref name="record"/> unchanged.</summary>
    public static JsonObject UpdateBodyFrom(JsonNode record)
    {
        var body = new JsonObject();
        foreach (var field in new[]
                 {
                     "registrationCode", "name", "kind", "sector", "provinceCode", "communeCode", "address", "establishedOn",
                     "charterCapital", "memberCount", "employeeCount", "representative", "phone", "email",
                     "isYouthCooperative", "mainProducts",
                 })
        {
            if (record[field] is { } value)
            {
                body[field] = value.DeepClone();
            }
        }

        return body;
    }

    /// <summary>Creates a record and then walks the allowed path from active to <paramref name="status"/>.</summary>
    public static async Task<JsonNode> CreateInStatusAsync(HttpClient client, string status)
    {
        var record = await TestData.CreateAsync(client);
        var steps = status switch
        {
            "active" => Array.Empty<string>(),
            "suspended" => ["suspended"],
            "awaitingDissolution" => ["awaitingDissolution"],
            "dissolved" => ["awaitingDissolution", "dissolved"],
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
        };
        for (var i = 0; i < steps.Length; i++)
        {
            var response = await client.PostStatusAsync(Id(record), steps[i], $"2020-0{i + 1}-15");
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"walking to {status}, step {steps[i]}: {(int)response.StatusCode} {text}");
            record = JsonNode.Parse(text)!;
        }

        Assert.Equal(status, (string)record["status"]!);
        return record;
    }

    /// <summary>
    /// Row counts and a fingerprint of every row version (PostgreSQL's xmin changes on each write)
    /// of both register tables: equal before and after means nothing was inserted, updated or deleted.
    /// </summary>
    public static Task<string> FingerprintAsync(this ApiFixture fixture) => fixture.ScalarAsync<string>("""
        SELECT (SELECT count(*) || ':' || coalesce(md5(string_agg(id::text || '@' || xmin::text, ',' ORDER BY id)), '') FROM cooperatives)
            || ' / ' ||
            (SELECT count(*) || ':' || coalesce(md5(string_agg(id::text || '@' || xmin::text, ',' ORDER BY id)), '') FROM status_changes)
        """);

    /// <summary>Sends a request the API must refuse and asserts that it wrote nothing at all.</summary>
    public static async Task<HttpResponseMessage> SendRejectedAsync(this ApiFixture fixture, Func<Task<HttpResponseMessage>> send)
    {
        var counts = await fixture.CountRowsAsync();
        var fingerprint = await fixture.FingerprintAsync();

        var response = await send();

        Assert.True(counts == await fixture.CountRowsAsync(),
            $"a refused request ({(int)response.StatusCode}) added or removed rows: before {counts}, after {await fixture.CountRowsAsync()}");
        Assert.True(fingerprint == await fixture.FingerprintAsync(), $"a refused request ({(int)response.StatusCode}) changed stored rows");
        return response;
    }

    /// <summary>The types of the events stored for one organization, in the order they were appended.</summary>
    public static async Task<List<string>> EventTypesOfAsync(this ApiFixture fixture, string id)
    {
        await using var connection = new Npgsql.NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT event_type FROM domain_events WHERE aggregate_id = $1 ORDER BY id", connection);
        command.Parameters.AddWithValue(Guid.Parse(id));
        await using var reader = await command.ExecuteReaderAsync();
        var types = new List<string>();
        while (await reader.ReadAsync())
        {
            types.Add(reader.GetString(0));
        }

        return types;
    }

    /// <summary>The payload of the last event of <paramref name="eventType"/> stored for one organization.</summary>
    public static async Task<JsonNode> LastEventPayloadAsync(this ApiFixture fixture, string id, string eventType) =>
        JsonNode.Parse(await fixture.ScalarAsync<string>(
            "SELECT payload::text FROM domain_events WHERE aggregate_id = $1 AND event_type = $2 ORDER BY id DESC LIMIT 1",
            Guid.Parse(id), eventType))!;

    public static Task<long> AllEventsAsync(this ApiFixture fixture) => fixture.ScalarAsync<long>("SELECT count(*) FROM domain_events");

    public static Task<long> HistoryRowsAsync(this ApiFixture fixture, string id) =>
        fixture.ScalarAsync<long>("SELECT count(*) FROM status_changes WHERE cooperative_id = $1", Guid.Parse(id));
}

/// <summary>Assertions on RFC 9457 problem bodies.</summary>
internal static class ProblemAssert
{
    /// <summary>Asserts the status code and an application/problem+json body with that status; returns the body.</summary>
    public static async Task<JsonNode> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await ReadProblemAsync(response, status);
        AssertProblemContentType(response, body);
        return body;
    }

    /// <summary>Asserts a 400 problem whose <c>errors</c> has a non-empty entry for <paramref name="field"/>; returns its messages.</summary>
    /// <remarks>The content type is checked last, so that a wrong one does not hide what the body says.</remarks>
    public static async Task<string[]> HasFieldErrorAsync(HttpResponseMessage response, string field)
    {
        var body = await ReadProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = body["errors"] as JsonObject;
        Assert.True(errors is not null && errors.ContainsKey(field), $"errors.{field} missing in {body.Text()}");
        var messages = errors[field]!.AsArray().Select(m => (string)m!).ToArray();
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.False(string.IsNullOrWhiteSpace(m)));
        AssertProblemContentType(response, body);
        return messages;
    }

    /// <summary>Asserts a 400 problem with at least one entry in <c>errors</c>; returns the body.</summary>
    public static async Task<JsonNode> HasErrorsAsync(HttpResponseMessage response)
    {
        var body = await ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(body["errors"] is JsonObject { Count: > 0 }, $"no errors in {body.Text()}");
        AssertProblemContentType(response, body);
        return body;
    }

    private static async Task<JsonNode> ReadProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        var body = JsonNode.Parse(text)!;
        Assert.Equal((int)status, (int)body["status"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)body["title"]), text);
        return body;
    }

    private static void AssertProblemContentType(HttpResponseMessage response, JsonNode body) =>
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json",
            $"{(int)response.StatusCode} problem served as '{response.Content.Headers.ContentType}', not application/problem+json: {body.Text()}");

    /// <summary>Asserts a 409 problem carrying <c>code</c> = <paramref name="code"/>; returns the body.</summary>
    public static async Task<JsonNode> IsConflictAsync(HttpResponseMessage response, string code)
    {
        var body = await IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.True(code == (string?)body["code"], $"expected code {code}: {body.Text()}");
        return body;
    }
}
