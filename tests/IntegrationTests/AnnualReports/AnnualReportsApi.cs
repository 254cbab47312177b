using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Support;

namespace CoopApi.IntegrationTests.AnnualReports;

/// <summary>Requests to the yearly figures of an organization.</summary>
internal static class AnnualReportsApi
{
    public static string Of(string cooperativeId) => $"api/v1/cooperatives/{cooperativeId}/annual-reports";

    public static string Year(string cooperativeId, int year) => $"{Of(cooperativeId)}/{year}";

    /// <summary>Valid figures of a medium agricultural cooperative (210 members, 12.5 bn revenue, a loss).</summary>
    public static JsonObject Figures() => new()
    {
        ["revenue"] = 12_500_000_000L,
        ["preTaxProfit"] = -150_000_000L,
        ["charterCapital"] = 1_500_000_000L,
        ["equity"] = 2_100_000_000L,
        ["totalCapital"] = 6_000_000_000L,
        ["officialMembers"] = 210,
        ["associateMembers"] = 40,
        ["employees"] = 18,
        ["averageMemberIncome"] = 62_000_000L,
        ["memberNeedsServedShare"] = 72.5m,
    };

    /// <summary>
    /// PUTs <paramref name="figures"/>; <paramref name="ifMatch"/> and <paramref name="ifNoneMatch"/>
    /// are sent as given (null: not sent).
    /// </summary>
    public static async Task<HttpResponseMessage> PutAsync(HttpClient client, string cooperativeId, int year, JsonObject figures,
        string? ifMatch = null, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, Year(cooperativeId, year)) { Content = JsonContent.Create(figures) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Files figures that must be accepted (201); returns the report.</summary>
    public static async Task<JsonNode> FileAsync(HttpClient client, string cooperativeId, int year, JsonObject? figures = null)
    {
        using var response = await PutAsync(client, cooperativeId, year, figures ?? Figures());
        var body = await response.ReadNodeAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body.ToJsonString()}");
        return body;
    }

    /// <summary>A new organization in Lạng Sơn (20) of <paramref name="sector"/>, founded 2015; returns its id.</summary>
    public static async Task<string> NewOrganizationAsync(HttpClient client, string sector = "agricultureForestryFishery",
        string establishedOn = "2015-03-12", string kind = "cooperative")
    {
        var body = TestData.NewCooperative();
        body["sector"] = sector;
        body["establishedOn"] = establishedOn;
        body["kind"] = kind;
        if (kind == "cooperativeGroup")
        {
            body.Remove("registrationCode");
        }

        return (string)(await TestData.CreateAsync(client, body))["id"]!;
    }

    public static Task<long> RowsAsync(ApiFixture fixture, string cooperativeId) =>
        fixture.ScalarAsync<long>("SELECT count(*) FROM annual_reports WHERE cooperative_id = $1", Guid.Parse(cooperativeId));
}
