using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CoopApi.IntegrationTests.Deployment;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.Import.ImportApi;

namespace CoopApi.IntegrationTests.Import;

/// <summary>
/// The API process killed (SIGKILL) in the middle of a background import: its transaction dies
/// with it, so nothing of the file is in the register, although batches of new rows were already
/// copied into it; the restarted process (same instance id) marks the job failed at once.
/// </summary>
[Collection(SeparateProcessesCollection.Name)]
public sealed class ImportKillTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task KilledMidImport_LeavesNothing_AndTheRestartedProcessMarksTheJobFailed()
    {
        var connectionString = await MigrateCommandTests.FreshDatabaseAsync();
        var environment = MigrateCommandTests.Environment(connectionString, ("Import__InstanceId", "killed-mid-import"),
            ("RateLimits__Enabled", "false"));
        var key = await ApiProcess.RunAsync(environment, Patience, "create-admin-key", "--name", "kill test");
        Assert.True(key.Exit == 0, key.Stderr);
        var token = TestData.UniqueToken();
        var prefix = Random.Shared.Next(10, 99);
        var csv = new StringBuilder(EnglishHeader).Append("\r\n");
        for (var i = 0; i < 60_000; i++)
        {
            csv.Append(Row($"{prefix}{i:D8}", $"Hợp tác xã Tân Tiến {token} số {i}")).Append("\r\n");
        }

        Uri location;
        var (api, client) = await ApiProcess.StartReadyAsync(environment, key.Stdout.Trim());
        await using (api)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, ImportRoute) { Content = new StringContent(csv.ToString(), Encoding.UTF8) };
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
            request.Headers.TryAddWithoutValidation("Prefer", "respond-async");
            using var accepted = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            location = accepted.Headers.Location!;

            // Killed once at least two batches were judged and copied, long before the last one.
            var until = DateTime.UtcNow + Patience;
            while (true)
            {
                var job = await client.GetFromJsonNodeAsync(location.ToString());
                Assert.Contains((string?)job["state"], new[] { "queued", "running" });
                if ((int)job["rowsRead"]! >= 2 * Application.Import.Commands.ImportCooperatives.ImportCooperativesCommandHandler.BatchSize)
                {
                    break;
                }

                Assert.True(DateTime.UtcNow < until, "the job read no rows in time");
                await Task.Delay(100);
            }
        } // DisposeAsync: Process.Kill, SIGKILL on Linux

        client.Dispose();
        Assert.Equal(0L, await MigrateCommandTests.ScalarAsync<long>(connectionString,
            $"SELECT count(*) FROM cooperatives WHERE name LIKE '%{token}%'"));
        Assert.Equal(0L, await MigrateCommandTests.ScalarAsync<long>(connectionString, "SELECT count(*) FROM domain_events WHERE aggregate_type = 'cooperative'"));
        Assert.Equal("running", await MigrateCommandTests.ScalarAsync<string>(connectionString, "SELECT state FROM import_jobs"));

        var (restarted, again) = await ApiProcess.StartReadyAsync(environment, key.Stdout.Trim());
        await using (restarted)
        using (again)
        {
            var job = await again.GetFromJsonNodeAsync(location.ToString());

            Assert.Equal("failed", (string?)job["state"]);
            Assert.Equal(0L, await MigrateCommandTests.ScalarAsync<long>(connectionString,
                $"SELECT count(*) FROM cooperatives WHERE name LIKE '%{token}%'"));
        }
    }
}
