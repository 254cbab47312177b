using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Cooperatives;
using CoopApi.IntegrationTests.Support;
using CoopApi.WebApi.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;
using static CoopApi.IntegrationTests.Cooperatives.CooperativesApi;

namespace CoopApi.IntegrationTests.Http;

/// <summary>
/// Faults answered right: the database out of reach is 503 with Retry-After in the problem shape;
/// a lost unique-key race is a 409 that nobody logs as an error; start-up on a taken port says so
/// in one line. These tests host the API themselves, so they run alone, after the shared API of
/// <see cref="ApiCollection"/> is gone: two live test hosts of one entry point in one process
/// interfere (the test host finds the app's host through process-wide build events).
/// </summary>
[Collection(OwnHostCollection.Name)]
public sealed class FaultTests
{
    [Fact]
    public async Task DatabaseOutOfReach_Is503Problem_WithRetryAfter_LoggedOnceWithoutStackTrace()
    {
        // Port 1 on loopback: nothing listens, every connection is refused.
        await using var host = new OwnHost(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = "Host=127.0.0.1;Port=1;Database=coopapi;Username=coopapi;Password=x;Timeout=2",
            ["Database:MigrateOnStartup"] = "false",
        });
        // A well-formed key: checking it needs the database, so the answer is 503, not 401.
        using var client = host.CreateClient("coop_abcdefgh_" + new string('A', 43));

        var response = await client.GetAsync($"{Route}?pageSize=1");

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(text)!;
        Assert.Equal("databaseUnavailable", (string?)body["code"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)body["detail"]));
        Assert.False(string.IsNullOrWhiteSpace((string?)body["traceId"]));
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, response.Headers.RetryAfter?.ToString());
        var errors = host.Logs.Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Category}: {e.Message}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Single(host.Logs, e => e.Category.StartsWith("CoopApi", StringComparison.Ordinal) && e.Level == LogLevel.Warning);
    }

    public static TheoryData<string, Exception> Outages => new()
    {
        { "refused", new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)) },
        { "timeout", new NpgsqlException("Exception while connecting", new TimeoutException()) },
        { "retries exhausted", new RetryLimitExceededException("Maximum retries", new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))) },
        { "wrapped by EF", new InvalidOperationException("An exception has been raised that is likely due to a transient failure.",
            new NpgsqlException("Exception while reading from stream", new TimeoutException())) },
        { "bare socket", new SocketException((int)SocketError.HostUnreachable) },
    };

    [Theory]
    [MemberData(nameof(Outages))]
    public void DatabaseFaults_RecognizeAnOutage(string @case, Exception exception)
    {
        Assert.True(DatabaseFaults.IsUnavailable(exception), @case);
    }

    [Fact]
    public void DatabaseFaults_DoNotTakeABugForAnOutage()
    {
        Assert.False(DatabaseFaults.IsUnavailable(new InvalidOperationException("bug")));
        Assert.False(DatabaseFaults.IsUnavailable(new TimeoutException("not the database")));
    }

    [Fact]
    public async Task LostUniqueKeyRace_Is409_AndNothingIsLoggedAsAnError()
    {
        var server = await PostgresServer.GetAsync();
        var connectionString = await server.CreateDatabaseAsync($"coopapi_it_{Guid.NewGuid():N}");
        await using var host = new OwnHost(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = connectionString,
            ["Database:MigrateOnStartup"] = "true",
            ["Database:SeedDemoData"] = "false",
        });
        using var client = await host.CreateAdminClientAsync();
        var statuses = new List<HttpStatusCode>();

        // Many writers race for one code, round after round, until some lost at the unique index.
        for (var round = 0; round < 5; round++)
        {
            var code = TestData.UniqueRegistrationCode();
            var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ =>
            {
                var body = TestData.NewCooperative();
                body["registrationCode"] = code;
                return client.PostJsonAsync(body);
            }));
            statuses.AddRange(responses.Select(r => r.StatusCode));
        }

        Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.Created));
        var errors = host.Logs.Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Category}: {e.Message}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task StartOnATakenPort_SaysSoInOneLine_AndExitsWith1()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var webApi = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [webApi])
        {
            WorkingDirectory = Path.GetDirectoryName(webApi)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Database__MigrateOnStartup"] = "false",
                ["ConnectionStrings__Default"] = "Host=127.0.0.1;Port=1;Database=x;Username=x;Password=x",
            },
        };

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        var output = (await stdout + await stderr).Trim();

        Assert.True(process.ExitCode == 1, $"exit code {process.ExitCode}: {output}");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, output);
        var line = lines[0];
        Assert.Contains($"port {port}", line, StringComparison.Ordinal);
        Assert.Contains("ASPNETCORE_URLS", line, StringComparison.Ordinal);
    }
}

/// <summary>Tests that start their own API instance: run without parallelism, after the others.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OwnHostCollection
{
    public const string Name = "own host";
}
