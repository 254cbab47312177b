using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Cooperatives;
using CoopApi.IntegrationTests.Support;

namespace CoopApi.IntegrationTests.Classifications;

/// <summary>Addresses, bodies and small request helpers for classifications and schemes.</summary>
internal static class ClassificationsApi
{
    public const string Schemes = "api/v1/classification-schemes";
    public const string All = "api/v1/classifications";
    public const string Statistics = "api/v1/statistics/classifications";
    public const string Scheme2020 = "circular-01-2020";

    /// <summary>The criteria of circular-01-2020 with their maxima, in order.</summary>
    public static readonly (string Code, decimal Max)[] Criteria =
    [
        ("capital", 7), ("indivisibleAssets", 6), ("businessResults", 11), ("fundsSetAside", 6),
        ("legalCompliance", 8), ("disputes", 6), ("managementQualifications", 6), ("memberWorkerPolicies", 6), ("technologyBrandValueChain", 4),
        ("memberParticipation", 8), ("memberBenefits", 8), ("servicesToMembers", 8), ("informationTraining", 6), ("communityImpact", 6), ("awards", 4),
    ];

    public static string Of(string cooperativeId) => $"api/v1/cooperatives/{cooperativeId}/classifications";

    /// <summary>Scores of every criterion that add up to <paramref name="total"/>: full marks, less taken from the first criteria.</summary>
    public static JsonArray ScoresTotalling(decimal total)
    {
        var missing = 100m - total;
        var scores = new JsonArray();
        foreach (var (code, max) in Criteria)
        {
            var cut = Math.Min(max, missing);
            missing -= cut;
            scores.Add(new JsonObject { ["criterion"] = code, ["points"] = max - cut });
        }

        return scores;
    }

    public static JsonObject Body(int year, JsonArray? scores = null, decimal total = 70m) => new()
    {
        ["year"] = year,
        ["schemeCode"] = Scheme2020,
        ["scores"] = scores ?? ScoresTotalling(total),
        ["assessedOn"] = $"{year}-12-10",
        ["approvedBy"] = "Chủ tịch UBND xã Cai Kinh",
        ["notes"] = "Tự đánh giá",
    };

    /// <summary>Registers an organization founded on <paramref name="establishedOn"/> and returns its id.</summary>
    public static async Task<string> CreateOrganizationAsync(HttpClient client, string establishedOn = "2015-03-12", string kind = "cooperative",
        string sector = "agricultureForestryFishery", string provinceCode = "20", string communeCode = "06427")
    {
        var body = TestData.NewCooperative();
        body["establishedOn"] = establishedOn;
        body["kind"] = kind;
        body["sector"] = sector;
        body["provinceCode"] = provinceCode;
        body["communeCode"] = communeCode;
        return CooperativesApi.Id(await TestData.CreateAsync(client, body));
    }

    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, string cooperativeId, JsonObject body, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Of(cooperativeId))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Posts an assessment that must be accepted; returns the classification.</summary>
    public static async Task<JsonNode> AssessAsync(this HttpClient client, string cooperativeId, JsonObject body, string? ifMatch = null)
    {
        using var response = await client.PostAsync(cooperativeId, body, ifMatch);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"assess: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string uri)
    {
        using var response = await client.GetAsync(uri);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {uri}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    public static Task<long> ClassificationRowsAsync(this ApiFixture fixture) => fixture.ScalarAsync<long>(
        "SELECT (SELECT count(*) FROM classifications) + (SELECT count(*) FROM classification_revisions) + (SELECT count(*) FROM classification_schemes) "
        + "+ (SELECT count(*) FROM domain_events)");

    public static string Decimal(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
