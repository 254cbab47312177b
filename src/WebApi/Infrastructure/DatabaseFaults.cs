using System.Net.Sockets;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CoopApi.WebApi.Infrastructure;

/// <summary>
/// Recognizes "the database cannot be reached right now" anywhere in an exception chain: a
/// transient Npgsql or PostgreSQL error (refused or broken connection, server shutting down, too
/// many clients), EF Core's retry limit wrapping one, a connection timeout or a socket error.
/// Such a request is answered 503 with <c>Retry-After</c>, not 500.
/// </summary>
internal static class DatabaseFaults
{
    /// <summary>Seconds a client should wait before retrying (the <c>Retry-After</c> value).</summary>
    public const int RetryAfterSeconds = 5;

    public static bool IsUnavailable(Exception exception)
    {
        var chain = new List<Exception>();
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            chain.Add(ex);
        }

        var fromDatabase = chain.Any(ex => ex is NpgsqlException or RetryLimitExceededException);
        return chain.Any(ex => ex is NpgsqlException { IsTransient: true } or SocketException
            || (fromDatabase && ex is TimeoutException));
    }
}
