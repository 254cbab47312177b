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
        builder.HasIndex(e => new { e.AggregateType, e.AggregateId, e.Id });
        // The audit trail by actor and by time (docs/benchmarks.md, "Audit trail on 1 million
        // events": without them a rare actor or an old time window scans the table). Partial: no
        // cost while every actor is null (anonymous).
        builder.HasIndex(e => new { e.Actor, e.Id }).HasFilter("actor IS NOT NULL");
        builder.HasIndex(e => e.OccurredAt);
    }
}
