using System.Text.Json;
using CoopApi.Application.Common.Exceptions;
using CoopApi.Domain.Classifications;
using CoopApi.Domain.Common;
using CoopApi.Domain.Cooperatives;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace CoopApi.Infrastructure.Persistence.Configurations;

/// <summary>
/// Table <c>classification_schemes</c>: scheme versions. The criteria tree and the bands are stored as
/// <c>jsonb</c> (a version never changes once added, and is always read whole); the code is unique.
/// </summary>
internal sealed class ClassificationSchemeConfiguration : IEntityTypeConfiguration<ClassificationScheme>, IDeclareConstraintErrors
{
    /// <summary>Unique scheme codes (the key assessments refer to).</summary>
    public const string CodeIndex = "ak_classification_schemes_code";

    /// <inheritdoc />
    public IReadOnlyDictionary<string, Func<PostgresException, Exception>> ConstraintErrors { get; } =
        new Dictionary<string, Func<PostgresException, Exception>>
        {
            [CodeIndex] = _ => Application.ClassificationSchemes.Commands.CreateClassificationScheme.CreateClassificationSchemeCommandHandler.SchemeCodeTaken(),
        };

    public void Configure(EntityTypeBuilder<ClassificationScheme> builder)
    {
        builder.ToTable("classification_schemes", t =>
        {
            t.HasCheckConstraint("ck_classification_schemes_validity", "valid_to IS NULL OR valid_to >= valid_from");
            t.HasCheckConstraint("ck_classification_schemes_version", $"version >= {AggregateRoot.InitialVersion}");
            t.HasCheckConstraint("ck_classification_schemes_code", $"code ~ '{ClassificationRules.SchemeCodePattern}'");
        });
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Code).HasMaxLength(ClassificationRules.SchemeCodeMaxLength);
        builder.HasAlternateKey(s => s.Code).HasName(CodeIndex);
        builder.Property(s => s.Title).HasMaxLength(ClassificationRules.TitleMaxLength);
        builder.Property(s => s.Regulation).HasMaxLength(ClassificationRules.TitleMaxLength);
        builder.Property(s => s.AppliesToKinds).HasColumnType("text[]").HasConversion(
            new ValueConverter<OrganizationKind[], string[]>(v => v.Select(k => EnumLabels.ApiName(k)).ToArray(),
                v => v.Select(ParseKind).ToArray()),
            new ValueComparer<OrganizationKind[]>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, k) => HashCode.Combine(h, k)), v => v.ToArray()));
        builder.Property(s => s.ExcludedSectors).HasColumnType("text[]").HasConversion(
            new ValueConverter<Sector[], string[]>(v => v.Select(k => EnumLabels.ApiName(k)).ToArray(),
                v => v.Select(ParseSector).ToArray()),
            new ValueComparer<Sector[]>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, k) => HashCode.Combine(h, k)), v => v.ToArray()));
        builder.Property(s => s.Bands).HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, ClassificationJson.Options),
            v => JsonSerializer.Deserialize<RatingBands>(v, ClassificationJson.Options)!,
            new ValueComparer<RatingBands>((a, b) => Equals(a, b), v => v.GetHashCode(), v => v));
        builder.Property(s => s.Groups).HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, ClassificationJson.Options),
            v => JsonSerializer.Deserialize<List<CriteriaGroup>>(v, ClassificationJson.Options)!,
            new ValueComparer<IReadOnlyList<CriteriaGroup>>((a, b) => ReferenceEquals(a, b), v => v.Count, v => v));
        builder.Property(s => s.Version).IsConcurrencyToken().HasDefaultValue(AggregateRoot.InitialVersion).ValueGeneratedNever();
        builder.Ignore(s => s.TotalPoints);
        builder.Ignore(s => s.Criteria);
    }

    private static OrganizationKind ParseKind(string value) => Enum.Parse<OrganizationKind>(value, ignoreCase: true);

    private static Sector ParseSector(string value) => Enum.Parse<Sector>(value, ignoreCase: true);
}

/// <summary>
/// Table <c>classifications</c>: one row per organization and year (unique), holding the current
/// revision and what the list and the distribution filter and count on (year, province, commune,
/// sector, rating), indexed for those aggregates.
/// </summary>
internal sealed class ClassificationConfiguration : IEntityTypeConfiguration<Classification>, IDeclareConstraintErrors
{
    /// <summary>One classification per organization and year.</summary>
    public const string YearIndex = "ix_classifications_cooperative_id_year";

    /// <summary>Every classification belongs to an organization that exists.</summary>
    public const string OrganizationForeignKey = "fk_classifications_cooperatives_cooperative_id";

    /// <inheritdoc />
    public IReadOnlyDictionary<string, Func<PostgresException, Exception>> ConstraintErrors { get; } =
        new Dictionary<string, Func<PostgresException, Exception>>
        {
            // Two first assessments of the same year at once: one lost.
            [YearIndex] = _ => new ConcurrencyConflictException(clientPrecondition: false),
            // An organization with classifications cannot be withdrawn as an entry made in error.
            [OrganizationForeignKey] = _ => new BusinessRuleViolationException("cooperative.hasClassifications",
                "The organization has yearly classifications: it cannot be withdrawn as an entry made in error.",
                "Tổ chức đã có kết quả đánh giá, phân loại hằng năm: không thể rút khỏi sổ như một bản ghi nhập nhầm."),
        };

