using System.Net;
using CoopApi.IntegrationTests.Support;

namespace CoopApi.IntegrationTests.Api;

[Collection(ApiCollection.Name)]
public sealed class AdministrativeUnitsTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateClient();

    [Fact]
    public async Task Provinces_ListsThe34UnitsOfThe2025Reform_WithTheirCommuneCounts()
    {
        var response = await _client.GetAsync("api/v1/administrative-units/provinces");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var provinces = (await response.ReadNodeAsync()).AsArray();
        Assert.Equal(34, provinces.Count);
        Assert.Equal(3321, provinces.Sum(p => (int)p!["communeCount"]!));
        var langSon = provinces.Single(p => (string)p!["code"]! == "20")!;
        Assert.Equal("Tỉnh Lạng Sơn", (string)langSon["name"]!);
        Assert.Equal("province", (string)langSon["kind"]!);
        Assert.Equal("city", (string)provinces.Single(p => (string)p!["code"]! == "01")!["kind"]!);
        Assert.Equal(provinces.Select(p => (string)p!["code"]!).Order(StringComparer.Ordinal), provinces.Select(p => (string)p!["code"]!));
    }

    [Fact]
    public async Task Communes_OfLangSon_IncludeCaiKinhAndVanNham_AndNothingFromOtherProvinces()
    {
        var response = await _client.GetAsync("api/v1/administrative-units/provinces/20/communes");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var communes = (await response.ReadNodeAsync()).AsArray();
        Assert.All(communes, c => Assert.Equal("20", (string)c!["provinceCode"]!));
        Assert.Equal(await fixture.ScalarAsync<long>("SELECT count(*) FROM communes WHERE province_code = '20'"), communes.Count);
        Assert.Contains(communes, c => (string)c!["code"]! == "06427" && (string)c["name"]! == "Xã Cai Kinh");
        Assert.Contains(communes, c => (string)c!["code"]! == "06415" && (string)c["name"]! == "Xã Vân Nham");
    }

    [Theory]
    [InlineData("99")]
    [InlineData("2")]
    [InlineData("ab")]
    public async Task Communes_OfUnknownProvince_Returns404Problem(string code)
    {
        var response = await _client.GetAsync($"api/v1/administrative-units/provinces/{code}/communes");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PreReform_CommuneNhatTien_IsNowPartOfVanNham()
    {
        var response = await _client.GetAsync("api/v1/administrative-units/pre-reform/06418");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadNodeAsync();
        Assert.Equal("commune", (string)body["level"]!);
        Assert.Equal("Xã Nhật Tiến", (string)body["oldName"]!);
        var current = Assert.Single(body["current"]!.AsArray());
        Assert.Equal("06415", (string)current!["code"]!);
        Assert.Equal("20", (string)current["provinceCode"]!);
    }

    [Fact]
    public async Task PreReform_ProvinceBacGiang_IsNowBacNinh24()
    {
        var response = await _client.GetAsync("api/v1/administrative-units/pre-reform/24");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadNodeAsync();
        Assert.Equal("province", (string)body["level"]!);
        Assert.Equal("Tỉnh Bắc Giang", (string)body["oldName"]!);
        Assert.Equal("24", (string)Assert.Single(body["current"]!.AsArray())!["code"]!);
    }

    [Fact]
    public async Task PreReform_CommuneSplitBetweenSeveralNewOnes_ListsEachAsPartial()
    {
        var oldCode = await fixture.ScalarAsync<string>(
            "SELECT old_code FROM commune_merges GROUP BY old_code HAVING count(*) > 1 ORDER BY old_code LIMIT 1");

        var body = await (await _client.GetAsync($"api/v1/administrative-units/pre-reform/{oldCode}")).ReadNodeAsync();

        var current = body["current"]!.AsArray();
        Assert.True(current.Count > 1);
        Assert.Contains(current, c => (string)c!["part"]! == "partial");
    }

    [Theory]
    [InlineData("00")]
    [InlineData("99999")]
    [InlineData("abc")]
    public async Task PreReform_UnknownCode_Returns404Problem(string code)
    {
        var response = await _client.GetAsync($"api/v1/administrative-units/pre-reform/{code}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ReferenceData_IsLoadedOnce_WithTheFullMergeTables()
    {
        Assert.Equal(34, await fixture.ScalarAsync<long>("SELECT count(*) FROM provinces"));
        Assert.Equal(3321, await fixture.ScalarAsync<long>("SELECT count(*) FROM communes"));
        Assert.Equal(63, await fixture.ScalarAsync<long>("SELECT count(DISTINCT old_code) FROM province_merges"));
        Assert.Equal(10604, await fixture.ScalarAsync<long>("SELECT count(*) FROM commune_merges"));
        Assert.Equal(1, await fixture.ScalarAsync<long>("SELECT count(*) FROM seed_history WHERE name = 'administrative-units-2025'"));
    }
}
