using CoopApi.Domain.Common;

namespace CoopApi.Application.Import;

/// <summary>Where a background import stands.</summary>
public enum ImportJobState
{
    /// <summary>Accepted, waiting for its turn.</summary>
    [Label("Đang chờ", "Queued")]
    Queued,

    /// <summary>Being imported.</summary>
    [Label("Đang nhập", "Running")]
    Running,

    /// <summary>Done: the report says what was written.</summary>
    [Label("Hoàn tất", "Succeeded")]
    Succeeded,

    /// <summary>Stopped by an error, by a restart of the API or by the loss of the instance that received the file; nothing of it was written.</summary>
    [Label("Thất bại", "Failed")]
    Failed,
}

/// <summary>A background import (<c>Prefer: respond-async</c>).</summary>
public sealed record ImportJobDto
{
    /// <summary>Identifier of the job.</summary>
    /// <example>019a1b2c-3d4e-7f00-8a9b-0c1d2e3f4a5b</example>
    public required Guid Id { get; init; }

    /// <summary>Where it stands.</summary>
    public required ImportJobState State { get; init; }

    /// <summary>Format of the file.</summary>
    public required ImportFormat Format { get; init; }

    /// <summary>All rows or none.</summary>
    public required bool Atomic { get; init; }

    /// <summary>Validate only.</summary>
    public required bool DryRun { get; init; }

    /// <summary>Rows read so far.</summary>
    /// <example>12000</example>
    public required int RowsRead { get; init; }

    /// <summary>The report, once the job succeeded.</summary>
    public ImportReport? Report { get; init; }

    /// <summary>Why it failed (in the language of the request that started it).</summary>
    public string? Error { get; init; }

    /// <summary>When the upload was accepted (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the import started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? FinishedAt { get; init; }
}

/// <summary>A job as the worker needs it: the file, the options and who asked.</summary>
/// <param name="Id">The job.</param>
/// <param name="FilePath">The spooled upload.</param>
/// <param name="Format">Its format.</param>
/// <param name="Atomic">All rows or none.</param>
/// <param name="DryRun">Validate only.</param>
/// <param name="Actor">Who asked (actor id).</param>
/// <param name="ActorName">Their readable name.</param>
/// <param name="Scopes">Their scopes when they asked.</param>
/// <param name="Provinces">Their provinces when they asked.</param>
/// <param name="Language">Language of the request (en or vi).</param>
public sealed record ImportJobWork(Guid Id, string FilePath, ImportFormat Format, bool Atomic, bool DryRun, string? Actor,
    string? ActorName, IReadOnlyList<string> Scopes, IReadOnlyList<string> Provinces, string Language);

/// <summary>The table of background imports (<c>import_jobs</c>).</summary>
public interface IImportJobStore
{
    /// <summary>Records a new queued job.</summary>
    Task CreateAsync(ImportJobWork work, CancellationToken cancellationToken);

    /// <summary>The job, or null.</summary>
    Task<(ImportJobDto Job, string? Actor, IReadOnlyList<string> Provinces)?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Takes the oldest queued job of this instance (the one that received its file) and marks it running; null when none waits.</summary>
    Task<ImportJobWork?> ClaimNextAsync(CancellationToken cancellationToken);

    /// <summary>Ends a job: succeeded with its report, or failed with the reason.</summary>
    Task FinishAsync(Guid id, ImportReport? report, string? failure, CancellationToken cancellationToken);

    /// <summary>
    /// At start-up: marks this instance's own jobs left queued or running by its previous process
    /// (and running jobs recorded without an owner) as failed. Jobs of other live instances are
    /// left alone. Returns one entry per job failed: the spooled file when it is this instance's
    /// (to delete), else null. With <paramref name="createdBefore"/>, only jobs created before that
    /// instant (a retry after start-up must not fail a job this process has just accepted).
    /// </summary>
    Task<IReadOnlyList<string?>> FailInterruptedAsync(DateTimeOffset? createdBefore, CancellationToken cancellationToken);

    /// <summary>Refreshes the heartbeat of this instance's queued and running jobs; returns the ids still held.</summary>
    Task<IReadOnlySet<Guid>> HeartbeatAsync(CancellationToken cancellationToken);

    /// <summary>Marks as failed the queued and running jobs of other instances whose heartbeat is older than the lease; returns how many.</summary>
    Task<int> FailAbandonedAsync(CancellationToken cancellationToken);
}
