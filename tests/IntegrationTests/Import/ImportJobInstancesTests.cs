using CoopApi.IntegrationTests.Http;
using CoopApi.IntegrationTests.Support;
using Npgsql;
using static CoopApi.IntegrationTests.Import.ImportApi;

namespace CoopApi.IntegrationTests.Import;

/// <summary>
/// Several API instances on one database: a background import belongs to the instance that
/// received its file. Only that instance runs it; another instance starting leaves it alone while
/// its owner's heartbeat is fresh, and fails it once the heartbeat is older than the lease (the
/// owner is gone for good), so no job stays queued or running forever.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ImportJobInstancesTests(ApiFixture fixture)
{
    [Fact]
    public async Task AJobQueuedByInstanceA_IsNeverClaimedByInstanceB()
    {
        var owner = "instance-a-" + TestData.UniqueToken();
        var id = await InsertJobAsync("queued", owner, heartbeatAgo: TimeSpan.Zero);
        try
        {
            // A's heartbeat is not refreshed here (A is not started): B's lease is long enough that B leaves it be.
            await using var b = Host("instance-b-" + TestData.UniqueToken(), leaseSeconds: 60);
            using var client = await b.CreateAdminClientAsync();

            await Task.Delay(TimeSpan.FromSeconds(2)); // eight polls of B's worker

            var job = await client.GetFromJsonNodeAsync($"api/v1/import-jobs/{id}");
            Assert.True((string)job["state"]! == "queued", job.ToJsonString());
            Assert.Null((string?)job["startedAt"]);
        }
        finally
        {
            await DeleteJobAsync(id);
        }
    }

    [Fact]
    public async Task InstanceBStarting_LeavesTheRunningJobOfALiveInstanceA()
    {
        var ownerA = "instance-a-" + TestData.UniqueToken();
        await using var a = Host(ownerA);
        // A runs a job (its worker keeps the heartbeat of A's jobs fresh every half second).
        var id = await InsertJobAsync("running", ownerA, heartbeatAgo: TimeSpan.Zero);
        try
        {
            await using var b = Host("instance-b-" + TestData.UniqueToken());
            using var client = await b.CreateAdminClientAsync();

            await Task.Delay(TimeSpan.FromSeconds(3)); // longer than B's lease: only A's heartbeats keep it

            var job = await client.GetFromJsonNodeAsync($"api/v1/import-jobs/{id}");
            Assert.True((string)job["state"]! == "running", job.ToJsonString());
            Assert.Null((string?)job["error"]);
        }
        finally
        {
            await DeleteJobAsync(id);
        }
    }

    [Theory]
    [InlineData("running")]
    [InlineData("queued")]
    public async Task AJobWhoseOwnerStoppedBeatingLongerThanTheLease_IsFailedByAnotherInstance(string state)
    {
        var gone = "replaced-pod-" + TestData.UniqueToken();
        var id = await InsertJobAsync(state, gone, heartbeatAgo: TimeSpan.FromMinutes(10));
        await using var b = Host("instance-b-" + TestData.UniqueToken());
        using var client = await b.CreateAdminClientAsync();

        var job = await WaitForJobAsync(client, new Uri($"api/v1/import-jobs/{id}", UriKind.Relative));

        Assert.Equal("failed", (string)job["state"]!);
        Assert.Contains("heartbeat lapsed", (string)job["error"]!, StringComparison.Ordinal);
        Assert.NotNull((string?)job["finishedAt"]);
    }

    [Fact]
    public async Task AnInstanceRestarting_FailsItsOwnQueuedAndRunningJobs_AtOnce_AndDeletesTheirFiles()
    {
        var self = "instance-a-" + TestData.UniqueToken();
        var spooled = Path.GetTempFileName();
        var queued = await InsertJobAsync("queued", self, heartbeatAgo: TimeSpan.Zero, filePath: spooled);
        var running = await InsertJobAsync("running", self, heartbeatAgo: TimeSpan.Zero);

        await using var restarted = Host(self, leaseSeconds: 60);
        using var client = await restarted.CreateAdminClientAsync();

        foreach (var id in new[] { queued, running })
        {
            var job = await client.GetFromJsonNodeAsync($"api/v1/import-jobs/{id}");
            Assert.True((string)job["state"]! == "failed", job.ToJsonString());
            Assert.Contains("restart", (string)job["error"]!, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(spooled));
    }

    private OwnHost Host(string instanceId, int leaseSeconds = 2) => new(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Default"] = fixture.ConnectionString,
        ["urls"] = "http://127.0.0.1:0", // a port of the kernel's choosing: two hosts run at once
        ["Import:InstanceId"] = instanceId,
        ["Import:JobLeaseSeconds"] = leaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    private async Task<Guid> InsertJobAsync(string state, string owner, TimeSpan heartbeatAgo, string filePath = "/nonexistent")
    {
        var id = Guid.CreateVersion7();
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand(
            "INSERT INTO import_jobs (id, state, format, atomic, dry_run, file_path, scopes, provinces, language, rows_read, "
            + "created_at, started_at, owner_instance, heartbeat_at) VALUES ($1, $2, 'csv', true, false, $5, '{}', '{*}', 'en', 0, "
            + "now() - $4, CASE WHEN $2 = 'running' THEN now() - $4 END, $3, now() - $4)", connection);
        insert.Parameters.AddWithValue(id);
        insert.Parameters.AddWithValue(state);
        insert.Parameters.AddWithValue(owner);
        insert.Parameters.AddWithValue(heartbeatAgo);
        insert.Parameters.AddWithValue(filePath);
        await insert.ExecuteNonQueryAsync();
        return id;
    }

    private async Task DeleteJobAsync(Guid id)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var delete = new NpgsqlCommand("DELETE FROM import_jobs WHERE id = $1", connection);
        delete.Parameters.AddWithValue(id);
        await delete.ExecuteNonQueryAsync();
    }
}
