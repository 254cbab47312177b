using System.Diagnostics;
using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Cooperatives;
using CoopApi.Application.Import;
using CoopApi.Domain.Common;
using CoopApi.Domain.Cooperatives;
using CoopApi.Infrastructure.Persistence;
using CoopApi.Infrastructure.Persistence.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace CoopApi.Infrastructure.Import;

/// <summary>
/// The set-based write of an import, on the connection and inside the transaction of the
/// command (<see cref="TransactionRunner"/>). New organizations, their registration entries and
/// their <c>domain_events</c> rows are binary-COPYed straight into their tables, batch by batch,
/// behind a savepoint (an atomic import that meets a bad row later rolls back to it); changed
/// organizations go through a temporary staging table, then one version-checked UPDATE and one
/// INSERT … SELECT of their <c>domain_events</c> rows — the same rows, in the same format, that
/// <see cref="DomainEventOutbox"/> writes for a single write.
/// </summary>
internal sealed partial class CooperativeImportStaging(CoopDbContext db, ILogger<CooperativeImportStaging> logger) : ICooperativeImportStaging
{
    private const string Savepoint = "import_rows";
    private const string Table = "import_staging";

    // Changed organizations only: their new values, the version they were read at, their event.
    private const string CreateSql = $"""
        CREATE TEMP TABLE IF NOT EXISTS {Table} (
            row_no int NOT NULL, id uuid NOT NULL, expected_version int NOT NULL, version int NOT NULL,
            registration_code text, name text NOT NULL, kind text NOT NULL, sector text NOT NULL,
            province_code text NOT NULL, commune_code text NOT NULL, address text, established_on date NOT NULL,
            charter_capital bigint NOT NULL, member_count int NOT NULL, employee_count int, representative text,
            phone text, email text, is_youth_cooperative boolean NOT NULL, main_products text[] NOT NULL,
            updated_at timestamptz NOT NULL, previous_province text,
            event_type text NOT NULL, payload jsonb NOT NULL, state jsonb NOT NULL, occurred_at timestamptz NOT NULL
        ) ON COMMIT DROP;
        TRUNCATE {Table};
        SAVEPOINT {Savepoint};
        """;

    private const string CopySql = $"""
        COPY {Table} (row_no, id, expected_version, version, registration_code, name, kind, sector,
            province_code, commune_code, address, established_on, charter_capital, member_count, employee_count,
            representative, phone, email, is_youth_cooperative, main_products, updated_at, previous_province,
            event_type, payload, state, occurred_at)
        FROM STDIN (FORMAT BINARY)
        """;

    private const string CopyCooperativesSql = $"COPY cooperatives ({Columns}, search_text) FROM STDIN (FORMAT BINARY)";

    // The search text of the new rows, by the function the row trigger uses, for the whole batch
    // in one statement: given in the COPY, it spares the trigger (≈ 100 µs a row, most of a COPY).
    private const string SearchTextsSql = """
        SELECT public.coop_cooperative_search_text(t.org_name, t.org_code, m.name)
        FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS t(org_name, org_code, commune_code, n)
        LEFT JOIN communes AS m ON m.code = t.commune_code
        ORDER BY t.n
        """;

    private const string CopyRegistrationsSql =
        "COPY status_changes (id, cooperative_id, sequence, from_status, to_status, effective_on, reason, recorded_at) FROM STDIN (FORMAT BINARY)";

    private const string CopyEventsSql = """
        COPY domain_events (aggregate_type, aggregate_id, event_type, payload, aggregate_version, operation,
            province_code, previous_province_code, state, occurred_at, actor, trace_id)
        FROM STDIN (FORMAT BINARY)
        """;

    private const string Columns =
        "id, registration_code, name, kind, sector, status, province_code, commune_code, address, established_on, "
        + "charter_capital, member_count, employee_count, representative, phone, email, is_youth_cooperative, main_products, "
        + "created_at, updated_at, status_since, last_sequence, version";

    private const string UpdateSql = $"""
        UPDATE cooperatives AS c SET registration_code = s.registration_code, name = s.name, kind = s.kind, sector = s.sector,
            province_code = s.province_code, commune_code = s.commune_code, address = s.address, established_on = s.established_on,
            charter_capital = s.charter_capital, member_count = s.member_count, employee_count = s.employee_count,
            representative = s.representative, phone = s.phone, email = s.email, is_youth_cooperative = s.is_youth_cooperative,
            main_products = s.main_products, updated_at = s.updated_at, version = s.version
        FROM {Table} AS s WHERE c.id = s.id AND c.version = s.expected_version
        """;

