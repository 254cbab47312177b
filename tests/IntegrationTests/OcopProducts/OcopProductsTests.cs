using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Cooperatives;
using CoopApi.IntegrationTests.Security;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.Cooperatives.CooperativesApi;

namespace CoopApi.IntegrationTests.OcopProducts;

/// <summary>
/// /api/v1/cooperatives/{id}/ocop-products and /api/v1/ocop-products: OCOP ratings, the pairing of
/// stars and certifier, the 36-month expiry, the list across the register, and the write path.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OcopProductsTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateAdminClient();

    private static string Of(string cooperativeId) => $"api/v1/cooperatives/{cooperativeId}/ocop-products";

    private static JsonObject Rating(int stars = 4, string certifiedBy = "province", string certifiedOn = "2023-03-15",
        string? productName = null) => new()
    {
        ["productName"] = productName ?? $"Na Chi Lăng {TestData.UniqueToken()}",
        ["stars"] = stars,
        ["certifiedOn"] = certifiedOn,
        ["certifiedBy"] = certifiedBy,
        ["certificateNumber"] = "456/QĐ-UBND",
    };

    private async Task<string> NewOrganizationAsync(string provinceCode = "20", string communeCode = "06427")
    {
        var body = TestData.NewCooperative();
        body["provinceCode"] = provinceCode;
        body["communeCode"] = communeCode;
        return Id(await TestData.CreateAsync(_client, body));
    }

    private async Task<JsonNode> RecordAsync(string cooperativeId, JsonObject? rating = null, HttpClient? client = null)
    {
        using var response = await (client ?? _client).PostAsJsonAsync(Of(cooperativeId), rating ?? Rating());
        var body = await response.ReadNodeAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body.ToJsonString()}");
        return body;
    }

    private Task<long> RowsAsync(string cooperativeId) =>
        fixture.ScalarAsync<long>("SELECT count(*) FROM ocop_products WHERE cooperative_id = $1", Guid.Parse(cooperativeId));

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string uri, JsonObject? body, string? ifMatch)
    {
        using var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await _client.SendAsync(request);
    }

    [Fact]
    public async Task Recording_Answers201_AndTheServerComputesExpiryAndStatus()
    {
        var id = await NewOrganizationAsync();

        using var response = await _client.PostAsJsonAsync(Of(id), Rating(certifiedOn: Iso(Today.AddMonths(-1))));

        var body = await response.ReadNodeAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/{Of(id)}/{(string)body["id"]!}", response.Headers.Location!.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag!.Tag);
        Assert.Equal(Iso(Today.AddMonths(-1).AddMonths(36)), (string?)body["expiresOn"]);
        Assert.Equal("active", (string?)body["status"]);
        Assert.Equal("20", (string?)body["provinceCode"]);
        using var read = await _client.GetAsync($"{Of(id)}/{(string)body["id"]!}");
        Assert.True(JsonNode.DeepEquals(body, await read.ReadNodeAsync()));
    }

    [Theory]
    [InlineData(3, "province", true)]
    [InlineData(4, "province", true)]
    [InlineData(5, "central", true)]
    [InlineData(5, "province", false)]
    [InlineData(3, "central", false)]
    [InlineData(4, "central", false)]
    public async Task TheProvinceCertifies3And4Stars_TheCentralLevel5(int stars, string certifiedBy, bool accepted)
    {
        var id = await NewOrganizationAsync();

        using var response = await _client.PostAsJsonAsync(Of(id), Rating(stars, certifiedBy));

        if (accepted)
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        else
        {
            await ProblemAssert.HasFieldErrorAsync(response, "certifiedBy");
            Assert.Equal(0, await RowsAsync(id));
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(6)]
    public async Task Stars_AreThreeToFive(int stars)
    {
        var id = await NewOrganizationAsync();

        using var response = await _client.PostAsJsonAsync(Of(id), Rating(stars, stars > 5 ? "central" : "province"));

        await ProblemAssert.HasFieldErrorAsync(response, "stars");
    }

    [Fact]
    public async Task TheCertificationDate_IsNotInTheFuture_NorBeforeTheProgramme()
    {
        var id = await NewOrganizationAsync();

        using var future = await _client.PostAsJsonAsync(Of(id), Rating(certifiedOn: Iso(Today.AddDays(1))));
        await ProblemAssert.HasFieldErrorAsync(future, "certifiedOn");
        using var early = await _client.PostAsJsonAsync(Of(id), Rating(certifiedOn: "2018-05-06"));
        await ProblemAssert.HasFieldErrorAsync(early, "certifiedOn");
        await RecordAsync(id, Rating(certifiedOn: "2018-05-07"));
    }

    [Fact]
    public async Task ACertificate_ExpiresExactly36MonthsAfterCertification()
    {
        var id = await NewOrganizationAsync();
        var product = await RecordAsync(id, Rating(certifiedOn: "2023-03-15"));
        var item = $"{Of(id)}/{(string)product["id"]!}";

        Assert.Equal("2026-03-15", (string?)product["expiresOn"]);
        Assert.Equal("active", (string?)(await (await _client.GetAsync(item + "?asOf=2026-03-14")).ReadNodeAsync())["status"]);
        Assert.Equal("expired", (string?)(await (await _client.GetAsync(item + "?asOf=2026-03-15")).ReadNodeAsync())["status"]);
        var list = (await (await _client.GetAsync(Of(id) + "?asOf=2026-03-14")).ReadNodeAsync()).AsArray();
        Assert.Equal("active", (string?)Assert.Single(list)!["status"]);
    }

    [Fact]
    public async Task ACertificateOlderThan36Months_IsExpiredToday()
    {
        var id = await NewOrganizationAsync();

        var product = await RecordAsync(id, Rating(certifiedOn: Iso(Today.AddMonths(-36))));

        Assert.Equal("expired", (string?)product["status"]);
        Assert.Equal(Iso(Today), (string?)product["expiresOn"]);
    }

    [Fact]
    public async Task TheListAcrossTheRegister_FiltersByStarsProvinceAndActiveDate()
    {
        var langSon = await NewOrganizationAsync();
        var haNoi = await NewOrganizationAsync("01", "00004");
        var fourStars = (string)(await RecordAsync(langSon, Rating(4, "province", "2023-03-15")))["id"]!;
        var fiveStars = (string)(await RecordAsync(langSon, Rating(5, "central", "2024-06-01")))["id"]!;
        var elsewhere = (string)(await RecordAsync(haNoi, Rating(4, "province", "2023-03-15")))["id"]!;

        async Task<List<string>> IdsAsync(string query)
        {
            using var response = await _client.GetAsync("api/v1/ocop-products?pageSize=200&" + query);
            var page = await response.ReadNodeAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, page.ToJsonString());
            Assert.True((int)page["totalCount"]! <= 200, "more than one page: narrow the test's filters");
            return page["items"]!.AsArray().Select(i => (string)i!["id"]!).ToList();
        }

        var fiveInLangSon = await IdsAsync("provinceCode=20&stars=5");
        Assert.Contains(fiveStars, fiveInLangSon);
        Assert.DoesNotContain(fourStars, fiveInLangSon);
        var fourInLangSon = await IdsAsync("provinceCode=20&stars=4");
        Assert.Contains(fourStars, fourInLangSon);
        Assert.DoesNotContain(elsewhere, fourInLangSon);
        var activeEnd2025 = await IdsAsync("provinceCode=20&activeOn=2025-12-31");
        Assert.Contains(fourStars, activeEnd2025);
        Assert.Contains(fiveStars, activeEnd2025);
        var activeOnExpiry = await IdsAsync("provinceCode=20&activeOn=2026-03-15");
        Assert.DoesNotContain(fourStars, activeOnExpiry);
        Assert.Contains(fiveStars, activeOnExpiry);
        var beforeCertification = await IdsAsync("provinceCode=20&activeOn=2024-05-31");
        Assert.DoesNotContain(fiveStars, beforeCertification);
        Assert.Contains(elsewhere, await IdsAsync("provinceCode=01&stars=4&activeOn=2026-03-14"));
    }

    [Theory]
    [InlineData("stars=7")]
    [InlineData("provinceCode=99")]
    [InlineData("activeOn=2025-13-01")]
    [InlineData("pageSize=201")]
    [InlineData("colour=red")]
    public async Task TheListRefusesInvalidParameters(string query)
    {
        using var response = await _client.GetAsync("api/v1/ocop-products?" + query);

        await ProblemAssert.HasErrorsAsync(response);
    }

    [Fact]
    public async Task Correcting_NeedsIfMatch_AStaleOneIs412_AndTheCurrentOneGivesTheNextVersion()
    {
        var id = await NewOrganizationAsync();
        var product = await RecordAsync(id);
        var item = $"{Of(id)}/{(string)product["id"]!}";
        var corrected = Rating(5, "central", "2024-01-10");

        using (var without = await SendAsync(HttpMethod.Put, item, corrected, null))
        {
            await ProblemAssert.IsProblemAsync(without, (HttpStatusCode)428);
        }

        using (var stale = await SendAsync(HttpMethod.Put, item, corrected, "\"9\""))
        {
            await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        }

        using var ok = await SendAsync(HttpMethod.Put, item, corrected, "\"1\"");
        var body = await ok.ReadNodeAsync();
        Assert.True(ok.StatusCode == HttpStatusCode.OK, body.ToJsonString());
        Assert.Equal(2, (int)body["version"]!);
        Assert.Equal("2027-01-10", (string?)body["expiresOn"]);
        Assert.Equal("central", (string?)body["certifiedBy"]);
    }

    [Fact]
    public async Task Deleting_NeedsIfMatch_AndEveryChangeIsAnEventWithTheProvince()
    {
        var id = await NewOrganizationAsync();
        var product = await RecordAsync(id);
        var item = $"{Of(id)}/{(string)product["id"]!}";

        using (var without = await SendAsync(HttpMethod.Delete, item, null, null))
        {
            await ProblemAssert.IsProblemAsync(without, (HttpStatusCode)428);
        }

        using (var deleted = await SendAsync(HttpMethod.Delete, item, null, "\"1\""))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using var gone = await _client.GetAsync(item);
        await ProblemAssert.IsProblemAsync(gone, HttpStatusCode.NotFound);
        var events = await fixture.ScalarAsync<string>("""
            SELECT string_agg(event_type || ':' || operation || ':' || province_code, ',' ORDER BY id)
            FROM domain_events WHERE aggregate_id = $1 AND aggregate_type = 'ocopProduct'
            """, Guid.Parse((string)product["id"]!));
        Assert.Equal("OcopProductRecorded:created:20,OcopProductDeleted:deleted:20", events);
        using var link = await _client.GetAsync($"api/v1/ocop-products/{(string)product["id"]!}");
        await ProblemAssert.IsProblemAsync(link, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheSameProductUnderTheSameCertificate_IsRecordedOnce_409()
    {
        var id = await NewOrganizationAsync();
        var rating = Rating();
        await RecordAsync(id, rating);

        using var again = await _client.PostAsJsonAsync(Of(id), rating);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(1, await RowsAsync(id));
    }

    [Fact]
    public async Task AKeyOfAnotherProvince_Gets403_AndAnUnknownOrganization404()
    {
        var id = await NewOrganizationAsync();
        var (key, _) = await SecurityApi.CreateKeyAsync(fixture, fixture.CreateClient(), scopes: ["read", "write"], provinces: ["24"]);
        using var other = ApiFixture.WithKey(fixture.CreateClient(), key);

        using var forbidden = await other.PostAsJsonAsync(Of(id), Rating());
        Assert.Equal("provinceNotGranted", (string?)(await ProblemAssert.IsProblemAsync(forbidden, HttpStatusCode.Forbidden))["code"]);
        Assert.Equal(0, await RowsAsync(id));

        using var unknown = await _client.PostAsJsonAsync(Of(UnknownId), Rating());
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
        using var unknownList = await _client.GetAsync(Of(UnknownId));
        await ProblemAssert.IsProblemAsync(unknownList, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AProductOfAnotherOrganization_Is404UnderThisOne()
    {
        var owner = await NewOrganizationAsync();
        var stranger = await NewOrganizationAsync();
        var product = await RecordAsync(owner);

        using var response = await _client.GetAsync($"{Of(stranger)}/{(string)product["id"]!}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheCertifierMismatch_IsExplainedInVietnamese()
    {
        using var vi = fixture.CreateAdminClient("vi");
        var id = await NewOrganizationAsync();

        using var response = await vi.PostAsJsonAsync(Of(id), Rating(5, "province"));

        Assert.Contains("cấp trung ương", (await ProblemAssert.HasFieldErrorAsync(response, "certifiedBy"))[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOrganizationWithOcopProducts_CannotBeWithdrawn_409()
    {
        var created = await TestData.CreateAsync(_client);
        await RecordAsync(Id(created));

        using var delete = await _client.DeleteAsync(Id(created), ETagOf(created));

        await ProblemAssert.IsConflictAsync(delete, "cooperative.hasOcopProducts");
    }

    [Fact]
    public async Task ARetriedRecording_WithTheSameIdempotencyKey_IsRecordedOnce()
    {
        var id = await NewOrganizationAsync();
        var rating = Rating();
        var key = Guid.NewGuid().ToString();

        async Task<HttpResponseMessage> PostAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Of(id)) { Content = JsonContent.Create(rating) };
            request.Headers.Add("Idempotency-Key", key);
            return await _client.SendAsync(request);
        }

        using var first = await PostAsync();
        using var second = await PostAsync();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.True(second.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await RowsAsync(id));
    }
}
