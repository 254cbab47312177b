using CoopApi.Application.Common.Interfaces;
using CoopApi.Domain.DevelopmentTargets;
using CoopApi.Infrastructure.Persistence;
using Microsoft.Extensions.Logging;

namespace CoopApi.Infrastructure.Seeding;

/// <summary>
/// The demo development targets, from the sources (docs/sources.md, "Lạng Sơn 2019"): Lạng Sơn's
/// (province 20) targets for 2025 and 2030 in the official letter 538/UBND-KTTH of 11 June 2019,
/// measured from the letter's date. Loaded once, in one transaction with its <c>seed_history</c> row,
/// through the aggregate (so its events are in the audit trail and the change feed like any write).
/// Their progress is computed from whatever the register holds for the province.
/// </summary>
internal sealed class DevelopmentTargetDemoSeeder(CoopDbContext db, IVietnamCalendar calendar, ILogger<DevelopmentTargetDemoSeeder> logger)
{
    public const string SeedName = "demo-development-targets-v1";

    /// <summary>The letter that set the targets, and their baseline.</summary>
    public static readonly SourceDocument Letter = new("538/UBND-KTTH", new DateOnly(2019, 6, 11), "Ủy ban nhân dân tỉnh Lạng Sơn");

    /// <summary>The targets as the letter states them.</summary>
    public static IReadOnlyList<TargetFields> Targets { get; } =
    [
        new(DemoData.LangSonProvinceCode, "Mục tiêu phát triển kinh tế tập thể tỉnh Lạng Sơn đến năm 2025", Letter.Date, 2025, Letter,
        [
            new(TargetMetric.NewCooperatives, TargetComparison.AtLeast, 100),          // "hỗ trợ thành lập mới 100 hợp tác xã"
            new(TargetMetric.NewCooperativeGroups, TargetComparison.AtLeast, 200),     // "200 tổ hợp tác"
            new(TargetMetric.NewUnions, TargetComparison.AtLeast, 5),                  // "5 liên hiệp hợp tác xã trở lên"
            new(TargetMetric.FairOrBetterShare, TargetComparison.GreaterThan, 45),     // "khá trở lên đạt trên 45%"
            new(TargetMetric.WeakShare, TargetComparison.LessThan, 10),                // "yếu kém giảm dưới 10%"
        ]),
        new(DemoData.LangSonProvinceCode, "Mục tiêu phát triển kinh tế tập thể tỉnh Lạng Sơn đến năm 2030", Letter.Date, 2030, Letter,
        [
            new(TargetMetric.NewCooperatives, TargetComparison.AtLeast, 120),          // "hỗ trợ thành lập mới 120 hợp tác xã"
            new(TargetMetric.NewCooperativeGroups, TargetComparison.AtLeast, 250),     // "250 tổ hợp tác"
            new(TargetMetric.NewUnions, TargetComparison.AtLeast, 8),                  // "8 liên hiệp hợp tác xã"
            new(TargetMetric.FairOrBetterShare, TargetComparison.AtLeast, 50),         // "khá, giỏi đạt 50%"
            new(TargetMetric.WeakShare, TargetComparison.LessThan, 8),                 // "yếu kém giảm dưới 8%"
        ]),
    ];

    public async Task LoadAsync(CancellationToken ct)
    {
        if (await SeedOnce.LoadAsync(db, SeedName, calendar.Now, token =>
            {
                var targets = Targets.Where(t => t.BaselineDate <= calendar.Today)
                    .Select(t => DevelopmentTarget.Set(t, calendar.Today, calendar.Now)).ToList();
                db.Set<DevelopmentTarget>().AddRange(targets);
                return Task.FromResult(targets.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }, ct))
        {
            logger.LogInformation("Loaded the demo development targets of Lạng Sơn");
        }
    }
}
