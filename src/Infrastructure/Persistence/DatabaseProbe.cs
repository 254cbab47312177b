using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoopApi.Infrastructure.Persistence;

/// <summary>
/// The readiness check's question, "does the database answer?", asked once with a short
/// deadline (<see cref="DatabaseOptions.HealthCheckTimeoutMilliseconds"/>) and outside EF Core's
/// retrying execution strategy, so that a poll of <c>/health/ready</c> fails fast while the
/// database is down.
/// </summary>
public static class DatabaseProbe
{
    /// <summary>True when <c>SELECT 1</c> succeeds within the deadline.</summary>
    /// <param name="db">The application's context (its data source and options are used).</param>
    /// <param name="cancellationToken">The health check's cancellation.</param>
    public static async Task<bool> CanConnectAsync(CoopDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var services = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;
        var dataSource = services?.GetService<NpgsqlDataSource>();
        var options = services?.GetService<DatabaseOptions>() ?? new DatabaseOptions();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.HealthCheckTimeoutMilliseconds);
        try
        {
            await using var connection = dataSource is not null
                ? dataSource.CreateConnection()
                : new NpgsqlConnection(db.Database.GetConnectionString());
            await connection.OpenAsync(deadline.Token);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(deadline.Token);
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException
            && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
