using System.Text.Json;
using CoopApi.Domain.Common;

namespace CoopApi.Application.Changes;

/// <summary>One change of one resource, as the change feed returns it.</summary>
public sealed record ChangeEntryDto
{
    /// <summary>Position of this entry in the feed: pass it as <c>after</c> to continue after it.</summary>
    /// <example>7421-1033</example>
    public required string Cursor { get; init; }

    /// <summary>Kind of resource, e.g. <c>cooperative</c>.</summary>
    /// <example>cooperative</example>
    public required string EntityType { get; init; }

    /// <summary>Identifier of the resource.</summary>
    /// <example>019a1b2c-3d4e-7f00-8a9b-0c1d2e3f4a5b</example>
    public required Guid EntityId { get; init; }

    /// <summary>What happened: <c>created</c>, <c>updated</c> or <c>deleted</c>.</summary>
    public required ChangeKind Operation { get; init; }

    /// <summary>
    /// The resource's version after the change (its ETag). Per resource, entries come in version
    /// order; several entries of one save share a version. Absent on entries stored before
    /// versions existed.
    /// </summary>
    /// <example>3</example>
    public int? Version { get; init; }

    /// <summary>When the change happened (UTC).</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Relative URL of the resource; absent when it was deleted.</summary>
    /// <example>/api/v1/cooperatives/019a1b2c-3d4e-7f00-8a9b-0c1d2e3f4a5b</example>
    public string? Link { get; init; }

    /// <summary>
    /// The resource after the change, exactly as its <c>GET</c> returns it (for an organization:
    /// a <c>Cooperative</c>); absent when it was deleted. When one request made several changes
    /// of a resource, each of their entries carries the state after the whole request.
    /// </summary>
    public JsonElement? Data { get; init; }
}

/// <summary>A page of the change feed.</summary>
public sealed record ChangePageDto
{
    /// <summary>The changes after the cursor, in commit order (oldest first).</summary>
    public required IReadOnlyList<ChangeEntryDto> Entries { get; init; }

    /// <summary>
    /// Pass this as <c>after</c> next time: the cursor of the last entry, or the cursor you sent
    /// when there was nothing new (<c>0-0</c>, the start, when you sent none).
    /// </summary>
    /// <example>7421-1033</example>
    public required string NextCursor { get; init; }

    /// <summary>True when more changes are ready: ask again at once with <c>nextCursor</c>.</summary>
    public required bool HasMore { get; init; }
}
