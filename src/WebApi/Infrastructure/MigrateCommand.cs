using CoopApi.Application;
using CoopApi.Infrastructure;
using CoopApi.Infrastructure.Seeding;

namespace CoopApi.WebApi.Infrastructure;

/// <summary>
/// <c>CoopApi.WebApi migrate</c>: brings the database of <c>ConnectionStrings:Default</c> up to
/// date (committed migrations, reference data and, with <c>Database:SeedDemoData=true</c>, the
/// demo data) and exits, starting no web server. Exit code 0, or 1 with one line on stderr.
/// Logs go to stderr. Every step is idempotent and takes a lock, so a second run, or two runs at
/// once, change nothing. Deployments run it once per release (the compose service <c>migrate</c>,
/// the Kubernetes Job) and start the API with <c>Database:MigrateOnStartup=false</c>.
/// </summary>
internal static class MigrateCommand
{
    /// <summary>The verb.</summary>
    public const string Verb = "migrate";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Skip(1).Any(a => a is "-h" or "--help"))
        {
            await Console.Out.WriteLineAsync(
                $"usage: {Verb} [configuration overrides, e.g. --Database:SeedDemoData=true]" + Environment.NewLine +
                "Applies the migrations and the reference data (and the demo data when Database:SeedDemoData is true) to ConnectionStrings:Default.");
            return 0;
        }

        var builder = Host.CreateApplicationBuilder([.. args.Skip(1)]);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        try
        {
            // The application layer too: the demo seeders store domain events with their representations.
            builder.Services.AddApplication();
            builder.Services.AddInfrastructure(builder.Configuration);
            using var host = builder.Build();
            var seedDemoData = builder.Configuration.GetValue("Database:SeedDemoData", false);
            using var cancel = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                cancel.Cancel();
            };
            await DatabaseInitializer.InitializeAsync(host.Services, seedDemoData, cancel.Token);
            host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MigrateCommand))
                .LogInformation("Database is up to date (demo data: {DemoData})", seedDemoData);
            return 0;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await Console.Error.WriteLineAsync($"{Verb} failed: {ex.GetBaseException().Message}");
            return 1;
        }
    }
}
