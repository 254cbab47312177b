using System.Text.Json;
using CoopApi.Application.Common.Exceptions;
using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.Common;
using CoopApi.Domain.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace CoopApi.Infrastructure.Persistence.Configurations;

/// <summary>
/// Tables <c>partnership_agreements</c>, <c>partnership_commitments</c> and <c>partnership_reviews</c>:
/// a programme with its commitments and reviews. Parties, signatories, policy references, content
/// areas, amendments and review results are <c>jsonb</c> in the API's own JSON (always read and
/// written whole with their row).
/// </summary>
internal sealed class PartnershipAgreementConfiguration : IEntityTypeConfiguration<PartnershipAgreement>, IDeclareConstraintErrors
{
    /// <summary>One review per year of an agreement: of two concurrent reviews of one year only one is recorded.</summary>
    public const string ReviewYearIndex = "ix_partnership_reviews_agreement_id_year";

    /// <summary>One commitment per position of an agreement.</summary>
    public const string CommitmentSequenceIndex = "ix_partnership_commitments_agreement_id_sequence";

    /// <inheritdoc />
    public IReadOnlyDictionary<string, Func<PostgresException, Exception>> ConstraintErrors { get; } =
        new Dictionary<string, Func<PostgresException, Exception>>
        {
            [ReviewYearIndex] = _ => PartnershipRules.Errors.YearAlreadyReviewed.AsViolation(),
            [CommitmentSequenceIndex] = _ => new ConcurrencyConflictException(clientPrecondition: false),
        };

    public void Configure(EntityTypeBuilder<PartnershipAgreement> builder)
    {
        builder.ToTable("partnership_agreements");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Title).HasMaxLength(PartnershipRules.TextMaxLength).IsRequired().UseCollation(CoopDbContext.VietnameseCollation);
        builder.Property(a => a.Reference).HasMaxLength(PartnershipRules.NumberMaxLength);
        builder.Property(a => a.ProvinceCode).HasMaxLength(2).IsRequired();
        builder.HasOne<Province>().WithMany().HasForeignKey(a => a.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Status).StoredAsName();
        builder.HasEnumCheck<PartnershipAgreement, AgreementStatus>("partnership_agreements", "status");
        builder.Property(a => a.ClosingReason).HasMaxLength(PartnershipRules.LongTextMaxLength);
        builder.Property(a => a.Parties).Jsonb();
        builder.Property(a => a.Signatories).Jsonb();
        builder.Property(a => a.PolicyReferences).Jsonb();
        builder.Property(a => a.ContentAreas).Jsonb();
        builder.Property(a => a.Amendments).Jsonb();
        builder.Property(a => a.Version).IsConcurrencyToken().HasDefaultValue(AggregateRoot.InitialVersion).ValueGeneratedNever();
        builder.Ignore(a => a.IsClosed);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_partnership_agreements_version", $"version >= {AggregateRoot.InitialVersion}");
            t.HasCheckConstraint("ck_partnership_agreements_title_not_blank", "title ~ '[^[:space:]]'");
            t.HasCheckConstraint("ck_partnership_agreements_period",
                $"period_start_year BETWEEN {PartnershipRules.EarliestYear} AND {PartnershipRules.LatestYear} "
                + $"AND period_end_year >= period_start_year AND period_end_year - period_start_year < {PartnershipRules.MaxPeriodYears}");
            t.HasCheckConstraint("ck_partnership_agreements_parties", "jsonb_array_length(parties) >= 2");
            t.HasCheckConstraint("ck_partnership_agreements_status_dates",
                "(status = 'draft' AND effective_from IS NULL AND closed_on IS NULL)"
                + " OR (status = 'active' AND effective_from IS NOT NULL AND closed_on IS NULL)"
                + " OR (status IN ('completed', 'terminated') AND effective_from IS NOT NULL AND closed_on >= effective_from)");
        });

        builder.HasMany(a => a.Commitments).WithOne().HasForeignKey(c => c.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Commitments).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(a => a.Reviews).WithOne().HasForeignKey(r => r.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Reviews).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasIndex(a => a.ProvinceCode);
        builder.HasIndex(a => new { a.SignedOn, a.Id });
    }
}

/// <summary>Table <c>partnership_commitments</c>.</summary>
internal sealed class PartnershipCommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> builder)
    {
        builder.ToTable("partnership_commitments");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Description).HasMaxLength(PartnershipRules.TextMaxLength).IsRequired();
        builder.Property(c => c.Indicator).HasMaxLength(PartnershipRules.TextMaxLength).IsRequired();
        builder.Property(c => c.Unit).HasMaxLength(PartnershipRules.NumberMaxLength).IsRequired();
        builder.Property(c => c.ResponsibleParty).HasMaxLength(PartnershipRules.NameMaxLength);
        builder.Property(c => c.Target).HasPrecision(14, 2);
        builder.Property(c => c.TargetKind).StoredAsName();
        builder.HasEnumCheck<Commitment, TargetKind>("partnership_commitments", "target_kind");
        builder.Property(c => c.RegisterMeasure).StoredAsName();
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_partnership_commitments_register_measure",
                "register_measure IS NULL OR register_measure IN ("
                + string.Join(", ", Enum.GetValues<RegisterMeasure>().Select(v => $"'{EnumLabels.ApiName(v)}'")) + ")");
            t.HasCheckConstraint("ck_partnership_commitments_target", "target > 0");
            t.HasCheckConstraint("ck_partnership_commitments_content_area", "content_area >= 0");
        });
        builder.HasIndex(c => new { c.AgreementId, c.Sequence }).IsUnique().HasDatabaseName(PartnershipAgreementConfiguration.CommitmentSequenceIndex);
    }
}

/// <summary>Table <c>partnership_reviews</c>.</summary>
internal sealed class PartnershipReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> builder)
    {
        builder.ToTable("partnership_reviews");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Kind).StoredAsName();
        builder.HasEnumCheck<Review, ReviewKind>("partnership_reviews", "kind");
        builder.Property(r => r.Summary).HasMaxLength(PartnershipRules.LongTextMaxLength);
        builder.Property(r => r.Results).Jsonb();
        builder.ToTable(t => t.HasCheckConstraint("ck_partnership_reviews_held_on", "extract(year FROM held_on) >= year"));
        builder.HasIndex(r => new { r.AgreementId, r.Year }).IsUnique().HasDatabaseName(PartnershipAgreementConfiguration.ReviewYearIndex);
    }
}

/// <summary>jsonb columns holding lists of the domain's records, in the API's JSON.</summary>
internal static class PartnershipJson
{
    public static PropertyBuilder<IReadOnlyList<T>> Jsonb<T>(this PropertyBuilder<IReadOnlyList<T>> property) =>
        property.HasColumnType("jsonb").IsRequired().HasConversion(
            new ValueConverter<IReadOnlyList<T>, string>(
                v => JsonSerializer.Serialize(v, PartnershipAgreement.Json),
                v => JsonSerializer.Deserialize<List<T>>(v, PartnershipAgreement.Json)!),
            new ValueComparer<IReadOnlyList<T>>(
                (a, b) => JsonSerializer.Serialize(a, PartnershipAgreement.Json) == JsonSerializer.Serialize(b, PartnershipAgreement.Json),
                v => v.Count,
                v => v.ToList()));
}
