using System.Net;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Cooperatives;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.Classifications.ClassificationsApi;

namespace CoopApi.IntegrationTests.Classifications;

/// <summary>POST /api/v1/cooperatives/{id}/classifications: scoring, bands, and what the server refuses.</summary>
[Collection(ApiCollection.Name)]
public sealed class AssessmentTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateAdminClient();

    [Theory]
    [InlineData("80", "good")]
    [InlineData("79.99", "fair")]
    [InlineData("65", "fair")]
    [InlineData("64.99", "average")]
    [InlineData("50", "average")]
    [InlineData("49.99", "weak")]
    [InlineData("100", "good")]
    [InlineData("0", "weak")]
    public async Task TheServerComputesTheTotalAndTheRating_BandLowerBoundsAreInclusive(string total, string rating)
    {
        var id = await CreateOrganizationAsync(_client);
        var expected = decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture);

        using var response = await _client.PostAsync(id, Body(2024, total: expected));

        var body = await response.ReadNodeAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToJsonString());
        Assert.Equal(rating, (string)body["rating"]!);
        Assert.Equal(expected, (decimal)body["totalPoints"]!);
        Assert.Null(body["notRatedReason"]);
        Assert.Equal(15, body["scores"]!.AsArray().Count);
        Assert.Equal("circular-01-2020", (string)body["schemeCode"]!);
        Assert.Equal(1, (int)body["revision"]!);
        Assert.Equal($"\"{(int)body["version"]!}\"", response.Headers.ETag!.Tag);
        Assert.EndsWith($"/api/v1/cooperatives/{id}/classifications/2024", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task AMissingCriterion_Is400NamingIt_AndNothingIsWritten()
    {
        var id = await CreateOrganizationAsync(_client);
        var scores = ScoresTotalling(90);
        scores.RemoveAt(14); // awards

        var response = await Rejected(() => _client.PostAsync(id, Body(2024, scores)));

        var messages = await ProblemAssert.HasFieldErrorAsync(response, "scores.awards");
        Assert.Contains(messages, m => m.Contains("awards", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACriterionScoredTwice_Is400NamingIt()
    {
        var id = await CreateOrganizationAsync(_client);
        var scores = ScoresTotalling(90);
        scores.Add(new JsonObject { ["criterion"] = "capital", ["points"] = 1 });

        var response = await Rejected(() => _client.PostAsync(id, Body(2024, scores)));

        await ProblemAssert.HasFieldErrorAsync(response, "scores.capital");
    }

    [Fact]
    public async Task AnUnknownCriterion_Is400NamingItsPosition()
    {
        var id = await CreateOrganizationAsync(_client);
        var scores = ScoresTotalling(90);
        scores.Add(new JsonObject { ["criterion"] = "charity", ["points"] = 1 });

        var response = await Rejected(() => _client.PostAsync(id, Body(2024, scores)));

        var messages = await ProblemAssert.HasFieldErrorAsync(response, "scores[15].criterion");
        Assert.Contains(messages, m => m.Contains("charity", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("7.01")]
    [InlineData("-1")]
    [InlineData("6.555")]
    public async Task PointsAboveTheMaximum_Negative_OrFinerThanAHundredth_Are400NamingTheCriterion(string points)
    {
        var id = await CreateOrganizationAsync(_client);
        var scores = ScoresTotalling(90);
        scores[0] = JsonNode.Parse($$"""{ "criterion": "capital", "points": {{points}} }""");

        var response = await Rejected(() => _client.PostAsync(id, Body(2024, scores)));

        await ProblemAssert.HasFieldErrorAsync(response, "scores.capital");
    }

    [Fact]
    public async Task EveryBrokenCriterionIsReportedAtOnce_InVietnameseToo()
    {
        using var vi = fixture.CreateAdminClient("vi");
        var id = await CreateOrganizationAsync(vi);
        var scores = ScoresTotalling(90);
        scores[0] = new JsonObject { ["criterion"] = "capital", ["points"] = 8 };
        scores.RemoveAt(14);

        using var response = await vi.PostAsync(id, Body(2024, scores));

        var capital = await ProblemAssert.HasFieldErrorAsync(response, "scores.capital");
        Assert.Contains(capital, m => m.Contains("Tiêu chí", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AClientCannotSendTheRating()
    {
        var id = await CreateOrganizationAsync(_client);
        var body = Body(2024, total: 40);
        body["rating"] = "good";

        var response = await Rejected(() => _client.PostAsync(id, body));

        await ProblemAssert.HasFieldErrorAsync(response, "rating");
    }

    [Fact]
    public async Task AnUnknownScheme_OrOneNotInForceInTheYear_Is400OnSchemeCode()
    {
        var id = await CreateOrganizationAsync(_client);
        var unknown = Body(2024);
        unknown["schemeCode"] = "circular-99-2099";
        await ProblemAssert.HasFieldErrorAsync(await Rejected(() => _client.PostAsync(id, unknown)), "schemeCode");

        var before2020 = Body(2019);
        await ProblemAssert.HasFieldErrorAsync(await Rejected(() => _client.PostAsync(id, before2020)), "schemeCode");
    }

    [Fact]
    public async Task AFutureYear_AndAnAssessmentDateBeforeTheYear_Are400()
    {
        var id = await CreateOrganizationAsync(_client);
        var future = Body(DateTime.UtcNow.Year + 1);
        await ProblemAssert.HasFieldErrorAsync(await Rejected(() => _client.PostAsync(id, future)), "year");

        var early = Body(2024);
        early["assessedOn"] = "2023-12-31";
        await ProblemAssert.HasFieldErrorAsync(await Rejected(() => _client.PostAsync(id, early)), "assessedOn");
    }

    [Fact]
    public async Task AnUnknownOrganization_Is404()
    {
        using var response = await _client.PostAsync(CooperativesApi.UnknownId, Body(2024));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnOrganizationWithClassifications_CannotBeWithdrawnAsAnEntryMadeInError()
    {
        var id = await CreateOrganizationAsync(_client);
        await _client.AssessAsync(id, Body(2024));

        using var response = await _client.DeleteAsync(id, CooperativesApi.CurrentETag);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("cooperative.hasClassifications", (string)problem["code"]!);
    }

    [Fact]
    public async Task TheAssessmentGoesToTheChangeFeedAndTheAuditTrail_AsAClassification()
    {
        var id = await CreateOrganizationAsync(_client);
        var created = await _client.AssessAsync(id, Body(2024, total: 81));

        var feedEntry = await fixture.ScalarAsync<string>(
            "SELECT state::text FROM domain_events WHERE aggregate_type = 'classification' AND aggregate_id = $1 ORDER BY id DESC LIMIT 1",
            Guid.Parse((string)created["id"]!));
        var state = JsonNode.Parse(feedEntry)!;
        Assert.Equal("good", (string)state["rating"]!);
        Assert.Equal(id, (string)state["cooperativeId"]!);

        var changes = await _client.GetJsonAsync("api/v1/changes?entityType=classification&provinceCode=20&limit=1000");
        Assert.Contains(changes["entries"]!.AsArray(), e => (string)e!["entityId"]! == (string)created["id"]!);
    }

    private Task<HttpResponseMessage> Rejected(Func<Task<HttpResponseMessage>> send) => RejectedAsync(fixture, send);

    /// <summary>Sends a request the API must refuse and asserts that no classification, revision, scheme or event row was added.</summary>
    internal static async Task<HttpResponseMessage> RejectedAsync(ApiFixture fixture, Func<Task<HttpResponseMessage>> send)
    {
        var before = await fixture.ClassificationRowsAsync();
        var response = await send();
        Assert.Equal(before, await fixture.ClassificationRowsAsync());
        return response;
    }
}