    // A record read by this import whose last change was made by a transaction that started
    // writing after this one: updating it would give a later version a smaller transaction id,
    // and the change feed orders by transaction id (docs/decisions/0015-change-feed-cursor.md).
    private const string LaterWriterSql = $"""
        SELECT EXISTS (SELECT 1 FROM {Table} AS s JOIN domain_events AS e
            ON e.aggregate_type = 'cooperative' AND e.aggregate_id = s.id
            WHERE e.xact_id > pg_current_xact_id())
        """;

    private const string EventsSql = $"""
        INSERT INTO domain_events (aggregate_type, aggregate_id, event_type, payload, aggregate_version, operation,
            province_code, previous_province_code, state, occurred_at, actor, trace_id)
        SELECT '{CooperativeRepresentation.Type}', id, event_type, payload, version,
            'updated', province_code, previous_province, state, occurred_at, $1, $2
        FROM {Table} ORDER BY row_no
        """;

    /// <summary>No statement timeout: a 200,000-row import's set-based statements run longer than the API's 30 s default.</summary>
    private const int NoTimeout = 0;

    private NpgsqlConnection Connection => (NpgsqlConnection)db.Database.GetDbConnection();

    private NpgsqlCommand Command(string sql) => new(sql, Connection) { CommandTimeout = NoTimeout };

    private TimeSpan _serializing;
    private TimeSpan _copyingNew;
    private TimeSpan _copyingChanged;

