using CoopApi.Domain.AdministrativeUnits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoopApi.Infrastructure.Persistence.Configurations;

/// <summary>Table <c>provinces</c>.</summary>
internal sealed class ProvinceConfiguration : IEntityTypeConfiguration<Province>
{
    public void Configure(EntityTypeBuilder<Province> builder)
    {
        builder.ToTable("provinces");
        builder.HasKey(p => p.Code);
        builder.Property(p => p.Code).HasMaxLength(2);
        builder.Property(p => p.Name).HasMaxLength(100).UseCollation(CoopDbContext.VietnameseCollation);
        builder.Property(p => p.Kind).StoredAsName();
    }
}

/// <summary>Table <c>communes</c>.</summary>
internal sealed class CommuneConfiguration : IEntityTypeConfiguration<Commune>
{
    public void Configure(EntityTypeBuilder<Commune> builder)
    {
        builder.ToTable("communes");
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(5);
        builder.Property(c => c.Name).HasMaxLength(100).UseCollation(CoopDbContext.VietnameseCollation);
        builder.Property(c => c.Kind).StoredAsName();
        builder.Property(c => c.ProvinceCode).HasMaxLength(2);
        // Target of the cooperatives' (commune_code, province_code) foreign key.
        builder.HasAlternateKey(c => new { c.Code, c.ProvinceCode });
        builder.HasOne<Province>().WithMany().HasForeignKey(c => c.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Table <c>province_merges</c>: pre-reform province codes.</summary>
internal sealed class ProvinceMergeConfiguration : IEntityTypeConfiguration<ProvinceMerge>
{
    public void Configure(EntityTypeBuilder<ProvinceMerge> builder)
    {
        builder.ToTable("province_merges");
        builder.HasKey(m => new { m.OldCode, m.NewCode });
        builder.Property(m => m.OldCode).HasMaxLength(2);
        builder.Property(m => m.NewCode).HasMaxLength(2);
        builder.Property(m => m.OldName).HasMaxLength(100);
        builder.HasOne<Province>().WithMany().HasForeignKey(m => m.NewCode).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Table <c>commune_merges</c>: pre-reform commune codes.</summary>
internal sealed class CommuneMergeConfiguration : IEntityTypeConfiguration<CommuneMerge>
{
    public void Configure(EntityTypeBuilder<CommuneMerge> builder)
    {
        builder.ToTable("commune_merges");
        builder.HasKey(m => new { m.OldCode, m.NewCode });
        builder.Property(m => m.OldCode).HasMaxLength(5);
        builder.Property(m => m.NewCode).HasMaxLength(5);
        builder.Property(m => m.OldName).HasMaxLength(100);
        builder.Property(m => m.Part).StoredAsName();
        builder.HasOne<Commune>().WithMany().HasForeignKey(m => m.NewCode).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Table <c>seed_history</c>.</summary>
internal sealed class SeedRecordConfiguration : IEntityTypeConfiguration<SeedRecord>
{
    public void Configure(EntityTypeBuilder<SeedRecord> builder)
    {
        builder.ToTable("seed_history");
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.Property(s => s.Checksum).HasMaxLength(64);
    }
}
