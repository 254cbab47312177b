using CoopApi.Application.Common.Interfaces;
using CoopApi.Infrastructure.Persistence.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CoopApi.Infrastructure.Persistence;

/// <summary>
/// Runs a command in one transaction inside EF Core's execution strategy: when Npgsql reports a
/// transient failure, the whole unit (reads, checks and writes) runs again from a clean change
/// tracker, never half of it.
/// </summary>
/// <remarks>
/// A failed <c>COMMIT</c> is the one failure a rerun cannot fix blindly: the connection may have
/// broken after the server committed, and a rerun would register the organization twice. So
/// the runner knows the transaction's id before it commits, and when the commit throws it asks a
/// fresh connection what became of it (<c>pg_xact_status</c>): <c>committed</c> → the unit
/// succeeded, its result is returned; <c>aborted</c> → the strategy reruns it; anything else
/// (still in progress, unknown, the server out of reach) → the request fails with a
/// <see cref="CommitOutcomeUnknownException"/> (503), never a guess.
/// </remarks>
internal sealed class TransactionRunner(CoopDbContext db, ICurrentUser currentUser, NpgsqlDataSource dataSource) : ITransactionRunner
{
    private const string CurrentIdSql = "SELECT pg_current_xact_id_if_assigned()::text";
    private const string StatusSql = "SELECT pg_xact_status($1::text::xid8)";

    public Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return work(cancellationToken); // already inside one (a command sending a command)
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return strategy.ExecuteAsync(async ct =>
        {
            // A retry starts from a clean change tracker: the aggregates (and the events they
            // raised) of a failed attempt are dropped with it, and the rerun raises its own.
            db.ChangeTracker.Clear();
            db.Actor = currentUser.Id;
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                // No savepoint around each save: a failed save fails the whole unit, which is rolled
                // back and (when transient) run again from the start, so a savepoint would only
                // cost two round trips per save (SAVEPOINT, RELEASE).
                db.Database.AutoSavepointsEnabled = false;
                var result = await work(ct);
                var transactionId = await TransactionIdAsync(transaction, ct);
                try
                {
                    await transaction.CommitAsync(ct);
                }
                catch (Exception commitFailure) when (transactionId is not null && commitFailure is not OperationCanceledException)
                {
                    if (await CommittedAsync(transactionId, commitFailure))
                    {
                        return result;
                    }

                    throw; // aborted: the strategy decides whether to run the unit again
                }

                return result;
            }
            finally
            {
                db.Actor = null;
            }
        }, cancellationToken);
    }

    /// <summary>
    /// The id of the transaction, or null when it has written nothing (then its commit changes
    /// nothing and a rerun is harmless). Free when the unit stored an event: the save read the id
    /// back from <c>domain_events.xact_id</c>; otherwise one round trip.
    /// </summary>
    private async Task<string?> TransactionIdAsync(IDbContextTransaction transaction, CancellationToken ct)
    {
        foreach (var stored in db.ChangeTracker.Entries<StoredEvent>())
        {
            if (stored.State == EntityState.Unchanged && stored.Entity.TransactionId != 0)
            {
                return stored.Entity.TransactionId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = CurrentIdSql;
        command.Transaction = transaction.GetDbTransaction();
        return await command.ExecuteScalarAsync(ct) as string;
    }

    /// <summary>
    /// What became of the transaction whose commit threw: true when committed, false when
    /// aborted; throws <see cref="CommitOutcomeUnknownException"/> when the server cannot say.
    /// </summary>
    private async Task<bool> CommittedAsync(string transactionId, Exception commitFailure)
    {
        string? status;
        try
        {
            // A connection of its own: the unit's connection is the one that broke. Not cancelled
            // with the request: the answer decides between a result and a rerun.
            await using var command = dataSource.CreateCommand(StatusSql);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = transactionId });
            status = await command.ExecuteScalarAsync(CancellationToken.None) as string;
        }
        catch (Exception verifyFailure) when (verifyFailure is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            throw new CommitOutcomeUnknownException(transactionId, "the server could not be asked", commitFailure);
        }

        return status switch
        {
            "committed" => true,
            "aborted" => false,
            _ => throw new CommitOutcomeUnknownException(transactionId, status ?? "unknown", commitFailure),
        };
    }
}

/// <summary>
/// A commit failed and the server could not say whether the transaction committed. The request
/// fails (503 with <c>Retry-After</c>: the cause, a transient database error, is kept as inner
/// exception) instead of being run again, which could apply the change twice.
/// </summary>
internal sealed class CommitOutcomeUnknownException(string transactionId, string status, Exception commitFailure)
    : Exception($"The commit of transaction {transactionId} failed and its outcome is {status}; not retried.", commitFailure);
