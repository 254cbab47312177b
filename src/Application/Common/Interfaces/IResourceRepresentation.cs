using CoopApi.Domain.Common;

namespace CoopApi.Application.Common.Interfaces;

/// <summary>
/// How one kind of aggregate appears to API clients: the same representation as its single-record
/// <c>GET</c> (through the feature's Mapperly mapper, not a second mapping) and where that lives.
/// The write path stores this representation with every event (the change feed's <c>data</c>), so
/// each aggregate type registers exactly one (<see cref="DependencyInjection.AddApplication"/>
/// finds them by scanning).
/// </summary>
public interface IResourceRepresentation
{
    /// <summary>The aggregate's CLR type.</summary>
    Type AggregateClrType { get; }

    /// <summary>The aggregate's stored type name (<see cref="AggregateRoot.AggregateType"/>), the feed's <c>entityType</c>.</summary>
    string EntityType { get; }

    /// <summary>The representation of <paramref name="aggregate"/> as it is now (its DTO).</summary>
    object Represent(AggregateRoot aggregate);

    /// <summary>Relative URL of the resource, e.g. <c>/api/v1/cooperatives/{id}</c>.</summary>
    string PathOf(Guid id);

    /// <summary>
    /// Whether the change feed carries this kind of resource. False for security configuration
    /// (API keys): its events are stored and audited like any other, but not served to feed readers.
    /// Such a resource must not belong to a province (the feed's province filter does not exclude it).
    /// </summary>
    bool InChangeFeed { get; }
}

/// <summary>Base of the representation of one aggregate type.</summary>
/// <typeparam name="TAggregate">The aggregate.</typeparam>
/// <typeparam name="TDto">What its <c>GET</c> returns.</typeparam>
public abstract class ResourceRepresentation<TAggregate, TDto> : IResourceRepresentation
    where TAggregate : AggregateRoot
    where TDto : notnull
{
    /// <inheritdoc />
    public Type AggregateClrType => typeof(TAggregate);

    /// <inheritdoc />
    public abstract string EntityType { get; }

    /// <inheritdoc />
    public object Represent(AggregateRoot aggregate) => Represent((TAggregate)aggregate);

    /// <inheritdoc />
    public abstract string PathOf(Guid id);

    /// <inheritdoc />
    public virtual bool InChangeFeed => true;

    /// <summary>The DTO of <paramref name="aggregate"/>.</summary>
    protected abstract TDto Represent(TAggregate aggregate);
}
