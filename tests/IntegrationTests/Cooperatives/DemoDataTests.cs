using CoopApi.IntegrationTests.Support;

namespace CoopApi.IntegrationTests.Cooperatives;

/// <summary>
/// The demo register as the API serves it: the figures of "Bắc Giang 2022" (docs/sources.md) for the cooperatives of old
/// Bắc Giang (province 24 since 1 July 2025) and the two Lạng Sơn cooperatives of "Lạng Sơn 2022".
/// No test in this folder registers anything in province 24, so these counts are exact.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DemoDataTests(ApiFixture fixture)
{
    private const string BacGiangCooperatives = "kind=cooperative&provinceCode=24";

    private readonly HttpClient _client = fixture.CreateClient();

    private async Task<int> TotalAsync(string query) => (int)(await _client.ListAsync($"{query}&pageSize=1"))["totalCount"]!;

    [Fact]
    public async Task Demo_CooperativesOfProvince24_Number1012()
    {
        Assert.Equal(1012, await TotalAsync(BacGiangCooperatives));
    }

    [Theory]
    [InlineData("active", 945)]
    [InlineData("suspended", 28)]
    [InlineData("awaitingDissolution", 39)]
    [InlineData("dissolved", 0)]
    public async Task Demo_CooperativesOfProvince24_ByStatus_MatchSeed004(string status, int expected)
    {
        Assert.Equal(expected, await TotalAsync($"{BacGiangCooperatives}&status={status}"));
    }

    [Theory]
    [InlineData("agricultureForestryFishery", 662)]
    [InlineData("credit", 20)]
    public async Task Demo_CooperativesOfProvince24_BySector_MatchSeed004(string sector, int expected)
    {
        Assert.Equal(expected, await TotalAsync($"{BacGiangCooperatives}&sector={sector}"));
    }

    [Fact]
    public async Task Demo_NonAgriculturalCooperativesOfProvince24_Number330()
    {
        var sectors = new[] { "industryHandicraft", "construction", "tradeServices", "transport", "environment", "other" };
        var total = 0;
        foreach (var sector in sectors)
        {
            total += await TotalAsync($"{BacGiangCooperatives}&sector={sector}");
        }

        Assert.Equal(330, total);
    }

    [Fact]
    public async Task Demo_YouthCooperativesOfProvince24_Number8()
    {
        Assert.Equal(8, await TotalAsync($"{BacGiangCooperatives}&isYouthCooperative=true"));
    }

    [Fact]
    public async Task Demo_OtherKindsInProvince24_AreThreeGroupsAndOneUnion()
    {
        Assert.Equal(3, await TotalAsync("kind=cooperativeGroup&provinceCode=24"));
        Assert.Equal(1, await TotalAsync("kind=cooperativeUnion&provinceCode=24"));
    }

    [Fact]
    public async Task Demo_CooperativesOfProvince24_TotalCharterCapital2421BillionAnd35270Members()
    {
        Assert.Equal(2_421_000_000_000L, await fixture.ScalarAsync<long>(
            "SELECT sum(charter_capital) FROM cooperatives WHERE kind = 'cooperative' AND province_code = '24'"));
        Assert.Equal(35_270L, await fixture.ScalarAsync<long>(
            "SELECT sum(member_count) FROM cooperatives WHERE kind = 'cooperative' AND province_code = '24'"));
    }

    [Fact]
    public async Task Demo_StatusesMatchTheLastEntryOfEachHistory()
    {
        Assert.Equal(0L, await fixture.ScalarAsync<long>("""
            SELECT count(*) FROM cooperatives c
            WHERE c.province_code = '24'
              AND c.status <> (SELECT s.to_status FROM status_changes s WHERE s.cooperative_id = c.id ORDER BY s.sequence DESC LIMIT 1)
            """));
    }

    [Fact]
    public async Task Demo_CaiKinhCooperativeOfLangSon_IsFoundBySearchWithoutDiacritics()
    {
        var page = await _client.ListAsync("q=san+xuat+nong+lam+cai+kinh&communeCode=06427&pageSize=200");

        // Other tests register organizations with the same name (it is the API's example), never
        // with the demo record's address.
        var caiKinh = Assert.Single(page["items"]!.AsArray(),
            i => (string)i!["name"]! == "Hợp tác xã sản xuất, kinh doanh dịch vụ nông lâm nghiệp Cai Kinh"
                && (string?)i["address"] == "Xã Cai Kinh, tỉnh Lạng Sơn")!;
        Assert.Equal("20", (string)caiKinh["provinceCode"]!);
        Assert.Equal("cooperative", (string)caiKinh["kind"]!);
        Assert.Equal("active", (string)caiKinh["status"]!);
    }

    [Fact]
    public async Task Demo_NhatTienCooperativeOfLangSon_IsInVanNhamSinceTheReform()
    {
        var page = await _client.ListAsync("q=nhat+tien&communeCode=06415");

        var nhatTien = Assert.Single(page["items"]!.AsArray(),
            i => (string)i!["name"]! == "Hợp tác xã dịch vụ nông nghiệp và phát triển cây ăn quả xã Nhật Tiến")!;
        Assert.Equal("20", (string)nhatTien["provinceCode"]!);
    }
}
