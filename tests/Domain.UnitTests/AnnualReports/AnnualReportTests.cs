using CoopApi.Domain.AnnualReports;
using CoopApi.Domain.Common;
using CoopApi.Domain.UnitTests.Cooperatives;

namespace CoopApi.Domain.UnitTests.AnnualReports;

/// <summary>The annual report aggregate: its year, its figures, its events.</summary>
public class AnnualReportTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 3, 0, 0, TimeSpan.Zero);

    private static AnnualReportFigures Figures(long revenue = 12_500_000_000, long profit = -150_000_000, decimal share = 72.5m) =>
        new(revenue, profit, 1_500_000_000, 2_100_000_000, 6_000_000_000, 210, 40, 18, 62_000_000, share);

    [Fact]
    public void File_RaisesFiled_WithTheComputedSizeClass_AndTheOrganizationsProvince()
    {
        var organization = Samples.Registered();

        var report = AnnualReport.File(organization, 2024, Figures(), Today, Now);

        Assert.Equal(SizeClass.Medium, report.SizeClass);
        Assert.Equal(organization.ProvinceCode, report.ProvinceCode);
        var filed = Assert.IsType<AnnualReportFiled>(Assert.Single(report.DomainEvents));
        Assert.Equal(ChangeKind.Created, filed.Kind);
        Assert.Equal(2024, filed.Year);
    }

    [Fact]
    public void File_RefusesAYearBeforeTheFoundingYear_AndAfterThisYear()
    {
        var organization = Samples.Registered();
        var founded = organization.EstablishedOn.Year;

        Assert.Equal("year.beforeFounding",
            Assert.Throws<DomainValidationException>(() => AnnualReport.File(organization, founded - 1, Figures(), Today, Now)).Code);
        Assert.Equal("year.inFuture",
            Assert.Throws<DomainValidationException>(() => AnnualReport.File(organization, Today.Year + 1, Figures(), Today, Now)).Code);
        Assert.NotNull(AnnualReport.File(organization, founded, Figures(), Today, Now));
        Assert.NotNull(AnnualReport.File(organization, Today.Year, Figures(), Today, Now));
    }

    [Fact]
    public void Replace_NamesTheChangedFields_AndAnIdenticalReplacementRaisesNothing()
    {
        var organization = Samples.Registered();
        var report = AnnualReport.File(organization, 2024, Figures(), Today, Now);
        report.ClearDomainEvents();

        report.Replace(organization, Figures(), Today, Now.AddHours(1));
        Assert.Empty(report.DomainEvents);

        report.Replace(organization, Figures(revenue: 60_000_000_000), Today, Now.AddHours(2));
        var revised = Assert.IsType<AnnualReportRevised>(Assert.Single(report.DomainEvents));
        Assert.Equal(["revenue"], revised.Changes.Select(c => c.Field));
        Assert.Equal(SizeClass.Medium, report.SizeClass); // 210 members: not large whatever the revenue

        report.ClearDomainEvents();
        report.Replace(organization, Figures(revenue: 0) with { OfficialMembers = 49, TotalCapital = 2_100_000_000 }, Today, Now.AddHours(3));
        var shrunk = Assert.IsType<AnnualReportRevised>(Assert.Single(report.DomainEvents));
        Assert.Equal(["revenue", "totalCapital", "officialMembers", "sizeClass"], shrunk.Changes.Select(c => c.Field));
        Assert.Equal(SizeClass.Medium, shrunk.Changes[^1].Before);
        Assert.Equal(SizeClass.Micro, shrunk.Changes[^1].After);
    }

    [Fact]
    public void Figures_OutsideTheirRules_AreRefused()
    {
        var organization = Samples.Registered();

        Assert.Equal("revenue.negative",
            Assert.Throws<DomainValidationException>(() => AnnualReport.File(organization, 2024, Figures(revenue: -1), Today, Now)).Code);
        Assert.Equal("memberNeedsServedShare.outOfRange",
            Assert.Throws<DomainValidationException>(() => AnnualReport.File(organization, 2024, Figures(share: 100.01m), Today, Now)).Code);
        Assert.Equal("memberNeedsServedShare.precision",
            Assert.Throws<DomainValidationException>(() => AnnualReport.File(organization, 2024, Figures(share: 50.125m), Today, Now)).Code);
        Assert.NotNull(AnnualReport.File(organization, 2024, Figures(profit: -AnnualReportRules.MaxAmount, share: 100m), Today, Now));
    }
}
