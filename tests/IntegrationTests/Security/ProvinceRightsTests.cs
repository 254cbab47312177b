using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.Cooperatives.CooperativesApi;

namespace CoopApi.IntegrationTests.Security;

/// <summary>
/// A provincial system writes only in its own province: registering, changing (PUT, PATCH),
/// changing the status of and withdrawing an organization need its province among the caller's
/// (the key's list or the token's <c>province</c> claim); moving a record into another province
/// is a write there too, so both are needed. A refused write is 403 <c>provinceNotGranted</c>
/// naming the province and leaves nothing: no row, no event, no remembered Idempotency-Key.
/// Reading other provinces' records stays allowed. The records here are in Lạng Sơn (20); the
/// other province is Bắc Ninh (24).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ProvinceRightsTests(ApiFixture fixture)
{
    private const string LangSon = "20";
    private const string BacNinh = "24";

    private readonly HttpClient _admin = fixture.CreateAdminClient();
    private readonly HttpClient _anonymous = fixture.CreateAnonymousClient();

    [Fact]
    public async Task Registering_InAProvinceTheKeyDoesNotHold_Is403_AndWritesNothing_NotEvenTheIdempotencyKey()
    {
        using var bacNinh = await ClientForAsync(BacNinh);
        var body = TestData.NewCooperative();
        var idempotencyKey = Guid.NewGuid().ToString();
        var eventsBefore = await EventCountAsync();

        using var request = new HttpRequestMessage(HttpMethod.Post, Route) { Content = RawJson(body.ToJsonString()) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await bacNinh.SendAsync(request);

        await AssertProvinceRefusedAsync(response, LangSon);
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM cooperatives WHERE name = $1", (string)body["name"]!));
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM idempotency_records WHERE key = $1", idempotencyKey));
        Assert.Equal(eventsBefore, await EventCountAsync());
    }

    [Fact]
    public async Task Registering_InTheKeysProvince_Succeeds()
    {
        using var langSon = await ClientForAsync(LangSon);

        using var response = await langSon.PostJsonAsync(TestData.NewCooperative());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task ATokensProvinceClaim_GrantsItsProvince_AndOnlyThat()
    {
        using var client = fixture.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            fixture.Issuer.Mint(scope: "openid read write", provinces: [LangSon]));
        var inBacNinh = TestData.NewCooperative();
        inBacNinh["provinceCode"] = BacNinh;
        inBacNinh["communeCode"] = await CommuneOfAsync(BacNinh);

        using var allowed = await client.PostJsonAsync(TestData.NewCooperative());
        using var refused = await client.PostJsonAsync(inBacNinh);

        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        await AssertProvinceRefusedAsync(refused, BacNinh);
    }

    [Fact]
    public async Task Put_ByAKeyOfAnotherProvince_Is403_AndTheRecordIsUnchanged()
    {
        var (id, before) = await CreateInLangSonAsync();
        using var bacNinh = await ClientForAsync(BacNinh);
        var body = TestData.NewCooperative();
        body["memberCount"] = 99;

        using var response = await bacNinh.PutJsonAsync(id, body);

        await AssertProvinceRefusedAsync(response, LangSon);
        await AssertUnchangedAsync(id, before);
    }

    [Fact]
    public async Task Patch_ByAKeyOfAnotherProvince_Is403_AndTheRecordIsUnchanged()
    {
        var (id, before) = await CreateInLangSonAsync();
        using var bacNinh = await ClientForAsync(BacNinh);

        using var response = await bacNinh.PatchAsync(id, new JsonObject { ["memberCount"] = 99 });

        await AssertProvinceRefusedAsync(response, LangSon);
        await AssertUnchangedAsync(id, before);
    }

    [Fact]
    public async Task MovingARecord_IntoAProvinceTheKeyDoesNotHold_Is403_NamingThatProvince()
    {
        var (id, before) = await CreateInLangSonAsync();
        using var langSon = await ClientForAsync(LangSon);
        var moved = await MovedToBacNinhAsync();

        using var put = await langSon.PutJsonAsync(id, moved);
        using var patch = await langSon.PatchAsync(id, new JsonObject
        {
            ["provinceCode"] = BacNinh,
            ["communeCode"] = (string)moved["communeCode"]!,
        });

        await AssertProvinceRefusedAsync(put, BacNinh);
        await AssertProvinceRefusedAsync(patch, BacNinh);
        await AssertUnchangedAsync(id, before);
    }

    [Fact]
    public async Task MovingARecord_OutOfAProvinceTheKeyDoesNotHold_Is403_NamingThatProvince()
    {
        var (id, before) = await CreateInLangSonAsync();
        using var bacNinh = await ClientForAsync(BacNinh);

        using var response = await bacNinh.PutJsonAsync(id, await MovedToBacNinhAsync());

        await AssertProvinceRefusedAsync(response, LangSon);
        await AssertUnchangedAsync(id, before);
    }

    [Fact]
    public async Task MovingARecord_WithBothProvinces_Succeeds()
    {
        var (id, _) = await CreateInLangSonAsync();
        using var both = await ClientForAsync(LangSon, BacNinh);

        using var response = await both.PutJsonAsync(id, await MovedToBacNinhAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(BacNinh, (string)(await response.ReadNodeAsync())["provinceCode"]!);
    }

    [Fact]
    public async Task ChangingTheStatus_ByAKeyOfAnotherProvince_Is403_AndTheRecordIsUnchanged()
    {
        var (id, before) = await CreateInLangSonAsync();
        using var bacNinh = await ClientForAsync(BacNinh);

        using var response = await bacNinh.PostStatusAsync(id, "suspended", Iso(Today.AddDays(-1)));

        await AssertProvinceRefusedAsync(response, LangSon);
        await AssertUnchangedAsync(id, before);
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM status_changes WHERE cooperative_id = $1", Guid.Parse(id)));
    }

    [Fact]
    public async Task Withdrawing_ByAKeyOfAnotherProvince_Is403_AndTheRecordStays()
    {
        var (id, before) = await CreateInLangSonAsync();
        using var bacNinh = await ClientForAsync(BacNinh);

        using var response = await bacNinh.DeleteAsync(id, CurrentETag);

        await AssertProvinceRefusedAsync(response, LangSon);
        await AssertUnchangedAsync(id, before);
    }

    [Fact]
    public async Task Reading_AnotherProvincesRecords_IsAllowed()
    {
        var (id, _) = await CreateInLangSonAsync();
        using var bacNinh = await ClientForAsync(BacNinh);

        using var one = await bacNinh.GetAsync(Item(id));
        using var history = await bacNinh.GetAsync(HistoryOf(id));
        using var list = await bacNinh.GetAsync($"{Route}?provinceCode={LangSon}&pageSize=1");

        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    [Fact]
    public async Task TheRefusal_SpeaksVietnamese_WhenAsked()
    {
        using var bacNinh = await ClientForAsync(BacNinh);
        bacNinh.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("vi"));

        using var response = await bacNinh.PostJsonAsync(TestData.NewCooperative());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.ReadNodeAsync();
        Assert.Equal("Thông tin xác thực của bạn không được phép ghi dữ liệu tại tỉnh 20.", (string)problem["detail"]!);
        Assert.Equal("Không được phép.", (string)problem["title"]!);
    }

    /// <summary>A client with a key of the read and write scopes for exactly <paramref name="provinces"/>.</summary>
    private async Task<HttpClient> ClientForAsync(params string[] provinces)
    {
        var (key, _) = await SecurityApi.CreateKeyAsync(fixture, _anonymous, scopes: ["read", "write"], provinces: provinces,
            name: "province rights test " + string.Join(",", provinces));
        return ApiFixture.WithKey(fixture.CreateAnonymousClient(), key);
    }

    private async Task<(string Id, JsonNode Before)> CreateInLangSonAsync()
    {
        var created = await TestData.CreateAsync(_admin);
        return (Id(created), created);
    }

    private async Task<JsonObject> MovedToBacNinhAsync()
    {
        var body = TestData.NewCooperative();
        body["provinceCode"] = BacNinh;
        body["communeCode"] = await CommuneOfAsync(BacNinh);
        body["address"] = "Phường Bắc Giang, tỉnh Bắc Ninh";
        return body;
    }

    private Task<string> CommuneOfAsync(string province) =>
        fixture.ScalarAsync<string>("SELECT min(code) FROM communes WHERE province_code = $1", province);

    private Task<long> EventCountAsync() => fixture.ScalarAsync<long>("SELECT count(*) FROM domain_events");

    private static async Task AssertProvinceRefusedAsync(HttpResponseMessage response, string province)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        Assert.Equal("provinceNotGranted", (string)problem["code"]!);
        Assert.Equal($"Your credential may not write in province {province}.", (string)problem["detail"]!);
    }

    /// <summary>The record as the admin reads it now is the one created: same version, same fields; no event after its registration.</summary>
    private async Task AssertUnchangedAsync(string id, JsonNode before)
    {
        using var response = await _admin.GetAsync(Item(id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var now = await response.ReadNodeAsync();
        Assert.Equal(before.ToJsonString(), now.ToJsonString());
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM domain_events WHERE aggregate_id = $1", Guid.Parse(id)));
    }
}
