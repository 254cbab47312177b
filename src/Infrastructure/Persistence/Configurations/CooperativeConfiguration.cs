using CoopApi.Application.Common.Search;
using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.Cooperatives;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoopApi.Infrastructure.Persistence.Configurations;

/// <summary>Table <c>cooperatives</c>: the register.</summary>
internal sealed class CooperativeConfiguration : IEntityTypeConfiguration<Cooperative>
{
    public void Configure(EntityTypeBuilder<Cooperative> builder)
    {
        builder.ToTable("cooperatives");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();

        builder.Property(c => c.RegistrationCode).HasMaxLength(14);
        builder.HasIndex(c => c.RegistrationCode).IsUnique().HasFilter("registration_code IS NOT NULL");

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
        builder.HasOne<Commune>().WithMany().HasForeignKey(c => c.CommuneCode).OnDelete(DeleteBehavior.Restrict);

        builder.Property(c => c.Address).HasMaxLength(500);
        builder.Property(c => c.Representative).HasMaxLength(255);
        builder.Property(c => c.Phone).HasMaxLength(30);
        builder.Property(c => c.Email).HasMaxLength(254);
        builder.Property(c => c.MainProducts).HasColumnType("text[]");
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_cooperatives_charter_capital", "charter_capital >= 0");
            t.HasCheckConstraint("ck_cooperatives_member_count", "member_count >= 2");
            t.HasCheckConstraint("ck_cooperatives_employee_count", "employee_count IS NULL OR employee_count >= 0");
        });

        // PostgreSQL's xmin system column: changes on every write of the row, costs no storage.
        builder.Property(c => c.Version).IsRowVersion();

        // Name and code folded for diacritic-insensitive search, kept by PostgreSQL itself, so rows
        // written by any path (bulk COPY included) are searchable.
        builder.Property<string>(SearchFunctions.SearchTextColumn)
            .HasComputedColumnSql($"{CoopDbContext.FoldFunction}(name || ' ' || coalesce(registration_code, ''))", stored: true);
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
internal sealed class StatusChangeConfiguration : IEntityTypeConfiguration<StatusChange>
{
    public void Configure(EntityTypeBuilder<StatusChange> builder)
    {
        builder.ToTable("status_changes");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.FromStatus).StoredAsName();
        builder.Property(s => s.ToStatus).StoredAsName();
        builder.Property(s => s.Reason).HasMaxLength(OrganizationRules.ReasonMaxLength).IsRequired();
        builder.HasIndex(s => new { s.CooperativeId, s.Sequence }).IsUnique();
        // Point-in-time questions ("status on date D") scan changes by date.
        builder.HasIndex(s => new { s.EffectiveOn, s.ToStatus });
    }
}
