using CoopApi.IntegrationTests.Support;
using Npgsql;

namespace CoopApi.IntegrationTests.Deployment;

/// <summary>
/// <c>CoopApi.WebApi migrate</c>, the deployment's migration step (compose service <c>migrate</c>,
/// the Kubernetes Job), run as a process of the built binary against fresh databases: it applies
/// every migration and the reference data, loads the demo data only when asked, changes nothing
/// the second time, and fails with exit code 1 and one line when the database is out of reach.
/// </summary>
[Collection(SeparateProcessesCollection.Name)]
public sealed class MigrateCommandTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task OnAFreshDatabase_ItAppliesEveryMigrationAndTheReferenceData_WithoutDemoData()
    {
        var connectionString = await FreshDatabaseAsync();

        var (exit, stdout, stderr) = await ApiProcess.RunAsync(Environment(connectionString), Patience, "migrate");

        Assert.True(exit == 0, stderr);
        Assert.Equal("", stdout);
        Assert.Equal(KnownMigrations(), await AppliedMigrationsAsync(connectionString));
        Assert.Equal(34L, await ScalarAsync<long>(connectionString, "SELECT count(*) FROM provinces"));
        Assert.Equal(3321L, await ScalarAsync<long>(connectionString, "SELECT count(*) FROM communes"));
        Assert.Equal(0L, await ScalarAsync<long>(connectionString, "SELECT count(*) FROM cooperatives"));
        Assert.DoesNotContain(stderr.Split('\n'), line => line.StartsWith("fail:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunTwice_WithDemoDataOn_ItLoadsTheDemoProvinceOnce()
    {
        var connectionString = await FreshDatabaseAsync();
        var environment = Environment(connectionString, ("Database__SeedDemoData", "true"));

        var first = await ApiProcess.RunAsync(environment, Patience, "migrate");
        Assert.True(first.Exit == 0, first.Stderr);
        var cooperatives = await ScalarAsync<long>(connectionString, "SELECT count(*) FROM cooperatives");
        var events = await ScalarAsync<long>(connectionString, "SELECT count(*) FROM domain_events");
        var second = await ApiProcess.RunAsync(environment, Patience, "migrate");

        Assert.True(second.Exit == 0, second.Stderr);
        Assert.True(cooperatives > 0, "the demo province was not loaded");
        Assert.Equal(cooperatives, await ScalarAsync<long>(connectionString, "SELECT count(*) FROM cooperatives"));
        Assert.Equal(events, await ScalarAsync<long>(connectionString, "SELECT count(*) FROM domain_events"));
    }

    [Fact]
    public async Task WhenTheDatabaseIsOutOfReach_ItExitsWith1AndOneLine()
    {
        var unreachable = $"Host=127.0.0.1;Port={ApiProcess.FreePort()};Database=coopapi;Username=coopapi;Timeout=2";

        var (exit, stdout, stderr) = await ApiProcess.RunAsync(Environment(unreachable), Patience, "migrate");

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith("migrate failed: ", stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheApiWithoutMigrateOnStartup_IsNotReadyUntilMigrateHasRun()
    {
        var connectionString = await FreshDatabaseAsync();
        var port = ApiProcess.FreePort();
        await using var api = ApiProcess.Start(Environment(connectionString,
            ("ASPNETCORE_URLS", $"http://127.0.0.1:{port}"), ("Database__MigrateOnStartup", "false")));
        var ready = new Uri($"http://127.0.0.1:{port}/health/ready");
        Assert.True(await api.WaitUntilOkAsync(new Uri($"http://127.0.0.1:{port}/health/live"), Patience), api.Output());

        Assert.False(await api.WaitUntilOkAsync(ready, TimeSpan.FromSeconds(2)), "ready before any migration");
        Assert.Empty(await AppliedMigrationsAsync(connectionString));
        var migrate = await ApiProcess.RunAsync(Environment(connectionString), Patience, "migrate");
        Assert.True(migrate.Exit == 0, migrate.Stderr);
        Assert.True(await api.WaitUntilOkAsync(ready, TimeSpan.FromSeconds(30)), api.Output());
    }

    internal static Dictionary<string, string> Environment(string connectionString, params (string Name, string Value)[] more)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ConnectionStrings__Default"] = connectionString,
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        foreach (var (name, value) in more)
        {
            environment[name] = value;
        }

        return environment;
    }

    internal static async Task<string> FreshDatabaseAsync()
    {
        var server = await PostgresServer.GetAsync();
        return await server.CreateDatabaseAsync($"coopapi_deploy_{Guid.NewGuid():N}");
    }

    internal static string[] KnownMigrations() =>
    [
        .. typeof(CoopApi.Infrastructure.Persistence.CoopDbContext).Assembly.GetTypes()
            .Select(t => t.GetCustomAttributes(typeof(Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute), false)
                .Cast<Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute>().SingleOrDefault()?.Id)
            .OfType<string>()
            .Order(StringComparer.Ordinal),
    ];

    internal static async Task<string[]> AppliedMigrationsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT to_regclass('__ef_migrations_history') IS NOT NULL", connection);
        if (!(bool)(await exists.ExecuteScalarAsync())!)
        {
            return [];
        }

        await using var command = new NpgsqlCommand("SELECT migration_id FROM __ef_migrations_history ORDER BY migration_id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return [.. ids];
    }

    internal static Task<T> ScalarAsync<T>(string connectionString, string sql) => Sql.ScalarAsync<T>(connectionString, sql);
}
