using System.Net;
using System.Net.Sockets;
using CoopApi.IntegrationTests.Http;
using CoopApi.IntegrationTests.Support;
using Npgsql;

namespace CoopApi.IntegrationTests.Import;

/// <summary>
/// The start-up step of an instance (failing the jobs its previous process left running) does not
/// depend on the database answering at start-up: an instance started during a database outage
/// fails them once the database is back, within seconds, without being restarted.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ImportJobStartupRetryTests(ApiFixture fixture)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AnInstanceStartedDuringADatabaseOutage_FailsTheJobItsPreviousProcessLeftRunning_OnceTheDatabaseIsBack()
    {
        var self = "instance-a-" + TestData.UniqueToken();
        // Left running by this instance's previous process; its heartbeat is fresh, so no other
        // instance (the shared test host's lease is 60 s) would fail it within the test.
        var id = await InsertRunningJobAsync(self);
        try
        {
            await using var database = new SwitchableProxy(fixture.ConnectionString);
            await using var a = new OwnHost(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Default"] = database.ConnectionString,
                ["urls"] = "http://127.0.0.1:0",
                ["Database:MigrateOnStartup"] = "false",
                ["Import:InstanceId"] = self,
                ["Import:JobLeaseSeconds"] = "60",
            });

            // Started while the database was out of reach: the job is untouched.
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.Equal("running", await StateAsync(id));

            database.Up = true;
            var since = DateTime.UtcNow;
            while (await StateAsync(id) == "running")
            {
                Assert.True(DateTime.UtcNow - since < Bound, $"the job was still running {Bound.TotalSeconds} s after the database came back");
                await Task.Delay(100);
            }

            Assert.Equal("failed", await StateAsync(id));
            Assert.Contains("restart", await ScalarAsync<string>("SELECT error FROM import_jobs WHERE id = $1", id), StringComparison.Ordinal);
        }
        finally
        {
            await using var connection = new NpgsqlConnection(fixture.ConnectionString);
            await connection.OpenAsync();
            await using var delete = new NpgsqlCommand("DELETE FROM import_jobs WHERE id = $1", connection);
            delete.Parameters.AddWithValue(id);
            await delete.ExecuteNonQueryAsync();
        }
    }

    private async Task<Guid> InsertRunningJobAsync(string owner)
    {
        var id = Guid.CreateVersion7();
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand(
            "INSERT INTO import_jobs (id, state, format, atomic, dry_run, file_path, scopes, provinces, language, rows_read, "
            + "created_at, started_at, owner_instance, heartbeat_at) VALUES ($1, 'running', 'csv', true, false, '/nonexistent', '{}', '{*}', 'en', 0, "
            + "now() - interval '1 minute', now() - interval '1 minute', $2, now())", connection);
        insert.Parameters.AddWithValue(id);
        insert.Parameters.AddWithValue(owner);
        await insert.ExecuteNonQueryAsync();
        return id;
    }

    private Task<string> StateAsync(Guid id) => ScalarAsync<string>("SELECT state FROM import_jobs WHERE id = $1", id);

    private Task<T> ScalarAsync<T>(string sql, Guid id) => Sql.ScalarAsync<T>(fixture.ConnectionString, sql, id);

    /// <summary>
    /// A TCP proxy in front of the test database: while down it closes every connection at once
    /// (the server is out of reach); once up it forwards them to the real server.
    /// </summary>
    private sealed class SwitchableProxy : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly string _targetHost;
        private readonly int _targetPort;
        private readonly Task _accepting;
        private volatile bool _up;

        public SwitchableProxy(string connectionString)
        {
            var target = new NpgsqlConnectionStringBuilder(connectionString);
            _targetHost = target.Host!;
            _targetPort = target.Port;
            _listener.Start();
            var through = new NpgsqlConnectionStringBuilder(connectionString)
            {
                Host = "127.0.0.1",
                Port = ((IPEndPoint)_listener.LocalEndpoint).Port,
                Timeout = 2,
            };
            ConnectionString = through.ConnectionString;
            _accepting = AcceptAsync();
        }

        public string ConnectionString { get; }

        public bool Up
        {
            get => _up;
            set => _up = value;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            try
            {
                await _accepting;
            }
            catch (OperationCanceledException)
            {
            }
            catch (SocketException)
            {
            }
            catch (ObjectDisposedException)
            {
            }

            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                if (!_up)
                {
                    client.Dispose();
                    continue;
                }

                _ = ForwardAsync(client);
            }
        }

        private async Task ForwardAsync(TcpClient client)
        {
            using (client)
            using (var server = new TcpClient())
            {
                try
                {
                    await server.ConnectAsync(_targetHost, _targetPort, _stop.Token);
                    var upstream = client.GetStream().CopyToAsync(server.GetStream(), _stop.Token);
                    var downstream = server.GetStream().CopyToAsync(client.GetStream(), _stop.Token);
                    await Task.WhenAny(upstream, downstream);
                }
#pragma warning disable CA1031 // a connection that breaks ends its forwarding, nothing more
                catch (Exception)
#pragma warning restore CA1031
                {
                }
            }
        }
    }
}
