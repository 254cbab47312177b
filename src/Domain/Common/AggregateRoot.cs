namespace CoopApi.Domain.Common;

/// <summary>Something that happened to an aggregate, raised by the aggregate itself.</summary>
public interface IDomainEvent
{
    /// <summary>Identifier of the aggregate the event happened to.</summary>
    Guid AggregateId { get; }

    /// <summary>When it happened (UTC), from the calendar the aggregate was given.</summary>
    DateTimeOffset OccurredAt { get; }
}

/// <summary>
/// Root of an aggregate: an entity that records the domain events it raises until the write
/// path has stored them (in the same transaction as the change; the persistence layer then
/// clears them). An aggregate that was not changed raises nothing.
/// </summary>
public abstract class AggregateRoot : Entity
{
    private readonly List<IDomainEvent> _domainEvents = [];

    /// <summary>Name of the kind of aggregate as stored with its events (e.g. <c>cooperative</c>).</summary>
    public abstract string AggregateType { get; }

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
