using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoopApi.Infrastructure.Idempotency;

/// <summary>
/// Table <c>idempotency_records</c>: primary key (client, key), so that a second transaction
/// storing the same key waits for the first and then finds it; an index on <c>expires_at</c>
/// for the purge.
/// </summary>
internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    /// <summary>Name of the table.</summary>
    public const string Table = "idempotency_records";

    /// <summary>Longest key a client may send.</summary>
    public const int MaxKeyLength = 255;

    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable(Table, t =>
        {
            t.HasCheckConstraint("ck_idempotency_records_key", $"key ~ '^[!-~]{{1,{MaxKeyLength}}}$'");
            t.HasCheckConstraint("ck_idempotency_records_fingerprint", "request_fingerprint ~ '^[0-9a-f]{64}$'");
            t.HasCheckConstraint("ck_idempotency_records_status_code", "status_code BETWEEN 100 AND 599");
            t.HasCheckConstraint("ck_idempotency_records_expiry", "expires_at > created_at");
        });
        builder.HasKey(r => new { r.ClientId, r.Key });
        builder.Property(r => r.ClientId).HasMaxLength(200);
        builder.Property(r => r.Key).HasMaxLength(MaxKeyLength);
        builder.Property(r => r.RequestFingerprint).HasMaxLength(64);
        builder.Property(r => r.Method).HasMaxLength(10);
        // Path and query as sent (bounded by the server's request-line limit, not by a column length).
        builder.Property(r => r.Path).HasColumnType("text");
        builder.Property(r => r.Headers).HasColumnType("jsonb");
        builder.Property(r => r.Body).HasColumnType("bytea");
        builder.HasIndex(r => r.ExpiresAt);
    }
}
