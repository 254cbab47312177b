using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
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
/// <item><c>local-binaries</c>: a throwaway cluster (initdb + pg_ctl) in a temporary directory,
/// run as the <c>postgres</c> user when the tests run as root.</item>
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

    /// <summary>A throwaway cluster from the machine's PostgreSQL server binaries.</summary>
    private sealed class LocalCluster
    {
        private const string DirectoryPrefix = "coopapi-pg-";
        private const string OwnerFile = "owner";
        private const int StartAttempts = 3;
        private const int SigQuit = 3;
        private const int SigKill = 9;

        private readonly string binDir;
        private readonly string rootDir;
        private readonly bool asPostgres;
        private int stopped;

        private LocalCluster(string binDir, string rootDir, bool asPostgres)
        {
            this.binDir = binDir;
            this.rootDir = rootDir;
            this.asPostgres = asPostgres;
        }

        public string AdminConnectionString { get; private set; } = string.Empty;

        public string Description { get; private set; } = string.Empty;

        private string DataDir => Path.Combine(rootDir, "data");

        private string LogFile => Path.Combine(rootDir, "postgres.log");

        public static LocalCluster Start()
        {
            var binDir = FindBinDir() ?? throw new InvalidOperationException(
                "initdb and pg_ctl were not found in /usr/lib/postgresql/*/bin, `pg_config --bindir` or PATH.");
            var asPostgres = IsRoot();
            if (asPostgres && !Run("id", ["-u", "postgres"], false, TimeSpan.FromSeconds(10)).Succeeded)
            {
                throw new InvalidOperationException(
                    "The tests run as root, but initdb and postgres refuse root and there is no 'postgres' user to run them as.");
            }

            var baseDir = Path.GetTempPath();
            if (asPostgres && !Run("test", ["-d", baseDir, "-a", "-x", baseDir], true, TimeSpan.FromSeconds(10)).Succeeded)
            {
                baseDir = "/tmp";
            }

            ReapStale(baseDir, asPostgres);

            var rootDir = Path.Combine(baseDir, DirectoryPrefix + Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(rootDir);
            var cluster = new LocalCluster(binDir, rootDir, asPostgres);
            try
            {
                using (var self = Process.GetCurrentProcess())
                {
                    File.WriteAllText(
                        Path.Combine(rootDir, OwnerFile),
                        string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId} {self.StartTime.ToUniversalTime().Ticks}\n"));
                }

                if (asPostgres)
                {
                    Run("chown", ["-R", "postgres:", rootDir], false, TimeSpan.FromSeconds(30)).ThrowIfFailed();
                }

                StartWatchdog(rootDir);

                cluster.InitDb();
                cluster.StartServer();
                return cluster;
            }
            catch
            {
                cluster.Stop();
                throw;
            }
        }

        /// <summary>Stops the server (immediate mode) and deletes its directory. Idempotent.</summary>
        public void Stop()
        {
            if (Interlocked.Exchange(ref stopped, 1) != 0)
            {
                return;
            }

            StopAndDelete(binDir, rootDir, asPostgres);
        }

        /// <summary>
        /// Starts a detached shell that waits for this process to end, however it ends, then stops
        /// the cluster and deletes its directory. The process-exit hook does the same at once, but
        /// vstest kills a test host 100 ms after the run (VSTEST_TESTHOST_SHUTDOWN_TIMEOUT), and a
        /// crash or SIGKILL runs no hook at all. Best effort: without /bin/sh, only the hook remains.
        /// </summary>
        private static void StartWatchdog(string rootDir)
        {
            const string watch = """
                owner=$1; root=$2; pidfile="$root/data/postmaster.pid"
                while kill -0 "$owner" 2>/dev/null; do sleep 1; done
                if [ -f "$pidfile" ]; then
                    pm=$(head -n 1 "$pidfile")
                    if [ "$(cat "/proc/$pm/comm" 2>/dev/null)" = postgres ]; then
                        kill -QUIT "$pm" 2>/dev/null
                        i=0
                        while [ -f "$pidfile" ] && [ "$i" -lt 150 ]; do sleep 0.1; i=$((i + 1)); done
                    fi
                fi
                rm -rf "$root"
                """;
            // Detached (own session, reparented once the launching shell exits) and off our pipes.
            const string launch = """
                if command -v setsid >/dev/null 2>&1; then
                    setsid /bin/sh -c "$1" coopapi-pg-watchdog "$2" "$3" </dev/null >/dev/null 2>&1 &
                else
                    /bin/sh -c "$1" coopapi-pg-watchdog "$2" "$3" </dev/null >/dev/null 2>&1 &
                fi
                """;
            try
            {
                Run(
                    "/bin/sh",
                    ["-c", launch, "sh", watch, Environment.ProcessId.ToString(CultureInfo.InvariantCulture), rootDir],
                    false,
                    TimeSpan.FromSeconds(10));
            }
            catch (Exception ex) when (ex is Win32Exception or TimeoutException)
            {
                // No shell: the process-exit hook and the next run's ReapStale still clean up.
            }
        }

        /// <summary>
        /// Sends the postmaster SIGQUIT (what <c>pg_ctl stop -m immediate</c> sends), waits for it to
        /// exit and deletes the directory. Signalling directly, without spawning pg_ctl and runuser,
        /// keeps this within the 100 ms that vstest grants a test host to exit after the run
        /// (VSTEST_TESTHOST_SHUTDOWN_TIMEOUT) when it runs from the process-exit hook.
        /// </summary>
        private static void StopAndDelete(string binDir, string rootDir, bool asPostgres)
        {
            var dataDir = Path.Combine(rootDir, "data");
            var pidFile = Path.Combine(dataDir, "postmaster.pid");
            var postmaster = FindPostmaster(pidFile);
            if (postmaster is { } pid)
            {
                if (!Signal(pid, SigQuit))
                {
                    Run(
                        Path.Combine(binDir, "pg_ctl"),
                        ["-D", dataDir, "-m", "immediate", "-w", "-t", "30", "stop"],
                        asPostgres,
                        TimeSpan.FromSeconds(45),
                        rootDir);
                }

                // The postmaster removes its pid file as the last step of shutting down.
                var waited = Stopwatch.StartNew();
                while (File.Exists(pidFile) && IsPostgres(pid) && waited.Elapsed < TimeSpan.FromSeconds(15))
                {
                    Thread.Sleep(2);
                }

                if (File.Exists(pidFile) && IsPostgres(pid))
                {
                    Signal(pid, SigKill);
                }
            }

            for (var attempt = 1; attempt <= 5 && Directory.Exists(rootDir); attempt++)
            {
                try
                {
                    Directory.Delete(rootDir, recursive: true);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    Thread.Sleep(100 * attempt);
                }
            }
        }

        /// <summary>The pid of the running postmaster named in a postmaster.pid file, if any.</summary>
        private static int? FindPostmaster(string pidFile)
        {
            try
            {
                var firstLine = File.ReadLines(pidFile).FirstOrDefault();
                return int.TryParse(firstLine, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid)
                    && IsPostgres(pid)
                    ? pid
                    : null;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return null; // No pid file: not running.
            }
        }

        private static bool IsPostgres(int pid)
        {
            try
            {
                if (Directory.Exists("/proc/self"))
                {
                    return File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/comm").Trim() == "postgres";
                }

                using var process = Process.GetProcessById(pid);
                return process.ProcessName == "postgres";
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException
                or InvalidOperationException)
            {
                return false; // Gone.
            }
        }

        private static bool Signal(int pid, int signal)
        {
            try
            {
                return NativeKill(pid, signal) == 0;
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                try
                {
                    var arguments = new[] { "-" + signal.ToString(CultureInfo.InvariantCulture), pid.ToString(CultureInfo.InvariantCulture) };
                    return Run("kill", arguments, false, TimeSpan.FromSeconds(10)).Succeeded;
                }
                catch (Exception inner) when (inner is Win32Exception or TimeoutException)
                {
                    return false;
                }
            }
        }

        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        private static extern int NativeKill(int pid, int signal);

        /// <summary>
        /// Removes clusters left by test processes that died without cleaning up (killed runs):
        /// directories of ours whose owner process no longer exists.
        /// </summary>
        private static void ReapStale(string baseDir, bool asPostgres)
        {
            string[] candidates;
            try
            {
                candidates = Directory.GetDirectories(baseDir, DirectoryPrefix + "*");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return;
            }

            foreach (var dir in candidates)
            {
                try
                {
                    var ownerPath = Path.Combine(dir, OwnerFile);
                    if (!File.Exists(ownerPath) || OwnerIsAlive(File.ReadAllText(ownerPath)))
                    {
                        continue;
                    }

                    // Left by another user (the data directory is 0700): not ours to remove.
                    var dataDir = Path.Combine(dir, "data");
                    if (Directory.Exists(dataDir))
                    {
                        _ = Directory.GetFileSystemEntries(dataDir);
                    }

                    var binDir = FindBinDirFor(dir);
                    if (binDir is not null)
                    {
                        StopAndDelete(binDir, dir, asPostgres);
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
                {
                    // Someone else's or half-deleted: leave it.
                }
            }
        }

        private static bool OwnerIsAlive(string ownerText)
        {
            var parts = ownerText.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length != 2
                || !int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid)
                || !long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var startTicks))
            {
                return true; // Unknown format: not ours to judge.
            }

            try
            {
                using var process = Process.GetProcessById(pid);
                var difference = Math.Abs(process.StartTime.ToUniversalTime().Ticks - startTicks);
                return difference < TimeSpan.TicksPerSecond;
            }
            catch (ArgumentException)
            {
                return false; // No such process.
            }
            catch (InvalidOperationException)
            {
                return false; // Exited meanwhile.
            }
        }

        private static string? FindBinDirFor(string rootDir)
        {
            var versionFile = Path.Combine(rootDir, "data", "PG_VERSION");
            if (File.Exists(versionFile))
            {
                var versioned = Path.Combine("/usr/lib/postgresql", File.ReadAllText(versionFile).Trim(), "bin");
                if (HasServerBinaries(versioned))
                {
                    return versioned;
                }
            }

            return FindBinDir();
        }

        private static string? FindBinDir()
        {
            const string debianRoot = "/usr/lib/postgresql";
            if (Directory.Exists(debianRoot))
            {
                var newest = Directory.GetDirectories(debianRoot)
                    .Select(dir => (Bin: Path.Combine(dir, "bin"), Version: ParseVersion(Path.GetFileName(dir))))
                    .Where(candidate => candidate.Version is not null && HasServerBinaries(candidate.Bin))
                    .OrderByDescending(candidate => candidate.Version)
                    .Select(candidate => candidate.Bin)
                    .FirstOrDefault();
                if (newest is not null)
                {
                    return newest;
                }
            }

            try
            {
                var pgConfig = Run("pg_config", ["--bindir"], false, TimeSpan.FromSeconds(10));
                var dir = pgConfig.StandardOutput.Trim();
                if (pgConfig.Succeeded && HasServerBinaries(dir))
                {
                    return dir;
                }
            }
            catch (Win32Exception)
            {
                // No pg_config on PATH.
            }

            return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .FirstOrDefault(HasServerBinaries);
        }

        private static Version? ParseVersion(string name) =>
            Version.TryParse(name.Contains('.', StringComparison.Ordinal) ? name : name + ".0", out var version) ? version : null;

        private static bool HasServerBinaries(string dir) =>
            File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl"));

        private static bool IsRoot()
        {
            if (Environment.UserName == "root")
            {
                return true;
            }

            try
            {
                return Run("id", ["-u"], false, TimeSpan.FromSeconds(10)).StandardOutput.Trim() == "0";
            }
            catch (Win32Exception)
            {
                return false;
            }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        private void InitDb()
        {
            var initdb = Path.Combine(binDir, "initdb");
            string[] common = ["-D", DataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"];
            var first = Run(initdb, [.. common, "--locale=C.UTF-8"], asPostgres, TimeSpan.FromMinutes(2), rootDir);
            if (first.Succeeded)
            {
                return;
            }

            // initdb removes what it created when it fails; make sure before the second try.
            if (Directory.Exists(DataDir))
            {
                Directory.Delete(DataDir, recursive: true);
            }

            var second = Run(initdb, [.. common, "--locale=C"], asPostgres, TimeSpan.FromMinutes(2), rootDir);
            if (!second.Succeeded)
            {
                throw new InvalidOperationException(
                    "initdb failed with --locale=C.UTF-8 and with --locale=C." + Environment.NewLine +
                    first.Describe() + Environment.NewLine + second.Describe());
            }
        }

        private void StartServer()
        {
            var pgCtl = Path.Combine(binDir, "pg_ctl");
            // The Unix socket lives next to the data (short path); clients use TCP on 127.0.0.1.
            var socketDir = rootDir.Length <= 80 ? rootDir : "/tmp";
            ProcessResult? last = null;
            for (var attempt = 1; attempt <= StartAttempts; attempt++)
            {
                var port = FreePort();
                var options = string.Create(
                    CultureInfo.InvariantCulture,
                    $"-p {port} -k '{socketDir}' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200");
                last = Run(
                    pgCtl,
                    ["-D", DataDir, "-w", "-t", "60", "-l", LogFile, "-o", options, "start"],
                    asPostgres,
                    TimeSpan.FromSeconds(90),
                    rootDir);
                if (last.Succeeded)
                {
                    AdminConnectionString = new NpgsqlConnectionStringBuilder
                    {
                        Host = "127.0.0.1",
                        Port = port,
                        Database = "postgres",
                        Username = "postgres",
                        Pooling = true,
                        IncludeErrorDetail = true,
                    }.ConnectionString;
                    Description = $"{binDir} on 127.0.0.1:{port}, data in {DataDir}";
                    return;
                }

                var log = ReadLogTail();
                var portClash = log.Contains("could not bind", StringComparison.OrdinalIgnoreCase)
                    || log.Contains("already in use", StringComparison.OrdinalIgnoreCase)
                    || log.Contains("could not create any TCP/IP sockets", StringComparison.OrdinalIgnoreCase);
                if (!portClash)
                {
                    break;
                }
            }

            throw new InvalidOperationException(
                $"PostgreSQL did not start (tried {StartAttempts} ports on a clash)." + Environment.NewLine +
                last?.Describe() + Environment.NewLine + "Server log (" + LogFile + "):" + Environment.NewLine +
                ReadLogTail());
        }

        private string ReadLogTail()
        {
            try
            {
                var lines = File.ReadAllLines(LogFile);
                return string.Join(Environment.NewLine, lines.TakeLast(30));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return "(no log: " + ex.Message + ")";
            }
        }
    }

    private sealed record ProcessResult(string Command, int ExitCode, string StandardOutput, string StandardError)
    {
        public bool Succeeded => ExitCode == 0;

        public string Describe() =>
            $"`{Command}` exited with {ExitCode}" + Environment.NewLine +
            "stdout: " + StandardOutput.Trim() + Environment.NewLine +
            "stderr: " + StandardError.Trim();

        public void ThrowIfFailed()
        {
            if (!Succeeded)
            {
                throw new InvalidOperationException(Describe());
            }
        }
    }

    /// <summary>
    /// Runs a program (as the postgres user through runuser when asked), waits for it and
    /// captures its output. Throws <see cref="TimeoutException"/> with the output so far when it
    /// takes longer than <paramref name="timeout"/>.
    /// </summary>
    private static ProcessResult Run(
        string fileName,
        IReadOnlyList<string> arguments,
        bool asPostgres,
        TimeSpan timeout,
        string? workingDirectory = null)
    {
        var startInfo = new ProcessStartInfo
        {
            FileName = asPostgres ? "runuser" : fileName,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // A directory the postgres user can enter (not the test's working directory).
            WorkingDirectory = workingDirectory ?? "/",
        };
        if (asPostgres)
        {
            startInfo.ArgumentList.Add("-u");
            startInfo.ArgumentList.Add("postgres");
            startInfo.ArgumentList.Add("--");
            startInfo.ArgumentList.Add(fileName);
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // English messages, so that a failure reads the same everywhere (and port clashes are recognized).
        startInfo.Environment.Remove("LC_ALL");
        startInfo.Environment["LC_MESSAGES"] = "C";

        var command = string.Join(' ', startInfo.ArgumentList.Prepend(startInfo.FileName).Select(Quote));
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

            process.WaitForExit(5_000);
            throw new TimeoutException(
                $"`{command}` did not finish within {timeout.TotalSeconds:0} s." + Environment.NewLine +
                "stdout: " + Completed(standardOutput) + Environment.NewLine + "stderr: " + Completed(standardError));
        }

        process.WaitForExit();
        // A daemon (postgres) started by the command could in theory hold the pipes; do not wait forever.
        Task.WaitAll([standardOutput, standardError], TimeSpan.FromSeconds(10));
        return new ProcessResult(command, process.ExitCode, Completed(standardOutput), Completed(standardError));

        static string Completed(Task<string> read) => read.IsCompletedSuccessfully ? read.Result : string.Empty;

        static string Quote(string argument) =>
            argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,@%+".Contains(c, StringComparison.Ordinal))
                ? argument
                : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
