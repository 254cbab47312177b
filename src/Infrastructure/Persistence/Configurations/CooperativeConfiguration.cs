using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Search;
using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.Common;
using CoopApi.Domain.Cooperatives;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql;

namespace CoopApi.Infrastructure.Persistence.Configurations;

/// <summary>
/// Table <c>cooperatives</c>: the register. The database guards the shape rules of
/// <see cref="OrganizationRules"/> too (CHECKs generated from the same limits, a composite
/// foreign key that keeps the commune in its province), so a bulk COPY or a future handler cannot
/// write an impossible row.
/// </summary>
internal sealed class CooperativeConfiguration : IEntityTypeConfiguration<Cooperative>, IDeclareConstraintErrors
{
    /// <summary>Unique registration codes.</summary>
    public const string RegistrationCodeIndex = "ix_cooperatives_registration_code";

    /// <inheritdoc />
    public IReadOnlyDictionary<string, Func<PostgresException, Exception>> ConstraintErrors { get; } =
        new Dictionary<string, Func<PostgresException, Exception>>
        {
            [RegistrationCodeIndex] = _ => new DuplicateException(RegistrationCode.Field,
                "The registration code is already in the register.", "Mã số đăng ký đã có trong sổ đăng ký."),
        };

    public void Configure(EntityTypeBuilder<Cooperative> builder)
    {
        builder.ToTable("cooperatives");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();

        builder.Property(c => c.RegistrationCode).HasMaxLength(RegistrationCode.MaxLength);
        builder.HasIndex(c => c.RegistrationCode).IsUnique().HasFilter("registration_code IS NOT NULL")
            .HasDatabaseName(RegistrationCodeIndex);

        builder.Property(c => c.Name).HasMaxLength(OrganizationRules.NameMaxLength).IsRequired()
            .UseCollation(CoopDbContext.VietnameseCollation);
        builder.Property(c => c.Kind).StoredAsName();
        builder.Property(c => c.Sector).StoredAsName();
        builder.Property(c => c.Status).StoredAsName();
        builder.HasEnumCheck<Cooperative, OrganizationKind>("cooperatives", "kind");
        builder.HasEnumCheck<Cooperative, Sector>("cooperatives", "sector");
        builder.HasEnumCheck<Cooperative, OrganizationStatus>("cooperatives", "status");

        builder.Property(c => c.ProvinceCode).HasMaxLength(2).IsFixedLength(false);
        builder.Property(c => c.CommuneCode).HasMaxLength(5);
        builder.HasOne<Province>().WithMany().HasForeignKey(c => c.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
        // The commune must lie in the province: (commune_code, province_code) is a commune's key.
        builder.HasOne<Commune>().WithMany()
            .HasForeignKey(c => new { c.CommuneCode, c.ProvinceCode })
            .HasPrincipalKey(c => new { c.Code, c.ProvinceCode })
            .HasConstraintName("fk_cooperatives_communes_commune_in_province")
            .OnDelete(DeleteBehavior.Restrict);

        // Free text is stored trimmed, phone and e-mail exactly as sent; the limits are those of the
        // stored value (OrganizationRules).
        builder.Property(c => c.Address).HasMaxLength(OrganizationRules.AddressMaxLength);
        builder.Property(c => c.Representative).HasMaxLength(OrganizationRules.RepresentativeMaxLength);
        builder.Property(c => c.Phone).HasMaxLength(OrganizationRules.PhoneMaxLength);
        builder.Property(c => c.Email).HasMaxLength(OrganizationRules.EmailMaxLength);
        builder.Property(c => c.MainProducts).HasColumnType("text[]");
        builder.ToTable(t =>
        {
            var kinds = Enum.GetValues<OrganizationKind>();
            var minimums = string.Join(" ", kinds.Select(k => $"WHEN '{EnumLabels.ApiName(k)}' THEN {OrganizationRules.MinimumMembers(k)}"));
            var codeOptional = string.Join(", ", kinds.Where(k => !OrganizationRules.RequiresRegistrationCode(k)).Select(k => $"'{EnumLabels.ApiName(k)}'"));
            t.HasCheckConstraint("ck_cooperatives_charter_capital", "charter_capital >= 0");
            t.HasCheckConstraint("ck_cooperatives_version", $"version >= {AggregateRoot.InitialVersion}");
            t.HasCheckConstraint("ck_cooperatives_member_count",
                $"member_count >= CASE kind {minimums} END AND member_count <= {OrganizationRules.MaxCount}");
            t.HasCheckConstraint("ck_cooperatives_employee_count",
                $"employee_count IS NULL OR employee_count BETWEEN 0 AND {OrganizationRules.MaxCount}");
            t.HasCheckConstraint("ck_cooperatives_registration_code_required",
                $"registration_code IS NOT NULL OR kind IN ({codeOptional})");
            t.HasCheckConstraint("ck_cooperatives_registration_code_format", $"registration_code ~ '{RegistrationCode.SqlPattern}'");
            t.HasCheckConstraint("ck_cooperatives_province_code_format", $"province_code ~ '{ProvinceCode.SqlPattern}'");
            t.HasCheckConstraint("ck_cooperatives_commune_code_format", $"commune_code ~ '{CommuneCode.SqlPattern}'");
            t.HasCheckConstraint("ck_cooperatives_established_on",
                $"established_on >= DATE '{OrganizationRules.EarliestFoundingDate:yyyy-MM-dd}'");
            t.HasCheckConstraint("ck_cooperatives_name_not_blank", "name ~ '[^[:space:]]'");
            // The root's status summary: nothing but the registration means still active; a later
            // change is never before the founding date.
            t.HasCheckConstraint("ck_cooperatives_status_summary",
                "last_sequence >= 0 AND (last_sequence > 0 OR status = 'active') "
                + "AND (last_sequence = 0 OR status_since >= established_on)");
        });

        // The aggregate's version, kept by the write path (one more per save that raised events) and
        // checked by every UPDATE and DELETE of the row: the concurrency token of the whole aggregate.
        builder.Property(c => c.Version).IsConcurrencyToken().HasDefaultValue(AggregateRoot.InitialVersion)
            .ValueGeneratedNever();

        // Name, code and commune name folded for search (diacritics, case, abbreviations such as
        // HTX), kept by a PostgreSQL trigger (migration SearchByAbbreviationAndCommune), so rows
        // written by any path (bulk COPY included) are searchable. EF Core never writes it.
        builder.Property<string>(SearchFunctions.SearchTextColumn).ValueGeneratedOnAddOrUpdate();
        builder.HasIndex(SearchFunctions.SearchTextColumn).HasMethod("gin").HasOperators("gin_trgm_ops");

        builder.HasMany(c => c.StatusHistory).WithOne().HasForeignKey(s => s.CooperativeId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.StatusHistory).UsePropertyAccessMode(PropertyAccessMode.Field);

        // Filters and sorts of the list endpoint; the id breaks ties, so each sort has its index.
        builder.HasIndex(c => new { c.ProvinceCode, c.CommuneCode });
        // Province counts by status: index-only (bench/list-queries, Q3). Two columns, not three with
        // kind: a wider index made the planner count the whole table with a slower parallel scan.
        builder.HasIndex(c => new { c.ProvinceCode, c.Status });
        builder.HasIndex(c => new { c.Status, c.Kind });
        builder.HasIndex(c => c.Sector);
        builder.HasIndex(c => new { c.Name, c.Id });
        builder.HasIndex(c => new { c.EstablishedOn, c.Id });
        builder.HasIndex(c => new { c.CharterCapital, c.Id });
        builder.HasIndex(c => new { c.MemberCount, c.Id });
        builder.HasIndex(c => new { c.CreatedAt, c.Id });
    }
}

/// <summary>Table <c>status_changes</c>: the status history.</summary>
internal sealed class StatusChangeConfiguration : IEntityTypeConfiguration<StatusChange>, IDeclareConstraintErrors
{
    /// <summary>One entry per position of a history.</summary>
    public const string SequenceIndex = "ix_status_changes_cooperative_id_sequence";

