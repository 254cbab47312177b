using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoopApi.Infrastructure.Persistence.Events;

/// <summary>
/// Table <c>domain_events</c>. Append-only: triggers created by the migration
/// <c>DomainEventsOutbox</c> refuse UPDATE, DELETE and TRUNCATE.
/// </summary>
internal sealed class StoredEventConfiguration : IEntityTypeConfiguration<StoredEvent>
{
    /// <summary>Name of the table.</summary>
    public const string Table = "domain_events";

    /// <summary>The feed in commit-safe order.</summary>
    public const string FeedIndex = "ix_domain_events_feed";

    /// <summary>The feed of one entity type.</summary>
    public const string FeedByTypeIndex = "ix_domain_events_feed_by_type";

    /// <summary>The feed of one province.</summary>
    public const string FeedByProvinceIndex = "ix_domain_events_feed_by_province";

    /// <summary>Moves out of a province.</summary>
    public const string FeedByPreviousProvinceIndex = "ix_domain_events_feed_by_previous_province";

    public void Configure(EntityTypeBuilder<StoredEvent> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.AggregateType).HasMaxLength(50);
        builder.Property(e => e.EventType).HasMaxLength(100);
        builder.Property(e => e.Payload).HasColumnType("jsonb");
        builder.Property(e => e.Actor).HasMaxLength(200);
        builder.Property(e => e.TraceId).HasMaxLength(32);
        builder.Property(e => e.TransactionId).HasColumnName("xact_id").HasColumnType("xid8")
            .HasDefaultValueSql("pg_current_xact_id()").ValueGeneratedOnAdd();
        builder.Property(e => e.Operation).HasMaxLength(10);
        builder.Property(e => e.ProvinceCode).HasMaxLength(2);
        builder.Property(e => e.PreviousProvinceCode).HasMaxLength(2);
        builder.Property(e => e.State).HasColumnType("jsonb");
        builder.HasIndex(e => new { e.AggregateType, e.AggregateId, e.Id });
        // The change feed reads in (xact_id, id) order from a cursor: one index per way it filters
        // (docs/decisions/0015-change-feed-cursor.md).
        builder.HasIndex(e => new { e.TransactionId, e.Id }).HasDatabaseName(FeedIndex);
        builder.HasIndex(e => new { e.AggregateType, e.TransactionId, e.Id }).HasDatabaseName(FeedByTypeIndex);
        builder.HasIndex(e => new { e.ProvinceCode, e.TransactionId, e.Id }).HasDatabaseName(FeedByProvinceIndex);
        // Only moves between provinces: a follower of the old province learns that the record left.
        builder.HasIndex(e => new { e.PreviousProvinceCode, e.TransactionId, e.Id }).HasDatabaseName(FeedByPreviousProvinceIndex)
            .HasFilter("previous_province_code IS DISTINCT FROM province_code");
        // The audit trail by actor and by time (docs/benchmarks.md, "Audit trail on 1 million
        // events": without them a rare actor or an old time window scans the table). Partial: no
        // cost while every actor is null (anonymous).
        builder.HasIndex(e => new { e.Actor, e.Id }).HasFilter("actor IS NOT NULL");
        builder.HasIndex(e => e.OccurredAt);
    }
}
