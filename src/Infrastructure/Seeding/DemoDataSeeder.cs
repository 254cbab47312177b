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
        var count = 0;
        if (await SeedOnce.LoadAsync(db, SeedName, calendar.Now, async token =>
            {
                var communes = await db.Communes.AsNoTracking().Where(c => c.ProvinceCode == DemoProvinceCode)
                    .OrderBy(c => c.Code).Select(c => new DemoCommune(c.Code, c.Name)).ToListAsync(token);
                var organizations = DemoData.Build(communes, calendar.Today, calendar.Now, units);
                db.Cooperatives.AddRange(organizations);
                count = organizations.Count;
                return organizations.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }, ct))
        {
            logger.LogInformation("Loaded {Count} demo organizations", count);
        }
    }
}
