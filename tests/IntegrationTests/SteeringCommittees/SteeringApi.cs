using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Support;

namespace CoopApi.IntegrationTests.SteeringCommittees;

/// <summary>Addresses, valid bodies and small helpers for the steering-committee endpoints.</summary>
internal static class SteeringApi
{
    public const string Committees = "api/v1/steering-committees";
    public const string Activities = "api/v1/steering-activities";
    public const string Statistics = "api/v1/statistics/steering-activities";

    public static string Committee(string id) => $"{Committees}/{id}";

    public static string Members(string id) => $"{Committees}/{id}/members";

    public static string ActivitiesOf(string id) => $"{Committees}/{id}/activities";

    public static string Id(JsonNode node) => (string)node["id"]!;

    public static string ETag(JsonNode node) => $"\"{(int)node["version"]!}\"";

    /// <summary>A valid provincial committee of Lạng Sơn (20), established 2019-06-11, with a unique name.</summary>
    public static JsonObject NewCommittee(string? token = null) => new()
    {
        ["name"] = $"Ban chỉ đạo kinh tế tập thể tỉnh Lạng Sơn {token ?? TestData.UniqueToken()}",
        ["level"] = "provincial",
        ["areaCode"] = "20",
        ["establishedOn"] = "2019-06-11",
        ["foundingDecision"] = new JsonObject { ["number"] = "1234/QĐ-UBND", ["date"] = "2019-06-01", ["issuer"] = "Ủy ban nhân dân tỉnh Lạng Sơn" },
        ["standingAgency"] = "Sở Kế hoạch và Đầu tư tỉnh Lạng Sơn",
    };

    /// <summary>The fields of a full update (PUT): a new committee's without the standing agency, which has its own operation.</summary>
    public static JsonObject ForUpdate(JsonObject body)
    {
        var copy = (JsonObject)body.DeepClone();
        copy.Remove("standingAgency");
        return copy;
    }

    public static JsonObject NewMember(string fullName, string role = "member", string from = "2020-01-01", string? to = null) => new()
    {
        ["fullName"] = fullName,
        ["title"] = "Phó Giám đốc Sở Kế hoạch và Đầu tư",
        ["organization"] = "Sở Kế hoạch và Đầu tư tỉnh Lạng Sơn",
        ["role"] = role,
        ["from"] = from,
        ["to"] = to,
    };

    public static JsonObject NewActivity(string kind = "training", string startDate = "2022-11-24", params string[] visited) => new()
    {
        ["kind"] = kind,
        ["title"] = "Hội nghị tập huấn nâng cao năng lực, nhận thức về kinh tế tập thể",
        ["startDate"] = startDate,
        ["location"] = "Thành phố Lạng Sơn",
        ["attendeeCount"] = 145,
        ["topics"] = new JsonArray("Kinh nghiệm quốc tế", "Điểm mới trong Nghị quyết 20-NQ/TW"),
        ["visitedOrganizationIds"] = new JsonArray(visited.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray()),
        ["participatingBodies"] = new JsonArray("Hội Nông dân tỉnh"),
        ["documents"] = new JsonArray(new JsonObject { ["number"] = "538/UBND-KTTH", ["date"] = "2019-06-11", ["issuer"] = "UBND tỉnh Lạng Sơn" }),
        ["outcome"] = "Đại biểu nắm được các điểm mới của Luật Hợp tác xã.",
    };

    public static StringContent Body(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    public static async Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string path, JsonNode? body = null,
        string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = Body(body);
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

    /// <summary>A 409 with the stable code.</summary>
    public static async Task<JsonNode> ExpectConflictAsync(this Task<HttpResponseMessage> pending, string code)
    {
        var body = await pending.ExpectAsync(HttpStatusCode.Conflict);
        Assert.True(code == (string?)body["code"], $"expected code {code}: {body.ToJsonString()}");
        return body;
    }

    /// <summary>A 400 naming <paramref name="field"/> among its errors.</summary>
    public static async Task<JsonNode> ExpectFieldErrorAsync(this Task<HttpResponseMessage> pending, string field)
    {
        var body = await pending.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(body["errors"]?[field] is not null, $"expected an error on {field}: {body.ToJsonString()}");
        return body;
    }

    public static Task<JsonNode> CreateCommitteeAsync(this HttpClient client, JsonObject? body = null) =>
        client.SendAsync(HttpMethod.Post, Committees, body ?? NewCommittee()).ExpectAsync(HttpStatusCode.Created);

    public static Task<JsonNode> GetNodeAsync(this HttpClient client, string path) =>
        client.SendAsync(HttpMethod.Get, path).ExpectAsync(HttpStatusCode.OK);

    /// <summary>Row counts of the feature's tables and of the event store, to prove a rejected write left nothing.</summary>
    public static async Task<string> RowCountsAsync(this ApiFixture fixture) => string.Join(",",
        await fixture.ScalarAsync<long>("SELECT count(*) FROM steering_committees"),
        await fixture.ScalarAsync<long>("SELECT count(*) FROM steering_committee_members"),
        await fixture.ScalarAsync<long>("SELECT count(*) FROM standing_agency_periods"),
        await fixture.ScalarAsync<long>("SELECT count(*) FROM steering_activities"),
        await fixture.ScalarAsync<long>("SELECT count(*) FROM steering_activity_documents"),
        await fixture.ScalarAsync<long>("SELECT count(*) FROM domain_events"));
}
