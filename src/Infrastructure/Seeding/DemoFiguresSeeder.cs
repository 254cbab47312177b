using CoopApi.Application.Common.Interfaces;
using CoopApi.Domain.AnnualReports;
using CoopApi.Domain.Cooperatives;
using CoopApi.Domain.OcopProducts;
using CoopApi.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoopApi.Infrastructure.Seeding;

/// <summary>
/// Demo yearly figures (2022 to 2025) and OCOP products for some demo organizations, once, after the
/// demo organizations: written through the aggregates, so that their events reach the audit trail
/// and the change feed like any other write. Figures are generated (deterministically) from each
/// organization's own members and capital; they are not real reports.
/// </summary>
internal sealed class DemoFiguresSeeder(CoopDbContext db, IVietnamCalendar calendar, ILogger<DemoFiguresSeeder> logger)
{
    public const string SeedName = "demo-figures-v1";

    private const int FirstYear = 2022;

    private const int LastYear = 2025;

    /// <summary>Demo organizations of the demo province that get figures.</summary>
    private const int Organizations = 12;

    /// <summary>Of those, how many get an OCOP product.</summary>
    private const int WithOcopProduct = 6;

    public async Task LoadAsync(CancellationToken ct)
    {
        var (reports, products) = (0, 0);
        if (await SeedOnce.LoadAsync(db, SeedName, calendar.Now, async token =>
            {
                var organizations = await db.Cooperatives.AsNoTracking()
                    .Where(c => c.ProvinceCode == DemoDataSeeder.DemoProvinceCode && c.Kind == OrganizationKind.Cooperative
                        && c.Status == OrganizationStatus.Active && c.RegistrationCode != null)
                    .OrderBy(c => c.RegistrationCode).Take(Organizations).ToListAsync(token);
                var (reportCount, productCount) = (0, 0);
                for (var i = 0; i < organizations.Count; i++)
                {
                    var organization = organizations[i];
                    var lastYear = Math.Min(LastYear, calendar.Today.Year);
                    for (var year = Math.Max(FirstYear, organization.EstablishedOn.Year); year <= lastYear; year++)
                    {
                        db.Add(AnnualReport.File(organization, year, Figures(organization, i, year), calendar.Today, calendar.Now));
                        reportCount++;
                    }

                    if (i < WithOcopProduct)
                    {
                        db.Add(OcopProduct.Record(organization, Rating(organization, i), calendar.Today, calendar.Now));
                        productCount++;
                    }
                }
                (reports, products) = (reportCount, productCount);
                return $"{reportCount}/{productCount}";
            }, ct))
        {
            logger.LogInformation("Loaded {Reports} demo annual reports and {Products} demo OCOP products", reports, products);
        }
    }

    /// <summary>Figures that grow a little each year, from the organization's own size; every fifth one made a loss in 2022.</summary>
    private static AnnualReportFigures Figures(Cooperative organization, int index, int year)
    {
        var step = year - FirstYear;
        var capital = Math.Max(organization.CharterCapital, 100_000_000L);
        var revenue = capital * (15 + step + (index % 4)) / 10;
        var equity = capital * 12 / 10;
        var profit = index % 5 == 0 && year == FirstYear ? -(revenue / 50) : revenue / 20;
        return new AnnualReportFigures(revenue, profit, organization.CharterCapital, equity, equity * 2, organization.MemberCount,
            organization.MemberCount / 5, organization.EmployeeCount ?? 3, 40_000_000L + (2_000_000L * step) + (index * 500_000L),
            55m + (5 * step) + (index % 7));
    }

    /// <summary>A product of the organization (its first main product), 3 to 5 stars, certified 2022 to 2025 (the oldest have expired).</summary>
    private static OcopRating Rating(Cooperative organization, int index)
    {
        var stars = index == WithOcopProduct - 1 ? 5 : 3 + (index % 2);
        var name = organization.MainProducts.FirstOrDefault() is { Length: > 0 } product ? product : $"Sản phẩm của {organization.Name}";
        return new OcopRating(name.Length > OcopRules.ProductNameMaxLength ? name[..OcopRules.ProductNameMaxLength] : name, stars,
            new DateOnly(2022 + (index % 4), 3 + index, 15), OcopRules.CertifierOf(stars),
            stars == 5 ? $"{100 + index}/QĐ-TTg" : $"{1200 + index}/QĐ-UBND");
    }
}
