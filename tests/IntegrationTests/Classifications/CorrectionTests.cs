using System.Net;
using CoopApi.IntegrationTests.Cooperatives;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.Classifications.ClassificationsApi;

namespace CoopApi.IntegrationTests.Classifications;

/// <summary>One current assessment per organization and year; a correction is a new revision and keeps the old ones.</summary>
[Collection(ApiCollection.Name)]
public sealed class CorrectionTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateAdminClient();

    [Fact]
    public async Task PostingAgainForTheSameYear_IsACorrection_ThatKeepsTheEarlierRevision()
    {
        var id = await CreateOrganizationAsync(_client);
        var first = await _client.AssessAsync(id, Body(2024, total: 79.99m));

        using var corrected = await _client.PostAsync(id, Body(2024, total: 80), CooperativesApi.ETagOf(first));

        var body = await corrected.ReadNodeAsync();
        Assert.True(corrected.StatusCode == HttpStatusCode.OK, body.ToJsonString());
        Assert.Equal("good", (string)body["rating"]!);
        Assert.Equal(2, (int)body["revision"]!);
        Assert.Equal((string)first["id"]!, (string)body["id"]!);
        Assert.Equal((int)first["version"]! + 1, (int)body["version"]!);

        var all = await _client.GetJsonAsync(Of(id));
        var only = Assert.Single(all.AsArray());
        Assert.Equal("good", (string)only!["rating"]!);
        Assert.Null(only["history"]);

        var withHistory = await _client.GetJsonAsync(Of(id) + "?includeHistory=true");
        var history = withHistory[0]!["history"]!.AsArray();
        Assert.Equal([1, 2], history.Select(r => (int)r!["revision"]!));
        Assert.Equal(["fair", "good"], history.Select(r => (string)r!["rating"]!));
        Assert.Equal([79.99m, 80m], history.Select(r => (decimal)r!["totalPoints"]!));

        Assert.Equal(2, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM domain_events WHERE aggregate_type = 'classification' AND aggregate_id = $1", Guid.Parse((string)first["id"]!)));
    }

    [Fact]
    public async Task ACorrectionWithoutIfMatch_Is428_AndAStaleOne412_AndNeitherWritesAnything()
    {
        var id = await CreateOrganizationAsync(_client);
        var first = await _client.AssessAsync(id, Body(2024, total: 70));
        await _client.AssessAsync(id, Body(2024, total: 71), CooperativesApi.ETagOf(first));

        var missing = await AssessmentTests.RejectedAsync(fixture, () => _client.PostAsync(id, Body(2024, total: 90)));
        Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);

        var stale = await AssessmentTests.RejectedAsync(fixture, () => _client.PostAsync(id, Body(2024, total: 90), CooperativesApi.ETagOf(first)));
        await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.PreconditionFailed);

        var current = await _client.GetJsonAsync($"{Of(id)}/2024");
        Assert.Equal(71m, (decimal)current["totalPoints"]!);
    }

    [Fact]
    public async Task IfMatchOnAFirstAssessment_Is412_BecauseThereIsNoSuchVersion()
    {
        var id = await CreateOrganizationAsync(_client);

        var response = await AssessmentTests.RejectedAsync(fixture, () => _client.PostAsync(id, Body(2024), "\"1\""));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task EachYearIsItsOwnClassification_ListedNewestFirst()
    {
        var id = await CreateOrganizationAsync(_client);
        await _client.AssessAsync(id, Body(2022, total: 40));
        await _client.AssessAsync(id, Body(2024, total: 85));

        var all = await _client.GetJsonAsync(Of(id));

        Assert.Equal([2024, 2022], all.AsArray().Select(c => (int)c!["year"]!));
        Assert.Equal(["good", "weak"], all.AsArray().Select(c => (string)c!["rating"]!));
        var one = await _client.GetJsonAsync($"{All}/{(string)all[0]!["id"]!}");
        Assert.Equal(2024, (int)one["year"]!);
    }

    [Fact]
    public async Task TheClassificationsOfAnUnknownOrganization_Are404_AndAnUnassessedOneHasNone()
    {
        using var unknown = await _client.GetAsync(Of(CooperativesApi.UnknownId));
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);

        var id = await CreateOrganizationAsync(_client);
        Assert.Empty((await _client.GetJsonAsync(Of(id))).AsArray());
        using var year = await _client.GetAsync($"{Of(id)}/2024");
        await ProblemAssert.IsProblemAsync(year, HttpStatusCode.NotFound);
    }
}
