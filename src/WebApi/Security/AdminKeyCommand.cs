using CoopApi.Application;
using CoopApi.Application.ApiKeys.Commands.CreateApiKey;
using CoopApi.Application.ApiKeys.Queries.AuthenticateApiKey;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Domain.ApiKeys;
using CoopApi.Infrastructure;
using CoopApi.Infrastructure.Seeding;
using MediatR;

namespace CoopApi.WebApi.Security;

/// <summary>
/// <c>CoopApi.WebApi create-admin-key --name &lt;name&gt; [--key-file &lt;path&gt;]</c>: makes an API key
/// with every scope and every province (<c>*</c>), through the same command as
/// <c>POST /api/v1/api-keys</c>, and prints it on one line (logs go to stderr). With
/// <c>--key-file</c>: when the file holds a key that still works on this database, prints that
/// key instead of making one; otherwise makes one and writes it there (mode 600). It migrates the
/// database first (as the API does at start-up) and starts no web server. Exit code 0, or 1 with
/// one line on stderr.
/// </summary>
internal static class AdminKeyCommand
{
    /// <summary>The verb.</summary>
    public const string Verb = "create-admin-key";

    /// <summary>The actor recorded as the creator of a key made here.</summary>
    public const string Actor = "cli:" + Verb;

    public static async Task<int> RunAsync(string[] args)
    {
        string? name = null, keyFile = null;
        var rest = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--name" when i + 1 < args.Length: name = args[++i]; break;
                case "--key-file" when i + 1 < args.Length: keyFile = args[++i]; break;
                default: rest.Add(args[i]); break;
            }
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            await Console.Error.WriteLineAsync($"usage: {Verb} --name <name> [--key-file <path>]");
            return 1;
        }

        var builder = Host.CreateApplicationBuilder([.. rest]);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddApplication();
        builder.Services.AddInfrastructure(builder.Configuration);
        builder.Services.AddScoped<ICurrentUser, CommandLineUser>();
        try
        {
            using var host = builder.Build();
            if (builder.Configuration.GetValue("Database:MigrateOnStartup", true))
            {
                await DatabaseInitializer.InitializeAsync(host.Services, builder.Configuration.GetValue("Database:SeedDemoData", false));
            }

            if (keyFile is not null && File.Exists(keyFile) && (await File.ReadAllTextAsync(keyFile)).Trim() is { Length: > 0 } stored
                && await WorksAsync(host.Services, stored))
            {
                Console.WriteLine(stored);
                return 0;
            }

            var key = await CreateAsync(host.Services, name);
            if (keyFile is not null)
            {
                await WriteSecretFileAsync(keyFile, key);
            }

            Console.WriteLine(key);
            return 0;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await Console.Error.WriteLineAsync($"{Verb} failed: {ex.GetBaseException().Message}");
            return 1;
        }
    }

    /// <summary>Makes a national key with every scope, as the command line does; returns the key.</summary>
    public static async Task<string> CreateAsync(IServiceProvider services, string name)
    {
        await using var scope = services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var created = await mediator.Send(new CreateApiKeyCommand
        {
            Name = name,
            Scopes = ApiScopes.All,
            Provinces = [ApiKeyRules.National],
        });
        return created.Key;
    }

    private static async Task<bool> WorksAsync(IServiceProvider services, string key)
    {
        await using var scope = services.CreateAsyncScope();
        var check = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new AuthenticateApiKeyQuery(key));
        return check.Outcome == ApiKeyCheckOutcome.Valid && check.Key!.Scopes.Contains(ApiScopes.Admin);
    }

    private static async Task WriteSecretFileAsync(string path, string key)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var stream = new FileStream(path, options))
        await using (var writer = new StreamWriter(stream))
        {
            await writer.WriteLineAsync(key);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite); // an existing file keeps its mode otherwise
        }
    }

    /// <summary>The actor of the command line.</summary>
    private sealed class CommandLineUser : ICurrentUser
    {
        public string? Id => Actor;

        public string? Name => Actor;

        public string? ClientId => null;

        public bool IsAuthenticated => true;

        public IReadOnlySet<string> Scopes { get; } = new HashSet<string>(ApiScopes.All, StringComparer.Ordinal);

        public IReadOnlySet<string> Provinces { get; } = new HashSet<string>([ApiKeyRules.National], StringComparer.Ordinal);
    }
}
