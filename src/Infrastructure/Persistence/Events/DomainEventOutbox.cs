using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using CoopApi.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CoopApi.Infrastructure.Persistence.Events;

/// <summary>
/// The write path's half of the outbox: turns the events raised by tracked aggregates into
/// <c>domain_events</c> rows added to the same save, and forgets them once saved.
/// </summary>
internal static class DomainEventOutbox
{
    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>The event as stored: camelCase JSON, enumerations as their API names.</summary>
    public static string Serialize(IDomainEvent domainEvent) =>
        JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), PayloadJson);

    /// <summary>
    /// Adds one row per raised event of every tracked aggregate; returns the rows and the
    /// aggregates, to be settled after the save (<see cref="Stored"/> or <see cref="NotStored"/>).
    /// </summary>
    public static (List<StoredEvent> Rows, List<AggregateRoot> Sources) Append(DbContext db, string? actor)
    {
        var rows = new List<StoredEvent>();
        var sources = new List<AggregateRoot>();
        var traceId = Activity.Current is { } activity && activity.TraceId != default ? activity.TraceId.ToHexString() : null;
        foreach (var entry in db.ChangeTracker.Entries<AggregateRoot>())
        {
            var aggregate = entry.Entity;
            if (aggregate.DomainEvents.Count == 0)
            {
                continue;
            }

            sources.Add(aggregate);
            foreach (var domainEvent in aggregate.DomainEvents)
            {
                rows.Add(new StoredEvent
                {
                    AggregateType = aggregate.AggregateType,
                    AggregateId = domainEvent.AggregateId,
                    EventType = domainEvent.GetType().Name,
                    Payload = Serialize(domainEvent),
                    OccurredAt = domainEvent.OccurredAt,
                    Actor = actor,
                    TraceId = traceId,
                });
            }
        }

        db.Set<StoredEvent>().AddRange(rows);
        return (rows, sources);
    }

    /// <summary>The save succeeded: the events are stored, the aggregates forget them.</summary>
    public static void Stored(List<AggregateRoot> sources)
    {
        foreach (var aggregate in sources)
        {
            aggregate.ClearDomainEvents();
        }
    }

    /// <summary>
    /// The save failed: the rows leave the change tracker, so that another save of the same
    /// aggregates does not store their events twice.
    /// </summary>
    public static void NotStored(DbContext db, List<StoredEvent> rows)
    {
        foreach (var row in rows)
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }
}
