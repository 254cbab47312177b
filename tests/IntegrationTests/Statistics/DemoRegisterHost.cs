using CoopApi.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoopApi.IntegrationTests.StatisticsApi;

/// <summary>
/// The tests on the <see cref="DemoRegisterHost"/>: they run alone, after every other collection.
/// Its start loads the demo data in one long transaction, and the change feed of every other
/// host on the same PostgreSQL server waits for the oldest running transaction of the server
/// (its fence, <c>pg_snapshot_xmin</c>, is server-wide): run in parallel, that load would hold
/// back their feeds.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DemoRegisterCollection : ICollectionFixture<DemoRegisterHost>
{
    public const string Name = "demo register";
}

/// <summary>
/// An API of its own (real Kestrel, its own database) holding the demo data and nothing else, so
/// that statistics can be checked against the seed figures exactly: in the shared host other test
/// classes register organizations in the same provinces. Tests of this class only read.
/// </summary>
public sealed class DemoRegisterHost : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _factory;

    /// <summary>Where the API listens.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>A national key with every scope.</summary>
    public string AdminKey { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var server = await PostgresServer.GetAsync();
        var connectionString = await server.CreateDatabaseAsync($"coopapi_stats_{Guid.NewGuid():N}");
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
            builder.UseSetting("ConnectionStrings:Default", connectionString);
            builder.UseSetting("Database:MigrateOnStartup", "true");
            builder.UseSetting("Database:SeedDemoData", "true");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("RateLimits:Enabled", "false");
        });
        factory.UseKestrel();
        factory.StartServer();
        _factory = factory;
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        AdminKey = await CoopApi.WebApi.Security.AdminKeyCommand.CreateAsync(factory.Services, "statistics tests");
    }

    /// <summary>A client sending the admin key.</summary>
    public HttpClient CreateClient() => ApiFixture.WithKey(new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) }, AdminKey);

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}
