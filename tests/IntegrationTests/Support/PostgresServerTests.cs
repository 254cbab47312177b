using Npgsql;

namespace CoopApi.IntegrationTests.Support;

public sealed class PostgresServerTests
{
    [Fact]
    public async Task Server_creates_a_database_on_PostgreSQL_15_or_later_with_unaccent_and_pg_trgm()
    {
        var server = await PostgresServer.GetAsync();
        var connectionString = await server.CreateDatabaseAsync("coopapi_support_" + Guid.NewGuid().ToString("N"));

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        await using var version = new NpgsqlCommand(
            "SELECT current_setting('server_version_num')::int >= 150000", connection);
        Assert.True((bool)(await version.ExecuteScalarAsync())!, $"PostgreSQL 15+ expected ({server.Description})");

        await using var extensions = new NpgsqlCommand(
            "SELECT count(*) FROM pg_available_extensions WHERE name IN ('unaccent', 'pg_trgm')", connection);
        Assert.Equal(2L, (long)(await extensions.ExecuteScalarAsync())!);

        Assert.Contains(server.Source, new[] { "environment", "testcontainers", "local-binaries" });
    }

    [Fact]
    public async Task GetAsync_returns_the_same_server_every_time()
    {
        var first = await PostgresServer.GetAsync();
        var others = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostgresServer.GetAsync()));

        Assert.All(others, other => Assert.Same(first, other));
    }
}