    /// <inheritdoc />
    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        (_serializing, _copyingNew, _copyingChanged) = (TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = Command(CreateSql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task CopyAsync(IReadOnlyList<StagedCooperative> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var rowsToWrite = Stamp(rows);

        // The events' JSON is written on another thread while the server computes the search texts
        // and takes the organizations' COPY; the events' COPY waits for it.
        var fresh = rowsToWrite.Where(w => w.Row.IsNew).ToList();
        var searchTexts = fresh.Count == 0 ? Task.FromResult(new List<string?>()) : SearchTextsAsync(fresh, cancellationToken);
        var json = Task.Run(() => Serialize(rowsToWrite), cancellationToken);
        try
        {
            var texts = await searchTexts;
            if (fresh.Count > 0)
            {
                var copied = Stopwatch.GetTimestamp();
                await CopyNewAsync(fresh, texts, json, cancellationToken);
                _copyingNew += Stopwatch.GetElapsedTime(copied);
            }

            _serializing += await json;
            var changed = rowsToWrite.Where(w => !w.Row.IsNew).ToList();
            if (changed.Count > 0)
            {
                var copied = Stopwatch.GetTimestamp();
                await CopyChangedAsync(changed, cancellationToken);
                _copyingChanged += Stopwatch.GetElapsedTime(copied);
            }
        }
        catch (PostgresException pg) when (Translate(pg) is { } mapped)
        {
            throw mapped;
        }
    }

    /// <summary>The rows with their event and version after the write, stamped as the outbox stamps a save.</summary>
    private static List<Written> Stamp(IReadOnlyList<StagedCooperative> rows)
    {
        var written = new List<Written>(rows.Count);
        foreach (var row in rows)
        {
            var c = row.Cooperative;
            var domainEvent = c.DomainEvents.Single();
            // Microseconds, the time of the event.
            var now = domainEvent.OccurredAt.AddTicks(-(domainEvent.OccurredAt.Ticks % TimeSpan.TicksPerMicrosecond));
            if (row.IsNew)
            {
                c.CreatedAt = now;
            }

            c.UpdatedAt = now;
            written.Add(new Written(row, domainEvent, row.IsNew ? c.Version : c.Version + 1));
        }

        return written;
    }

    /// <summary>The two JSON documents of each row's event (payload, state after the write).</summary>
    private static TimeSpan Serialize(List<Written> rows)
    {
        var started = Stopwatch.GetTimestamp();
        foreach (var w in rows)
        {
            w.Payload = DomainEventOutbox.Serialize(w.Event);
            w.State = DomainEventOutbox.SerializeState(w.Row.Cooperative.ToDto() with { Version = w.Version });
        }

        return Stopwatch.GetElapsedTime(started);
    }

    private async Task<List<string?>> SearchTextsAsync(List<Written> rows, CancellationToken ct)
    {
        await using var command = Command(SearchTextsSql);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. rows.Select(w => w.Row.Cooperative.Name)] });
        command.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = [.. rows.Select(w => w.Row.Cooperative.RegistrationCode)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. rows.Select(w => w.Row.Cooperative.CommuneCode)] });
        var texts = new List<string?>(rows.Count);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            texts.Add(reader.IsDBNull(0) ? null : reader.GetString(0));
        }

        return texts;
    }

    /// <summary>New organizations, their registration entries and their events, straight into their tables.</summary>
    private async Task CopyNewAsync(List<Written> rows, List<string?> searchTexts, Task json, CancellationToken ct)
    {
        await using (var importer = await Importer(CopyCooperativesSql, ct))
        {
            for (var i = 0; i < rows.Count; i++)
            {
                var w = rows[i];
                var c = w.Row.Cooperative;
                await importer.StartRowAsync(ct);
                await importer.WriteAsync(c.Id, NpgsqlDbType.Uuid, ct);
                await WriteText(importer, c.RegistrationCode, ct);
                await WriteText(importer, c.Name, ct);
                await WriteText(importer, EnumLabels.ApiName(c.Kind), ct);
                await WriteText(importer, EnumLabels.ApiName(c.Sector), ct);
                await WriteText(importer, EnumLabels.ApiName(c.Status), ct);
                await WriteDetails(importer, c, ct);
                await importer.WriteAsync(c.CreatedAt, NpgsqlDbType.TimestampTz, ct);
                await importer.WriteAsync(c.UpdatedAt, NpgsqlDbType.TimestampTz, ct);
                await importer.WriteAsync(c.StatusSince, NpgsqlDbType.Date, ct);
                await importer.WriteAsync(c.LastSequence, NpgsqlDbType.Integer, ct);
                await importer.WriteAsync(w.Version, NpgsqlDbType.Integer, ct);
                await WriteText(importer, searchTexts[i], ct);
            }

            await importer.CompleteAsync(ct);
        }

        await using (var importer = await Importer(CopyRegistrationsSql, ct))
        {
            foreach (var w in rows)
            {
                var c = w.Row.Cooperative;
                var registration = c.StatusHistory[0];
                await importer.StartRowAsync(ct);
                await importer.WriteAsync(registration.Id, NpgsqlDbType.Uuid, ct);
                await importer.WriteAsync(c.Id, NpgsqlDbType.Uuid, ct);
                await importer.WriteAsync(0, NpgsqlDbType.Integer, ct);
                await importer.WriteNullAsync(ct);
                await WriteText(importer, EnumLabels.ApiName(c.Status), ct);
                await importer.WriteAsync(registration.EffectiveOn, NpgsqlDbType.Date, ct);
                await WriteText(importer, registration.Reason, ct);
                await importer.WriteAsync(w.Event.OccurredAt, NpgsqlDbType.TimestampTz, ct);
            }

            await importer.CompleteAsync(ct);
        }

        var (actor, traceId) = (db.Actor, TraceId());
        await json;
        await using (var importer = await Importer(CopyEventsSql, ct))
        {
            foreach (var w in rows)
            {
                var c = w.Row.Cooperative;
                await importer.StartRowAsync(ct);
                await WriteText(importer, CooperativeRepresentation.Type, ct);
                await importer.WriteAsync(c.Id, NpgsqlDbType.Uuid, ct);
                await WriteText(importer, w.Event.GetType().Name, ct);
                await importer.WriteAsync(w.Payload, NpgsqlDbType.Jsonb, ct);
                await importer.WriteAsync(w.Version, NpgsqlDbType.Integer, ct);
                await WriteText(importer, "created", ct);
                await WriteText(importer, c.ProvinceCode, ct);
                await importer.WriteNullAsync(ct);
                await importer.WriteAsync(w.State, NpgsqlDbType.Jsonb, ct);
                await importer.WriteAsync(w.Event.OccurredAt, NpgsqlDbType.TimestampTz, ct);
                await WriteText(importer, actor, ct);
                await WriteText(importer, traceId, ct);
            }

            await importer.CompleteAsync(ct);
        }
    }

    /// <summary>Changed organizations into the staging table, written by <see cref="ApplyAsync"/>.</summary>
    private async Task CopyChangedAsync(List<Written> rows, CancellationToken ct)
    {
        await using var importer = await Importer(CopySql, ct);
        foreach (var w in rows)
        {
            var (row, c) = (w.Row, w.Row.Cooperative);
            await importer.StartRowAsync(ct);
            await importer.WriteAsync(row.Row, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(c.Id, NpgsqlDbType.Uuid, ct);
            await importer.WriteAsync(c.Version, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(w.Version, NpgsqlDbType.Integer, ct);
            await WriteText(importer, c.RegistrationCode, ct);
            await WriteText(importer, c.Name, ct);
            await WriteText(importer, EnumLabels.ApiName(c.Kind), ct);
            await WriteText(importer, EnumLabels.ApiName(c.Sector), ct);
            await WriteDetails(importer, c, ct);
            await importer.WriteAsync(c.UpdatedAt, NpgsqlDbType.TimestampTz, ct);
            await WriteText(importer, row.PreviousProvince, ct);
            await WriteText(importer, w.Event.GetType().Name, ct);
            await importer.WriteAsync(w.Payload, NpgsqlDbType.Jsonb, ct);
            await importer.WriteAsync(w.State, NpgsqlDbType.Jsonb, ct);
            await importer.WriteAsync(w.Event.OccurredAt, NpgsqlDbType.TimestampTz, ct);
        }

        await importer.CompleteAsync(ct);
    }

    /// <inheritdoc />
    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            int toUpdate;
            await using (var count = Command($"SELECT count(*)::int FROM {Table}"))
            {
                toUpdate = (int)(await count.ExecuteScalarAsync(cancellationToken))!;
            }

            if (toUpdate > 0)
            {
                await using (var update = Command(UpdateSql))
                {
                    if (await update.ExecuteNonQueryAsync(cancellationToken) != toUpdate)
                    {
                        throw new ConcurrencyConflictException(clientPrecondition: false); // changed since this import read it
                    }
                }

                await using (var later = Command(LaterWriterSql))
                {
                    if (await later.ExecuteScalarAsync(cancellationToken) is true)
                    {
                        throw new ConcurrencyConflictException(clientPrecondition: false);
                    }
                }

                await using var events = Command(EventsSql);
                events.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = db.Actor, NpgsqlDbType = NpgsqlDbType.Text });
                events.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = TraceId(), NpgsqlDbType = NpgsqlDbType.Text });
                await events.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        catch (PostgresException pg) when (Translate(pg) is { } mapped)
        {
            throw mapped;
        }

        LogTimings(logger, _serializing.TotalMilliseconds, _copyingNew.TotalMilliseconds, _copyingChanged.TotalMilliseconds,
            Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <inheritdoc />
    public async Task DiscardAsync(CancellationToken cancellationToken)
    {
        await using var rollback = Command($"ROLLBACK TO SAVEPOINT {Savepoint}");
        await rollback.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Import write: events serialized in {SerializingMs:F0} ms, new rows copied in {CopyingNewMs:F0} ms, changed rows staged in {CopyingChangedMs:F0} ms, updates applied in {ApplyingMs:F0} ms")]
    private static partial void LogTimings(ILogger logger, double serializingMs, double copyingNewMs, double copyingChangedMs, double applyingMs);

    private static Exception? Translate(PostgresException pg) =>
        ConstraintErrorCatalogue.Translate(pg) ?? (pg.SqlState == PostgresErrorCodes.UniqueViolation
            ? new DuplicateException("", $"A unique value is already taken ({pg.ConstraintName}).", $"Giá trị đã tồn tại ({pg.ConstraintName}).")
            : null);

    private static string? TraceId() =>
        Activity.Current is { } activity && activity.TraceId != default ? activity.TraceId.ToHexString() : null;

    private async Task<NpgsqlBinaryImporter> Importer(string sql, CancellationToken ct)
    {
        var importer = await Connection.BeginBinaryImportAsync(sql, ct);
        importer.Timeout = TimeSpan.FromMinutes(10);
        return importer;
    }

    /// <summary>A row with what its write needs: the event raised, the version after the write, their JSON.</summary>
    private sealed record Written(StagedCooperative Row, IDomainEvent Event, int Version)
    {
        public string Payload { get; set; } = "";

        public string State { get; set; } = "";
    }

    /// <summary>
    /// The register's descriptive columns, province code to main products, in the order both COPYs
    /// (new rows into <c>cooperatives</c>, changed rows into the staging table) list them.
    /// </summary>
    private static async Task WriteDetails(NpgsqlBinaryImporter importer, Cooperative c, CancellationToken ct)
    {
        await WriteText(importer, c.ProvinceCode, ct);
        await WriteText(importer, c.CommuneCode, ct);
        await WriteText(importer, c.Address, ct);
        await importer.WriteAsync(c.EstablishedOn, NpgsqlDbType.Date, ct);
        await importer.WriteAsync(c.CharterCapital, NpgsqlDbType.Bigint, ct);
        await importer.WriteAsync(c.MemberCount, NpgsqlDbType.Integer, ct);
        await WriteNullable(importer, c.EmployeeCount, NpgsqlDbType.Integer, ct);
        await WriteText(importer, c.Representative, ct);
        await WriteText(importer, c.Phone, ct);
        await WriteText(importer, c.Email, ct);
        await importer.WriteAsync(c.IsYouthCooperative, NpgsqlDbType.Boolean, ct);
        await importer.WriteAsync(c.MainProducts, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
    }

    private static Task WriteText(NpgsqlBinaryImporter importer, string? value, CancellationToken ct) =>
        value is null ? importer.WriteNullAsync(ct) : importer.WriteAsync(value, NpgsqlDbType.Text, ct);

    private static Task WriteNullable<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken ct) where T : struct =>
        value is { } v ? importer.WriteAsync(v, type, ct) : importer.WriteNullAsync(ct);
}
