using System.Net;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Cooperatives;
using CoopApi.IntegrationTests.Security;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.AnnualReports.AnnualReportsApi;
using static CoopApi.IntegrationTests.Cooperatives.CooperativesApi;

namespace CoopApi.IntegrationTests.AnnualReports;

/// <summary>
/// PUT/GET/DELETE /api/v1/cooperatives/{id}/annual-reports/{year}: yearly figures, their rules,
/// the size class the server computes, and the write path (version, preconditions, events, rights).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AnnualReportsTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateAdminClient();

    private const long Billion = 1_000_000_000L;

    [Fact]
    public async Task Filing_Answers201_WithLocationAndETag_AndTheServerComputesTheSizeClass()
    {
        var id = await NewOrganizationAsync(_client);

        using var response = await PutAsync(_client, id, 2024, Figures());

        var body = await response.ReadNodeAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToJsonString());
        Assert.Equal($"/{Year(id, 2024)}", response.Headers.Location!.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag!.Tag);
        Assert.Equal("medium", (string?)body["sizeClass"]);
        Assert.Equal(-150_000_000L, (long)body["preTaxProfit"]!); // a loss is accepted
        Assert.Equal(72.5m, (decimal)body["memberNeedsServedShare"]!);
        Assert.Equal("20", (string?)body["provinceCode"]);
        Assert.Equal(1, (int)body["version"]!);

        using var read = await _client.GetAsync(Year(id, 2024));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.True(JsonNode.DeepEquals(body, await read.ReadNodeAsync()), "GET differs from the PUT's answer");
        Assert.Equal("\"1\"", read.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task TheList_HoldsEveryYear_OldestFirst_AndIsEmptyForAnOrganizationThatFiledNothing()
    {
        var id = await NewOrganizationAsync(_client);
        Assert.Empty((await (await _client.GetAsync(Of(id))).ReadNodeAsync()).AsArray());

        await FileAsync(_client, id, 2023);
        await FileAsync(_client, id, 2021);
        await FileAsync(_client, id, 2022);

        var list = (await (await _client.GetAsync(Of(id))).ReadNodeAsync()).AsArray();
        Assert.Equal([2021, 2022, 2023], list.Select(r => (int)r!["year"]!));
    }

    /// <summary>Size-class edges through the API, per sector group: at each threshold and one below.</summary>
    [Theory]
    [InlineData("agricultureForestryFishery", 300, 50 * Billion, 0L, "large")]
    [InlineData("agricultureForestryFishery", 299, 50 * Billion, 10 * Billion, "medium")]
    [InlineData("agricultureForestryFishery", 300, 50 * Billion - 1, 10 * Billion - 1, "medium")]
    [InlineData("agricultureForestryFishery", 300, 0L, 10 * Billion, "large")]
    [InlineData("industryHandicraft", 200, 10 * Billion, 0L, "medium")]
    [InlineData("industryHandicraft", 200, 10 * Billion - 1, 5 * Billion - 1, "small")]
    [InlineData("tradeServices", 50, 0L, 1 * Billion, "small")]
    [InlineData("tradeServices", 49, 2 * Billion, 1 * Billion, "micro")]
    [InlineData("transport", 50, 2 * Billion - 1, 1 * Billion - 1, "micro")]
    public async Task SizeClass_FollowsTheThresholdsOfTheOrganizationsSector(string sector, int members, long revenue, long totalCapital,
        string expected)
    {
        var id = await NewOrganizationAsync(_client, sector);
        var figures = Figures();
        figures["officialMembers"] = members;
        figures["revenue"] = revenue;
        figures["totalCapital"] = totalCapital;
        figures["equity"] = 0;

        var report = await FileAsync(_client, id, 2024, figures);

        Assert.Equal(expected, (string?)report["sizeClass"]);
    }

    [Fact]
    public async Task ACooperativeGroup_HasNoSizeClass()
    {
        var id = await NewOrganizationAsync(_client, kind: "cooperativeGroup");

        var report = await FileAsync(_client, id, 2024);

        Assert.True(report.AsObject().ContainsKey("sizeClass"));
        Assert.Null(report["sizeClass"]);
    }

    [Fact]
    public async Task TheYear_MayNotBeBeforeTheFoundingYear_NorInTheFuture_ButTheFoundingAndCurrentYearsAreAccepted()
    {
        var id = await NewOrganizationAsync(_client, establishedOn: "2015-03-12");
        var thisYear = Today.Year;

        using var before = await PutAsync(_client, id, 2014, Figures());
        Assert.Contains("2015", (await ProblemAssert.HasFieldErrorAsync(before, "year"))[0], StringComparison.Ordinal);
        using var future = await PutAsync(_client, id, thisYear + 1, Figures());
        await ProblemAssert.HasFieldErrorAsync(future, "year");
        Assert.Equal(0, await RowsAsync(fixture, id));

        await FileAsync(_client, id, 2015);
        await FileAsync(_client, id, thisYear);
    }

    [Theory]
    [InlineData("revenue", -1L)]
    [InlineData("charterCapital", -1L)]
    [InlineData("equity", -1L)]
    [InlineData("totalCapital", -1L)]
    [InlineData("averageMemberIncome", -1L)]
    [InlineData("officialMembers", -1L)]
    [InlineData("associateMembers", -1L)]
    [InlineData("employees", -1L)]
    [InlineData("revenue", 1_000_000_000_000_001L)]
    [InlineData("preTaxProfit", -1_000_000_000_000_001L)]
    [InlineData("employees", 10_000_001L)]
    [InlineData("revenue", null)]
    public async Task AFigureOutsideItsRange_OrMissing_Is400_NamingIt_AndWritesNothing(string field, long? value)
    {
        var id = await NewOrganizationAsync(_client);
        var figures = Figures();
        if (value is null)
        {
            figures.Remove(field);
        }
        else
        {
            figures[field] = value;
        }

        using var response = await PutAsync(_client, id, 2024, figures);

        await ProblemAssert.HasFieldErrorAsync(response, field);
        Assert.Equal(0, await RowsAsync(fixture, id));
    }

    [Theory]
    [InlineData(101)]
    [InlineData(-0.01)]
    [InlineData(100.001)]
    public async Task TheShareOfNeedsServed_IsAPercentage_WithAtMostTwoDecimals(double share)
    {
        var id = await NewOrganizationAsync(_client);
        var figures = Figures();
        figures["memberNeedsServedShare"] = (decimal)share;

        using var response = await PutAsync(_client, id, 2024, figures);

        await ProblemAssert.HasFieldErrorAsync(response, "memberNeedsServedShare");
    }

    [Fact]
    public async Task TheShareBounds_AndANegativeProfit_AreAccepted()
    {
        var id = await NewOrganizationAsync(_client);
        var figures = Figures();
        figures["memberNeedsServedShare"] = 100;
        figures["preTaxProfit"] = -1_000_000_000_000_000L;
        await FileAsync(_client, id, 2023, figures);

        figures["memberNeedsServedShare"] = 0;
        await FileAsync(_client, id, 2024, figures);
    }

    [Fact]
    public async Task TotalCapital_BelowTheEquity_Is400()
    {
        var id = await NewOrganizationAsync(_client);
        var figures = Figures();
        figures["totalCapital"] = 2_099_999_999L;

        using var response = await PutAsync(_client, id, 2024, figures);

        await ProblemAssert.HasFieldErrorAsync(response, "totalCapital");
    }

    [Fact]
    public async Task Messages_AreInVietnamese_WhenAskedFor()
    {
        using var vi = fixture.CreateAdminClient("vi");
        var id = await NewOrganizationAsync(vi);
        var figures = Figures();
        figures["memberNeedsServedShare"] = 101;
        figures["revenue"] = -5;

        using var response = await PutAsync(vi, id, Today.Year + 1, figures);

        Assert.Contains("Tỷ lệ đáp ứng nhu cầu", (await ProblemAssert.HasFieldErrorAsync(response, "memberNeedsServedShare"))[0],
            StringComparison.Ordinal);
        using var again = await PutAsync(vi, id, Today.Year + 1, figures);
        Assert.Contains("Doanh thu không được âm", (await ProblemAssert.HasFieldErrorAsync(again, "revenue"))[0], StringComparison.Ordinal);
        using var year = await PutAsync(vi, id, Today.Year + 1, Figures());
        Assert.Contains("tương lai", (await ProblemAssert.HasFieldErrorAsync(year, "year"))[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplacingExistingFigures_WithoutIfMatch_Is428_AndChangesNothing()
    {
        var id = await NewOrganizationAsync(_client);
        var filed = await FileAsync(_client, id, 2024);
        var figures = Figures();
        figures["revenue"] = 1;

        using var response = await PutAsync(_client, id, 2024, figures);

        Assert.Equal("precondition.required", (string?)(await ProblemAssert.IsProblemAsync(response, (HttpStatusCode)428))["code"]);
        Assert.True(JsonNode.DeepEquals(filed, await (await _client.GetAsync(Year(id, 2024))).ReadNodeAsync()));
    }

    [Fact]
    public async Task ReplacingWithTheCurrentETag_Is200_WithTheNextVersion_AndAStaleETagIs412()
    {
        var id = await NewOrganizationAsync(_client);
        await FileAsync(_client, id, 2024);
        var figures = Figures();
        figures["officialMembers"] = 300;
        figures["revenue"] = 50 * Billion;

        using var replaced = await PutAsync(_client, id, 2024, figures, ifMatch: "\"1\"");
        var body = await replaced.ReadNodeAsync();
        Assert.True(replaced.StatusCode == HttpStatusCode.OK, body.ToJsonString());
        Assert.Equal(2, (int)body["version"]!);
        Assert.Equal("\"2\"", replaced.Headers.ETag!.Tag);
        Assert.Equal("large", (string?)body["sizeClass"]);

        figures["revenue"] = 1;
        using var stale = await PutAsync(_client, id, 2024, figures, ifMatch: "\"1\"");
        await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        Assert.Equal(50 * Billion, (long)(await (await _client.GetAsync(Year(id, 2024))).ReadNodeAsync())["revenue"]!);
    }

    [Fact]
    public async Task IfNoneMatchStar_FilesOnlyWhenNoFiguresExist()
    {
        var id = await NewOrganizationAsync(_client);

        using var first = await PutAsync(_client, id, 2024, Figures(), ifNoneMatch: "*");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        using var second = await PutAsync(_client, id, 2024, Figures(), ifNoneMatch: "*");
        await ProblemAssert.IsProblemAsync(second, HttpStatusCode.PreconditionFailed);
        using var ifMatchOnNothing = await PutAsync(_client, id, 2023, Figures(), ifMatch: "\"1\"");
        await ProblemAssert.IsProblemAsync(ifMatchOnNothing, HttpStatusCode.PreconditionFailed);
        Assert.Equal(1, await RowsAsync(fixture, id));
    }

    [Fact]
    public async Task ConcurrentFilingsOfOneYear_OneWins_TheOthersGet412_NothingIsOverwritten()
    {
        var id = await NewOrganizationAsync(_client);
        var attempts = Enumerable.Range(1, 6).Select(async i =>
        {
            var figures = Figures();
            figures["revenue"] = i * Billion;
            using var response = await PutAsync(_client, id, 2024, figures);
            return (response.StatusCode, Revenue: i * Billion, Body: await response.Content.ReadAsStringAsync());
        }).ToList();

        var results = await Task.WhenAll(attempts);

        var winner = Assert.Single(results, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(results.Where(r => r != winner), r => Assert.True(
            r.StatusCode is HttpStatusCode.PreconditionFailed or (HttpStatusCode)428, $"{(int)r.StatusCode}: {r.Body}"));
        Assert.Equal(1, await RowsAsync(fixture, id));
        var stored = await (await _client.GetAsync(Year(id, 2024))).ReadNodeAsync();
        Assert.Equal(winner.Revenue, (long)stored["revenue"]!);
        Assert.Equal(1, (int)stored["version"]!);
    }

    [Fact]
    public async Task AKeyOfAnotherProvince_Gets403_AndWritesNothing()
    {
        var id = await NewOrganizationAsync(_client); // province 20
        var (key, _) = await SecurityApi.CreateKeyAsync(fixture, fixture.CreateClient(), scopes: ["read", "write"], provinces: ["24"]);
        using var other = ApiFixture.WithKey(fixture.CreateClient(), key);

        using var response = await PutAsync(other, id, 2024, Figures());

        Assert.Equal("provinceNotGranted", (string?)(await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden))["code"]);
        Assert.Equal(0, await RowsAsync(fixture, id));
        using var read = await other.GetAsync(Of(id));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode); // reads are not restricted by province
    }

    [Fact]
    public async Task AKeyWithoutTheWriteScope_Gets403()
    {
        var id = await NewOrganizationAsync(_client);
        var (key, _) = await SecurityApi.CreateKeyAsync(fixture, fixture.CreateClient(), scopes: ["read"], provinces: ["20"]);
        using var reader = ApiFixture.WithKey(fixture.CreateClient(), key);

        using var response = await PutAsync(reader, id, 2024, Figures());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await RowsAsync(fixture, id));
    }

    [Fact]
    public async Task AnUnknownOrWithdrawnOrganization_Is404()
    {
        using var put = await PutAsync(_client, UnknownId, 2024, Figures());
        await ProblemAssert.IsProblemAsync(put, HttpStatusCode.NotFound);
        using var list = await _client.GetAsync(Of(UnknownId));
        await ProblemAssert.IsProblemAsync(list, HttpStatusCode.NotFound);
        using var one = await _client.GetAsync(Year(UnknownId, 2024));
        await ProblemAssert.IsProblemAsync(one, HttpStatusCode.NotFound);

        var withdrawn = await TestData.CreateAsync(_client);
        using (var delete = await _client.DeleteAsync(Id(withdrawn), ETagOf(withdrawn)))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        using var afterWithdrawal = await PutAsync(_client, Id(withdrawn), 2024, Figures());
        await ProblemAssert.IsProblemAsync(afterWithdrawal, HttpStatusCode.NotFound);
        using var listAfter = await _client.GetAsync(Of(Id(withdrawn)));
        await ProblemAssert.IsProblemAsync(listAfter, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AYearWithoutFigures_Is404()
    {
        var id = await NewOrganizationAsync(_client);

        using var response = await _client.GetAsync(Year(id, 2020));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnOrganizationWithFigures_CannotBeWithdrawn_409()
    {
        var created = await TestData.CreateAsync(_client);
        await FileAsync(_client, Id(created), 2024);

        using var delete = await _client.DeleteAsync(Id(created), ETagOf(created));

        await ProblemAssert.IsConflictAsync(delete, "cooperative.hasAnnualReports");
        await _client.GetRecordAsync(Id(created));
    }

    [Fact]
    public async Task EveryChange_IsAnEventWithTheProvince_InTheAuditTrailAndTheChangeFeed()
    {
        var id = await NewOrganizationAsync(_client);
        var filed = await FileAsync(_client, id, 2024);
        var figures = Figures();
        figures["employees"] = 19;
        using (var replaced = await PutAsync(_client, id, 2024, figures, ifMatch: "\"1\""))
        {
            Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        }

        using (var request = new HttpRequestMessage(HttpMethod.Delete, Year(id, 2024)))
        {
            request.Headers.TryAddWithoutValidation("If-Match", "\"2\"");
            using var deleted = await _client.SendAsync(request);
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        var reportId = Guid.Parse((string)filed["id"]!);
        var events = await fixture.ScalarAsync<string>("""
            SELECT string_agg(event_type || ':' || operation || ':' || province_code || ':' || aggregate_version, ',' ORDER BY id)
            FROM domain_events WHERE aggregate_id = $1 AND aggregate_type = 'annualReport'
            """, reportId);
        Assert.Equal("AnnualReportFiled:created:20:1,AnnualReportRevised:updated:20:2,AnnualReportDeleted:deleted:20:3", events);

        using var feed = await _client.GetAsync("api/v1/changes?entityType=annualReport&provinceCode=20&limit=1000");
        var entries = (await feed.ReadNodeAsync())["entries"]!.AsArray().Where(e => (string?)e!["entityId"] == reportId.ToString()).ToList();
        Assert.Equal(["created", "updated", "deleted"], entries.Select(e => (string?)e!["operation"]));
        Assert.Equal(19, (int)entries[1]!["data"]!["employees"]!);
        Assert.Equal($"/api/v1/annual-reports/{reportId}", (string?)entries[0]!["link"]);
        using var gone = await _client.GetAsync(Year(id, 2024));
        await ProblemAssert.IsProblemAsync(gone, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_RequiresIfMatch_AndAStaleOneIs412()
    {
        var id = await NewOrganizationAsync(_client);
        await FileAsync(_client, id, 2024);

        using var without = await _client.DeleteAsync(Year(id, 2024));
        await ProblemAssert.IsProblemAsync(without, (HttpStatusCode)428);
        using var request = new HttpRequestMessage(HttpMethod.Delete, Year(id, 2024));
        request.Headers.TryAddWithoutValidation("If-Match", "\"7\"");
        using var stale = await _client.SendAsync(request);
        await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        Assert.Equal(1, await RowsAsync(fixture, id));
    }

    [Fact]
    public async Task TheFeedLink_AnswersTheReport()
    {
        var id = await NewOrganizationAsync(_client);
        var filed = await FileAsync(_client, id, 2024);

        using var response = await _client.GetAsync($"api/v1/annual-reports/{(string)filed["id"]!}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(JsonNode.DeepEquals(filed, await response.ReadNodeAsync()));
    }
}
