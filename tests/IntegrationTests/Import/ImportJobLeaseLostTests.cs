using System.Text;
using CoopApi.Application.Import.Commands.ImportCooperatives;
using CoopApi.IntegrationTests.Http;
using CoopApi.IntegrationTests.Support;
using Npgsql;
using static CoopApi.IntegrationTests.Import.ImportApi;

namespace CoopApi.IntegrationTests.Import;

/// <summary>
/// An instance that loses the lease of the job it is running (another instance took it over and
/// marked it failed because the owner's heartbeat looked older than <c>Import:JobLeaseSeconds</c>)
/// cancels its import: the import's transaction rolls back, so nothing of the file is written,
/// although batches of new rows were already copied, and the job stays failed.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ImportJobLeaseLostTests(ApiFixture fixture)
{
    [Fact]
    public async Task AnInstanceThatLosesTheLeaseOfItsRunningImport_CancelsIt_WritesNothing_AndTheJobEndsFailed()
    {
        var owner = "instance-a-" + TestData.UniqueToken();
        await using var a = new OwnHost(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = fixture.ConnectionString,
            ["urls"] = "http://127.0.0.1:0",
            ["RateLimits:Enabled"] = "false",
            ["Import:InstanceId"] = owner,
            ["Import:JobLeaseSeconds"] = "2", // A beats every half second, so it learns of the loss at once
        });
        using var client = await a.CreateAdminClientAsync();
        var token = TestData.UniqueToken();
        var prefix = Random.Shared.Next(10, 99);
        var csv = new StringBuilder(EnglishHeader).Append("\r\n");
        for (var i = 0; i < 60_000; i++) // far more than A imports in the time the test takes
        {
            csv.Append(Row($"{prefix}{i:D8}", $"Hợp tác xã Tân Tiến {token} số {i}")).Append("\r\n");
        }

        var (status, body, accepted) = await PostCsvAsync(client, csv.ToString(), respondAsync: true);
        Assert.True(status == System.Net.HttpStatusCode.Accepted, body.ToJsonString());
        var location = accepted.Headers.Location!.ToString();
        accepted.Dispose();
        var id = Guid.Parse(location[(location.LastIndexOf('/') + 1)..]);
        // Running, with at least two batches of new rows copied into the register inside its transaction.
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var job = await client.GetFromJsonNodeAsync(location);
            Assert.True((string?)job["state"] is "queued" or "running", job.ToJsonString());
            if ((int)job["rowsRead"]! >= 2 * ImportCooperativesCommandHandler.BatchSize)
            {
                break;
            }

            Assert.True(DateTime.UtcNow < until, "the job read no rows in time");
            await Task.Delay(100);
        }

        var spooled = await TakeOverAsync(id);

        // A stops the import: its spooled file goes once the import's scope (and transaction) is gone.
        until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (File.Exists(spooled))
        {
            Assert.True(DateTime.UtcNow < until, "instance A did not stop the import");
            await Task.Delay(100);
        }

        Assert.Equal(0, await CountAsync(client, token));
        var ended = await client.GetFromJsonNodeAsync(location);
        Assert.True((string)ended["state"]! == "failed", ended.ToJsonString());
        Assert.Contains("heartbeat lapsed", (string)ended["error"]!, StringComparison.Ordinal);
        Assert.Null(ended["report"]);
        Assert.Contains(a.Logs, e => e.Message.Contains($"Import job {id} was failed by another instance", StringComparison.Ordinal));
    }

    /// <summary>
    /// What another instance does to a job whose owner's heartbeat lapsed (its lease check): the job
    /// becomes failed with the "heartbeat lapsed" message. Returns the job's spooled file.
    /// </summary>
    private async Task<string> TakeOverAsync(Guid id)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var update = new NpgsqlCommand(
            "UPDATE import_jobs SET state = 'failed', finished_at = now(), error = 'The API instance that received the file stopped "
            + "(its heartbeat lapsed); nothing of it was written. Send the file again.' WHERE id = $1 AND state = 'running' RETURNING file_path",
            connection);
        update.Parameters.AddWithValue(id);
        var path = await update.ExecuteScalarAsync();
        Assert.True(path is string, "the job was not running when another instance took it over");
        return (string)path!;
    }
}
