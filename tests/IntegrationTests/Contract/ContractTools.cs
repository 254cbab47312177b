using System.Diagnostics;
using System.Text;

namespace CoopApi.IntegrationTests.Contract;

/// <summary>
/// The npm tools of tests/Contract (the Redocly linter, openapi-typescript, the TypeScript
/// compiler), installed from its committed package-lock.json with <c>npm ci</c> the first time a
/// test needs them.
/// </summary>
internal static class ContractTools
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private static bool _installed;

    /// <summary>tests/Contract of this checkout.</summary>
    public static string Folder { get; } = FindFolder();

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Contract");
            if (File.Exists(Path.Combine(candidate, "package-lock.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/Contract/package-lock.json not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Runs <c>npm ci</c> once per test run unless node_modules matches the lock file already.</summary>
    public static async Task EnsureInstalledAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            if (_installed)
            {
                return;
            }

            var marker = Path.Combine(Folder, "node_modules", ".package-lock.json");
            var upToDate = File.Exists(marker)
                && File.GetLastWriteTimeUtc(marker) >= File.GetLastWriteTimeUtc(Path.Combine(Folder, "package-lock.json"));
            if (!upToDate)
            {
                var (code, output) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(5));
                Assert.True(code == 0, "npm ci in tests/Contract failed:\n" + output);
            }

            _installed = true;
        }
        finally
        {
            InstallLock.Release();
        }
    }

    /// <summary>Runs a tool of node_modules/.bin (after <see cref="EnsureInstalledAsync"/>).</summary>
    public static async Task<(int ExitCode, string Output)> RunToolAsync(string tool, params string[] arguments)
    {
        await EnsureInstalledAsync();
        return await RunAsync(Path.Combine(Folder, "node_modules", ".bin", tool), arguments, TimeSpan.FromMinutes(3));
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} ran longer than {timeout}.");
        }

        output.Append(await stdout).Append(await stderr);
        return (process.ExitCode, output.ToString());
    }
}
