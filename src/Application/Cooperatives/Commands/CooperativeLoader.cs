using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Domain.Cooperatives;
using Microsoft.EntityFrameworkCore;

namespace CoopApi.Application.Cooperatives.Commands;

/// <summary>Loads an organization for a command that changes it.</summary>
internal static class CooperativeLoader
{
    /// <summary>
    /// The tracked aggregate root, without its status history: the root holds what its rules
    /// need (status, since when, last sequence), and the history is only ever appended to. Throws
    /// <see cref="NotFoundException"/> when it doesn't exist and
    /// <see cref="ConcurrencyConflictException"/> when the client named a version (If-Match)
    /// that is no longer current; a change made after this read is caught at save time by the
    /// concurrency token.
    /// </summary>
    /// <remarks>
    /// Load before any write of the command: a transaction gets its id at its first write, and the
    /// change feed relies on a later version of a record always having a larger transaction id
    /// (docs/decisions/0015-change-feed-cursor.md). A command that wrote first (an idempotency
    /// record, a log row) could read a version committed after its id was taken.
    /// </remarks>
    public static async Task<Cooperative> LoadForChangeAsync(IApplicationDbContext db, Guid id, int? expectedVersion,
        CancellationToken ct)
    {
        var cooperative = await db.Cooperatives
            .FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException("Cooperative", "tổ chức", id);
        if (expectedVersion is { } expected && expected != cooperative.Version)
        {
            throw new ConcurrencyConflictException(clientPrecondition: true);
        }

        return cooperative;
    }

    /// <summary>
    /// Saves, reporting a lost race as a failed precondition when the client named the version
    /// it read: from its point of view the record changed after that version, whichever moment
    /// the other writer committed.
    /// </summary>
    public static async Task SaveAsync(IApplicationDbContext db, int? expectedVersion, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (ConcurrencyConflictException) when (expectedVersion is not null)
        {
            throw new ConcurrencyConflictException(clientPrecondition: true);
        }
    }
}
