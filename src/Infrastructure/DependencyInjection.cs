using CoopApi.Application.Common.Interfaces;
using CoopApi.Infrastructure.Persistence;
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
    /// (environment: <c>ConnectionStrings__Default</c>).
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Default")
            ?? throw new InvalidOperationException(
                "No database configured: set ConnectionStrings__Default (./run.sh does this for you).");

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IVietnamCalendar, VietnamCalendar>();
        services.AddSingleton<TimestampsInterceptor>();
        // One data source (one connection pool) for the process: EF Core's write side and the SQL
        // read side share it.
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build());
        // Pooled: a request reuses a context instead of building one (ROADMAP: no needless allocations).
        services.AddDbContextPool<CoopDbContext>((sp, options) => options
            .UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>(), npgsql => npgsql
                .EnableRetryOnFailure(maxRetryCount: 3)
                .MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(sp.GetRequiredService<TimestampsInterceptor>()));
        services.AddScoped<IApplicationDbContext>(sp => sp.GetRequiredService<CoopDbContext>());
        services.AddScoped<ITransactionRunner, TransactionRunner>();
        services.AddReadSide();
        return services;
    }
}
