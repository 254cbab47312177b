using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Security;
using CoopApi.Domain.SteeringCommittees;
using Microsoft.EntityFrameworkCore;

namespace CoopApi.Application.SteeringCommittees.Commands;

/// <summary>Loads committees and activities for the commands that change them, and checks who may write them.</summary>
internal static class SteeringLoader
{
    /// <summary>
    /// The tracked committee with its terms and agency periods (the rules need them all), loaded
    /// before any write of the command. 404 when missing; 412 when <paramref name="expectedVersion"/>
    /// is not the current one; 403 unless the caller may write where the committee belongs.
    /// </summary>
    public static async Task<SteeringCommittee> LoadCommitteeAsync(IApplicationDbContext db, ICurrentUser user, Guid id,
        int? expectedVersion, CancellationToken ct)
    {
        var committee = await db.Set<SteeringCommittee>()
            .Include(c => c.Members)
            .Include(c => c.StandingAgencies)
            .FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException("Steering committee", "ban chỉ đạo", id);
        EnsureCanWrite(user, committee.ProvinceCode);
        if (expectedVersion is { } expected && expected != committee.Version)
        {
            throw new ConcurrencyConflictException(clientPrecondition: true);
        }

        return committee;
    }

    /// <summary>The tracked activity with its documents; 404, 412 as for committees (rights are checked on its committee).</summary>
    public static async Task<SteeringActivity> LoadActivityAsync(IApplicationDbContext db, Guid id, int? expectedVersion, CancellationToken ct)
    {
        var activity = await db.Set<SteeringActivity>()
            .Include(a => a.Documents)
            .FirstOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new NotFoundException("Steering activity", "hoạt động của ban chỉ đạo", id);
        if (expectedVersion is { } expected && expected != activity.Version)
        {
            throw new ConcurrencyConflictException(clientPrecondition: true);
        }

        return activity;
    }

    /// <summary>
    /// A committee of a province (provincial, district, commune) is written by callers holding
    /// that province; a national committee (no province) only by a national credential (<c>*</c>).
    /// </summary>
    public static void EnsureCanWrite(ICurrentUser user, string? provinceCode)
    {
        if (provinceCode is not null)
        {
            user.EnsureCanWriteIn(provinceCode);
        }
        else if (!user.IsNational())
        {
            throw new ForbiddenException("nationalRightRequired",
                "Only a national credential (provinces: *) may write a national steering committee.",
                "Chỉ thông tin xác thực cấp quốc gia (provinces: *) mới được ghi dữ liệu của Ban chỉ đạo Trung ương.");
        }
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

    /// <summary>
    /// After a change of the committee's province or standing agency: every activity takes the
    /// committee's province and its agency on the activity's date again (each that changes raises
    /// its own event, so the feed shows it).
    /// </summary>
    public static async Task RefreshActivitiesAsync(IApplicationDbContext db, SteeringCommittee committee, DateTimeOffset now,
        CancellationToken ct)
    {
        var activities = await db.Set<SteeringActivity>().Include(a => a.Documents)
            .Where(a => a.CommitteeId == committee.Id).ToListAsync(ct);
        foreach (var activity in activities)
        {
            activity.Refresh(committee, now);
        }
    }

    /// <summary>True when an activity of the committee lies outside [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public static Task<bool> HasActivitiesOutsideAsync(IApplicationDbContext db, Guid committeeId, DateOnly from, DateOnly? to,
        CancellationToken ct) =>
        db.Set<SteeringActivity>().AnyAsync(a => a.CommitteeId == committeeId
            && (a.StartDate < from || (to != null && (a.StartDate > to || (a.EndDate != null && a.EndDate > to)))), ct);
}