    /// <summary>Every entry belongs to an organization that exists.</summary>
    public const string OrganizationForeignKey = "fk_status_changes_cooperatives_cooperative_id";

    /// <inheritdoc />
    public IReadOnlyDictionary<string, Func<PostgresException, Exception>> ConstraintErrors { get; } =
        new Dictionary<string, Func<PostgresException, Exception>>
        {
            // Two writers appended to the same status history at once: one of them lost.
            [SequenceIndex] = _ => new ConcurrencyConflictException(clientPrecondition: false),
            // A status change raced the withdrawal (DELETE) of its organization, and lost.
            [OrganizationForeignKey] = _ => new ConcurrencyConflictException(clientPrecondition: false),
        };

    public void Configure(EntityTypeBuilder<StatusChange> builder)
    {
        builder.ToTable("status_changes");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.FromStatus).StoredAsName();
        builder.Property(s => s.ToStatus).StoredAsName();
        builder.Property(s => s.Reason).HasMaxLength(OrganizationRules.ReasonMaxLength).IsRequired();
        builder.ToTable(t => t.HasCheckConstraint("ck_status_changes_sequence", "sequence >= 0"));
        builder.HasIndex(s => new { s.CooperativeId, s.Sequence }).IsUnique().HasDatabaseName(SequenceIndex);
        // Point-in-time questions ("status on date D") scan changes by date.
        builder.HasIndex(s => new { s.EffectiveOn, s.ToStatus });
    }
}
