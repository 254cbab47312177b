using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.Common;
using CoopApi.Domain.DevelopmentTargets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoopApi.Infrastructure.Persistence.Configurations;

/// <summary>
/// Tables <c>development_targets</c> and <c>development_target_metrics</c>: a province's target and
/// its goals. The database repeats the shape rules: horizon not before the baseline's year, each
/// metric once per target, shares 0–100 with two decimals, counts and amounts whole and not negative.
/// </summary>
internal sealed class DevelopmentTargetConfiguration : IEntityTypeConfiguration<DevelopmentTarget>
{
    public void Configure(EntityTypeBuilder<DevelopmentTarget> builder)
    {
        builder.ToTable("development_targets", t =>
        {
            t.HasCheckConstraint("ck_development_targets_version", $"version >= {AggregateRoot.InitialVersion}");
            t.HasCheckConstraint("ck_development_targets_title_not_blank", "title ~ '[^[:space:]]'");
            t.HasCheckConstraint("ck_development_targets_horizon",
                $"horizon_year >= extract(year FROM baseline_date) AND horizon_year <= {DevelopmentTargetRules.LatestHorizonYear}");
            t.HasCheckConstraint("ck_development_targets_baseline", $"baseline_date >= DATE '{DevelopmentTargetRules.EarliestBaseline:yyyy-MM-dd}'");
            t.HasCheckConstraint("ck_development_targets_source", "(source_number IS NULL) = (source_date IS NULL) AND (source_issuer IS NULL OR source_number IS NOT NULL)");
        });
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.ProvinceCode).HasMaxLength(2);
        builder.HasOne<Province>().WithMany().HasForeignKey(t => t.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
        builder.Property(t => t.Title).HasMaxLength(DevelopmentTargetRules.TitleMaxLength).IsRequired().UseCollation(CoopDbContext.VietnameseCollation);
        builder.Property(t => t.SourceNumber).HasMaxLength(DevelopmentTargetRules.NumberMaxLength);
        builder.Property(t => t.SourceIssuer).HasMaxLength(DevelopmentTargetRules.IssuerMaxLength);
        builder.Property(t => t.Version).IsConcurrencyToken().HasDefaultValue(AggregateRoot.InitialVersion).ValueGeneratedNever();
        builder.HasMany(t => t.Metrics).WithOne().HasForeignKey(m => m.TargetId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Metrics).UsePropertyAccessMode(PropertyAccessMode.Field);
        // The list: by province and horizon, pages by id.
        builder.HasIndex(t => new { t.ProvinceCode, t.HorizonYear, t.Id });
        builder.HasIndex(t => new { t.HorizonYear, t.Id });
    }
}

/// <summary>Table <c>development_target_metrics</c>: the goals of a target.</summary>
internal sealed class TargetMetricGoalConfiguration : IEntityTypeConfiguration<TargetMetricGoal>
{
    public void Configure(EntityTypeBuilder<TargetMetricGoal> builder)
    {
        var shares = string.Join(", ", new[] { TargetMetric.FairOrBetterShare, TargetMetric.WeakShare }.Select(m => $"'{EnumLabels.ApiName(m)}'"));
        builder.ToTable("development_target_metrics", t =>
        {
            t.HasCheckConstraint("ck_development_target_metrics_value",
                $"(metric IN ({shares}) AND value BETWEEN 0 AND 100)"
                + $" OR (metric NOT IN ({shares}) AND value >= 0 AND value = trunc(value))");
            t.HasCheckConstraint("ck_development_target_metrics_position", "position >= 0");
        });
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Metric).StoredAsName();
        builder.Property(m => m.Comparison).StoredAsName();
        builder.HasEnumCheck<TargetMetricGoal, TargetMetric>("development_target_metrics", "metric");
        builder.HasEnumCheck<TargetMetricGoal, TargetComparison>("development_target_metrics", "comparison");
        builder.Property(m => m.Value).HasPrecision(20, 2);
        builder.Ignore(m => m.Goal);
        builder.HasIndex(m => new { m.TargetId, m.Metric }).IsUnique();
    }
}
