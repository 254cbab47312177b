using System.Data.Common;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Infrastructure.Persistence;
using CoopApi.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoopApi.IntegrationTests.Audit;

/// <summary>
/// An API of its own (real Kestrel, its own database, no demo data) with two test seams:
/// the actor is whoever the <c>X-Test-User</c> header names (with the rights of the admin key
/// every client of this host sends),
/// and <see cref="Commits"/> can make the next commit fail on the client side.
/// </summary>
public sealed class AuditHost : IAsyncLifetime
{
    /// <summary>The header that names the caller in this host.</summary>
    public const string UserHeader = "X-Test-User";

    private WebApplicationFactory<Program>? _factory;

    public string ConnectionString { get; private set; } = "";

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Fault injection on commits, off until a test arms it.</summary>
    public CommitFaults Commits { get; } = new();

    public async Task InitializeAsync()
    {
        var server = await PostgresServer.GetAsync();
        ConnectionString = await server.CreateDatabaseAsync($"coopapi_audit_{Guid.NewGuid():N}");
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
            builder.UseSetting("ConnectionStrings:Default", ConnectionString);
            builder.UseSetting("Database:MigrateOnStartup", "true");
            builder.UseSetting("Database:SeedDemoData", "false");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("RateLimits:Enabled", "false");
            builder.ConfigureTestServices(services =>
            {
                services.AddScoped<ICurrentUser, HeaderUser>();
                services.ConfigureDbContext<CoopDbContext>(options => options.AddInterceptors(Commits));
            });
        });
        factory.UseKestrel();
        factory.StartServer();
        _factory = factory;
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        AdminKey = await CoopApi.WebApi.Security.AdminKeyCommand.CreateAsync(factory.Services, "audit tests");
    }

    /// <summary>A national key with every scope: every client of this host sends it (the audit trail needs <c>admin</c>).</summary>
    public string AdminKey { get; private set; } = "";

    /// <summary>A client acting as <paramref name="user"/> (anonymous when null).</summary>
    public HttpClient CreateClient(string? user = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        if (user is not null)
        {
            client.DefaultRequestHeaders.Add(UserHeader, user);
        }

        return client;
    }

    /// <summary>Runs a scalar SQL query against this host's database.</summary>
        public Task<T> ScalarAsync<T>(string sql, params object[] parameters) =>
        Sql.ScalarAsync<T>(ConnectionString, sql, parameters);

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    /// <summary>
    /// The caller the <see cref="UserHeader"/> names, with the rights of the credential sent (the
    /// host's admin key); without the header, the credential's own principal.
    /// </summary>
    private sealed class HeaderUser(IHttpContextAccessor accessor) : ICurrentUser
    {
        private readonly CoopApi.WebApi.Infrastructure.HttpCurrentUser _credential = new(accessor);

        public string? Id => accessor.HttpContext?.Request.Headers[UserHeader].FirstOrDefault() ?? _credential.Id;

        public string? Name => Id;

        public string? ClientId => null;

        public bool IsAuthenticated => Id is not null;

        public IReadOnlySet<string> Scopes => _credential.Scopes;

        public IReadOnlySet<string> Provinces => _credential.Provinces;
    }
}

/// <summary>
/// Makes the next commit look failed to the client, as when the connection drops after COMMIT
/// was sent: either the commit really happened and only the answer was lost
/// (<see cref="LoseAnswerOfNextCommit"/>), or it never reached the server
/// (<see cref="FailNextCommit"/>). Either way the client sees a transient
/// <see cref="NpgsqlException"/>.
/// </summary>
public sealed class CommitFaults : DbTransactionInterceptor
{
    private int _loseAnswer;
    private int _failBefore;
    private int _hang;

    private int _fired;

    /// <summary>How many faults have fired so far.</summary>
    public int Attempts => Volatile.Read(ref _fired);

    /// <summary>The next commit succeeds on the server, and the client gets an exception instead of the answer.</summary>
    public void LoseAnswerOfNextCommit() => Volatile.Write(ref _loseAnswer, 1);

    /// <summary>The next commit is not sent: the transaction is rolled back and the client gets an exception.</summary>
    public void FailNextCommit() => Volatile.Write(ref _failBefore, 1);

    /// <summary>
    /// The next commit is not sent and the transaction is left open, so that the server reports
    /// it "in progress" while the client already has its exception (COMMIT sent, not yet done).
    /// </summary>
    public void LeaveNextCommitInProgress() => Volatile.Write(ref _hang, 1);

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _failBefore, 0) == 1)
        {
            Interlocked.Increment(ref _fired);
            await transaction.RollbackAsync(cancellationToken);
            throw new NpgsqlException("simulated: the connection broke before COMMIT reached the server", new EndOfStreamException());
        }

        if (Interlocked.Exchange(ref _hang, 0) == 1)
        {
            Interlocked.Increment(ref _fired);
            throw new NpgsqlException("simulated: the connection broke while COMMIT was under way", new EndOfStreamException());
        }

        return result;
    }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _loseAnswer, 0) == 1)
        {
            Interlocked.Increment(ref _fired);
            throw new NpgsqlException("simulated: the connection broke after COMMIT was sent", new EndOfStreamException());
        }

        return Task.CompletedTask;
    }
}

/// <summary>Test classes that share the <see cref="AuditHost"/> (they run one after another: the faults are host-wide).</summary>
[CollectionDefinition(Name)]
public sealed class AuditHostCollection : ICollectionFixture<AuditHost>
{
    public const string Name = "audit-host";
}
