using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;
using Testcontainers.PostgreSql;

namespace CoopApi.IntegrationTests.Support;

/// <summary>
/// One PostgreSQL server for the whole test run (per test process), shared by all fixtures.
/// Sources, in this order:
/// <list type="number">
/// <item><c>environment</c>: the server in <c>COOPAPI_TEST_CONNECTION_STRING</c> (nothing is started;
/// databases created through <see cref="CreateDatabaseAsync"/> are dropped on dispose);</item>
/// <item><c>testcontainers</c>: a <c>postgres:15-alpine</c> container, when a Docker engine answers;</item>
/// <item><c>local-binaries</c>: a throwaway cluster from the machine's PostgreSQL binaries, started
/// by <c>scripts/pg-throwaway</c> (the same code as <c>./run.sh</c>'s cluster, in its fast mode).</item>
/// </list>
/// Fixtures call <see cref="GetAsync"/> and <see cref="CreateDatabaseAsync"/>; they do not dispose
/// the server: it is stopped and its files removed when the test process exits.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>Environment variable naming an existing server to use instead of starting one.</summary>
    public const string ConnectionStringVariable = "COOPAPI_TEST_CONNECTION_STRING";

    private static readonly SemaphoreSlim StartGate = new(1, 1);
    private static PostgresServer? current;
    private static Exception? startFailure;

    private readonly SemaphoreSlim createGate = new(1, 1);
    private readonly ConcurrentQueue<string> createdDatabases = new();
    private readonly PostgreSqlContainer? container;
    private readonly LocalCluster? cluster;
    private int disposed;

    private PostgresServer(
        string adminConnectionString,
        string source,
        string description,
        PostgreSqlContainer? container = null,
        LocalCluster? cluster = null)
    {
        AdminConnectionString = adminConnectionString;
        Source = source;
        Description = description;
        this.container = container;
        this.cluster = cluster;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>Superuser connection string to the database <c>postgres</c>.</summary>
    public string AdminConnectionString { get; }

    /// <summary><c>environment</c>, <c>testcontainers</c> or <c>local-binaries</c>.</summary>
    public string Source { get; }

    /// <summary>Where the server runs and how long it took to start (for test output).</summary>
    public string Description { get; }

    /// <summary>
    /// Returns the server of this test process, starting it on the first call (thread-safe).
    /// When starting fails, every later call fails fast with the same cause.
    /// </summary>
    public static async Task<PostgresServer> GetAsync()
    {
        var existing = Volatile.Read(ref current);
        if (existing is not null)
        {
            return existing;
        }

        await StartGate.WaitAsync();
        try
        {
            if (current is not null)
            {
                return current;
            }

            if (startFailure is not null)
            {
                throw new InvalidOperationException(
                    "PostgreSQL for the tests failed to start earlier in this run: " + startFailure.Message,
                    startFailure);
            }

            try
            {
                var server = await StartAsync();
                Volatile.Write(ref current, server);
                return server;
            }
            catch (Exception ex)
            {
                startFailure = ex;
                throw;
            }
        }
        finally
        {
            StartGate.Release();
        }
    }

    /// <summary>
    /// Creates the database <paramref name="name"/> (a quoted identifier, used as given) and
    /// returns a connection string to it (pooling on, error details included).
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (Encoding.UTF8.GetByteCount(name) > 63)
        {
            throw new ArgumentException($"Database name '{name}' is longer than 63 bytes.", nameof(name));
        }

        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);

        await createGate.WaitAsync();
        try
        {
            await using var connection = new NpgsqlConnection(AdminConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("CREATE DATABASE " + QuoteIdentifier(name), connection);
            await command.ExecuteNonQueryAsync();
            createdDatabases.Enqueue(name);
        }
        finally
        {
            createGate.Release();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString)
        {
            Database = name,
            Pooling = true,
            IncludeErrorDetail = true,
        }.ConnectionString;
    }

    /// <summary>
    /// Stops and removes what was started (container or local cluster); on a server from the
    /// environment, drops the databases created here. A later <see cref="GetAsync"/> starts anew.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        Interlocked.CompareExchange(ref current, null, this);
        NpgsqlConnection.ClearAllPools();
        try
        {
            if (container is not null)
            {
                await container.DisposeAsync();
            }
            else if (cluster is not null)
            {
                await Task.Run(cluster.Stop);
            }
            else
            {
                await DropCreatedDatabasesAsync();
            }
        }
        finally
        {
            createGate.Dispose();
        }
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            var builder = new NpgsqlConnectionStringBuilder(fromEnvironment)
            {
                Database = "postgres",
                IncludeErrorDetail = true,
            };
            return new PostgresServer(
                builder.ConnectionString,
                "environment",
                $"environment: {ConnectionStringVariable} (host {builder.Host}, port {builder.Port})");
        }

        var notes = new List<string>();
        var fromDocker = await TryTestcontainersAsync(notes);
        if (fromDocker is not null)
        {
            return fromDocker;
        }

        try
        {
            var stopwatch = Stopwatch.StartNew();
            var localCluster = await Task.Run(LocalCluster.Start);
            try
            {
                await VerifyAsync(localCluster.AdminConnectionString);
            }
            catch
            {
                localCluster.Stop();
                throw;
            }

            return new PostgresServer(
                localCluster.AdminConnectionString,
                "local-binaries",
                $"local-binaries: {localCluster.Description}, started in {stopwatch.Elapsed.TotalSeconds:0.0} s",
                cluster: localCluster);
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException(
                "No PostgreSQL server for the integration tests. Set " + ConnectionStringVariable +
                " to a server's connection string, run a Docker engine, or install the PostgreSQL server" +
                " binaries (Debian: apt-get install postgresql; ./test.sh does it when run as root)." +
                Environment.NewLine + string.Join(Environment.NewLine, notes) +
                Environment.NewLine + "Local binaries: " + ex.Message,
                ex);
        }
    }

    private static async Task<PostgresServer?> TryTestcontainersAsync(List<string> notes)
    {
        var stopwatch = Stopwatch.StartNew();
        PostgreSqlContainer? started = null;
        try
        {
            // Without a Docker engine, Build() throws DockerUnavailableException within milliseconds.
            started = await Task.Run(() => new PostgreSqlBuilder("postgres:15-alpine").Build())
                .WaitAsync(TimeSpan.FromSeconds(15));
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await started.StartAsync(timeout.Token);
            var builder = new NpgsqlConnectionStringBuilder(started.GetConnectionString())
            {
                Database = "postgres",
                IncludeErrorDetail = true,
            };
            await VerifyAsync(builder.ConnectionString);
            return new PostgresServer(
                builder.ConnectionString,
                "testcontainers",
                $"testcontainers: postgres:15-alpine on port {builder.Port}, started in {stopwatch.Elapsed.TotalSeconds:0.0} s",
                container: started);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            notes.Add($"Testcontainers: {ex.GetType().Name}: {FirstLine(ex.Message)}");
            if (started is not null)
            {
                try
                {
                    await started.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
                }
                catch (Exception disposeError) when (disposeError is not OutOfMemoryException)
                {
                    notes.Add($"Testcontainers cleanup: {FirstLine(disposeError.Message)}");
                }
            }

            return null;
        }
    }

    private static async Task VerifyAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        await command.ExecuteScalarAsync();
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string FirstLine(string text)
    {
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return (newline < 0 ? text : text[..newline]).Trim();
    }

    private async Task DropCreatedDatabasesAsync()
    {
        if (createdDatabases.IsEmpty)
        {
            return;
        }

        var builder = new NpgsqlConnectionStringBuilder(AdminConnectionString)
        {
            Pooling = false,
            Timeout = 5,
            CommandTimeout = 30,
        };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        while (createdDatabases.TryDequeue(out var name))
        {
            await using var command = new NpgsqlCommand(
                "DROP DATABASE IF EXISTS " + QuoteIdentifier(name) + " WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        try
        {
            if (cluster is not null)
            {
                cluster.Stop();
            }
            else if (container is not null)
            {
                container.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(30));
            }
            else
            {
                DropCreatedDatabasesAsync().Wait(TimeSpan.FromSeconds(30));
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Best effort while the process exits; nothing can report the failure any more.
            Console.Error.WriteLine($"PostgresServer cleanup at exit failed: {ex.Message}");
        }
    }

    /// <summary>
    /// A throwaway cluster from the machine's PostgreSQL server binaries, started and removed by
    /// <c>scripts/pg-throwaway</c> (the repository's one way to start a throwaway PostgreSQL; it
    /// also leaves a watchdog that removes the cluster when this process dies without cleaning up).
    /// </summary>
    private sealed class LocalCluster
    {
        private readonly string script;
        private readonly string rootDir;
        private int stopped;

        private LocalCluster(string script, string rootDir)
        {
            this.script = script;
            this.rootDir = rootDir;
        }

        public string AdminConnectionString { get; private set; } = string.Empty;

        public string Description { get; private set; } = string.Empty;

        public static LocalCluster Start()
        {
            var script = FindScript("scripts/pg-throwaway");
            // /tmp rather than a per-user temporary directory: the postgres user must reach it
            // when the tests run as root.
            var rootDir = Path.Combine("/tmp", "coopapi-throwaway-" + Guid.NewGuid().ToString("N")[..12]);
            var cluster = new LocalCluster(script, rootDir);
            var result = Run(
                "bash",
                [script, "start", rootDir, Environment.ProcessId.ToString(CultureInfo.InvariantCulture)],
                TimeSpan.FromMinutes(3));
            if (!result.Succeeded
                || !int.TryParse(result.StandardOutput.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                cluster.Stop();
                throw new InvalidOperationException("scripts/pg-throwaway could not start a cluster." + Environment.NewLine + result.Describe());
            }

            cluster.AdminConnectionString = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1",
                Port = port,
                Database = "postgres",
                Username = "postgres",
                Pooling = true,
                IncludeErrorDetail = true,
            }.ConnectionString;
            cluster.Description = $"127.0.0.1:{port}, data in {rootDir}";
            return cluster;
        }

        /// <summary>Stops the server (immediate mode) and deletes its directory. Idempotent.</summary>
        public void Stop()
        {
            if (Interlocked.Exchange(ref stopped, 1) == 0)
            {
                Run("bash", [script, "stop", rootDir], TimeSpan.FromSeconds(30));
            }
        }
    }

    internal sealed record ProcessResult(string Command, int ExitCode, string StandardOutput, string StandardError)
    {
        public bool Succeeded => ExitCode == 0;

        public string Describe() =>
            $"`{Command}` exited with {ExitCode}" + Environment.NewLine +
            "stdout: " + StandardOutput.Trim() + Environment.NewLine +
            "stderr: " + StandardError.Trim();
    }

    /// <summary>A script of the repository, found by walking up from the test assembly to the checkout.</summary>
    internal static string FindScript(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            relativePath + " was not found above " + AppContext.BaseDirectory + " (the tests run from a checkout).");
    }

    /// <summary>
    /// Runs a program, waits for it and captures its output. Throws <see cref="TimeoutException"/>
    /// with the output so far when it takes longer than <paramref name="timeout"/>.
    /// </summary>
    internal static ProcessResult Run(string fileName, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo
        {
            FileName = fileName,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // English messages, so that a failure reads the same everywhere (and port clashes are recognized).
        startInfo.Environment.Remove("LC_ALL");
        startInfo.Environment["LC_MESSAGES"] = "C";

        var command = string.Join(' ', startInfo.ArgumentList.Prepend(startInfo.FileName));
        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start `{command}`.");
        process.StandardInput.Close();
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (Exception ex) when (ex is InvalidOperationException or Win32Exception)
            {
                // Exited meanwhile.
            }

            throw new TimeoutException($"`{command}` did not finish within {timeout.TotalSeconds:0} s.");
        }

        process.WaitForExit();
        // A daemon (postgres) started by the command could in theory hold the pipes; do not wait forever.
        Task.WaitAll([standardOutput, standardError], TimeSpan.FromSeconds(10));
        return new ProcessResult(command, process.ExitCode, Completed(standardOutput), Completed(standardError));

        static string Completed(Task<string> read) => read.IsCompletedSuccessfully ? read.Result : string.Empty;
    }
}
