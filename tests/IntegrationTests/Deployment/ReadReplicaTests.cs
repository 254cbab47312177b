using System.Net;
using CoopApi.IntegrationTests.Support;

namespace CoopApi.IntegrationTests.Deployment;

/// <summary>
/// <c>ConnectionStrings:ReadOnly</c>: the SQL read side's queries go to that server, commands to
/// the primary. The "replica" here is a second database, migrated but never written to by the
/// API, so whatever a GET shows tells which server answered it: a record just registered is on
/// the primary only, a GET of it is 404 (the replica has not got it: a lag that never ends) and
/// with <c>X-Read-Consistency: strong</c> it is 200 (read from the primary: read-your-writes).
/// </summary>
[Collection(SeparateProcessesCollection.Name)]
public sealed class ReadReplicaTests(ReadReplicaTests.PrimaryAndReplica servers) : IClassFixture<ReadReplicaTests.PrimaryAndReplica>
{
    [Fact]
    public async Task ACommand_WritesToThePrimary_AndAnswersFromIt()
    {
        var body = TestData.NewCooperative();

        using var response = await servers.Client.PostAsync("api/v1/cooperatives", new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("strong", Consistency(response));
        Assert.Equal(1L, await PrimaryAndReplica.CountAsync(servers.Primary, (string)body["registrationCode"]!));
        Assert.Equal(0L, await PrimaryAndReplica.CountAsync(servers.Replica, (string)body["registrationCode"]!));
    }

    [Fact]
    public async Task AGet_ReadsFromTheReplica_UnlessItAsksForStrongConsistency()
    {
        var created = await TestData.CreateAsync(servers.Client);
        var path = $"api/v1/cooperatives/{created["id"]}";

        using var eventual = await servers.Client.GetAsync(path);
        using var strongRequest = new HttpRequestMessage(HttpMethod.Get, path);
        strongRequest.Headers.Add("X-Read-Consistency", "strong");
        using var strong = await servers.Client.SendAsync(strongRequest);

        Assert.Equal(HttpStatusCode.NotFound, eventual.StatusCode);
        Assert.Equal("eventual", Consistency(eventual));
        Assert.Equal(HttpStatusCode.OK, strong.StatusCode);
        Assert.Equal("strong", Consistency(strong));
        Assert.Equal((string)created["registrationCode"]!, (string)(await strong.ReadNodeAsync())["registrationCode"]!);
    }

    [Fact]
    public async Task TheReplica_AnswersListsAndReferenceData()
    {
        using var provinces = await servers.Client.GetAsync("api/v1/administrative-units/provinces");

        Assert.Equal(HttpStatusCode.OK, provinces.StatusCode);
        Assert.Equal("eventual", Consistency(provinces));
        Assert.Equal(34, (await provinces.ReadNodeAsync()).AsArray().Count);
    }

    private static string? Consistency(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Read-Consistency", out var values) ? values.Single() : null;

    /// <summary>Two migrated databases (the migrate command), the API on the first with the second as its replica.</summary>
    public sealed class PrimaryAndReplica : IAsyncLifetime
    {
        private ApiProcess? api;

        public string Primary { get; private set; } = "";

        public string Replica { get; private set; } = "";

        public HttpClient Client { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Primary = await MigrateCommandTests.FreshDatabaseAsync();
            Replica = await MigrateCommandTests.FreshDatabaseAsync();
            var key = await ApiProcess.RunAsync(MigrateCommandTests.Environment(Primary), TimeSpan.FromMinutes(3), "create-admin-key", "--name", "replica tests");
            Assert.True(key.Exit == 0, key.Stderr);
            var migrate = await ApiProcess.RunAsync(MigrateCommandTests.Environment(Replica), TimeSpan.FromMinutes(3), "migrate");
            Assert.True(migrate.Exit == 0, migrate.Stderr);
            var port = ApiProcess.FreePort();
            api = ApiProcess.Start(MigrateCommandTests.Environment(Primary,
                ("ConnectionStrings__ReadOnly", Replica),
                ("ASPNETCORE_URLS", $"http://127.0.0.1:{port}"),
                ("Database__MigrateOnStartup", "false")));
            Client = ApiFixture.WithKey(new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(60) }, key.Stdout.Trim());
            Assert.True(await api.WaitUntilOkAsync(new Uri(Client.BaseAddress!, "health/ready"), TimeSpan.FromMinutes(3)), api.Output());
        }

        public static async Task<long> CountAsync(string database, string registrationCode)
        {
            await using var connection = new Npgsql.NpgsqlConnection(database);
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM cooperatives WHERE registration_code = $1", connection);
            command.Parameters.AddWithValue(registrationCode);
            return (long)(await command.ExecuteScalarAsync())!;
        }

        public async Task DisposeAsync()
        {
            Client?.Dispose();
            if (api is not null)
            {
                await api.DisposeAsync();
            }
        }
    }
}
