using CoopApi.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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
}
