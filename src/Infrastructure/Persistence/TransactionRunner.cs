using CoopApi.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace CoopApi.Infrastructure.Persistence;

/// <summary>
/// Runs a command in one transaction inside EF Core's execution strategy: when Npgsql reports a
/// transient failure, the whole unit (reads, checks and writes) runs again from a clean change
/// tracker, never half of it.
/// </summary>
internal sealed class TransactionRunner(CoopDbContext db, ICurrentUser currentUser) : ITransactionRunner
{
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
                var result = await work(ct);
                await transaction.CommitAsync(ct);
                return result;
            }
            finally
            {
                db.Actor = null;
            }
        }, cancellationToken);
    }
}
