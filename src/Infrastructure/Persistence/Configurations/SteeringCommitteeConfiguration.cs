using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.Common;
using CoopApi.Domain.Cooperatives;
using CoopApi.Domain.SteeringCommittees;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql;

namespace CoopApi.Infrastructure.Persistence.Configurations;

/// <summary>
/// Tables <c>steering_committees</c>, <c>steering_committee_members</c> and
/// <c>standing_agency_periods</c>: a committee with its terms and its standing agency over time.
/// The database repeats the shape rules (level and area code, district before 1 July 2025).
/// </summary>
internal sealed class SteeringCommitteeConfiguration : IEntityTypeConfiguration<SteeringCommittee>, IDeclareConstraintErrors
{
    /// <summary>Activities keep their committee: a committee with activities cannot be deleted.</summary>
    public const string ActivityCommitteeForeignKey = "fk_steering_activities_steering_committees_committee_id";

    /// <summary>One term per position of a committee: two writers adding at once cannot both succeed.</summary>
    public const string MemberSequenceIndex = "ix_steering_committee_members_committee_id_sequence";

    /// <inheritdoc />
    public IReadOnlyDictionary<string, Func<PostgresException, Exception>> ConstraintErrors { get; } =
        new Dictionary<string, Func<PostgresException, Exception>>
        {
            [ActivityCommitteeForeignKey] = e => e.SqlState == PostgresErrorCodes.ForeignKeyViolation && e.MessageText.Contains("update or delete", StringComparison.Ordinal)
                ? SteeringRules.Errors.HasRecords.AsViolation()
                : new Application.Common.Exceptions.ConcurrencyConflictException(clientPrecondition: false),
            [MemberSequenceIndex] = _ => new Application.Common.Exceptions.ConcurrencyConflictException(clientPrecondition: false),
        };

    public void Configure(EntityTypeBuilder<SteeringCommittee> builder)
    {
        builder.ToTable("steering_committees");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(SteeringRules.NameMaxLength).IsRequired().UseCollation(CoopDbContext.VietnameseCollation);
        builder.Property(c => c.Level).StoredAsName();
        builder.Property(c => c.Status).StoredAsName();
        builder.HasEnumCheck<SteeringCommittee, CommitteeLevel>("steering_committees", "level");
        builder.HasEnumCheck<SteeringCommittee, CommitteeStatus>("steering_committees", "status");
        builder.Property(c => c.AreaCode).HasMaxLength(5);
        builder.Property(c => c.ProvinceCode).HasMaxLength(2);
        builder.HasOne<Province>().WithMany().HasForeignKey(c => c.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.DecisionNumber).HasMaxLength(SteeringRules.NumberMaxLength);
        builder.Property(c => c.DecisionIssuer).HasMaxLength(SteeringRules.NameMaxLength);
        builder.Property(c => c.DissolutionReason).HasMaxLength(SteeringRules.LongTextMaxLength);
        builder.Property(c => c.Version).IsConcurrencyToken().HasDefaultValue(AggregateRoot.InitialVersion).ValueGeneratedNever();
        builder.Ignore(c => c.StandingAgency);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_steering_committees_version", $"version >= {AggregateRoot.InitialVersion}");
            t.HasCheckConstraint("ck_steering_committees_name_not_blank", "name ~ '[^[:space:]]'");
            t.HasCheckConstraint("ck_steering_committees_area",
                "(level = 'national' AND area_code IS NULL AND province_code IS NULL)"
                + $" OR (level = 'provincial' AND area_code ~ '{ProvinceCode.SqlPattern}' AND province_code = area_code)"
                + $" OR (level = 'commune' AND area_code ~ '{CommuneCode.SqlPattern}' AND province_code IS NOT NULL)"
                + $" OR (level = 'district' AND area_code ~ '{SteeringRules.DistrictCodePattern}' AND province_code IS NOT NULL"
                + $" AND established_on < DATE '{SteeringRules.DistrictsAbolishedOn:yyyy-MM-dd}')");
            t.HasCheckConstraint("ck_steering_committees_dissolution",
                "(status = 'active' AND dissolved_on IS NULL) OR (status = 'dissolved' AND dissolved_on >= established_on)");
            t.HasCheckConstraint("ck_steering_committees_decision",
                "(decision_number IS NULL) = (decision_date IS NULL) AND (decision_issuer IS NULL OR decision_number IS NOT NULL)");
        });

        builder.HasMany(c => c.Members).WithOne().HasForeignKey(m => m.CommitteeId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(c => c.StandingAgencies).WithOne().HasForeignKey(a => a.CommitteeId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.StandingAgencies).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasIndex(c => new { c.Level, c.AreaCode });
        builder.HasIndex(c => c.ProvinceCode);
        builder.HasIndex(c => new { c.Name, c.Id });
    }
}

