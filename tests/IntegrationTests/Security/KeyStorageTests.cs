using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using CoopApi.IntegrationTests.Support;
using Npgsql;

namespace CoopApi.IntegrationTests.Security;

/// <summary>A dump of the database holds API keys' hashes and prefixes, never a key.</summary>
[Collection(ApiCollection.Name)]
public sealed class KeyStorageTests(ApiFixture fixture)
{
    private const string PgDump = "/usr/lib/postgresql/15/bin/pg_dump";

    [Fact]
    public async Task ADatabaseDump_HoldsHashesOnly()
    {
        Assert.True(File.Exists(PgDump), $"{PgDump} is missing");
        using var client = fixture.CreateAnonymousClient();
        var (key, _) = await SecurityApi.CreateKeyAsync(fixture, client, scopes: ["read"], name: "dump probe");

        var dump = await DumpAsync();

        var secret = key[14..];
        Assert.DoesNotContain(secret, dump, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.AdminKey[14..], dump, StringComparison.Ordinal);
        Assert.Contains(key[..13], dump, StringComparison.Ordinal); // the prefix is not secret
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        Assert.Contains("\\\\x" + hash, dump, StringComparison.Ordinal); // bytea in COPY text format
    }

    private async Task<string> DumpAsync()
    {
        var c = new NpgsqlConnectionStringBuilder(fixture.ConnectionString);
        var start = new ProcessStartInfo(PgDump)
        {
            ArgumentList = { "--host", c.Host!, "--port", c.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--username", c.Username!, "--dbname", c.Database!, "--no-password" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (!string.IsNullOrEmpty(c.Password))
        {
            start.Environment["PGPASSWORD"] = c.Password;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await error);
        return await output;
    }
}
