using System.Collections.Concurrent;
using System.Data.Common;
using System.Security.Claims;
using CoopApi.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoopApi.IntegrationTests.Support;

/// <summary>
/// Test-only levers of the shared API host, each pulled by a request header that only the test
/// host understands (the production host ignores these headers):
/// <list type="bullet">
/// <item><see cref="ClientHeader"/>: an authenticated request is made by this actor (the
/// credential's scopes and provinces stay), so that tests can act as several clients with one
/// key (the real <c>HttpCurrentUser</c> reads it from the user);</item>
/// <item><see cref="FailAfterCommitHeader"/>: the first commit of the request succeeds, and then
/// the driver reports a transient failure, as when the connection drops before the server's
/// answer to COMMIT arrives. EF Core's execution strategy then reruns the whole unit.</item>
/// </list>
/// </summary>
internal static class TestHooks
{
    public const string ClientHeader = "X-Test-Client";

    public const string FailAfterCommitHeader = "X-Test-Fail-After-Commit";

    /// <summary>How many commits were made to look failed, by the value of <see cref="FailAfterCommitHeader"/>.</summary>
    public static ConcurrentDictionary<string, int> FailedCommits { get; } = new();

    public static void Install(IServiceCollection services)
    {
        services.AddTransient<IClaimsTransformation, ClientFromHeader>();
        services.ConfigureDbContext<CoopDbContext>(o => o.AddInterceptors(new FailAfterCommit()));
    }

    /// <summary>
    /// Renames the actor of an authenticated request to the value of <see cref="ClientHeader"/>;
    /// its scopes and provinces stay those of the credential sent. Without a credential the
    /// header changes nothing: the request stays anonymous.
    /// </summary>
    private sealed class ClientFromHeader(IHttpContextAccessor accessor) : IClaimsTransformation
    {
        public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
        {
            var client = accessor.HttpContext?.Request.Headers[ClientHeader].ToString();
            if (string.IsNullOrEmpty(client) || principal.Identity is not ClaimsIdentity { IsAuthenticated: true } identity)
            {
                return Task.FromResult(principal);
            }

            var claims = identity.Claims.Where(c => c.Type != CoopApi.WebApi.Security.CoopClaims.Actor)
                .Append(new Claim(CoopApi.WebApi.Security.CoopClaims.Actor, client));
            return Task.FromResult(new ClaimsPrincipal(new ClaimsIdentity(claims, identity.AuthenticationType, identity.NameClaimType, identity.RoleClaimType)));
        }
    }

    private sealed class FailAfterCommit : DbTransactionInterceptor
    {
        private static readonly object Done = new();

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
            CancellationToken cancellationToken = default)
        {
            var http = new HttpContextAccessor().HttpContext;
            var token = http?.Request.Headers[FailAfterCommitHeader].ToString();
            if (http is null || string.IsNullOrEmpty(token) || !http.Items.TryAdd(Done, true))
            {
                return Task.CompletedTask;
            }

            FailedCommits.AddOrUpdate(token, 1, (_, n) => n + 1);
            throw new NpgsqlException("simulated: the commit succeeded, but the connection dropped before its answer arrived",
                new TimeoutException());
        }
    }
}
