using CoopApi.IntegrationTests.Deployment;
using CoopApi.IntegrationTests.Support;
using Xunit.Abstractions;

namespace CoopApi.IntegrationTests.Reliability;

/// <summary>
/// Reliability, concurrency (issue 16), against the shared API: 500 registrations at once from a
/// retrying client land exactly once; 50 updates at once with one If-Match have one winner per
/// version and lose nothing. <see cref="TwoInstancesReliabilityTests"/> runs the same scenarios
/// through two API processes on one database.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ConcurrencyReliabilityTests(ApiFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task FiveHundredParallelCreates_WithRetriesAndDuplicates_AreEachStoredExactlyOnce()
    {
        using var client = fixture.CreateClient();

        await ConcurrencyScenarios.ParallelCreatesWithRetries_StoreEachExactlyOnceAsync([client], new Database(fixture.ConnectionString), output);
    }

    [Fact]
    public async Task FiftyParallelUpdates_WithTheSameIfMatch_OneWinsPerVersion_NoUpdateIsLost()
    {
        using var client = fixture.CreateClient();

        await ConcurrencyScenarios.ConflictingUpdates_OneWinnerPerVersion_NoLostUpdateAsync([client], new Database(fixture.ConnectionString), output);
    }
}

/// <summary>
/// The concurrency scenarios and the change feed through two processes of the built API on one
/// database, every request alternating between them as behind a load balancer: what keeps writes
/// exactly-once and updates ordered lives in PostgreSQL, not in one process.
/// </summary>
[Collection(SeparateProcessesCollection.Name)]
public sealed class TwoInstancesReliabilityTests(TwoInstancesReliabilityTests.Instances instances, ITestOutputHelper output)
    : IClassFixture<TwoInstancesReliabilityTests.Instances>
{
    [Fact]
    public async Task FiveHundredParallelCreates_WithRetriesAndDuplicates_ThroughTwoInstances_AreEachStoredExactlyOnce_AndTheFeedHasNoGapNorDuplicate()
    {
        await ConcurrencyScenarios.ParallelCreatesWithRetries_StoreEachExactlyOnceAsync([instances.A, instances.B], instances.Database, output);
    }

    [Fact]
    public async Task FiftyParallelUpdates_WithTheSameIfMatch_ThroughTwoInstances_OneWinsPerVersion_NoUpdateIsLost()
    {
        await ConcurrencyScenarios.ConflictingUpdates_OneWinnerPerVersion_NoLostUpdateAsync([instances.A, instances.B], instances.Database, output);
    }

    /// <summary>One migrated database, an admin key, two API processes on it (rate limits off: the load is the test's own).</summary>
    public sealed class Instances : IAsyncLifetime
    {
        private ApiProcess? a;
        private ApiProcess? b;

        public HttpClient A { get; private set; } = null!;

        public HttpClient B { get; private set; } = null!;

        internal Database Database { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var connectionString = await MigrateCommandTests.FreshDatabaseAsync();
            Database = new Database(connectionString);
            var environment = MigrateCommandTests.Environment(connectionString, ("RateLimits__Enabled", "false"));
            var key = await ApiProcess.RunAsync(environment, TimeSpan.FromMinutes(3), "create-admin-key", "--name", "reliability, two instances");
            Assert.True(key.Exit == 0, key.Stderr);
            (a, A) = await ApiProcess.StartReadyAsync(environment, key.Stdout.Trim());
            (b, B) = await ApiProcess.StartReadyAsync(environment, key.Stdout.Trim());
        }

        public async Task DisposeAsync()
        {
            A?.Dispose();
            B?.Dispose();
            if (a is not null)
            {
                await a.DisposeAsync();
            }

            if (b is not null)
            {
                await b.DisposeAsync();
            }
        }
    }
}
