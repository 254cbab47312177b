using System.Diagnostics;
using System.Net;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.Security.SecurityApi;

namespace CoopApi.IntegrationTests.Security;

/// <summary>
/// <c>CoopApi.WebApi create-admin-key</c>, run as a process of the built binary against the test
/// database: it prints one working national admin key, reuses a still-valid key from
/// <c>--key-file</c> (mode 600), and fails with exit code 1 and one line when used wrongly.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AdminKeyCommandTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateAnonymousClient();

    [Fact]
    public async Task TheCommand_PrintsAWorkingNationalAdminKey_OnOneLine()
    {
        var (exit, stdout, stderr) = await RunAsync("create-admin-key", "--name", "bootstrap test");

        Assert.True(exit == 0, stderr);
        var key = Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var response = await _client.SendAsync(WithApiKey(HttpMethod.Get, Keys, key));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mine = (await response.ReadNodeAsync()).AsArray().Single(k => (string)k!["prefix"]! == key[..13])!;
        Assert.Equal(["*"], mine["provinces"]!.AsArray().Select(p => (string)p!));
        Assert.Equal(["read", "write", "classify", "admin"], mine["scopes"]!.AsArray().Select(p => (string)p!));
        Assert.Equal("cli:create-admin-key", (string)mine["createdBy"]!);
    }

    [Fact]
    public async Task WithAKeyFile_TheSameKeyIsPrintedUntilItStopsWorking()
    {
        var file = Path.Combine(Path.GetTempPath(), $"coopapi-admin-key-{Guid.NewGuid():N}");
        try
        {
            var first = await RunAsync("create-admin-key", "--name", "run.sh", "--key-file", file);
            var second = await RunAsync("create-admin-key", "--name", "run.sh", "--key-file", file);
            Assert.True(first.Exit == 0 && second.Exit == 0, first.Stderr + second.Stderr);
            Assert.Equal(first.Stdout, second.Stdout);
            Assert.Equal(first.Stdout.Trim(), (await File.ReadAllTextAsync(file)).Trim());
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }

            await fixture.ScalarAsync<int>("WITH u AS (UPDATE api_keys SET revoked_at = now() WHERE prefix = $1 RETURNING 1) SELECT count(*)::int FROM u",
                first.Stdout.Trim()[..13]);
            var third = await RunAsync("create-admin-key", "--name", "run.sh", "--key-file", file);

            Assert.Equal(0, third.Exit);
            Assert.NotEqual(first.Stdout, third.Stdout);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task WithoutAName_ItExitsWith1()
    {
        var (exit, stdout, stderr) = await RunAsync("create-admin-key");

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Contains("--name", stderr, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ConnectionStrings__Default"] = fixture.ConnectionString;
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
