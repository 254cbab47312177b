using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoopApi.IntegrationTests.Http;

/// <summary>
/// An API instance of a test's own, on real Kestrel, with its own settings (a database that is
/// down, say) and every log entry recorded, for tests that must look at what the server logged.
/// </summary>
internal sealed class OwnHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    public OwnHost(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureLogging(logging => logging.AddProvider(new RecordingProvider(Logs)));
            if (services is not null)
            {
                builder.ConfigureServices(services);
            }
        });
        _factory.UseKestrel(0);
        try
        {
            _factory.StartServer();
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException("The API did not start: " + string.Join("\n",
                Logs.Where(e => e.Level >= LogLevel.Warning).Select(e => $"{e.Category} {e.Level}: {e.Message} {e.Exception}")), ex);
        }

        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
    }

    public Uri BaseAddress { get; }

    /// <summary>Every log entry the server wrote, in order.</summary>
    public ConcurrentQueue<LogEntry> Logs { get; } = new();

    /// <summary>A client that sends <paramref name="apiKey"/>, or no credential when null.</summary>
    public HttpClient CreateClient(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        return apiKey is null ? client : Support.ApiFixture.WithKey(client, apiKey);
    }

    /// <summary>A client with a new national key of every scope (the host's database must be up).</summary>
    public async Task<HttpClient> CreateAdminClientAsync() =>
        CreateClient(await CoopApi.WebApi.Security.AdminKeyCommand.CreateAsync(_factory.Services, "own host"));

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    internal sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception);

    private sealed class RecordingProvider(ConcurrentQueue<LogEntry> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, logs);

        public void Dispose()
        {
        }
    }

    private sealed class Recorder(string category, ConcurrentQueue<LogEntry> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), exception));
    }
}
