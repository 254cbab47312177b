using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace CoopApi.Application.Cooperatives.Commands;

/// <summary>Uniqueness of registration codes across the register.</summary>
internal static class RegistrationCodes
{
    /// <summary>
    /// Throws <see cref="DuplicateException"/> when another organization holds the code. The
    /// unique index is the final guard against a concurrent writer; this check gives the usual
    /// case a clear message before any write.
    /// </summary>
    public static async Task EnsureAvailableAsync(IApplicationDbContext db, string? code, Guid? exceptId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(code))
        {
            return;
        }

        var trimmed = code; // codes are exact: validated, never trimmed
        var holder = await db.Cooperatives.AsNoTracking()
            .Where(c => c.RegistrationCode == trimmed && c.Id != exceptId)
            .Select(c => new { c.Id, c.Name })
            .FirstOrDefaultAsync(ct);
        if (holder is not null)
        {
            throw Taken(trimmed, holder.Name, holder.Id);
        }
    }

    public static DuplicateException Taken(string code, string? holderName = null, Guid? holderId = null) =>
        new("registrationCode",
            holderName is null
                ? $"Registration code {code} is already in the register."
                : $"Registration code {code} is already registered to \"{holderName}\" ({holderId}).",
            holderName is null
                ? $"Mã số đăng ký {code} đã có trong sổ đăng ký."
                : $"Mã số đăng ký {code} đã được cấp cho \"{holderName}\" ({holderId}).");
}
