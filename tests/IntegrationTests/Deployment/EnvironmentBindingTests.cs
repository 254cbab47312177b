using System.Net;
using System.Text.Json;
using CoopApi.IntegrationTests.Support;
using CoopApi.WebApi.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace CoopApi.IntegrationTests.Deployment;

/// <summary>
/// The names deploy/ sets are the names the API reads. Every variable the Dockerfile, the compose
/// file and the Kubernetes manifests give the API is either one of CoopApi's settings (those of
/// appsettings.json, which docs/configuration.md lists) or one of a short list of framework
/// variables; a misspelt name is caught both here and, at start-up, by the API's own log. Then the
/// built API is started with exactly the compose and the Kubernetes environment (database and
/// ports pointed at the test's) and must migrate, become ready, log JSON with trace ids and serve
/// /metrics on its metrics port only.
/// </summary>
[Collection(SeparateProcessesCollection.Name)]
public sealed class EnvironmentBindingTests
{
    /// <summary>Variables read by .NET, ASP.NET Core or OpenTelemetry rather than by CoopApi's code.</summary>
    private static readonly HashSet<string> FrameworkVariables = new(StringComparer.Ordinal)
    {
        "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT",
        "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "AllowedHosts",
        "Logging__Console__FormatterName", "Logging__Console__FormatterOptions__IncludeScopes",
        "Logging__Console__FormatterOptions__UseUtcTimestamp", "Logging__Console__FormatterOptions__TimestampFormat",
        "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_SERVICE_NAME", "OTEL_RESOURCE_ATTRIBUTES",
    };

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    public static TheoryData<string> Sources() => ["dockerfile", "compose:migrate", "compose:admin-key", "compose:api", "k8s:Deployment", "k8s:Job"];

    [Theory]
    [MemberData(nameof(Sources))]
    public void EveryVariableOfTheDeployment_IsASettingOfTheApi_AndDocumented(string source)
    {
        var environment = Read(source);
        var documentation = File.ReadAllText(PostgresServer.FindScript("docs/configuration.md"));
        var helpers = DeploymentFiles.InterpolationHelpers(environment);

        var unknown = environment.Keys.Where(name => !helpers.Contains(name) && !IsSetting(name)).ToList();
        var undocumented = environment.Keys.Where(name => !helpers.Contains(name)
            && !documentation.Contains($"`{Documented(name)}`", StringComparison.Ordinal)).ToList();

        Assert.True(unknown.Count == 0, $"{source} sets variables the API does not read: {string.Join(", ", unknown)}");
        Assert.True(undocumented.Count == 0, $"docs/configuration.md does not list: {string.Join(", ", undocumented)}");
    }

    [Fact]
    public void AMisspeltName_IsNotASetting()
    {
        foreach (var name in Read("k8s:Deployment").Keys.Where(name => name.Contains("__", StringComparison.Ordinal)))
        {
            Assert.False(IsSetting(name + "x"), name + "x");
            Assert.False(IsSetting(name[..^1]), name[..^1]);
        }
    }

    [Fact]
    public async Task TheBuiltApi_RunsWithExactlyTheComposeEnvironment()
    {
        var database = await MigrateCommandTests.FreshDatabaseAsync();
        var (apiPort, metricsPort) = (ApiProcess.FreePort(), ApiProcess.FreePort());
        var migrate = await ApiProcess.RunAsync(Pointed(Read("compose:migrate"), database, apiPort, metricsPort), Patience, "migrate");
        Assert.True(migrate.Exit == 0, migrate.Stderr + migrate.Stdout);

        await using var api = ApiProcess.Start(Pointed(Read("compose:api"), database, apiPort, metricsPort));
        await AssertServesAsync(api, apiPort, metricsPort);
    }

    [Fact]
    public async Task TheBuiltApi_RunsWithExactlyTheKubernetesEnvironment()
    {
        var database = await MigrateCommandTests.FreshDatabaseAsync();
        var (apiPort, metricsPort) = (ApiProcess.FreePort(), ApiProcess.FreePort());
        var migrate = await ApiProcess.RunAsync(Pointed(Read("k8s:Job"), database, apiPort, metricsPort), Patience, "migrate");
        Assert.True(migrate.Exit == 0, migrate.Stderr + migrate.Stdout);

        await using var api = ApiProcess.Start(Pointed(Read("k8s:Deployment"), database, apiPort, metricsPort));
        await AssertServesAsync(api, apiPort, metricsPort);
    }

    private static async Task AssertServesAsync(ApiProcess api, int apiPort, int metricsPort)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{apiPort}/");
        Assert.True(await api.WaitUntilOkAsync(new Uri(baseAddress, "health/ready"), Patience), api.Output());
        using var client = new HttpClient { BaseAddress = baseAddress };

