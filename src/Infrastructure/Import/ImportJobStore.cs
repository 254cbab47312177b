using System.Text.Json;
using System.Text.Json.Serialization;
using CoopApi.Application.Import;
using CoopApi.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql;
using NpgsqlTypes;

namespace CoopApi.Infrastructure.Import;

/// <summary>One row of <c>import_jobs</c>: a background import (mapped for the migration; read and written in SQL).</summary>
internal sealed class ImportJobRecord
{
    public Guid Id { get; set; }

    public string State { get; set; } = "";

    public string Format { get; set; } = "";

    public bool Atomic { get; set; }

    public bool DryRun { get; set; }

    public string FilePath { get; set; } = "";

    public string? Actor { get; set; }

    public string? ActorName { get; set; }

    public string[] Scopes { get; set; } = [];

    public string[] Provinces { get; set; } = [];

    public string Language { get; set; } = "en";

    public int RowsRead { get; set; }

    public string? Report { get; set; }

    public string? Error { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public string? OwnerInstance { get; set; }

    public DateTimeOffset? HeartbeatAt { get; set; }
}

/// <summary>Table <c>import_jobs</c>.</summary>
internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJobRecord>
{
    public void Configure(EntityTypeBuilder<ImportJobRecord> builder)
    {
        builder.ToTable("import_jobs", t => t.HasCheckConstraint("ck_import_jobs_state",
            "state IN ('queued', 'running', 'succeeded', 'failed')"));
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.Property(j => j.State).HasMaxLength(20);
        builder.Property(j => j.Format).HasMaxLength(10);
        builder.Property(j => j.FilePath).HasMaxLength(1000);
        builder.Property(j => j.Actor).HasMaxLength(200);
        builder.Property(j => j.ActorName).HasMaxLength(200);
        builder.Property(j => j.Scopes).HasColumnType("text[]");
        builder.Property(j => j.Provinces).HasColumnType("text[]");
        builder.Property(j => j.Language).HasMaxLength(5);
        builder.Property(j => j.Report).HasColumnType("jsonb");
        builder.HasIndex(j => new { j.State, j.CreatedAt });
        builder.Property(j => j.OwnerInstance).HasMaxLength(200);
        builder.HasIndex(j => new { j.OwnerInstance, j.State });
    }
}

/// <summary>
/// The job table in plain SQL over the shared data source, outside any command's transaction, so
/// that state and progress are seen at once. A job belongs to the instance that received its file
/// (<see cref="ImportJobOptions.InstanceId"/>): only that instance claims and runs it, and it keeps
/// the job's heartbeat fresh; heartbeats and leases are compared on the database's clock, so the
/// clocks of the instances need not agree.
/// </summary>
internal sealed class ImportJobStore(NpgsqlDataSource dataSource, TimeProvider clock, ImportJobOptions options)
    : IImportJobStore, IImportJobProgress
{
    private const string InterruptedMessage =
        "error = CASE language WHEN 'vi' THEN 'Bị gián đoạn do API khởi động lại; không có dòng nào được ghi. Hãy gửi lại tệp.' "
        + "ELSE 'Interrupted by a restart of the API; nothing of it was written. Send the file again.' END ";

    private const string AbandonedMessage =
        "error = CASE language WHEN 'vi' THEN 'Phiên bản API nhận tệp đã ngừng hoạt động (không còn tín hiệu); không có dòng nào được ghi. Hãy gửi lại tệp.' "
        + "ELSE 'The API instance that received the file stopped (its heartbeat lapsed); nothing of it was written. Send the file again.' END ";

    private const string Columns =
        "id, state, format, atomic, dry_run, rows_read, report, error, created_at, started_at, finished_at, actor, provinces";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <inheritdoc />
    public async Task CreateAsync(ImportJobWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var command = dataSource.CreateCommand(
            "INSERT INTO import_jobs (id, state, format, atomic, dry_run, file_path, actor, actor_name, scopes, provinces, language, rows_read, created_at, owner_instance, heartbeat_at) "
            + "VALUES ($1, 'queued', $2, $3, $4, $5, $6, $7, $8, $9, $10, 0, $11, $12, now())");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = work.Id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = EnumLabels.ApiName(work.Format) });
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = work.Atomic });
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = work.DryRun });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = work.FilePath });
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = work.Actor, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = work.ActorName, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. work.Scopes] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. work.Provinces] });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = work.Language });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = clock.GetUtcNow() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = options.InstanceId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<(ImportJobDto Job, string? Actor, IReadOnlyList<string> Provinces)?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT " + Columns + " FROM import_jobs WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var job = new ImportJobDto
        {
            Id = reader.GetGuid(0),
            State = Enum.Parse<ImportJobState>(reader.GetString(1), ignoreCase: true),
            Format = Enum.Parse<ImportFormat>(reader.GetString(2), ignoreCase: true),
            Atomic = reader.GetBoolean(3),
            DryRun = reader.GetBoolean(4),
            RowsRead = reader.GetInt32(5),
            Report = reader.IsDBNull(6) ? null : JsonSerializer.Deserialize<ImportReport>(reader.GetString(6), Json),
            Error = reader.IsDBNull(7) ? null : reader.GetString(7),
            CreatedAt = reader.GetFieldValue<DateTimeOffset>(8),
            StartedAt = reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9),
            FinishedAt = reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
        };
        return (job, reader.IsDBNull(11) ? null : reader.GetString(11), reader.GetFieldValue<string[]>(12));
    }

    /// <inheritdoc />
    public async Task<ImportJobWork?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE import_jobs SET state = 'running', started_at = $1, heartbeat_at = now() WHERE id = (SELECT id FROM import_jobs "
            + "WHERE state = 'queued' AND owner_instance = $2 ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED) "
            + "RETURNING id, file_path, format, atomic, dry_run, actor, actor_name, scopes, provinces, language");
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = clock.GetUtcNow() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = options.InstanceId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new ImportJobWork(reader.GetGuid(0), reader.GetString(1), Enum.Parse<ImportFormat>(reader.GetString(2), ignoreCase: true),
            reader.GetBoolean(3), reader.GetBoolean(4), reader.IsDBNull(5) ? null : reader.GetString(5),
            reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetFieldValue<string[]>(7), reader.GetFieldValue<string[]>(8),
            reader.GetString(9));
    }

    /// <inheritdoc />
    public async Task FinishAsync(Guid id, ImportReport? report, string? failure, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE import_jobs SET state = $2, report = $3, error = $4, finished_at = $5, rows_read = COALESCE($6, rows_read) WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = failure is null ? "succeeded" : "failed" });
        command.Parameters.Add(new NpgsqlParameter<string?>
        {
            TypedValue = report is null ? null : JsonSerializer.Serialize(report, Json),
            NpgsqlDbType = NpgsqlDbType.Jsonb,
        });
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = failure, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = clock.GetUtcNow() });
        command.Parameters.Add(new NpgsqlParameter<int?> { TypedValue = report?.RowsRead, NpgsqlDbType = NpgsqlDbType.Integer });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string?>> FailInterruptedAsync(DateTimeOffset? createdBefore, CancellationToken cancellationToken)
    {
        // This instance's own jobs, queued or running, died with its previous process; so did a
        // running job without an owner (recorded before jobs had owners).
        await using var command = dataSource.CreateCommand(
            "UPDATE import_jobs SET state = 'failed', finished_at = $1, " + InterruptedMessage
            + "WHERE ((owner_instance = $2 AND state IN ('queued', 'running')) OR (owner_instance IS NULL AND state = 'running')) "
            + "AND ($3::timestamptz IS NULL OR created_at < $3) "
            + "RETURNING CASE WHEN owner_instance = $2 THEN file_path END");
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = clock.GetUtcNow() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = options.InstanceId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?> { TypedValue = createdBefore, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        var files = new List<string?>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            files.Add(reader.IsDBNull(0) ? null : reader.GetString(0));
        }

        return files;
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<Guid>> HeartbeatAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE import_jobs SET heartbeat_at = now() WHERE owner_instance = $1 AND state IN ('queued', 'running') RETURNING id");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = options.InstanceId });
        var alive = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            alive.Add(reader.GetGuid(0));
        }

        return alive;
    }

    /// <inheritdoc />
    public async Task<int> FailAbandonedAsync(CancellationToken cancellationToken)
    {
        // Jobs without an owner or heartbeat (recorded before jobs had them) count from their start or creation.
        await using var command = dataSource.CreateCommand(
            "UPDATE import_jobs SET state = 'failed', finished_at = $1, " + AbandonedMessage
            + "WHERE state IN ('queued', 'running') AND owner_instance IS DISTINCT FROM $2 "
            + "AND COALESCE(heartbeat_at, started_at, created_at) < now() - $3");
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = clock.GetUtcNow() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = options.InstanceId });
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = options.Lease, NpgsqlDbType = NpgsqlDbType.Interval });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task ReportAsync(Guid jobId, int rowsRead, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE import_jobs SET rows_read = $2 WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = jobId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = rowsRead });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
