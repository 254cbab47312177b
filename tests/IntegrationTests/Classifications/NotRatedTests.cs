using System.Net;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Cooperatives;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.Classifications.ClassificationsApi;

namespace CoopApi.IntegrationTests.Classifications;

/// <summary>When an organization is not rated: excluded kinds, founded too recently, suspended too long.</summary>
[Collection(ApiCollection.Name)]
public sealed class NotRatedTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateAdminClient();

    [Theory]
    [InlineData("cooperativeGroup", "agricultureForestryFishery")]
    [InlineData("cooperative", "credit")]
    public async Task KindsTheSchemeExcludes_AreNotRated_EvenWithScoresOrWithoutThem(string kind, string sector)
    {
        var id = await CreateOrganizationAsync(_client, kind: kind, sector: sector);

        var withScores = await _client.AssessAsync(id, Body(2023, total: 90));
        Assert.Equal("notRated", (string)withScores["rating"]!);
        Assert.Equal("kindExcluded", (string)withScores["notRatedReason"]!);
        Assert.Equal(90m, (decimal)withScores["totalPoints"]!);

        var withoutScores = await _client.AssessAsync(id, Body(2024, []));
        Assert.Equal("notRated", (string)withoutScores["rating"]!);
        Assert.Null(withoutScores["totalPoints"]);
    }

    [Fact]
    public async Task ARatedOrganization_MustSendScores()
    {
        var id = await CreateOrganizationAsync(_client);
        var before = await fixture.ClassificationRowsAsync();

        using var response = await _client.PostAsync(id, Body(2024, []));

        await ProblemAssert.HasFieldErrorAsync(response, "scores.capital");
        Assert.Equal(before, await fixture.ClassificationRowsAsync());
    }

    [Theory]
    [InlineData("2021-01-01", "fair")] // 12 full months by 31 December 2021
    [InlineData("2020-12-31", "fair")]
    [InlineData("2021-01-02", "notRated")] // less than 12 months
    [InlineData("2021-12-31", "notRated")]
    public async Task FoundedLessThan12MonthsBeforeTheYearsEnd_IsNotRated(string establishedOn, string rating)
    {
        var id = await CreateOrganizationAsync(_client, establishedOn);

        var assessed = await _client.AssessAsync(id, Body(2021, total: 70));

        Assert.Equal(rating, (string)assessed["rating"]!);
        Assert.Equal(rating == "notRated" ? "foundedTooRecently" : null, (string?)assessed["notRatedReason"]);
    }

    [Theory]
    [InlineData("2021-05-30", "fair")] // suspended 1 March to 29 May: 90 days, exactly 3 months of 30 days
    [InlineData("2021-05-31", "notRated")] // 91 days
    public async Task SuspendedMoreThan3MonthsOfTheYear_IsNotRated_FromTheStatusHistory(string resumedOn, string rating)
    {
        var id = await CreateOrganizationAsync(_client, "2015-03-12");
        await ChangeStatusAsync(id, "suspended", "2021-03-01");
        await ChangeStatusAsync(id, "active", resumedOn);

        var assessed = await _client.AssessAsync(id, Body(2021, total: 70));

        Assert.Equal(rating, (string)assessed["rating"]!);
        Assert.Equal(rating == "notRated" ? "suspendedTooLong" : null, (string?)assessed["notRatedReason"]);
        // The suspension lay in 2021 only: 2022 is rated.
        Assert.Equal("fair", (string)(await _client.AssessAsync(id, Body(2022, total: 70)))["rating"]!);
    }

    [Fact]
    public async Task SuspensionsAcrossTheYearsEnd_CountOnlyTheirDaysInTheYear()
    {
        var id = await CreateOrganizationAsync(_client, "2015-03-12");
        await ChangeStatusAsync(id, "suspended", "2021-11-01"); // 61 days of 2021
        await ChangeStatusAsync(id, "active", "2022-03-01"); // 59 days of 2022
        await ChangeStatusAsync(id, "suspended", "2022-12-01"); // and 31 more: 90 in 2022

        Assert.Equal("fair", (string)(await _client.AssessAsync(id, Body(2021, total: 70)))["rating"]!);
        Assert.Equal("fair", (string)(await _client.AssessAsync(id, Body(2022, total: 70)))["rating"]!);
    }

    private async Task ChangeStatusAsync(string id, string status, string effectiveOn)
    {
        using var response = await _client.PostStatusAsync(id, status, effectiveOn);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
