using CoopApi.Application.Common.Interfaces;
using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoopApi.Infrastructure.Seeding;

/// <summary>
/// Loads the demo province built from the seed articles (<see cref="DemoData"/>), once: the
/// organizations and the <c>seed_history</c> row that says so are written in one transaction.
/// </summary>
internal sealed class DemoDataSeeder(CoopDbContext db, IVietnamCalendar calendar, IAdministrativeUnits units, ILogger<DemoDataSeeder> logger)
{
    public const string SeedName = "demo-data-v1";

    /// <summary>Province that absorbed Bắc Giang on 1 July 2025 (Bắc Ninh, code 24).</summary>
    public const string DemoProvinceCode = "24";

    public async Task LoadAsync(CancellationToken ct)
    {
        if (await db.SeedHistory.AsNoTracking().AnyAsync(s => s.Name == SeedName, ct))
        {
            return;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        var loaded = await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(token);
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(4242002)", token);
            if (await db.SeedHistory.AnyAsync(s => s.Name == SeedName, token))
            {
                return 0; // another instance loaded it while we waited for the lock
            }

            var communes = await db.Communes.AsNoTracking().Where(c => c.ProvinceCode == DemoProvinceCode)
                .OrderBy(c => c.Code).Select(c => new DemoCommune(c.Code, c.Name)).ToListAsync(token);
            var organizations = DemoData.Build(communes, calendar.Today, calendar.Now, units);
            db.Cooperatives.AddRange(organizations);
            db.SeedHistory.Add(new SeedRecord { Name = SeedName, Checksum = organizations.Count.ToString(), AppliedAt = calendar.Now });
            await db.SaveChangesAsync(token);
            await tx.CommitAsync(token);
            db.ChangeTracker.Clear();
            return organizations.Count;
        }, ct);
        if (loaded > 0)
        {
            logger.LogInformation("Loaded {Count} demo organizations", loaded);
        }
    }
}
