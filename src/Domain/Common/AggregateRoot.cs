namespace CoopApi.Domain.Common;

/// <summary>What a change did to the aggregate, as the change feed reports it.</summary>
public enum ChangeKind
{
    /// <summary>The aggregate came into being.</summary>
    [Label("Tạo mới", "Created")]
    Created,

    /// <summary>The aggregate, or one of its child rows, changed.</summary>
    [Label("Cập nhật", "Updated")]
    Updated,

    /// <summary>The aggregate was removed; the feed carries no representation for it.</summary>
    [Label("Xóa", "Deleted")]
    Deleted,
}

/// <summary>Something that happened to an aggregate, raised by the aggregate itself.</summary>
public interface IDomainEvent
{
    /// <summary>Identifier of the aggregate the event happened to.</summary>
    Guid AggregateId { get; }

    /// <summary>When it happened (UTC), from the calendar the aggregate was given.</summary>
    DateTimeOffset OccurredAt { get; }

    /// <summary>
    /// What the event did to the aggregate: created it, changed it, or deleted it (after a
    /// <see cref="ChangeKind.Deleted"/> event the aggregate has no representation).
    /// </summary>
    ChangeKind Kind { get; }
}

/// <summary>
/// An aggregate that lies in one province (its current one may change). The write path stores the
/// province before and after each change with its events, so that a client following the changes
/// of one province also learns when an aggregate leaves it.
/// </summary>
public interface IBelongsToProvince
{
    /// <summary>Code of the province the aggregate lies in now (2 digits).</summary>
    string ProvinceCode { get; }
}

/// <summary>
/// Root of an aggregate: an entity that records the domain events it raises until the write
/// path has stored them (in the same transaction as the change; the persistence layer then
/// clears them), and carries the aggregate's version. An aggregate that was not changed raises
/// nothing.
/// </summary>
/// <remarks>
/// Every change to anything inside the aggregate (the root or a child row) goes through a method of
/// the root that raises an event; the write path refuses a save that changes a domain entity while
/// no aggregate raised one, so no change escapes the version, the audit trail or the change feed.
/// </remarks>
public abstract class AggregateRoot : Entity
{
    /// <summary>Version of a new aggregate.</summary>
    public const int InitialVersion = 1;

    private readonly List<IDomainEvent> _domainEvents = [];

    /// <summary>Name of the kind of aggregate as stored with its events (e.g. <c>cooperative</c>).</summary>
    public abstract string AggregateType { get; }

    /// <summary>
    /// Version of the aggregate: <see cref="InitialVersion"/> when created, then one more for every
    /// save in which the aggregate raised at least one event (once per save, however many events),
    /// whatever changed: the root or a child row. Kept by the write path, which also uses it as the
    /// concurrency token of the root row (<c>UPDATE … WHERE version = original</c>), so two writers
    /// of one version cannot both succeed. Sent as the ETag.
    /// </summary>
    public int Version { get; private set; } = InitialVersion;

    /// <summary>Events raised since the aggregate was created or loaded and not yet stored, in order.</summary>
    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    /// <summary>Forgets the raised events, once they are stored.</summary>
    public void ClearDomainEvents() => _domainEvents.Clear();

    /// <summary>Records that <paramref name="domainEvent"/> happened.</summary>
    protected void Raise(IDomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        _domainEvents.Add(domainEvent);
    }
}
