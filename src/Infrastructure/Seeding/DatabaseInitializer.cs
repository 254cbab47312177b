using CoopApi.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
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

        if (await EnsureDatabaseExistsAsync(db.Database.GetConnectionString()!, logger, ct))
        {
            logger.LogInformation("New database: EF Core will log one failed SELECT from __ef_migrations_history before creating it; "
                + "that error is expected (npgsql/efcore.pg#3407)");
        }

        // MigrateAsync creates the database when missing and takes EF Core's migration lock, so
        // two instances starting at once apply each migration once.
        await db.Database.MigrateAsync(ct);
        logger.LogInformation("Database schema is at migration {Migration}",
            (await db.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault());

        await ActivatorUtilities.CreateInstance<ReferenceDataLoader>(sp).LoadAsync(ct);
        if (loadDemoData)
        {
            await ActivatorUtilities.CreateInstance<DemoDataSeeder>(sp).LoadAsync(ct);
        }
    }

    /// <summary>
    /// Creates the database if the server lacks it (EF Core would too, but only after logging a
    /// failed connection as an error, which alarms whoever reads a first start's log).
    /// </summary>
    /// <returns>True when it created the database.</returns>
    private static async Task<bool> EnsureDatabaseExistsAsync(string connectionString, ILogger logger, CancellationToken ct)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(target.Database))
        {
            return false;
        }

        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
        }
        catch (PostgresException)
        {
            return false; // no access to the maintenance database: leave it to EF Core
        }

        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.AddWithValue(target.Database);
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            logger.LogInformation("Creating database {Database}", target.Database);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(ct);
            return true;
        }

        return false;
    }
}
