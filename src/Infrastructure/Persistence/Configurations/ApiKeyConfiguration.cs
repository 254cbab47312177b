using CoopApi.Domain.ApiKeys;
using CoopApi.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoopApi.Infrastructure.Persistence.Configurations;

/// <summary>
/// Table <c>api_keys</c>: credentials of machine clients, by hash only (SHA-256 of the whole key,
/// 32 bytes). The prefix is unique and indexed: it is how a presented key is found.
/// </summary>
internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    /// <summary>Name of the table.</summary>
    public const string Table = "api_keys";

    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable(Table, t =>
        {
            t.HasCheckConstraint("ck_api_keys_hash_sha256", "octet_length(hash) = 32");
            t.HasCheckConstraint("ck_api_keys_prefix",
                $"prefix ~ '^{ApiKeySecret.Marker}[a-z2-9]{{{ApiKeySecret.PrefixRandomLength}}}$'");
            t.HasCheckConstraint("ck_api_keys_scopes", "cardinality(scopes) > 0");
            t.HasCheckConstraint("ck_api_keys_provinces", "cardinality(provinces) > 0");
            t.HasCheckConstraint("ck_api_keys_version", $"version >= {AggregateRoot.InitialVersion}");
        });
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.Name).HasMaxLength(ApiKeyRules.NameMaxLength);
        builder.Property(k => k.Prefix).HasMaxLength(ApiKeySecret.PrefixLength);
        builder.HasIndex(k => k.Prefix).IsUnique();
        builder.Property(k => k.Hash);
        builder.Property(k => k.Scopes).HasColumnType("text[]");
        builder.Property(k => k.Provinces).HasColumnType("text[]");
        builder.Property(k => k.CreatedBy).HasMaxLength(200);
        builder.Ignore(k => k.ActorId);
        builder.Property(k => k.Version).IsConcurrencyToken().HasDefaultValue(AggregateRoot.InitialVersion).ValueGeneratedNever();
    }
}
