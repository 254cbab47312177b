using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Security;
using CoopApi.Domain.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace CoopApi.Application.Partnerships.Commands;

/// <summary>Loads agreements for the commands that change them, and checks who may write them.</summary>
internal static class PartnershipLoader
{
    /// <summary>
    /// The tracked agreement with its commitments and reviews (the rules need them all), loaded
    /// before any write of the command. 404 when missing; 403 unless the caller may write in its
    /// province; 412 when <paramref name="expectedVersion"/> is not the current one.
    /// </summary>
    public static async Task<PartnershipAgreement> LoadAsync(IApplicationDbContext db, ICurrentUser user, Guid id, int? expectedVersion,
        CancellationToken ct)
    {
        var agreement = await db.Set<PartnershipAgreement>()
            .Include(a => a.Commitments)
            .Include(a => a.Reviews)
            .FirstOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new NotFoundException("Partnership agreement", "chương trình phối hợp", id);
        user.EnsureCanWriteIn(agreement.ProvinceCode);
        if (expectedVersion is { } expected && expected != agreement.Version)
        {
            throw new ConcurrencyConflictException(clientPrecondition: true);
        }

        return agreement;
    }

    /// <summary>Saves; a lost race is a failed precondition when the client named a version.</summary>
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
