using CoopApi.Domain.Common;
using CoopApi.Domain.Cooperatives;

namespace CoopApi.Domain.AnnualReports;

/// <summary>
/// The yearly figures of one organization for one year (báo cáo tình hình hoạt động năm): its own
/// aggregate, one per organization and year, with its own version (the ETag that guards a
/// replacement). It lies in the organization's province as of its last write, and carries the size
/// class computed from its figures, the organization's kind and sector at that write.
/// </summary>
public sealed class AnnualReport : AggregateRoot, IBelongsToProvince
{
    /// <summary>Stored type name of annual reports (the change feed's <c>entityType</c>).</summary>
    public const string Type = "annualReport";

    private AnnualReport() { } // for EF Core

    /// <inheritdoc />
    public override string AggregateType => Type;

    /// <summary>The organization reporting.</summary>
    public Guid CooperativeId { get; private set; }

    /// <summary>The year reported.</summary>
    public int Year { get; private set; }

    /// <summary>Province of the organization when the figures were last written.</summary>
    public string ProvinceCode { get; private set; } = "";

    /// <summary>Doanh thu (VND).</summary>
    public long Revenue { get; private set; }

    /// <summary>Lợi nhuận trước thuế (VND, negative for a loss).</summary>
    public long PreTaxProfit { get; private set; }

    /// <summary>Vốn điều lệ (VND).</summary>
    public long CharterCapital { get; private set; }

    /// <summary>Vốn chủ sở hữu (VND).</summary>
    public long Equity { get; private set; }

    /// <summary>Tổng nguồn vốn (VND).</summary>
    public long TotalCapital { get; private set; }

    /// <summary>Thành viên chính thức.</summary>
    public int OfficialMembers { get; private set; }

    /// <summary>Thành viên liên kết.</summary>
    public int AssociateMembers { get; private set; }

    /// <summary>Người lao động.</summary>
    public int Employees { get; private set; }

    /// <summary>Thu nhập bình quân of a member (VND per year).</summary>
    public long AverageMemberIncome { get; private set; }

    /// <summary>Share of the members' needs served, percent.</summary>
    public decimal MemberNeedsServedShare { get; private set; }

    /// <summary>Size class computed from the figures (null for a cooperative group).</summary>
    public SizeClass? SizeClass { get; private set; }

    /// <summary>When the report was first filed (UTC).</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When it was last changed (UTC).</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The figures as a value.</summary>
    public AnnualReportFigures Figures => new(Revenue, PreTaxProfit, CharterCapital, Equity, TotalCapital,
        OfficialMembers, AssociateMembers, Employees, AverageMemberIncome, MemberNeedsServedShare);

    /// <summary>
    /// Files the figures of <paramref name="organization"/> for <paramref name="year"/>: the year
    /// may not be before its founding year nor after the current one; every figure must satisfy
    /// <see cref="AnnualReportRules"/>. Computes the size class.
    /// </summary>
    /// <exception cref="DomainValidationException">The year or a figure breaks a rule.</exception>
    public static AnnualReport File(Cooperative organization, int year, AnnualReportFigures figures, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(figures);
        if (AnnualReportRules.CheckYearOf(year, organization.EstablishedOn, today) is { } yearError)
        {
            throw yearError.AsValidation();
        }

        var report = new AnnualReport { CooperativeId = organization.Id, Year = year, CreatedAt = Microseconds(now) };
        report.Apply(organization, figures, now);
        report.Raise(new AnnualReportFiled(report.Id, now, report.CooperativeId, year, report.Figures, report.SizeClass));
        return report;
    }

    /// <summary>
    /// Replaces every figure (and recomputes the size class from the organization as it is now).
    /// Raises <see cref="AnnualReportRevised"/> naming the fields that changed, or nothing when none did.
    /// </summary>
    /// <exception cref="DomainValidationException">A figure breaks a rule.</exception>
    public void Replace(Cooperative organization, AnnualReportFigures figures, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(figures);
        if (AnnualReportRules.CheckYearOf(Year, organization.EstablishedOn, today) is { } yearError)
        {
            throw yearError.AsValidation();
        }

        var before = Fields();
        var updatedAt = UpdatedAt;
        Apply(organization, figures, now);
        var after = Fields();
        var changes = before.Zip(after).Where(p => !Equals(p.First.Value, p.Second.Value))
            .Select(p => new FieldChange(p.First.Name, p.First.Value, p.Second.Value)).ToList();
        if (changes.Count == 0)
        {
            UpdatedAt = updatedAt;
            return;
        }

        Raise(new AnnualReportRevised(Id, now, changes));
    }

    /// <summary>Removes a report filed in error; raises <see cref="AnnualReportDeleted"/> with what it held.</summary>
    public void Delete(DateTimeOffset now) =>
        Raise(new AnnualReportDeleted(Id, now, CooperativeId, Year, Figures));

    private void Apply(Cooperative organization, AnnualReportFigures figures, DateTimeOffset now)
    {
        if (AnnualReportRules.Check(figures).FirstOrDefault() is { } error)
        {
            throw error.AsValidation();
        }

        ProvinceCode = organization.ProvinceCode;
        Revenue = figures.Revenue;
        PreTaxProfit = figures.PreTaxProfit;
        CharterCapital = figures.CharterCapital;
        Equity = figures.Equity;
        TotalCapital = figures.TotalCapital;
        OfficialMembers = figures.OfficialMembers;
        AssociateMembers = figures.AssociateMembers;
        Employees = figures.Employees;
        AverageMemberIncome = figures.AverageMemberIncome;
        MemberNeedsServedShare = figures.MemberNeedsServedShare + 0.00m; // always 2 decimals, as PostgreSQL returns it
        SizeClass = SizeClassRules.Classify(organization.Kind, organization.Sector, figures.OfficialMembers, figures.Revenue,
            figures.TotalCapital);
        UpdatedAt = Microseconds(now);
    }

    /// <summary>PostgreSQL keeps microseconds: an instant cut to them, so a response equals what a later read returns.</summary>
    private static DateTimeOffset Microseconds(DateTimeOffset instant) => instant.AddTicks(-(instant.Ticks % TimeSpan.TicksPerMicrosecond));

    private (string Name, object? Value)[] Fields() =>
    [
        ("provinceCode", ProvinceCode), ("revenue", Revenue), ("preTaxProfit", PreTaxProfit), ("charterCapital", CharterCapital),
        ("equity", Equity), ("totalCapital", TotalCapital), ("officialMembers", OfficialMembers),
        ("associateMembers", AssociateMembers), ("employees", Employees), ("averageMemberIncome", AverageMemberIncome),
        ("memberNeedsServedShare", MemberNeedsServedShare), ("sizeClass", SizeClass),
    ];
}
