using CoopApi.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CoopApi.Infrastructure.Seeding;

/// <summary>
/// Brings a database up to date: committed migrations, then reference data, then (optionally)
/// the demo data. Every step is idempotent; running it twice changes nothing.
/// </summary>
public static class DatabaseInitializer
{
    /// <summary>Migrates and seeds the database the application is configured for.</summary>
    /// <param name="services">The application's root service provider.</param>
    /// <param name="loadDemoData">Also load the demo province from the seed articles.</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task InitializeAsync(IServiceProvider services, bool loadDemoData, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        var db = sp.GetRequiredService<CoopDbContext>();

        await EnsureDatabaseExistsAsync(db.Database.GetConnectionString()!, logger, ct);
        await EnsureHistoryTableAsync(db, ct);

        // MigrateAsync creates the database when missing and takes EF Core's migration lock, so
        // two instances starting at once apply each migration once.
        await db.Database.MigrateAsync(ct);
        logger.LogInformation("Database schema is at migration {Migration}",
            (await db.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault());

        await ActivatorUtilities.CreateInstance<ReferenceDataLoader>(sp).LoadAsync(ct);
        await ActivatorUtilities.CreateInstance<ClassificationSchemeSeeder>(sp).LoadAsync(ct);
        if (loadDemoData)
        {
            await ActivatorUtilities.CreateInstance<DemoDataSeeder>(sp).LoadAsync(ct);
            await ActivatorUtilities.CreateInstance<DemoFiguresSeeder>(sp).LoadAsync(ct);
            await ActivatorUtilities.CreateInstance<ClassificationDemoSeeder>(sp).LoadAsync(ct);
            await ActivatorUtilities.CreateInstance<SteeringDemoDataSeeder>(sp).LoadAsync(ct);
            await ActivatorUtilities.CreateInstance<StatisticsDemoDataSeeder>(sp).LoadAsync(ct);
            await ActivatorUtilities.CreateInstance<PartnershipDemoDataSeeder>(sp).LoadAsync(ct);
            await ActivatorUtilities.CreateInstance<DevelopmentTargetDemoSeeder>(sp).LoadAsync(ct);
        }
    }

    /// <summary>
    /// Creates EF Core's migrations history table, with the exact definition EF Core expects,
    /// before <c>MigrateAsync</c>. On PostgreSQL, EF Core does not look whether the table exists:
    /// it reads it and, on a fresh database, logs the failed read as an error before creating the
    /// table (npgsql/efcore.pg issue 3407). A start is not a failure; with the table in place,
    /// nothing is logged as one.
    /// </summary>
    private static async Task EnsureHistoryTableAsync(CoopDbContext db, CancellationToken ct)
    {
        var script = db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript();
        try
        {
            await db.Database.ExecuteSqlRawAsync(script, ct);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable)
        {
            // Another instance created it at the same moment (IF NOT EXISTS is not atomic).
        }
    }

    /// <summary>
    /// Creates the database if the server lacks it (EF Core would too, but only after logging a
    /// failed connection as an error, which alarms whoever reads a first start's log).
    /// </summary>
    private static async Task EnsureDatabaseExistsAsync(string connectionString, ILogger logger, CancellationToken ct)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(target.Database))
        {
            return;
        }

        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
        }
        catch (PostgresException)
        {
            return; // no access to the maintenance database: leave it to EF Core
        }

        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.AddWithValue(target.Database);
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            logger.LogInformation("Creating database {Database}", target.Database);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
    }
}