        using var anonymous = await client.GetAsync("api/v1/reference/enums");
        using var metricsOnTheApiPort = await client.GetAsync("metrics");
        var metrics = await client.GetStringAsync($"http://127.0.0.1:{metricsPort}/metrics");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        // The API port has no /metrics (without a credential: 401, as for any unknown path).
        Assert.NotEqual(HttpStatusCode.OK, metricsOnTheApiPort.StatusCode);
        Assert.DoesNotContain("http_server_request_duration", await metricsOnTheApiPort.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_bucket{", metrics, StringComparison.Ordinal);
        Assert.Contains("http_route=\"api/v1/reference/enums\"", metrics, StringComparison.Ordinal);
        Assert.Contains("db_client_connection_max{", metrics, StringComparison.Ordinal);
        var traceId = (await anonymous.ReadNodeAsync())["traceId"]!.GetValue<string>().Split('-')[1];
        await WaitForAsync(() => api.Stdout.Any(line => line.Contains(traceId, StringComparison.Ordinal)));
        // JSON lines, each with its trace id in the scopes of a request.
        var lines = api.Stdout.Where(line => line.Length > 0).ToList();
        Assert.All(lines, line => JsonDocument.Parse(line).Dispose());
        var requestLine = lines.First(line => line.Contains(traceId, StringComparison.Ordinal));
        using var entry = JsonDocument.Parse(requestLine);
        Assert.Contains(entry.RootElement.GetProperty("Scopes").EnumerateArray(),
            scope => scope.TryGetProperty("TraceId", out var id) && id.GetString() == traceId);
        Assert.DoesNotContain(lines, line => line.Contains("Unknown setting", StringComparison.Ordinal));
    }

    /// <summary>
    /// The environment with the database and the ports pointed at the test's: the connection
    /// strings (the replica's too) at <paramref name="database"/>, the API and metrics ports of
    /// <c>ASPNETCORE_URLS</c> and <c>Metrics__Port</c> at free loopback ports. Nothing else changes.
    /// </summary>
    private static Dictionary<string, string> Pointed(Dictionary<string, string> environment, string database, int apiPort, int metricsPort)
    {
        var pointed = new Dictionary<string, string>(environment, StringComparer.Ordinal);
        foreach (var name in environment.Keys.Where(n => n.StartsWith("ConnectionStrings__", StringComparison.Ordinal)))
        {
            pointed[name] = database;
        }

        if (pointed.TryGetValue("ASPNETCORE_URLS", out var urls))
        {
            pointed["ASPNETCORE_URLS"] = urls.Replace("+", "127.0.0.1", StringComparison.Ordinal)
                .Replace(":8080", $":{apiPort}", StringComparison.Ordinal)
                .Replace(":9464", $":{metricsPort}", StringComparison.Ordinal);
        }

        if (pointed.ContainsKey("Metrics__Port"))
        {
            pointed["Metrics__Port"] = metricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return pointed;
    }

    private static Dictionary<string, string> Read(string source) => source.Split(':') switch
    {
        ["dockerfile"] => DeploymentFiles.DockerfileEnvironment(),
        ["compose", var service] => DeploymentFiles.ComposeEnvironment(service),
        ["k8s", var kind] => DeploymentFiles.KubernetesEnvironment(kind),
        _ => throw new ArgumentException(source),
    };

    /// <summary>A framework variable, or a key the API knows (<see cref="UnknownSettings"/>, the API's own check).</summary>
    private static bool IsSetting(string name)
    {
        if (FrameworkVariables.Contains(name))
        {
            return true;
        }

        var key = name.Replace("__", ":", StringComparison.Ordinal);
        if (!UnknownSettings.Sections.Contains(key.Split(':')[0], StringComparer.Ordinal))
        {
            return false;
        }

        var contentRoot = Path.GetDirectoryName(ApiProcess.Assembly)!;
        Assert.True(File.Exists(Path.Combine(contentRoot, "appsettings.json")), "the API's appsettings.json is missing next to it");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, "x")]).Build();
        return UnknownSettings.Find(configuration, contentRoot).Count == 0;
    }

    /// <summary>How docs/configuration.md names a variable: list items by their list (<c>Cors__AllowedOrigins__0</c> → <c>Cors__AllowedOrigins__N</c>).</summary>
    private static string Documented(string name) =>
        string.Join("__", name.Split("__").Select(part => part.All(char.IsAsciiDigit) ? "N" : part));

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 50 && !condition(); i++)
        {
            await Task.Delay(100);
        }
    }
}
