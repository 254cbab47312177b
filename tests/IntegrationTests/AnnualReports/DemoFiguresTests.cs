using System.Net;
using CoopApi.IntegrationTests.Support;

namespace CoopApi.IntegrationTests.AnnualReports;

/// <summary>The demo data (loaded by the test host like by run.sh) has yearly figures and OCOP products in the demo province.</summary>
[Collection(ApiCollection.Name)]
public sealed class DemoFiguresTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateAdminClient();

    [Fact]
    public async Task TheDemoProvince_HasYearlyFigures_AndOcopProducts_ThroughTheWritePath()
    {
        Assert.Equal(12, await fixture.ScalarAsync<long>(
            "SELECT count(DISTINCT cooperative_id) FROM annual_reports WHERE province_code = '24' AND year = 2025"));
        Assert.Equal(0, await fixture.ScalarAsync<long>("""
            SELECT count(*) FROM annual_reports r
            WHERE r.province_code = '24' AND NOT EXISTS (SELECT 1 FROM domain_events e WHERE e.aggregate_id = r.id)
            """));

        using var response = await _client.GetAsync("api/v1/ocop-products?provinceCode=24&pageSize=200");
        var page = await response.ReadNodeAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = page["items"]!.AsArray();
        Assert.Equal(6, (int)page["totalCount"]!);
        Assert.Contains(items, p => (int)p!["stars"]! == 5 && (string?)p["certifiedBy"] == "central");
        Assert.Contains(items, p => (string?)p!["status"] == "active");
    }
}

/// <summary>A follower of the change feed ends with exactly the yearly figures and OCOP products of the database.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReportsChangeFeedTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateAdminClient();

    [Theory]
    [InlineData("annualReport", "annual_reports")]
    [InlineData("ocopProduct", "ocop_products")]
    public async Task Replay_FromTheStart_EndsWithExactlyTheStoredRecords(string entityType, string table)
    {
        // One record filed, changed and another deleted, on top of the demo data.
        var id = await AnnualReportsApi.NewOrganizationAsync(_client);
        if (entityType == "annualReport")
        {
            await AnnualReportsApi.FileAsync(_client, id, 2023);
            await AnnualReportsApi.FileAsync(_client, id, 2024);
            using var request = new HttpRequestMessage(HttpMethod.Delete, AnnualReportsApi.Year(id, 2023));
            request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            using var deleted = await _client.SendAsync(request);
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        var (entries, _) = await Changes.ChangeFeed.DrainAsync(_client, filters: "entityType=" + entityType);
        var copy = new Dictionary<string, System.Text.Json.Nodes.JsonNode>();
        foreach (var entry in entries)
        {
            if (entry.Operation == "deleted")
            {
                copy.Remove(entry.EntityId);
            }
            else
            {
                copy[entry.EntityId] = entry.Data!;
            }
        }

        var stored = await fixture.ScalarAsync<string>($"SELECT coalesce(string_agg(id::text, ',' ORDER BY id::text), '') FROM {table}");
        Assert.Equal(stored, string.Join(',', copy.Keys.Order(StringComparer.Ordinal)));
        Assert.NotEmpty(copy);
        foreach (var (key, data) in copy.Take(20))
        {
            using var read = await _client.GetAsync(entityType == "annualReport" ? $"api/v1/annual-reports/{key}" : $"api/v1/ocop-products/{key}");
            var current = await read.ReadNodeAsync();
            if (entityType == "ocopProduct")
            {
                // The status is computed for the day of the answer; the feed's for the day of the change.
                current.AsObject().Remove("status");
                data.AsObject().Remove("status");
            }

            Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(current, data), $"{key}: feed {data.ToJsonString()} vs GET {current.ToJsonString()}");
        }
    }
}
