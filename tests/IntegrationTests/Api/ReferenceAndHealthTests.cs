using System.Net;
using CoopApi.Infrastructure.Seeding;
using CoopApi.IntegrationTests.Support;

namespace CoopApi.IntegrationTests.Api;

[Collection(ApiCollection.Name)]
public sealed class ReferenceAndHealthTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateClient();

    [Fact]
    public async Task Enums_ListEveryEnumeration_WithVietnameseAndEnglishLabels()
    {
        var body = (await (await _client.GetAsync("api/v1/reference/enums")).ReadNodeAsync()).AsObject();

        Assert.Equal(["activityKind", "agreementStatus", "areaLevel", "changeOperation", "classificationGrouping", "committeeLevel", "committeeRole", "committeeStatus", "communeKind", "mergePart", "notRatedReason",
                "ocopCertifier", "ocopProductStatus", "organizationKind", "organizationStatus", "partyKind", "progressState", "provinceKind", "rating", "registerMeasure",
                "reviewKind", "sector", "sectorGroup", "sizeClass", "targetComparison", "targetKind", "targetMetric", "targetState", "totalCountKind"],
            body.Select(p => p.Key).Order(StringComparer.Ordinal));
        var status = body["organizationStatus"]!.AsArray();
        Assert.Equal(["active", "suspended", "awaitingDissolution", "dissolved"], status.Select(s => (string)s!["value"]!));
        Assert.Equal("Ngừng hoạt động chờ giải thể", (string)status[2]!["vi"]!);
        Assert.Equal("Hợp tác xã", (string)body["organizationKind"]![0]!["vi"]!);
        Assert.Equal(8, body["sector"]!.AsArray().Count);
        Assert.Equal(["created", "updated", "deleted"], body["changeOperation"]!.AsArray().Select(o => (string)o!["value"]!));
        Assert.All(body.SelectMany(p => p.Value!.AsArray()), v =>
        {
            Assert.False(string.IsNullOrWhiteSpace((string)v!["vi"]!));
            Assert.False(string.IsNullOrWhiteSpace((string)v["en"]!));
        });
    }

    [Fact]
    public async Task HealthLive_AnswersWithoutTouchingTheDatabase()
    {
        var response = await _client.GetAsync("health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HealthReady_ChecksTheDatabase()
    {
        var response = await _client.GetAsync("health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Initializer_RunTwice_LoadsNothingTwice()
    {
        var before = await fixture.CountRowsAsync();

        await DatabaseInitializer.InitializeAsync(fixture.Services, loadDemoData: true);

        Assert.Equal(before, await fixture.CountRowsAsync());
        Assert.Equal(8, await fixture.ScalarAsync<long>("SELECT count(*) FROM seed_history")); // reference data, demo register, demo figures, demo classifications, demo steering committee, demo Lạng Sơn register (statistics), demo partnership programmes, demo development targets
    }

    [Fact]
    public async Task UnknownRoute_Returns404ProblemJson()
    {
        var response = await _client.GetAsync("api/v1/does-not-exist");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull((await response.ReadNodeAsync())["traceId"]);
    }

    [Fact]
    public async Task WrongMediaType_Returns415ProblemJson()
    {
        var response = await _client.PostAsync("api/v1/cooperatives", new StringContent("name=x", System.Text.Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Root_RedirectsToSwaggerUi()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.BaseAddress };

        var response = await client.GetAsync("");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/swagger", response.Headers.Location?.OriginalString);
    }
}

[Collection(ApiCollection.Name)]
public sealed class MigrationTests(ApiFixture fixture)
{
    [Fact]
    public void CommittedMigrations_MatchTheModel()
    {
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(fixture.Services);
        var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<CoopApi.Infrastructure.Persistence.CoopDbContext>(scope.ServiceProvider);

        Assert.False(Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.HasPendingModelChanges(db.Database),
            "The model has changes no migration captures: run dotnet ef migrations add.");
    }

    [Fact]
    public async Task EveryCommittedMigration_IsApplied()
    {
        Assert.Equal(
            await fixture.ScalarAsync<long>("SELECT count(*) FROM __ef_migrations_history"),
            typeof(CoopApi.Infrastructure.Persistence.CoopDbContext).Assembly.GetTypes()
                .Count(t => t.IsSubclassOf(typeof(Microsoft.EntityFrameworkCore.Migrations.Migration))));
    }
}
