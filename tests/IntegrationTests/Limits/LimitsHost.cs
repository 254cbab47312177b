using CoopApi.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoopApi.IntegrationTests.Limits;

/// <summary>
/// An API of its own (real Kestrel, its own database) with a tiny rate limit,
/// <see cref="PermitLimit"/> requests per client in a window of an hour (so that no window ends
/// during a test), and one allowed CORS origin, <see cref="AllowedOrigin"/>. Callers name
/// themselves with <see cref="TestHooks.ClientHeader"/>; each test uses clients of its own.
/// </summary>
public sealed class LimitsHost : IAsyncLifetime
{
    public const int PermitLimit = 3;

    public const int WindowSeconds = 3600;

    public const string AllowedOrigin = "https://dashboard.example.vn";

    private WebApplicationFactory<Program>? _factory;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var server = await PostgresServer.GetAsync();
        var connectionString = await server.CreateDatabaseAsync($"coopapi_limits_{Guid.NewGuid():N}");
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
            builder.UseSetting("ConnectionStrings:Default", connectionString);
            builder.UseSetting("Database:MigrateOnStartup", "true");
            builder.UseSetting("Database:SeedDemoData", "false");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("RateLimits:PermitLimit", PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("RateLimits:WindowSeconds", WindowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Cors:AllowedOrigins:0", AllowedOrigin);
            builder.ConfigureServices(TestHooks.Install);
        });
        factory.UseKestrel();
        factory.StartServer();
        _factory = factory;
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        AdminKey = await CoopApi.WebApi.Security.AdminKeyCommand.CreateAsync(factory.Services, "limits tests");
    }

    /// <summary>A national key with every scope, sent by every named client of this host.</summary>
    public string AdminKey { get; private set; } = "";

    /// <summary>
    /// A client acting as <paramref name="client"/> (the admin key, renamed by
    /// <see cref="TestHooks.ClientHeader"/>), or anonymous (no credential) when null.
    /// </summary>
    public HttpClient CreateClient(string? client = null)
    {
        var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (client is not null)
        {
            ApiFixture.WithKey(http, AdminKey);
            http.DefaultRequestHeaders.Add(TestHooks.ClientHeader, client);
        }

        return http;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}
