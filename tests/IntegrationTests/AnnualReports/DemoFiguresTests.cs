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
