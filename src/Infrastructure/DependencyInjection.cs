using CoopApi.Application.Common.Interfaces;
using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Infrastructure.Idempotency;
using CoopApi.Infrastructure.Import;
using CoopApi.Infrastructure.Persistence;
using CoopApi.Infrastructure.ReferenceData;
using CoopApi.Infrastructure.ReadSide;
using CoopApi.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoopApi.Infrastructure;

/// <summary>Registers the persistence and system services.</summary>
public static class DependencyInjection
{
    /// <summary>
    /// PostgreSQL through EF Core, from the connection string <c>ConnectionStrings:Default</c>
    /// (environment: <c>ConnectionStrings__Default</c>), with the pool size, timeouts and retries
    /// of <see cref="DatabaseOptions"/>; queries of the SQL read side through
    /// <c>ConnectionStrings:ReadOnly</c> when it is set (<see cref="ReadSideDataSource"/>).
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Default")
            ?? throw new InvalidOperationException(
                "No database configured: set ConnectionStrings__Default (./run.sh does this for you).");

        var database = DatabaseOptions.From(configuration);
        connectionString = database.Apply(connectionString);
        services.AddSingleton(database);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IVietnamCalendar, VietnamCalendar>();
        // Reference data changes only on deploy: read once into memory, asked without round trips.
        services.AddSingleton<IAdministrativeUnits, AdministrativeUnitsLookup>();
        // One data source (one connection pool) for the primary: EF Core's write side, and the SQL
        // read side unless ConnectionStrings:ReadOnly names a read-only server (a replica), which
        // then gets a pool of its own of the same size (ReadSideDataSource).
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString) { Name = "primary" }.Build());
        var readOnly = configuration.GetConnectionString("ReadOnly");
        services.AddSingleton(sp => new ReadSideDataSource(
            sp.GetRequiredService<NpgsqlDataSource>(),
            string.IsNullOrWhiteSpace(readOnly) ? null : new NpgsqlDataSourceBuilder(database.Apply(readOnly)) { Name = "replica" }.Build()));
        // Pooled: a request reuses a context instead of building one (no needless allocations).
        services.AddDbContextPool<CoopDbContext>((sp, options) => options
            .UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>(), npgsql => npgsql
                // Bounded: a server that is down fails a request in well under a second
                // (DatabaseOptions), instead of ~4 s of back-off.
                .EnableRetryOnFailure(
                    database.MaxRetryCount,
                    TimeSpan.FromMilliseconds(database.MaxRetryDelayMilliseconds),
                    errorCodesToAdd: null)
                .MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention());
        services.AddScoped<IApplicationDbContext>(sp => sp.GetRequiredService<CoopDbContext>());
        services.AddScoped<ITransactionRunner, TransactionRunner>();
        services.AddReadSide();
        services.AddSingleton(IdempotencyOptions.From(configuration));
        services.AddScoped<IIdempotencyStore, IdempotencyStore>();
        services.AddImport();
        return services;
    }
}