    public void Configure(EntityTypeBuilder<Classification> builder)
    {
        builder.ToTable("classifications", t =>
        {
            t.HasCheckConstraint("ck_classifications_version", $"version >= {AggregateRoot.InitialVersion}");
            t.HasCheckConstraint("ck_classifications_revision", "revision >= 1");
            t.HasCheckConstraint("ck_classifications_year", $"year >= {ClassificationRules.EarliestYear}");
            t.HasCheckConstraint("ck_classifications_not_rated_reason",
                "(rating = 'notRated') = (not_rated_reason IS NOT NULL)");
        });
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasOne<Cooperative>().WithMany().HasForeignKey(c => c.CooperativeId)
            .HasConstraintName(OrganizationForeignKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.CooperativeId, c.Year }).IsUnique().HasDatabaseName(YearIndex);
        builder.Property(c => c.ProvinceCode).HasMaxLength(2);
        builder.Property(c => c.CommuneCode).HasMaxLength(5);
        builder.Property(c => c.OrganizationKind).StoredAsName();
        builder.Property(c => c.Sector).StoredAsName();
        builder.Property(c => c.Rating).StoredAsName();
        builder.Property(c => c.NotRatedReason).StoredAsName();
        builder.HasEnumCheck<Classification, OrganizationKind>("classifications", "organization_kind");
        builder.HasEnumCheck<Classification, Sector>("classifications", "sector");
        builder.HasEnumCheck<Classification, Rating>("classifications", "rating");
        builder.Property(c => c.SchemeCode).HasMaxLength(ClassificationRules.SchemeCodeMaxLength);
        builder.HasOne<ClassificationScheme>().WithMany().HasForeignKey(c => c.SchemeCode).HasPrincipalKey(s => s.Code)
            .OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.TotalPoints).HasPrecision(7, 2);
        builder.Property(c => c.Scores).HasColumnType("jsonb").HasConversion(ClassificationJson.ScoresConverter, ClassificationJson.ScoresComparer);
        builder.Property(c => c.ApprovedBy).HasMaxLength(ClassificationRules.ApprovedByMaxLength);
        builder.Property(c => c.Notes).HasMaxLength(ClassificationRules.NotesMaxLength);
        builder.Property(c => c.Version).IsConcurrencyToken().HasDefaultValue(AggregateRoot.InitialVersion).ValueGeneratedNever();

        builder.HasMany(c => c.Revisions).WithOne().HasForeignKey(r => r.ClassificationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Revisions).UsePropertyAccessMode(PropertyAccessMode.Field);

        // The distribution (one year, the register or one province, by sector or commune) and the list's
        // filters: year first, then province and commune, with rating and sector in the index so the
        // aggregate reads the index only.
        builder.HasIndex(c => new { c.Year, c.ProvinceCode, c.CommuneCode }).IncludeProperties(c => new { c.Rating, c.Sector });
    }
}

/// <summary>Table <c>classification_revisions</c>: every revision of every classification, append-only.</summary>
internal sealed class ClassificationRevisionConfiguration : IEntityTypeConfiguration<ClassificationRevision>, IDeclareConstraintErrors
{
    /// <summary>One row per revision number of a classification.</summary>
    public const string RevisionIndex = "ix_classification_revisions_classification_id_revision";

    /// <inheritdoc />
    public IReadOnlyDictionary<string, Func<PostgresException, Exception>> ConstraintErrors { get; } =
        new Dictionary<string, Func<PostgresException, Exception>>
        {
            [RevisionIndex] = _ => new ConcurrencyConflictException(clientPrecondition: false),
        };

    public void Configure(EntityTypeBuilder<ClassificationRevision> builder)
    {
        builder.ToTable("classification_revisions", t => t.HasCheckConstraint("ck_classification_revisions_revision", "revision >= 1"));
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasIndex(r => new { r.ClassificationId, r.Revision }).IsUnique().HasDatabaseName(RevisionIndex);
        builder.Property(r => r.SchemeCode).HasMaxLength(ClassificationRules.SchemeCodeMaxLength);
        builder.Property(r => r.Rating).StoredAsName();
        builder.Property(r => r.NotRatedReason).StoredAsName();
        builder.HasEnumCheck<ClassificationRevision, Rating>("classification_revisions", "rating");
        builder.Property(r => r.TotalPoints).HasPrecision(7, 2);
        builder.Property(r => r.Scores).HasColumnType("jsonb").HasConversion(ClassificationJson.ScoresConverter, ClassificationJson.ScoresComparer);
        builder.Property(r => r.ApprovedBy).HasMaxLength(ClassificationRules.ApprovedByMaxLength);
        builder.Property(r => r.Notes).HasMaxLength(ClassificationRules.NotesMaxLength);
    }
}

/// <summary>JSON of the jsonb columns of classifications: camelCase, as the API writes it.</summary>
internal static class ClassificationJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static readonly ValueConverter<IReadOnlyList<CriterionScore>, string> ScoresConverter = new(
        v => JsonSerializer.Serialize(v, Options),
        v => JsonSerializer.Deserialize<List<CriterionScore>>(v, Options)!);

    public static readonly ValueComparer<IReadOnlyList<CriterionScore>> ScoresComparer = new(
        (a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList());
}