/// <summary>Table <c>steering_committee_members</c>: terms.</summary>
internal sealed class CommitteeMemberConfiguration : IEntityTypeConfiguration<CommitteeMember>
{
    public void Configure(EntityTypeBuilder<CommitteeMember> builder)
    {
        builder.ToTable("steering_committee_members");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.FullName).HasMaxLength(SteeringRules.NameMaxLength).IsRequired();
        builder.Property(m => m.Title).HasMaxLength(SteeringRules.NameMaxLength);
        builder.Property(m => m.Organization).HasMaxLength(SteeringRules.NameMaxLength);
        builder.Property(m => m.Role).StoredAsName();
        builder.HasEnumCheck<CommitteeMember, CommitteeRole>("steering_committee_members", "role");
        builder.ToTable(t => t.HasCheckConstraint("ck_steering_committee_members_term", "\"to\" IS NULL OR \"to\" >= \"from\""));
        builder.HasIndex(m => new { m.CommitteeId, m.Sequence }).IsUnique().HasDatabaseName(SteeringCommitteeConfiguration.MemberSequenceIndex);
    }
}

/// <summary>Table <c>standing_agency_periods</c>.</summary>
internal sealed class StandingAgencyPeriodConfiguration : IEntityTypeConfiguration<StandingAgencyPeriod>
{
    public void Configure(EntityTypeBuilder<StandingAgencyPeriod> builder)
    {
        builder.ToTable("standing_agency_periods");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Agency).HasMaxLength(SteeringRules.NameMaxLength).IsRequired();
        builder.HasIndex(a => new { a.CommitteeId, a.From }).IsUnique();
    }
}

/// <summary>Tables <c>steering_activities</c> and <c>steering_activity_documents</c>.</summary>
internal sealed class SteeringActivityConfiguration : IEntityTypeConfiguration<SteeringActivity>
{
    public void Configure(EntityTypeBuilder<SteeringActivity> builder)
    {
        builder.ToTable("steering_activities");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasOne<SteeringCommittee>().WithMany().HasForeignKey(a => a.CommitteeId).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName(SteeringCommitteeConfiguration.ActivityCommitteeForeignKey);
        builder.Property(a => a.ProvinceCode).HasMaxLength(2);
        builder.Property(a => a.StandingAgency).HasMaxLength(SteeringRules.NameMaxLength).IsRequired();
        builder.Property(a => a.Kind).StoredAsName();
        builder.HasEnumCheck<SteeringActivity, ActivityKind>("steering_activities", "kind");
        builder.Property(a => a.Title).HasMaxLength(SteeringRules.TextMaxLength).IsRequired();
        builder.Property(a => a.Location).HasMaxLength(SteeringRules.TextMaxLength);
        builder.Property(a => a.Outcome).HasMaxLength(SteeringRules.LongTextMaxLength);
        builder.Property(a => a.Topics).HasColumnType("text[]");
        builder.Property(a => a.ParticipatingBodies).HasColumnType("text[]");
        builder.Property(a => a.VisitedOrganizationIds).HasColumnType("uuid[]");
        builder.Property(a => a.Version).IsConcurrencyToken().HasDefaultValue(AggregateRoot.InitialVersion).ValueGeneratedNever();
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_steering_activities_version", $"version >= {AggregateRoot.InitialVersion}");
            t.HasCheckConstraint("ck_steering_activities_dates", "end_date IS NULL OR end_date >= start_date");
            t.HasCheckConstraint("ck_steering_activities_attendees", $"attendee_count IS NULL OR attendee_count BETWEEN 0 AND {SteeringRules.MaxAttendees}");
        });
        builder.HasMany(a => a.Documents).WithOne().HasForeignKey(d => d.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Documents).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(a => new { a.CommitteeId, a.StartDate });
        builder.HasIndex(a => new { a.StartDate, a.Id });
        builder.HasIndex(a => a.ProvinceCode);
    }
}

/// <summary>Table <c>steering_activity_documents</c>.</summary>
internal sealed class ActivityDocumentConfiguration : IEntityTypeConfiguration<ActivityDocument>
{
    public void Configure(EntityTypeBuilder<ActivityDocument> builder)
    {
        builder.ToTable("steering_activity_documents");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Number).HasMaxLength(SteeringRules.NumberMaxLength).IsRequired();
        builder.Property(d => d.Issuer).HasMaxLength(SteeringRules.NameMaxLength);
        builder.Property(d => d.Title).HasMaxLength(SteeringRules.TextMaxLength);
        builder.HasIndex(d => new { d.ActivityId, d.Position });
    }
}
