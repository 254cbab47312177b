using System.Net;
using CoopApi.IntegrationTests.Security;
using CoopApi.IntegrationTests.Cooperatives;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.Classifications.ClassificationsApi;

namespace CoopApi.IntegrationTests.Classifications;

/// <summary>Recording an assessment needs the classify scope and the organization's province; reads need the read scope.</summary>
[Collection(ApiCollection.Name)]
public sealed class ClassificationSecurityTests(ApiFixture fixture)
{
    private readonly HttpClient _admin = fixture.CreateAdminClient();

    [Fact]
    public async Task WithoutTheClassifyScope_Is403_AndNothingIsWritten()
    {
        var id = await CreateOrganizationAsync(_admin);
        var (key, _) = await SecurityApi.CreateKeyAsync(fixture, fixture.CreateClient(), ["read", "write"], ["*"]);
        using var client = ApiFixture.WithKey(fixture.CreateClient(), key);

        var response = await AssessmentTests.RejectedAsync(fixture, () => client.PostAsync(id, Body(2024)));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task InAnotherProvince_Is403ProvinceNotGranted_AndNothingIsWritten()
    {
        var id = await CreateOrganizationAsync(_admin); // in Lạng Sơn (20)
        var (key, _) = await SecurityApi.CreateKeyAsync(fixture, fixture.CreateClient(), ["read", "classify"], ["24"]);
        using var client = ApiFixture.WithKey(fixture.CreateClient(), key);

        var response = await AssessmentTests.RejectedAsync(fixture, () => client.PostAsync(id, Body(2024)));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("provinceNotGranted", (string)problem["code"]!);
    }

    [Fact]
    public async Task WithTheClassifyScopeInTheProvince_IsAccepted()
    {
        var id = await CreateOrganizationAsync(_admin);
        var (key, _) = await SecurityApi.CreateKeyAsync(fixture, fixture.CreateClient(), ["read", "classify"], ["20"]);
        using var client = ApiFixture.WithKey(fixture.CreateClient(), key);

        var assessed = await client.AssessAsync(id, Body(2024, total: 66));

        Assert.Equal("fair", (string)assessed["rating"]!);
    }

    [Fact]
    public async Task ReadsAndStatisticsNeedACredential()
    {
        using var anonymous = fixture.CreateAnonymousClient();
        foreach (var uri in new[] { All, $"{Statistics}?year=2024", Of(CooperativesApi.UnknownId) })
        {
            using var response = await anonymous.GetAsync(uri);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }
}
