namespace CoopApi.Domain.Common;

/// <summary>Base of every entity: identity by a server-assigned UUID v7.</summary>
public abstract class Entity
{
    /// <summary>Creates an entity with a fresh, time-ordered identifier.</summary>
    protected Entity() => Id = Guid.CreateVersion7();

    /// <summary>Server-assigned identifier (UUID v7, time-ordered, so inserts stay index-friendly).</summary>
    public Guid Id { get; private set; }
}
