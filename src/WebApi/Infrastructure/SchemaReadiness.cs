using CoopApi.Infrastructure;
using CoopApi.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace CoopApi.WebApi.Infrastructure;

/// <summary>
/// Part of <c>/health/ready</c> when the API does not migrate on start
/// (<c>Database:MigrateOnStartup=false</c>): ready only once the database has every migration this
/// build knows. A new version started before its <c>migrate</c> step finished receives no traffic
/// (the old version keeps serving during a rolling update) instead of failing requests on a
/// missing column. Once the schema is current the answer is remembered (schemas only move forward).
/// </summary>
internal sealed class SchemaReadiness(NpgsqlDataSource dataSource, CoopDbContext db, DatabaseOptions options, SchemaReadiness.Memory memory) : IHealthCheck
{

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (memory.Current)
        {
            return HealthCheckResult.Healthy();
        }

        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.HealthCheckTimeoutMilliseconds);
        try
        {
            await using var command = dataSource.CreateCommand("SELECT migration_id FROM __ef_migrations_history");
            await using var reader = await command.ExecuteReaderAsync(deadline.Token);
            while (await reader.ReadAsync(deadline.Token))
            {
                known.Remove(reader.GetString(0));
            }
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return HealthCheckResult.Unhealthy("The database has no schema yet: run the migrate command.");
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException
            && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.");
        }

        if (known.Count > 0)
        {
            return HealthCheckResult.Unhealthy($"{known.Count} migration(s) not applied yet: run the migrate command.");
        }

        memory.Current = true;
        return HealthCheckResult.Healthy();
    }

    /// <summary>Whether this process has seen the schema current (a singleton).</summary>
    internal sealed class Memory
    {
        private bool current;

        public bool Current
        {
            get => Volatile.Read(ref current);
            set => Volatile.Write(ref current, value);
        }
    }
}
