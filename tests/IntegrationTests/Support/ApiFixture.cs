using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoopApi.IntegrationTests.Support;

/// <summary>
/// The API as it runs in production: real Kestrel on a free loopback port, real PostgreSQL
/// (one server per test run, see <see cref="PostgresServer"/>), a database of its own migrated
/// with the committed migrations and loaded with the reference and demo data. Shared by every
/// test class in the <see cref="ApiCollection"/>; tests create their own records and never
/// depend on each other's.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _factory;

    /// <summary>The OpenID Connect issuer the API trusts (tokens for tests).</summary>
    public TestOidcIssuer Issuer { get; private set; } = null!;

    /// <summary>An API key with every scope and every province, made as <c>create-admin-key</c> makes one.</summary>
    public string AdminKey { get; private set; } = "";

    /// <summary>Connection string of this run's database.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>Where the API listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The application's services (for tests that look inside).</summary>
    public IServiceProvider Services => _factory!.Services;

    public async Task InitializeAsync()
    {
        var server = await PostgresServer.GetAsync();
        ConnectionString = await server.CreateDatabaseAsync($"coopapi_it_{Guid.NewGuid():N}");
        Issuer = await TestOidcIssuer.StartAsync();
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            // A port of the kernel's choosing: another test run may hold Kestrel's default 5000.
            builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
            builder.UseSetting("ConnectionStrings:Default", ConnectionString);
            builder.UseSetting("Database:MigrateOnStartup", "true");
            builder.UseSetting("Database:SeedDemoData", "true");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            // Every test class shares this host (and the admin key): the rate limit is tested on a host of its own.
            builder.UseSetting("RateLimits:Enabled", "false");
            // Hosts a test starts on its own have ids of their own: none of them is this host's restart.
            builder.UseSetting("Import:InstanceId", "shared-test-host");
            builder.ConfigureServices(TestHooks.Install);
            builder.UseSetting("Auth:Oidc:Authority", Issuer.Issuer);
            builder.UseSetting("Auth:Oidc:Audience", TestOidcIssuer.Audience);
            builder.UseSetting("Auth:Oidc:RequireHttpsMetadata", "false");
        });
        factory.UseKestrel();
        factory.StartServer();
        _factory = factory;
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        AdminKey = await CoopApi.WebApi.Security.AdminKeyCommand.CreateAsync(factory.Services, "integration tests");
    }

    /// <summary>
    /// A client of the running API that sends the run's admin key (every scope, every province), as
    /// every real client sends a credential; <paramref name="language"/> sets Accept-Language.
    /// </summary>
    public HttpClient CreateClient(string? language = null) => CreateAdminClient(language);

    /// <summary>A client that sends no credential (open endpoints, 401 tests); <paramref name="language"/> sets Accept-Language.</summary>
    public HttpClient CreateAnonymousClient(string? language = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }

        return client;
    }

    /// <summary>A client that sends the test run's admin key (every scope, every province).</summary>
    public HttpClient CreateAdminClient(string? language = null) => WithKey(CreateAnonymousClient(language), AdminKey);

    /// <summary>Makes <paramref name="client"/> send <paramref name="apiKey"/> as <c>X-Api-Key</c> on every request.</summary>
    public static HttpClient WithKey(HttpClient client, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    /// <summary>Runs a scalar SQL query against this run's database (to check what was stored).</summary>
        public Task<T> ScalarAsync<T>(string sql, params object[] parameters) =>
        Sql.ScalarAsync<T>(ConnectionString, sql, parameters);

    /// <summary>Row counts of the register's tables, to prove a rejected request wrote nothing.</summary>
    public async Task<(long Cooperatives, long StatusChanges)> CountRowsAsync() =>
        (await ScalarAsync<long>("SELECT count(*) FROM cooperatives"),
         await ScalarAsync<long>("SELECT count(*) FROM status_changes"));

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (Issuer is not null)
        {
            await Issuer.DisposeAsync();
        }
    }
}

/// <summary>All integration test classes share one running API and database.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
