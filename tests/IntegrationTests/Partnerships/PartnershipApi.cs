using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Support;

namespace CoopApi.IntegrationTests.Partnerships;

/// <summary>Addresses, valid bodies and small helpers for the partnership endpoints.</summary>
internal static class PartnershipApi
{
    public const string Agreements = "api/v1/partnership-agreements";
    public const string Statistics = "api/v1/statistics/partnerships";
    public const string Alliance = "Liên minh Hợp tác xã tỉnh Bắc Giang";
    public const string YouthUnion = "Tỉnh đoàn Bắc Giang";

    public static string Agreement(string id) => $"{Agreements}/{id}";

    public static string Id(JsonNode node) => (string)node["id"]!;

    public static string ETag(JsonNode node) => $"\"{(int)node["version"]!}\"";

    /// <summary>A valid draft of province <paramref name="provinceCode"/>, period <paramref name="start"/>–<paramref name="end"/>, two content areas.</summary>
    public static JsonObject NewAgreement(int start = 2023, int end = 2025, string provinceCode = "24", string? signedOn = null) => new()
    {
        ["title"] = $"Chương trình phối hợp phát triển kinh tế tập thể {TestData.UniqueToken()}",
        ["reference"] = "01/CTPH",
        ["parties"] = new JsonArray(
            new JsonObject { ["name"] = Alliance, ["kind"] = "cooperativeAlliance" },
            new JsonObject { ["name"] = YouthUnion, ["kind"] = "youthUnion" }),
        ["signatories"] = new JsonArray(
            new JsonObject { ["fullName"] = "Nguyễn Đức Hiền", ["title"] = "Chủ tịch", ["party"] = Alliance },
            new JsonObject { ["fullName"] = "Thân Trung Kiên", ["title"] = "Bí thư Tỉnh đoàn", ["party"] = YouthUnion }),
        ["signedOn"] = signedOn ?? $"{start}-03-09",
        ["periodStartYear"] = start,
        ["periodEndYear"] = end,
        ["provinceCode"] = provinceCode,
        ["policyReferences"] = new JsonArray(new JsonObject { ["number"] = "20-NQ/TW", ["issuedOn"] = "2022-06-16" }),
        ["contentAreas"] = new JsonArray("Tuyên truyền về kinh tế tập thể", "Tập huấn sáng lập viên hợp tác xã"),
    };

    public static JsonObject NewCommitment(string targetKind = "perYear", decimal target = 1, int contentArea = 1, string? registerMeasure = null) => new()
    {
        ["description"] = "Mỗi năm tổ chức ít nhất 01 lớp tập huấn sáng lập viên",
        ["contentArea"] = contentArea,
        ["indicator"] = "Lớp tập huấn",
        ["unit"] = "lớp",
        ["target"] = target,
        ["targetKind"] = targetKind,
        ["responsibleParty"] = Alliance,
        ["registerMeasure"] = registerMeasure,
    };

    public static JsonObject Status(string status, string effectiveOn) => new() { ["status"] = status, ["effectiveOn"] = effectiveOn };

    public static JsonObject NewReview(int year, string heldOn, string kind = "annual", params (string Commitment, decimal Achieved)[] results) => new()
    {
        ["kind"] = kind,
        ["year"] = year,
        ["heldOn"] = heldOn,
        ["summary"] = $"Sơ kết năm {year}",
        ["results"] = new JsonArray(results.Select(r => (JsonNode)new JsonObject { ["commitmentId"] = r.Commitment, ["achieved"] = r.Achieved }).ToArray()),
    };

    public static async Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string path, JsonNode? body = null,
        string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }

        return await client.SendAsync(request);
    }

    public static async Task<JsonNode> Expect(this Task<HttpResponseMessage> pending, HttpStatusCode status)
    {
        using var response = await pending;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    /// <summary>A 409 with the stable code.</summary>
    public static async Task ExpectConflict(this Task<HttpResponseMessage> pending, string code)
    {
        var body = await pending.Expect(HttpStatusCode.Conflict);
        Assert.True(code == (string?)body["code"], $"expected code {code}: {body.ToJsonString()}");
    }

    /// <summary>A 400 naming <paramref name="field"/> among its errors.</summary>
    public static async Task ExpectFieldError(this Task<HttpResponseMessage> pending, string field)
    {
        var body = await pending.Expect(HttpStatusCode.BadRequest);
        Assert.True(body["errors"]?[field] is not null, $"expected an error on {field}: {body.ToJsonString()}");
    }

    public static Task<JsonNode> CreateAgreementAsync(this HttpClient client, JsonObject? body = null) =>
        client.SendJsonAsync(HttpMethod.Post, Agreements, body ?? NewAgreement()).Expect(HttpStatusCode.Created);

    /// <summary>Adds a commitment; returns its id.</summary>
    public static async Task<string> AddCommitmentAsync(this HttpClient client, string agreementId, JsonObject body) =>
        Id(await client.SendJsonAsync(HttpMethod.Post, $"{Agreement(agreementId)}/commitments", body).Expect(HttpStatusCode.Created));

    /// <summary>Activates the agreement on <paramref name="effectiveOn"/>; returns it.</summary>
    public static async Task<JsonNode> ActivateAsync(this HttpClient client, string id, string effectiveOn)
    {
        var current = await client.GetJsonAsync(Agreement(id));
        return await client.SendJsonAsync(HttpMethod.Post, $"{Agreement(id)}/status", Status("active", effectiveOn), ETag(current))
            .Expect(HttpStatusCode.OK);
    }

    public static Task<JsonNode> ReviewAsync(this HttpClient client, string id, JsonObject review) =>
        client.SendJsonAsync(HttpMethod.Post, $"{Agreement(id)}/reviews", review).Expect(HttpStatusCode.Created);

    public static Task<JsonNode> GetJsonAsync(this HttpClient client, string path) =>
        client.SendJsonAsync(HttpMethod.Get, path).Expect(HttpStatusCode.OK);

    /// <summary>Row counts of the feature's tables and of the event store, to prove a rejected write left nothing.</summary>
    public static async Task<string> PartnershipRowsAsync(this ApiFixture fixture) => string.Join(",",
        await fixture.ScalarAsync<long>("SELECT count(*) FROM partnership_agreements"),
        await fixture.ScalarAsync<long>("SELECT count(*) FROM partnership_commitments"),
        await fixture.ScalarAsync<long>("SELECT count(*) FROM partnership_reviews"),
        await fixture.ScalarAsync<long>("SELECT coalesce(sum(version), 0)::bigint FROM partnership_agreements"),
        await fixture.ScalarAsync<long>("SELECT count(*) FROM domain_events"));
}
