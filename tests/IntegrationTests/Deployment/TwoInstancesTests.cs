using System.Net;
using System.Net.Http.Json;
using CoopApi.IntegrationTests.Support;

namespace CoopApi.IntegrationTests.Deployment;

/// <summary>
/// Two processes of the built API against one database, as two replicas behind a load balancer:
/// what keeps writes safe lives in PostgreSQL, not in one process's memory. The same
/// Idempotency-Key sent to both (one after the other, or at once) makes one record; an If-Match
/// that the other instance already made stale gets 412.
/// </summary>
[Collection(SeparateProcessesCollection.Name)]
public sealed class TwoInstancesTests(TwoInstancesTests.Instances instances) : IClassFixture<TwoInstancesTests.Instances>
{
    [Fact]
    public async Task TheSameIdempotencyKey_OnBothInstances_OneAfterTheOther_MakesOneRecord()
    {
        var body = TestData.NewCooperative();
        var key = Guid.NewGuid().ToString();

        using var first = await PostAsync(instances.A, body, key);
        using var second = await PostAsync(instances.B, body, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal("true", second.Headers.TryGetValues("Idempotent-Replayed", out var replayed) ? replayed.Single() : null);
        Assert.Equal((await first.ReadNodeAsync())["id"]!.ToString(), (await second.ReadNodeAsync())["id"]!.ToString());
        Assert.Equal(1L, await instances.CountAsync((string)body["registrationCode"]!));
    }

    [Fact]
    public async Task TheSameIdempotencyKey_OnBothInstances_AtOnce_MakesOneRecord()
    {
        var body = TestData.NewCooperative();
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(PostAsync(instances.A, body, key), PostAsync(instances.B, body, key));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.ReadNodeAsync())["id"]!.ToString()));
        Assert.Single(ids.Distinct());
        Assert.Equal(1L, await instances.CountAsync((string)body["registrationCode"]!));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task AnIfMatch_MadeStaleByTheOtherInstance_Gets412()
    {
        var created = await TestData.CreateAsync(instances.A);
        var id = created["id"]!.ToString();
        using var read = await instances.B.GetAsync($"api/v1/cooperatives/{id}");
        var etag = read.Headers.ETag!.Tag;
        var update = CoopApi.IntegrationTests.Cooperatives.CooperativesApi.UpdateBodyFrom(created);
        update["memberCount"] = 41;

        using var onA = await PutAsync(instances.A, id, update, etag);
        update["memberCount"] = 42;
        using var onB = await PutAsync(instances.B, id, update, etag);

        Assert.Equal(HttpStatusCode.OK, onA.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, onB.StatusCode);
        using var after = await instances.B.GetAsync($"api/v1/cooperatives/{id}");
        Assert.Equal(onA.Headers.ETag!.Tag, after.Headers.ETag!.Tag);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, System.Text.Json.Nodes.JsonObject body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/cooperatives") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, string id, System.Text.Json.Nodes.JsonObject body, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"api/v1/cooperatives/{id}") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request);
    }

    /// <summary>One migrated database (the migrate command), an admin key, two API processes on it.</summary>
    public sealed class Instances : IAsyncLifetime
    {
        private ApiProcess? a;
        private ApiProcess? b;

        public HttpClient A { get; private set; } = null!;

        public HttpClient B { get; private set; } = null!;

        public string ConnectionString { get; private set; } = "";

        public async Task InitializeAsync()
        {
            ConnectionString = await MigrateCommandTests.FreshDatabaseAsync();
            var environment = MigrateCommandTests.Environment(ConnectionString);
            var key = await ApiProcess.RunAsync(environment, TimeSpan.FromMinutes(3), "create-admin-key", "--name", "two instances");
            Assert.True(key.Exit == 0, key.Stderr);
            (a, A) = await ApiProcess.StartReadyAsync(environment, key.Stdout.Trim());
            (b, B) = await ApiProcess.StartReadyAsync(environment, key.Stdout.Trim());
        }

        public async Task<long> CountAsync(string registrationCode)
        {
            await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM cooperatives WHERE registration_code = $1", connection);
            command.Parameters.AddWithValue(registrationCode);
            return (long)(await command.ExecuteScalarAsync())!;
        }

        public async Task DisposeAsync()
        {
            A?.Dispose();
            B?.Dispose();
            if (a is not null)
            {
                await a.DisposeAsync();
            }

            if (b is not null)
            {
                await b.DisposeAsync();
            }
        }
    }
}
