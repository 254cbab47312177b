using Microsoft.Extensions.Configuration;
using Npgsql;

namespace CoopApi.Infrastructure;

/// <summary>
/// How the API uses its PostgreSQL server: the configuration section <c>Database</c>
/// (environment: <c>Database__MaxPoolSize</c> and so on). Pool size and connect timeout set in
/// the connection string itself win over these.
/// </summary>
public sealed class DatabaseOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Database";

    /// <summary>
    /// Connections the API may hold at most (<c>Maximum Pool Size</c>). Default 20: well below
    /// PostgreSQL's default <c>max_connections</c> of 100, which leaves room for psql, backups,
    /// migrations of a second instance and the 3 connections reserved for superusers. Requests
    /// beyond it wait for a free connection (up to <see cref="ConnectTimeoutSeconds"/>).
    /// </summary>
    public int MaxPoolSize { get; init; } = 20;

    /// <summary>
    /// Seconds to open a connection, or to wait for a free one in a full pool (Npgsql's
    /// <c>Timeout</c>). Default 3, so that an unreachable server fails a request quickly.
    /// </summary>
    public int ConnectTimeoutSeconds { get; init; } = 3;

    /// <summary>
    /// Times a command is retried after a transient failure (a dropped connection, a server
    /// restart). Default 2: a blip is ridden out, a server that is down fails in well under a second.
    /// </summary>
    public int MaxRetryCount { get; init; } = 2;

    /// <summary>Longest pause between two retries, in milliseconds. Default 250.</summary>
    public int MaxRetryDelayMilliseconds { get; init; } = 250;

    /// <summary>
    /// Milliseconds the readiness check (<c>/health/ready</c>) waits for the database. Default 1000.
    /// </summary>
    public int HealthCheckTimeoutMilliseconds { get; init; } = 1000;

    /// <summary>
    /// Statements each connection prepares automatically after their second use (Npgsql's
    /// <c>Max Auto Prepare</c>). Default 0 (off). bench/http measures with 20 (throughput up by half
    /// with a small pool), but a prepared statement switches to PostgreSQL's generic plan after five
    /// runs, and the list's search then filters province and status row by row instead of
    /// combining the indexes: 382 ms instead of 20 ms at 200,000 organizations (bench/http,
    /// results-2026-11-30-keyset-explain.txt). Turn it on only with that fixed or measured.
    /// <c>Max Auto Prepare</c> in the connection string wins.
    /// </summary>
    public int MaxAutoPrepare { get; init; }

    /// <summary>
    /// The unfiltered list's <c>totalCount</c> is an estimate from the table's statistics
    /// (<c>pg_class.reltuples</c>, kept by autovacuum) once they say the register holds at least
    /// this many organizations; below it the list counts them (cheap at that size). Default
    /// 50,000 (an exact count of 200,000 rows costs ~18 ms on every request). Filtered lists are
    /// always counted exactly.
    /// </summary>
    public int EstimateTotalFromRows { get; init; } = 50_000;

    /// <summary>Reads the section, with the defaults above for what it does not set.</summary>
    public static DatabaseOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var defaults = new DatabaseOptions();
        return new DatabaseOptions
        {
            MaxPoolSize = ConfigurationNumbers.ReadAtLeast(section, nameof(MaxPoolSize), defaults.MaxPoolSize, 1),
            ConnectTimeoutSeconds = ConfigurationNumbers.ReadAtLeast(section, nameof(ConnectTimeoutSeconds), defaults.ConnectTimeoutSeconds, 1),
            MaxRetryCount = ConfigurationNumbers.ReadAtLeast(section, nameof(MaxRetryCount), defaults.MaxRetryCount, 0),
            MaxRetryDelayMilliseconds = ConfigurationNumbers.ReadAtLeast(section, nameof(MaxRetryDelayMilliseconds), defaults.MaxRetryDelayMilliseconds, 0),
            HealthCheckTimeoutMilliseconds = ConfigurationNumbers.ReadAtLeast(section, nameof(HealthCheckTimeoutMilliseconds), defaults.HealthCheckTimeoutMilliseconds, 1),
            MaxAutoPrepare = ConfigurationNumbers.ReadAtLeast(section, nameof(MaxAutoPrepare), defaults.MaxAutoPrepare, 0),
            EstimateTotalFromRows = ConfigurationNumbers.ReadAtLeast(section, nameof(EstimateTotalFromRows), defaults.EstimateTotalFromRows, 0),
        };
    }

    /// <summary>
    /// The connection string with this pool size and connect timeout, unless the connection
    /// string sets them itself.
    /// </summary>
    public string Apply(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>()
            .Select(key => key.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant())
            .ToHashSet();
        if (!given.Contains("MAXPOOLSIZE") && !given.Contains("MAXIMUMPOOLSIZE"))
        {
            builder.MaxPoolSize = MaxPoolSize;
        }

        if (!given.Contains("MAXAUTOPREPARE"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }

        if (!given.Contains("TIMEOUT"))
        {
            builder.Timeout = ConnectTimeoutSeconds;
        }

        return builder.ConnectionString;
    }
}
