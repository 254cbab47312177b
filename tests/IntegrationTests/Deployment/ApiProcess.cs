using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CoopApi.IntegrationTests.Support;

namespace CoopApi.IntegrationTests.Deployment;

/// <summary>
/// The built API binary (<c>CoopApi.WebApi.dll</c>, the same assembly a publish copies) run as a
/// process of its own, with exactly the environment a test gives it: nothing of the test process's
/// environment that configures .NET or the API leaks in.
/// </summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> stdout = new();
    private readonly ConcurrentQueue<string> stderr = new();

    private ApiProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { stdout.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { stderr.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Lines written to stdout so far.</summary>
    public IReadOnlyList<string> Stdout => [.. stdout];

    /// <summary>Lines written to stderr so far.</summary>
    public IReadOnlyList<string> Stderr => [.. stderr];

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>
    /// Path of the API assembly to run: the published output named by
    /// <c>COOPAPI_PUBLISHED_API</c> (./test.sh publishes the API and sets it, so the tests run what
    /// the image copies), else the built assembly of the test's own reference (an IDE run).
    /// </summary>
    public static string Assembly =>
        Environment.GetEnvironmentVariable("COOPAPI_PUBLISHED_API") is { Length: > 0 } published
            ? File.Exists(published) ? published : throw new InvalidOperationException($"COOPAPI_PUBLISHED_API names no file: {published}")
            : typeof(Program).Assembly.Location;

    /// <summary>Starts <c>dotnet CoopApi.WebApi.dll args…</c> with <paramref name="environment"/> only (plus PATH and HOME).</summary>
    public static ApiProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(Assembly)!, // the content root, as WORKDIR /app in the image
        };
        start.ArgumentList.Add(Assembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Clear();
        foreach (var name in new[] { "PATH", "HOME", "DOTNET_ROOT", "TMPDIR" })
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                start.Environment[name] = value;
            }
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new ApiProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>Runs a command of the binary to its end (at most <paramref name="timeout"/>).</summary>
    public static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(IReadOnlyDictionary<string, string> environment, TimeSpan timeout, params string[] args)
    {
        await using var run = Start(environment, args);
        using var cancel = new CancellationTokenSource(timeout);
        await run.process.WaitForExitAsync(cancel.Token);
        run.process.WaitForExit(); // drains the asynchronous readers
        return (run.ExitCode, string.Join('\n', run.Stdout), string.Join('\n', run.Stderr));
    }

    /// <summary>Waits until <paramref name="url"/> answers 200 (or the process exits, or the time is up).</summary>
    public async Task<bool> WaitUntilOkAsync(Uri url, TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until && !process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync(url);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy machine
            }

            await Task.Delay(200);
        }

        return false;
    }

    /// <summary>Everything the process wrote, for assertion messages.</summary>
    public string Output() => "stdout:\n" + string.Join('\n', stdout) + "\nstderr:\n" + string.Join('\n', stderr);

    /// <summary>A TCP port free on the loopback interface right now.</summary>
    /// <summary>
    /// Starts the API on a free port against an already migrated database and waits until it is
    /// ready: the process, and a client of it carrying <paramref name="key"/>.
    /// </summary>
    public static async Task<(ApiProcess Process, HttpClient Client)> StartReadyAsync(IReadOnlyDictionary<string, string> environment, string key)
    {
        var port = FreePort();
        var process = Start(new Dictionary<string, string>(environment)
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Database__MigrateOnStartup"] = "false",
        });
        var client = ApiFixture.WithKey(new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(60) }, key);
        Assert.True(await process.WaitUntilOkAsync(new Uri(client.BaseAddress!, "health/ready"), TimeSpan.FromMinutes(3)), process.Output());
        return (process, client);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
