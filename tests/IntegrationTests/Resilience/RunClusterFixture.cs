using System.Collections.Concurrent;
using System.Globalization;
using CoopApi.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CoopApi.IntegrationTests.Resilience;

/// <summary>
/// A PostgreSQL cluster of its own, set up as <c>./run.sh</c> sets up its cluster (the same
/// functions of <c>scripts/lib/postgres.sh</c>: durable settings, the role <c>coopapi</c> and its
/// database), and the API started on it for the first time, connected as that role, with its
/// log captured. Its own cluster because the tests stop it.
/// </summary>
public sealed class RunClusterFixture : IAsyncLifetime
{
    public const string Role = "coopapi";

    private readonly string rootDir = Path.Combine("/tmp", "coopapi-throwaway-" + Guid.NewGuid().ToString("N")[..12]);
    private WebApplicationFactory<Program>? factory;

    public int Port { get; private set; }

    /// <summary>Superuser connection to the cluster (database postgres), unpooled.</summary>
    public string AdminConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = Port, Database = "postgres", Username = "postgres", Pooling = false, Timeout = 5,
    }.ConnectionString;

    /// <summary>What ./run.sh gives the API: the application role on its database.</summary>
    public string AppConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = Port, Database = "coopapi", Username = Role,
    }.ConnectionString;

    /// <summary>Every log entry of the API, from its first start on.</summary>
    public ConcurrentQueue<(LogLevel Level, string Category, string Message)> Log { get; } = new();

    /// <summary>The entries logged while the API started on its fresh database.</summary>
    public IReadOnlyList<(LogLevel Level, string Category, string Message)> StartupLog { get; private set; } = [];

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var throwaway = PostgresServer.FindScript("scripts/pg-throwaway");
        var start = PostgresServer.Run(
            "bash",
            [throwaway, "start", rootDir, Environment.ProcessId.ToString(CultureInfo.InvariantCulture), "durable"],
            TimeSpan.FromMinutes(3));
        if (!start.Succeeded)
        {
            throw new InvalidOperationException(start.Describe());
        }

        Port = int.Parse(start.StandardOutput.Trim(), CultureInfo.InvariantCulture);
        Library("pg_create_app_database \"$PORT\" coopapi coopapi");

        var log = new CapturingLoggerProvider(Log);
        var app = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            // A port of the kernel's choosing: another test run may hold Kestrel's default 5000.
            builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
            builder.UseSetting("ConnectionStrings:Default", AppConnectionString);
            builder.UseSetting("Database:MigrateOnStartup", "true");
            builder.UseSetting("Database:SeedDemoData", "true");
            builder.ConfigureLogging(logging => logging.AddProvider(log));
        });
        app.UseKestrel();
        app.StartServer();
        factory = app;
        StartupLog = [.. Log];
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        AdminKey = await CoopApi.WebApi.Security.AdminKeyCommand.CreateAsync(app.Services, "run cluster tests");
    }

    /// <summary>A national key with every scope, made as run.sh makes its key; every client of this fixture sends it.</summary>
    public string AdminKey { get; private set; } = "";

    public HttpClient CreateClient() =>
        ApiFixture.WithKey(new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) }, AdminKey);

    /// <summary>Stops the cluster (fast shutdown: connections are cut), as a crash or an operator would.</summary>
    public void StopDatabase() => Library("pg_stop_cluster \"$DATA\"");

    /// <summary>Starts the cluster again, on the same port, with the run settings.</summary>
    public void StartDatabase() => Library("pg_start_cluster \"$DATA\" \"$PORT\" durable >/dev/null");

    public async Task<T> AdminScalarAsync<T>(string sql, string database = "postgres")
    {
        var connectionString = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        PostgresServer.Run("bash", [PostgresServer.FindScript("scripts/pg-throwaway"), "stop", rootDir], TimeSpan.FromSeconds(60));
    }

    /// <summary>Runs a few lines of bash with scripts/lib/postgres.sh sourced ($DATA, $PORT set).</summary>
    private void Library(string lines)
    {
        var library = PostgresServer.FindScript("scripts/lib/postgres.sh");
        var result = PostgresServer.Run(
            "bash",
            ["-c", "set -euo pipefail; source \"$1\"; DATA=\"$2\"; PORT=\"$3\"; " + lines, "bash", library,
                Path.Combine(rootDir, "data"), Port.ToString(CultureInfo.InvariantCulture)],
            TimeSpan.FromMinutes(2));
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(result.Describe());
        }
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<(LogLevel, string, string)> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(sink, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<(LogLevel, string, string)> sink, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
                Func<TState, Exception?, string> formatter) =>
                sink.Enqueue((logLevel, category, formatter(state, exception)));
        }
    }
}

/// <summary>The tests that stop the run cluster must not overlap.</summary>
[CollectionDefinition(Name)]
public sealed class RunClusterCollection : ICollectionFixture<RunClusterFixture>
{
    public const string Name = "run-cluster";
}
