using CoopApi.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoopApi.Infrastructure.Seeding;

/// <summary>
/// Loads a named seed at most once: the rows it adds and the <c>seed_history</c> row that names it
/// are written in one transaction, under an advisory lock of that name, so two instances starting
/// at once load it once and a failed load leaves nothing (the next start tries again).
/// </summary>
internal static class SeedOnce
{
    /// <summary>
    /// Runs <paramref name="load"/> unless <paramref name="seedName"/> is already in
    /// <c>seed_history</c>. <paramref name="load"/> adds the seed's rows to the context (it may save
    /// in batches; all within the one transaction) and returns the checksum text recorded with the
    /// name. True when this call loaded the seed.
    /// </summary>
    public static async Task<bool> LoadAsync(CoopDbContext db, string seedName, DateTimeOffset now,
        Func<CancellationToken, Task<string>> load, CancellationToken ct)
    {
        if (await db.SeedHistory.AsNoTracking().AnyAsync(s => s.Name == seedName, ct))
        {
            return false;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(token);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(4242000, hashtext({seedName}))", token);
            if (await db.SeedHistory.AnyAsync(s => s.Name == seedName, token))
            {
                return false; // another instance loaded it while this one waited for the lock
            }

            var checksum = await load(token);
            db.SeedHistory.Add(new SeedRecord { Name = seedName, Checksum = checksum, AppliedAt = now });
            await db.SaveChangesAsync(token);
            await tx.CommitAsync(token);
            db.ChangeTracker.Clear();
            return true;
        }, ct);
    }
}
