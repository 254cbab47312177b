using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Domain.Common;
using CoopApi.Domain.Cooperatives;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CoopApi.Infrastructure.Persistence.Events;

/// <summary>
/// The write path's half of the outbox, run by every save before anything is written: refuses a
/// change that raised no event, moves the version of every aggregate that raised events (once per
/// save), stamps the timestamps, and turns the events into <c>domain_events</c> rows added to the
/// same save, each with the aggregate's version, province and representation after the save;
/// forgets the events once saved (docs/decisions/0013-domain-events-outbox.md, 0015-change-feed-cursor.md).
/// </summary>
internal static class DomainEventOutbox
{
    /// <summary>
    /// JSON of payloads and states: camelCase, enumerations as their API names, dates ISO — the
    /// same JSON the API writes. An event's <see cref="IDomainEvent.Kind"/> is a column
    /// (<c>operation</c>), not part of its payload.
    /// </summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                info =>
                {
                    if (typeof(IDomainEvent).IsAssignableFrom(info.Type) && info.Kind == JsonTypeInfoKind.Object)
                    {
                        var kind = info.Properties.FirstOrDefault(p => p.Name == "kind");
                        if (kind is not null)
                        {
                            info.Properties.Remove(kind);
                        }
                    }
                },
            },
        },
    };

    /// <summary>The event as stored: camelCase JSON, enumerations as their API names.</summary>
    public static string Serialize(IDomainEvent domainEvent) =>
        JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), Json);

    /// <summary>A representation as stored in <c>state</c> (the bulk import writes rows in the same format).</summary>
    public static string SerializeState(object representation) =>
        JsonSerializer.Serialize(representation, representation.GetType(), Json);

    /// <summary>
    /// Prepares the save: checks that every changed domain entity belongs to an aggregate that
    /// raised an event, moves versions, stamps timestamps, and adds one row per raised event.
    /// Returns the rows and the aggregates, to be settled after the save (<see cref="Stored"/> or
    /// <see cref="NotStored"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">A domain entity changed while its aggregate raised no event.</exception>
    public static (List<StoredEvent> Rows, List<AggregateRoot> Sources) Append(DbContext db, string? actor, DateTimeOffset now,
        IReadOnlyDictionary<Type, IResourceRepresentation> representations)
    {
        db.ChangeTracker.DetectChanges();
        RefuseChangesWithoutEvents(db);

        var sources = new List<(AggregateRoot Aggregate, EntityEntry Entry, int Version, string? PreviousProvince)>();
        foreach (var entry in db.ChangeTracker.Entries<AggregateRoot>())
        {
            var aggregate = entry.Entity;
            if (aggregate.DomainEvents.Count == 0)
            {
                continue;
            }

            var version = entry.Property(a => a.Version);
            var previousProvince = entry.State == EntityState.Added ? null : OriginalProvince(entry);
            int newVersion;
            switch (entry.State)
            {
                case EntityState.Added:
                    newVersion = aggregate.Version; // a new aggregate is stored with its initial version
                    break;
                case EntityState.Deleted:
                    newVersion = version.OriginalValue + 1; // the row goes; its last version is checked
                    break;
                default:
                    // Once per save, whatever changed (the root or only a child row): the root row is
                    // updated, under WHERE version = original.
                    newVersion = version.OriginalValue + 1;
                    version.CurrentValue = newVersion;
                    break;
            }

            sources.Add((aggregate, entry, newVersion, previousProvince));
        }

        Stamp(db, now);

        var rows = new List<StoredEvent>();
        var traceId = Activity.Current is { } activity && activity.TraceId != default ? activity.TraceId.ToHexString() : null;
        foreach (var (aggregate, entry, version, previousProvince) in sources)
        {
            var deleted = entry.State == EntityState.Deleted;
            var province = (aggregate as IBelongsToProvince)?.ProvinceCode;
            string? state = null;
            if (!deleted)
            {
                if (!representations.TryGetValue(aggregate.GetType(), out var representation))
                {
                    throw new InvalidOperationException(
                        $"No IResourceRepresentation is registered for {aggregate.GetType().Name}: the change feed could not show its changes.");
                }

                var dto = representation.Represent(aggregate);
                state = JsonSerializer.Serialize(dto, dto.GetType(), Json);
            }

            foreach (var domainEvent in aggregate.DomainEvents)
            {
                var kind = domainEvent.Kind;
                rows.Add(new StoredEvent
                {
                    AggregateType = aggregate.AggregateType,
                    AggregateId = domainEvent.AggregateId,
                    EventType = domainEvent.GetType().Name,
                    Payload = Serialize(domainEvent),
                    AggregateVersion = version,
                    Operation = EnumLabels.ApiName(kind),
                    ProvinceCode = deleted ? previousProvince : province,
                    PreviousProvinceCode = previousProvince,
                    State = kind == ChangeKind.Deleted ? null : state,
                    OccurredAt = domainEvent.OccurredAt,
                    Actor = actor,
                    TraceId = traceId,
                });
            }
        }

        db.Set<StoredEvent>().AddRange(rows);
        return (rows, sources.Select(s => s.Aggregate).ToList());
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
    /// aggregates does not store their events twice. (Versions need no undoing: the next save
    /// computes them again from the unchanged original values.)
    /// </summary>
    public static void NotStored(DbContext db, List<StoredEvent> rows)
    {
        foreach (var row in rows)
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }

    /// <summary>
    /// A change to a domain entity that no event describes would escape the version, the audit
    /// trail and the change feed: every added, modified or deleted entity must be an aggregate
    /// root that raised an event, or a child row of a tracked one that did.
    /// </summary>
    private static void RefuseChangesWithoutEvents(DbContext db)
    {
        var roots = new TrackedRoots(db);
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || entry.Entity is not Entity)
            {
                continue;
            }

            var root = entry.Entity as AggregateRoot ?? roots.RootOf(entry);
            if (root is null || root.DomainEvents.Count == 0)
            {
                throw new InvalidOperationException(
                    $"A {entry.Metadata.ClrType.Name} was {entry.State.ToString().ToLowerInvariant()} while "
                    + (root is null ? "no aggregate it belongs to is tracked" : $"its {root.GetType().Name} raised no domain event")
                    + ": every change goes through the aggregate root, which raises an event for it.");
            }
        }
    }

    /// <summary>
    /// The tracked aggregate roots, indexed by each principal key a child row's foreign key names,
    /// built on first use: finding a child's root is one lookup, so a save of many aggregates with
    /// many child rows costs time in proportion to the rows, not to their square.
    /// </summary>
    private sealed class TrackedRoots(DbContext db)
    {
        private readonly Dictionary<IKey, Dictionary<string, AggregateRoot>> _byKey = [];

        /// <summary>The tracked aggregate root a child row points at by a foreign key, if any.</summary>
        public AggregateRoot? RootOf(EntityEntry child)
        {
            foreach (var foreignKey in child.Metadata.GetForeignKeys())
            {
                if (!typeof(AggregateRoot).IsAssignableFrom(foreignKey.PrincipalEntityType.ClrType))
                {
                    continue;
                }

                var value = KeyText(foreignKey.Properties.Select(p => child.Property(p.Name).CurrentValue));
                if (Index(foreignKey.PrincipalKey).TryGetValue(value, out var root))
                {
                    return root;
                }
            }

            return null;
        }

        private Dictionary<string, AggregateRoot> Index(IKey key)
        {
            if (!_byKey.TryGetValue(key, out var index))
            {
                index = new Dictionary<string, AggregateRoot>(StringComparer.Ordinal);
                foreach (var candidate in db.ChangeTracker.Entries<AggregateRoot>())
                {
                    if (candidate.Metadata == key.DeclaringEntityType)
                    {
                        index.TryAdd(KeyText(key.Properties.Select(p => candidate.Property(p.Name).CurrentValue)), candidate.Entity);
                    }
                }

                _byKey[key] = index;
            }

            return index;
        }

        private static string KeyText(IEnumerable<object?> values) =>
            string.Join('\u001f', values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "\u0000"));
    }

    private static string? OriginalProvince(EntityEntry<AggregateRoot> entry) =>
        entry.Entity is IBelongsToProvince && entry.Metadata.FindProperty(nameof(IBelongsToProvince.ProvinceCode)) is not null
            ? (string?)entry.Property(nameof(IBelongsToProvince.ProvinceCode)).OriginalValue
            : null;

    /// <summary>
    /// Stamps <c>createdAt</c> and <c>updatedAt</c>, after the versions moved (so a change to a
    /// child row moves the root's <c>updatedAt</c> too) and before the states are taken (so they
    /// hold the stamped values). PostgreSQL keeps microseconds: truncated here so the response
    /// equals what a later read returns.
    /// </summary>
    private static void Stamp(DbContext db, DateTimeOffset now)
    {
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
        foreach (var entry in db.ChangeTracker.Entries<Cooperative>())
        {
            if (entry.State == EntityState.Added)
            {
                entry.Entity.CreatedAt = now;
                entry.Entity.UpdatedAt = now;
            }
            else if (entry.State == EntityState.Modified)
            {
                entry.Entity.UpdatedAt = now;
            }
        }
    }
}
