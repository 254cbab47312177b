using CoopApi.Application.Common.Exceptions;
using CoopApi.Domain.AnnualReports;
using CoopApi.Domain.Common;
using CoopApi.Domain.Cooperatives;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql;

namespace CoopApi.Infrastructure.Persistence.Configurations;

/// <summary>
/// Table <c>annual_reports</c>: the yearly figures, one row per organization and year. The
/// database guards the limits of <see cref="AnnualReportRules"/> too, and keeps an organization
/// with figures in the register (a withdrawal of an organization that reported is refused).
/// </summary>
internal sealed class AnnualReportConfiguration : IEntityTypeConfiguration<AnnualReport>, IDeclareConstraintErrors
{
    /// <summary>One report per organization and year.</summary>
    public const string YearIndex = "ix_annual_reports_cooperative_id_year";

    /// <summary>Every report belongs to an organization in the register.</summary>
    public const string OrganizationForeignKey = "fk_annual_reports_cooperatives_cooperative_id";

    private static readonly string[] AmountColumns = ["revenue", "charter_capital", "equity", "total_capital", "average_member_income"];

    private static readonly string[] CountColumns = ["official_members", "associate_members", "employees"];

    /// <summary>
    /// Name the <c>BEFORE DELETE</c> trigger on <c>cooperatives</c> reports when an organization with
    /// yearly figures is withdrawn (the foreign key alone cannot tell that case from a filing that
    /// raced a withdrawal: both name the same constraint).
    /// </summary>
    public const string KeepsFiguresTrigger = "cooperatives_keep_annual_reports";

    /// <inheritdoc />
    public IReadOnlyDictionary<string, Func<PostgresException, Exception>> ConstraintErrors { get; } =
        new Dictionary<string, Func<PostgresException, Exception>>
        {
            // Two writers filed the same year at once: the one that lost did not see the other's figures.
            [YearIndex] = _ => new ConcurrencyConflictException(clientPrecondition: true),
            // The organization was withdrawn while its figures were being filed.
            [OrganizationForeignKey] = _ => new ConcurrencyConflictException(clientPrecondition: false),
            // The organization is being withdrawn while it has yearly figures (trigger of migration AnnualReportsAndOcopProducts).
            [KeepsFiguresTrigger] = _ => new BusinessRuleViolationException("cooperative.hasAnnualReports",
                "The organization has yearly figures; it cannot be withdrawn as an entry made in error (delete its annual reports first, or use the status transitions).",
                "Tổ chức đã có báo cáo năm nên không thể rút khỏi sổ như một bản ghi nhập nhầm (hãy xóa các báo cáo năm trước, hoặc dùng chuyển trạng thái)."),
        };

    public void Configure(EntityTypeBuilder<AnnualReport> builder)
    {
        builder.ToTable("annual_reports", t =>
        {
            var max = AnnualReportRules.MaxAmount;
            foreach (var column in AmountColumns)
            {
                t.HasCheckConstraint($"ck_annual_reports_{column}", $"{column} BETWEEN 0 AND {max}");
            }

            t.HasCheckConstraint("ck_annual_reports_pre_tax_profit", $"pre_tax_profit BETWEEN -{max} AND {max}");
            t.HasCheckConstraint("ck_annual_reports_total_capital_covers_equity", "total_capital >= equity");
            foreach (var column in CountColumns)
            {
                t.HasCheckConstraint($"ck_annual_reports_{column}", $"{column} BETWEEN 0 AND {AnnualReportRules.MaxCount}");
            }

            t.HasCheckConstraint("ck_annual_reports_member_needs_served_share", "member_needs_served_share BETWEEN 0 AND 100");
            t.HasCheckConstraint("ck_annual_reports_year", $"year >= {AnnualReportRules.EarliestYear}");
            t.HasCheckConstraint("ck_annual_reports_version", $"version >= {AggregateRoot.InitialVersion}");
        });
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasOne<Cooperative>().WithMany().HasForeignKey(r => r.CooperativeId)
            .HasConstraintName(OrganizationForeignKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.CooperativeId, r.Year }).IsUnique().HasDatabaseName(YearIndex);
        // Statistics by province and year (size classes, figures) read this index.
        builder.HasIndex(r => new { r.ProvinceCode, r.Year });
        builder.Property(r => r.ProvinceCode).HasMaxLength(2);
        builder.Property(r => r.MemberNeedsServedShare).HasPrecision(5, AnnualReportRules.ShareDecimals);
        builder.Property(r => r.SizeClass).StoredAsName();
        builder.HasEnumCheck<AnnualReport, SizeClass>("annual_reports", "size_class");
        builder.Ignore(r => r.Figures);
        builder.Property(r => r.Version).IsConcurrencyToken().HasDefaultValue(AggregateRoot.InitialVersion).ValueGeneratedNever();
    }
}
