using CoopApi.Application.Common.Interfaces;
using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.Partnerships;
using CoopApi.Infrastructure.Persistence;
using Microsoft.Extensions.Logging;

namespace CoopApi.Infrastructure.Seeding;

/// <summary>
/// The two demo partnership programmes of the Bắc Giang Cooperative Alliance, from the sources
/// (docs/sources.md, "Bắc Giang 2022" and "Bắc Giang 2023"): with the Union of Science and
/// Technology Associations (2022–2025, signed 22 August 2022) and with the provincial Youth Union
/// (2023–2025, signed 9 March 2023). Bắc Giang became part of Bắc Ninh on 1 July 2025, so they
/// lie in province 24 like the demo register. The terms, parties, signatories, policy documents
/// and commitments are the articles'; the reviews and their figures are invented but plausible
/// (the sources report the signings only). Loaded once, through the aggregate, in one transaction
/// with its <c>seed_history</c> row (so its events are in the audit trail and the change feed).
/// </summary>
internal sealed class PartnershipDemoDataSeeder(CoopDbContext db, IVietnamCalendar calendar, IAdministrativeUnits units,
    ILogger<PartnershipDemoDataSeeder> logger)
{
    public const string SeedName = "demo-partnerships-v1";

    /// <summary>Title of the Youth Union programme.</summary>
    public const string YouthTitle =
        "Chương trình phối hợp về tuyên truyền, phát triển kinh tế tập thể, hợp tác xã giai đoạn 2023 – 2025 giữa Tỉnh đoàn và Liên minh Hợp tác xã tỉnh Bắc Giang";

    /// <summary>Title of the science and technology programme.</summary>
    public const string ScienceTitle =
        "Chương trình phối hợp hoạt động giai đoạn 2022 – 2025 giữa Liên minh Hợp tác xã tỉnh và Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Giang";

    private const string Alliance = "Liên minh Hợp tác xã tỉnh Bắc Giang";
    private const string YouthUnion = "Tỉnh đoàn Bắc Giang";
    private const string ScienceUnion = "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Giang";

    private static readonly PolicyReference Resolution20 = new("20-NQ/TW", new DateOnly(2022, 6, 16),
        "Nghị quyết của Ban Chấp hành Trung ương về tiếp tục đổi mới, phát triển và nâng cao hiệu quả kinh tế tập thể trong giai đoạn mới");

    public async Task LoadAsync(CancellationToken ct)
    {
        if (await SeedOnce.LoadAsync(db, SeedName, calendar.Now, _ =>
            {
                var agreements = Build(calendar.Today, calendar.Now, units);
                db.Set<PartnershipAgreement>().AddRange(agreements);
                return Task.FromResult(agreements.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }, ct))
        {
            logger.LogInformation("Loaded the demo partnership programmes of Bắc Giang");
        }
    }

    /// <summary>The two programmes with their commitments and the reviews of the years done by <paramref name="today"/>.</summary>
    public static List<PartnershipAgreement> Build(DateOnly today, DateTimeOffset now, IAdministrativeUnits units) =>
        [Science(today, now, units), Youth(today, now, units)];

    private static PartnershipAgreement Youth(DateOnly today, DateTimeOffset now, IAdministrativeUnits units)
    {
        var agreement = PartnershipAgreement.Create(new AgreementTerms(
            YouthTitle, null,
            [new Party(YouthUnion, PartyKind.YouthUnion), new Party(Alliance, PartyKind.CooperativeAlliance)],
            [
                new Signatory("Thân Trung Kiên", "Tỉnh ủy viên, Bí thư Tỉnh đoàn", YouthUnion),
                new Signatory("Nguyễn Đức Hiền", "Chủ tịch Liên minh Hợp tác xã tỉnh", Alliance),
            ],
            new DateOnly(2023, 3, 9), 2023, 2025, DemoData.DemoProvinceCode,
            [
                Resolution20,
                new PolicyReference("38-CT/TU", new DateOnly(2022, 10, 10), "Chương trình hành động của Ban Thường vụ Tỉnh ủy Bắc Giang thực hiện Nghị quyết số 20-NQ/TW"),
                new PolicyReference("641/KH-UBND", null, "Kế hoạch của UBND tỉnh Bắc Giang thực hiện Chương trình hành động số 38-CT/TU"),
            ],
            [
                "Đẩy mạnh công tác tuyên truyền nâng cao kiến thức về kinh tế tập thể trong thanh niên",
                "Phối hợp tập huấn sáng lập viên, các tổ hợp tác, chủ trang trại, hộ gia đình và thanh niên có nhu cầu thành lập hợp tác xã",
                "Tư vấn, hỗ trợ thành lập mới hợp tác xã thanh niên",
                "Phối hợp kết nối, giới thiệu, quảng bá, tiêu thụ sản phẩm của hợp tác xã qua xúc tiến thương mại, hội chợ, triển lãm, sàn giao dịch điện tử",
                "Tham gia xây dựng cơ chế, chính sách, giám sát, phản biện xã hội; khảo sát sự hài lòng của hợp tác xã hằng năm",
                "Phối hợp giới thiệu nhân sự quy hoạch cán bộ; giới thiệu lao động trẻ về làm việc tại các hợp tác xã",
            ]), today, now, units);
        var training = agreement.AddCommitment(new CommitmentFields(
            "Mỗi năm phối hợp tổ chức ít nhất 01 lớp tập huấn sáng lập viên hoặc 01 lớp bồi dưỡng nguồn nhân lực cho cán bộ hợp tác xã",
            1, "Lớp tập huấn sáng lập viên, bồi dưỡng cán bộ hợp tác xã", "lớp", 1, TargetKind.PerYear, Alliance, null), now);
        agreement.AddCommitment(new CommitmentFields(
            "Đến năm 2025, toàn tỉnh tư vấn, hỗ trợ thành lập mới ít nhất 06 hợp tác xã thanh niên",
            2, "Hợp tác xã thanh niên thành lập mới", "hợp tác xã", 6, TargetKind.ByPeriodEnd, YouthUnion,
            RegisterMeasure.YouthCooperativesEstablished), now);
        agreement.ChangeStatus(AgreementStatus.Active, new DateOnly(2023, 3, 9), "Ký kết chương trình phối hợp", now);
        Review(agreement, ReviewKind.Annual, 2023, new DateOnly(2023, 12, 22), "Sơ kết năm 2023", [(training.Id, 1m, "01 lớp tập huấn sáng lập viên cho đoàn viên thanh niên")], today, now);
        Review(agreement, ReviewKind.Annual, 2024, new DateOnly(2024, 12, 20), "Sơ kết năm 2024", [(training.Id, 2m, "01 lớp sáng lập viên, 01 lớp bồi dưỡng cán bộ hợp tác xã")], today, now);
        Review(agreement, ReviewKind.Final, 2025, new DateOnly(2025, 12, 19), "Tổng kết chương trình phối hợp giai đoạn 2023 – 2025", [(training.Id, 1m, null)], today, now);
        return agreement;
    }

    private static PartnershipAgreement Science(DateOnly today, DateTimeOffset now, IAdministrativeUnits units)
    {
        var agreement = PartnershipAgreement.Create(new AgreementTerms(
            ScienceTitle, null,
            [new Party(Alliance, PartyKind.CooperativeAlliance), new Party(ScienceUnion, PartyKind.ScienceTechnologyUnion)],
            [
                new Signatory("Nguyễn Đức Hiền", "Chủ tịch Liên minh Hợp tác xã tỉnh", Alliance),
                new Signatory("Trương Quang Hải", "Chủ tịch Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh", ScienceUnion),
            ],
            new DateOnly(2022, 8, 22), 2022, 2025, DemoData.DemoProvinceCode,
            [Resolution20],
            [
                "Tuyên truyền đường lối, chủ trương của Đảng, chính sách, pháp luật của Nhà nước về phát triển, ứng dụng khoa học công nghệ",
                "Tổ chức hội thảo khoa học; tư vấn, phản biện các chương trình, đề án, kế hoạch, cơ chế, chính sách",
                "Triển khai các chương trình, đề án, đề tài nghiên cứu, ứng dụng, chuyển giao khoa học công nghệ phát triển kinh tế tập thể",
                "Chuyên gia tham gia các lớp tập huấn, bồi dưỡng nghiệp vụ, chuyển giao khoa học công nghệ do Liên minh Hợp tác xã tỉnh tổ chức",
                "Trao đổi thông tin; chuyên mục \"Sáng tạo khoa học với đời sống\" trên Báo Bắc Giang điện tử",
            ]), today, now, units);
        var workshop = agreement.AddCommitment(new CommitmentFields("Phối hợp tổ chức ít nhất 01 cuộc hội thảo khoa học mỗi năm",
            1, "Hội thảo khoa học", "cuộc", 1, TargetKind.PerYear, ScienceUnion, null), now);
        var training = agreement.AddCommitment(new CommitmentFields("Phối hợp tổ chức ít nhất 01 hội nghị tập huấn cho các hợp tác xã mỗi năm",
            3, "Hội nghị tập huấn cho hợp tác xã", "hội nghị", 1, TargetKind.PerYear, Alliance, null), now);
        var model = agreement.AddCommitment(new CommitmentFields("Phấn đấu xây dựng ít nhất 01 mô hình hợp tác xã ứng dụng tiến bộ khoa học và kỹ thuật vào sản xuất",
            2, "Mô hình hợp tác xã ứng dụng khoa học kỹ thuật", "mô hình", 1, TargetKind.ByPeriodEnd, Alliance, null), now);
        var features = agreement.AddCommitment(new CommitmentFields(
            "Xây dựng từ 01 đến 02 số trong chuyên mục \"Sáng tạo khoa học với đời sống\" trên Báo Bắc Giang điện tử mỗi năm",
            4, "Số chuyên mục trên Báo Bắc Giang điện tử", "số", 1, TargetKind.PerYear, Alliance, null), now);
        agreement.ChangeStatus(AgreementStatus.Active, new DateOnly(2022, 8, 22), "Ký kết chương trình phối hợp", now);
        Review(agreement, ReviewKind.Annual, 2022, new DateOnly(2022, 12, 27), "Sơ kết năm 2022",
            [(workshop.Id, 1m, null), (training.Id, 1m, null), (model.Id, 0m, "Đang lựa chọn hợp tác xã xây dựng mô hình"), (features.Id, 1m, null)], today, now);
        Review(agreement, ReviewKind.Annual, 2023, new DateOnly(2023, 12, 26), "Sơ kết năm 2023",
            [(workshop.Id, 1m, null), (training.Id, 2m, null), (model.Id, 1m, "01 mô hình hợp tác xã ứng dụng tưới tiết kiệm nước"), (features.Id, 2m, null)], today, now);
        Review(agreement, ReviewKind.Annual, 2024, new DateOnly(2024, 12, 24), "Sơ kết năm 2024",
            [(workshop.Id, 1m, null), (training.Id, 1m, null), (features.Id, 2m, null)], today, now);
        Review(agreement, ReviewKind.Final, 2025, new DateOnly(2025, 12, 23), "Tổng kết chương trình phối hợp giai đoạn 2022 – 2025",
            [(workshop.Id, 0m, "Không tổ chức được hội thảo do sắp xếp đơn vị hành chính"), (training.Id, 1m, null), (features.Id, 1m, null)], today, now);
        return agreement;
    }

    /// <summary>Records a review only when its day has come (a database started earlier gets fewer).</summary>
    private static void Review(PartnershipAgreement agreement, ReviewKind kind, int year, DateOnly heldOn, string summary,
        IReadOnlyList<(Guid Commitment, decimal Achieved, string? Notes)> results, DateOnly today, DateTimeOffset now)
    {
        if (heldOn <= today)
        {
            agreement.RecordReview(kind, year, heldOn, summary, results.Select(r => new ReviewResult(r.Commitment, r.Achieved, r.Notes)).ToList(),
                today, now);
        }
    }
}
