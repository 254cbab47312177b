using CoopApi.Application.Common.Interfaces;
using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.SteeringCommittees;
using CoopApi.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoopApi.Infrastructure.Seeding;

/// <summary>
/// The demo steering committee, from the sources (docs/sources.md, "Lạng Sơn 2019" and
/// "Lạng Sơn 2022"): Lạng Sơn's provincial committee, its standing agency over time, the official
/// letter 538/UBND-KTTH of 11 June 2019 and the training conference of 24 November 2022 (145
/// delegates, 4 topics, field visits to the two demo cooperatives of Hữu Lũng). Loaded once, in
/// one transaction with its <c>seed_history</c> row, through the aggregates (so its events are in
/// the audit trail and the change feed like any write).
/// </summary>
internal sealed class SteeringDemoDataSeeder(CoopDbContext db, IVietnamCalendar calendar, IAdministrativeUnits units,
    ILogger<SteeringDemoDataSeeder> logger)
{
    public const string SeedName = "demo-steering-v1";

    /// <summary>Name of the demo committee.</summary>
    public const string CommitteeName =
        "Ban chỉ đạo đổi mới, phát triển doanh nghiệp và nâng cao hiệu quả kinh tế tập thể tỉnh Lạng Sơn";

    /// <summary>
    /// The committee is named in the letter of 11 June 2019, the earliest date the sources show it
    /// existing; its founding decision is not in the sources, so the demo records none.
    /// </summary>
    public static readonly DateOnly EstablishedOn = new(2019, 6, 11);

    /// <summary>
    /// The provincial departments of planning and investment merged into the departments of finance
    /// on 1 March 2025; the standing agency moved with them.
    /// </summary>
    public static readonly DateOnly FinanceTakesOver = new(2025, 3, 1);

    private static readonly string[] VisitedCooperatives =
    [
        "Hợp tác xã dịch vụ nông nghiệp và phát triển cây ăn quả xã Nhật Tiến",
        "Hợp tác xã sản xuất, kinh doanh dịch vụ nông lâm nghiệp Cai Kinh",
    ];

    public async Task LoadAsync(CancellationToken ct)
    {
        if (await SeedOnce.LoadAsync(db, SeedName, calendar.Now, async token =>
            {
                var visited = new List<Guid>();
                foreach (var name in VisitedCooperatives)
                {
                    visited.AddRange(await db.Cooperatives.AsNoTracking()
                        .Where(c => c.Name == name && c.ProvinceCode == DemoData.LangSonProvinceCode).Select(c => c.Id).Take(1).ToListAsync(token));
                }

                var (committee, activities) = Build(visited, calendar.Today, calendar.Now, units);
                db.Set<SteeringCommittee>().Add(committee);
                db.Set<SteeringActivity>().AddRange(activities);
                return activities.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }, ct))
        {
            logger.LogInformation("Loaded the demo steering committee of Lạng Sơn");
        }
    }

    /// <summary>The committee and its activities, built through the domain.</summary>
    public static (SteeringCommittee Committee, List<SteeringActivity> Activities) Build(IReadOnlyList<Guid> visited, DateOnly today,
        DateTimeOffset now, IAdministrativeUnits units)
    {
        var committee = SteeringCommittee.Create(
            new CommitteeDetails(CommitteeName, CommitteeLevel.Provincial, DemoData.LangSonProvinceCode, null, EstablishedOn, null, null, null),
            "Sở Kế hoạch và Đầu tư tỉnh Lạng Sơn", today, now, units);
        if (FinanceTakesOver <= today)
        {
            committee.ChangeStandingAgency("Sở Tài chính tỉnh Lạng Sơn", FinanceTakesOver, today, now);
        }

        var directive = SteeringActivity.Record(committee, new ActivityFields(
            ActivityKind.Directive,
            "Tiếp tục nâng cao hiệu quả hoạt động kinh tế tập thể",
            new DateOnly(2019, 6, 11), null, null, null,
            [
                "Đẩy mạnh tuyên truyền, phổ biến chủ trương, chính sách, pháp luật về phát triển kinh tế tập thể",
                "Nâng cao chất lượng hoạt động của Ban chỉ đạo cấp tỉnh, huyện",
                "Đào tạo, bồi dưỡng cán bộ quản lý nhà nước về kinh tế tập thể và cán bộ, thành viên hợp tác xã",
            ],
            [],
            ["Các sở, ban, ngành", "UBND các huyện, thành phố", "Liên minh Hợp tác xã tỉnh"],
            [new ActivityDocumentFields("538/UBND-KTTH", new DateOnly(2019, 6, 11), "Ủy ban nhân dân tỉnh Lạng Sơn",
                "Tiếp tục nâng cao hiệu quả hoạt động kinh tế tập thể")],
            "Mục tiêu đến năm 2025: thành lập mới 100 hợp tác xã, 200 tổ hợp tác, 5 liên hiệp hợp tác xã trở lên; trên 45% hợp tác xã "
            + "đạt loại khá trở lên, dưới 10% yếu kém. Đến năm 2030: 120 hợp tác xã, 250 tổ hợp tác, 8 liên hiệp; 50% khá, giỏi; dưới 8% yếu kém."),
            today, now);

        var training = SteeringActivity.Record(committee, new ActivityFields(
            ActivityKind.Training,
            "Hội nghị tập huấn nâng cao năng lực, nhận thức về kinh tế tập thể, hợp tác xã trong tình hình mới",
            new DateOnly(2022, 11, 24), null,
            "Tỉnh Lạng Sơn; tham quan thực tế tại huyện Hữu Lũng",
            145,
            [
                "Kinh nghiệm quốc tế về phát triển kinh tế tập thể, hợp tác xã",
                "Điểm mới trong Nghị quyết 20-NQ/TW ngày 16/6/2022 về tiếp tục đổi mới phát triển và nâng cao hiệu quả kinh tế tập thể trong giai đoạn mới",
                "Những bất cập của Luật Hợp tác xã năm 2012 và Luật Hợp tác xã sửa đổi",
                "Phương thức tổ chức, quản lý và nâng cao năng lực hướng dẫn để phát triển kinh tế tập thể và hợp tác xã hiệu quả",
            ],
            visited,
            [
                "Các sở, ban, ngành và UBND cấp huyện là thành viên Ban chỉ đạo cấp tỉnh, huyện",
                "Tổ chuyên viên giúp việc Ban chỉ đạo cấp tỉnh, huyện",
                "Hội Nông dân",
                "Hội Liên hiệp Phụ nữ",
                "Đoàn Thanh niên",
                "Một số hợp tác xã",
            ],
            [],
            "Tham quan mô hình trồng bưởi (HTX Nhật Tiến) và trồng na (HTX Cai Kinh) tại huyện Hữu Lũng."),
            today, now);
        return (committee, [directive, training]);
    }
}
