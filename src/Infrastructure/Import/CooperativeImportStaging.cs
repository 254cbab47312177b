using System.Diagnostics;
using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Cooperatives;
using CoopApi.Application.Import;
using CoopApi.Domain.Common;
using CoopApi.Domain.Cooperatives;
using CoopApi.Infrastructure.Persistence;
using CoopApi.Infrastructure.Persistence.Events;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CoopApi.Infrastructure.Import;

/// <summary>
/// The set-based write of an import, on the connection and inside the transaction of the
/// command (<see cref="TransactionRunner"/>): a temporary staging table filled by binary COPY,
/// then one INSERT for the new organizations, one for their registration entries, one UPDATE for
/// the changed ones and one INSERT … SELECT for their <c>domain_events</c> rows — the same rows,
/// in the same format, that <see cref="DomainEventOutbox"/> writes for a single write.
/// </summary>
internal sealed class CooperativeImportStaging(CoopDbContext db) : ICooperativeImportStaging
{
    private const string Table = "import_staging";

    private const string CreateSql = $"""
        CREATE TEMP TABLE IF NOT EXISTS {Table} (
            row_no int NOT NULL, is_new boolean NOT NULL, id uuid NOT NULL, expected_version int, version int NOT NULL,
            registration_code text, name text NOT NULL, kind text NOT NULL, sector text NOT NULL, status text NOT NULL,
            province_code text NOT NULL, commune_code text NOT NULL, address text, established_on date NOT NULL,
            charter_capital bigint NOT NULL, member_count int NOT NULL, employee_count int, representative text,
            phone text, email text, is_youth_cooperative boolean NOT NULL, main_products text[] NOT NULL,
            created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL, status_since date NOT NULL, last_sequence int NOT NULL,
            sc_id uuid, sc_effective_on date, sc_reason text, previous_province text,
            event_type text NOT NULL, payload jsonb NOT NULL, state jsonb NOT NULL, occurred_at timestamptz NOT NULL
        ) ON COMMIT DROP;
        TRUNCATE {Table};
        """;

    private const string CopySql = $"""
        COPY {Table} (row_no, is_new, id, expected_version, version, registration_code, name, kind, sector, status,
            province_code, commune_code, address, established_on, charter_capital, member_count, employee_count,
            representative, phone, email, is_youth_cooperative, main_products, created_at, updated_at, status_since,
            last_sequence, sc_id, sc_effective_on, sc_reason, previous_province, event_type, payload, state, occurred_at)
        FROM STDIN (FORMAT BINARY)
        """;

    private const string Columns =
        "id, registration_code, name, kind, sector, status, province_code, commune_code, address, established_on, "
        + "charter_capital, member_count, employee_count, representative, phone, email, is_youth_cooperative, main_products, "
        + "created_at, updated_at, status_since, last_sequence, version";

    private const string InsertSql = $"""
        INSERT INTO cooperatives ({Columns}) SELECT {Columns} FROM {Table} WHERE is_new ORDER BY row_no;
        INSERT INTO status_changes (id, cooperative_id, sequence, from_status, to_status, effective_on, reason, recorded_at)
            SELECT sc_id, id, 0, NULL, status, sc_effective_on, sc_reason, occurred_at FROM {Table} WHERE is_new ORDER BY row_no;
        """;

    private const string UpdateSql = $"""
        UPDATE cooperatives AS c SET registration_code = s.registration_code, name = s.name, kind = s.kind, sector = s.sector,
            province_code = s.province_code, commune_code = s.commune_code, address = s.address, established_on = s.established_on,
            charter_capital = s.charter_capital, member_count = s.member_count, employee_count = s.employee_count,
            representative = s.representative, phone = s.phone, email = s.email, is_youth_cooperative = s.is_youth_cooperative,
            main_products = s.main_products, updated_at = s.updated_at, version = s.version
        FROM {Table} AS s WHERE NOT s.is_new AND c.id = s.id AND c.version = s.expected_version
        """;

    // A record read by this import whose last change was made by a transaction that started
    // writing after this one: updating it would give a later version a smaller transaction id,
    // and the change feed orders by transaction id (docs/decisions/0015-change-feed-cursor.md).
    private const string LaterWriterSql = $"""
        SELECT EXISTS (SELECT 1 FROM {Table} AS s JOIN domain_events AS e
            ON e.aggregate_type = 'cooperative' AND e.aggregate_id = s.id
            WHERE NOT s.is_new AND e.xact_id > pg_current_xact_id())
        """;

    private const string EventsSql = $"""
        INSERT INTO domain_events (aggregate_type, aggregate_id, event_type, payload, aggregate_version, operation,
            province_code, previous_province_code, state, occurred_at, actor, trace_id)
        SELECT '{CooperativeRepresentation.Type}', id, event_type, payload, version,
            CASE WHEN is_new THEN 'created' ELSE 'updated' END, province_code, previous_province, state, occurred_at, $1, $2
        FROM {Table} ORDER BY row_no
        """;

    /// <summary>No statement timeout: a 200,000-row import's set-based statements run longer than the API's 30 s default.</summary>
    private const int NoTimeout = 0;

    private NpgsqlConnection Connection => (NpgsqlConnection)db.Database.GetDbConnection();

    private NpgsqlCommand Command(string sql) => new(sql, Connection) { CommandTimeout = NoTimeout };

    /// <inheritdoc />
    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = Command(CreateSql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task CopyAsync(IReadOnlyList<StagedCooperative> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var importer = await Connection.BeginBinaryImportAsync(CopySql, cancellationToken);
        importer.Timeout = TimeSpan.FromMinutes(10);
        foreach (var row in rows)
        {
            var c = row.Cooperative;
            var domainEvent = c.DomainEvents.Single();
            // As the outbox stamps a save: microseconds, the time of the event.
            var now = domainEvent.OccurredAt.AddTicks(-(domainEvent.OccurredAt.Ticks % TimeSpan.TicksPerMicrosecond));
            if (row.IsNew)
            {
                c.CreatedAt = now;
            }

            c.UpdatedAt = now;
            var version = row.IsNew ? c.Version : c.Version + 1;
            var state = DomainEventOutbox.SerializeState(c.ToDto() with { Version = version });
            var registration = row.IsNew ? c.StatusHistory[0] : null;

            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(row.Row, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(row.IsNew, NpgsqlDbType.Boolean, cancellationToken);
            await importer.WriteAsync(c.Id, NpgsqlDbType.Uuid, cancellationToken);
            await WriteNullable<int>(importer, row.IsNew ? null : c.Version, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(version, NpgsqlDbType.Integer, cancellationToken);
            await WriteText(importer, c.RegistrationCode, cancellationToken);
            await WriteText(importer, c.Name, cancellationToken);
            await WriteText(importer, EnumLabels.ApiName(c.Kind), cancellationToken);
            await WriteText(importer, EnumLabels.ApiName(c.Sector), cancellationToken);
            await WriteText(importer, EnumLabels.ApiName(c.Status), cancellationToken);
            await WriteText(importer, c.ProvinceCode, cancellationToken);
            await WriteText(importer, c.CommuneCode, cancellationToken);
            await WriteText(importer, c.Address, cancellationToken);
            await importer.WriteAsync(c.EstablishedOn, NpgsqlDbType.Date, cancellationToken);
            await importer.WriteAsync(c.CharterCapital, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(c.MemberCount, NpgsqlDbType.Integer, cancellationToken);
            await WriteNullable(importer, c.EmployeeCount, NpgsqlDbType.Integer, cancellationToken);
            await WriteText(importer, c.Representative, cancellationToken);
            await WriteText(importer, c.Phone, cancellationToken);
            await WriteText(importer, c.Email, cancellationToken);
            await importer.WriteAsync(c.IsYouthCooperative, NpgsqlDbType.Boolean, cancellationToken);
            await importer.WriteAsync(c.MainProducts, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(c.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await importer.WriteAsync(c.UpdatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await importer.WriteAsync(c.StatusSince, NpgsqlDbType.Date, cancellationToken);
            await importer.WriteAsync(c.LastSequence, NpgsqlDbType.Integer, cancellationToken);
            await WriteNullable(importer, registration?.Id, NpgsqlDbType.Uuid, cancellationToken);
            await WriteNullable(importer, registration?.EffectiveOn, NpgsqlDbType.Date, cancellationToken);
            await WriteText(importer, registration?.Reason, cancellationToken);
            await WriteText(importer, row.PreviousProvince, cancellationToken);
            await WriteText(importer, domainEvent.GetType().Name, cancellationToken);
            await importer.WriteAsync(DomainEventOutbox.Serialize(domainEvent), NpgsqlDbType.Jsonb, cancellationToken);
            await importer.WriteAsync(state, NpgsqlDbType.Jsonb, cancellationToken);
            await importer.WriteAsync(domainEvent.OccurredAt, NpgsqlDbType.TimestampTz, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        try
        {
            int toUpdate;
            await using (var count = Command($"SELECT count(*)::int FROM {Table} WHERE NOT is_new"))
            {
                toUpdate = (int)(await count.ExecuteScalarAsync(cancellationToken))!;
            }

            await using (var insert = Command(InsertSql))
            {
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            if (toUpdate > 0)
            {
                await using var update = Command(UpdateSql);
                if (await update.ExecuteNonQueryAsync(cancellationToken) != toUpdate)
                {
                    throw new ConcurrencyConflictException(clientPrecondition: false); // changed since this import read it
                }

                await using var later = Command(LaterWriterSql);
                if (await later.ExecuteScalarAsync(cancellationToken) is true)
                {
                    throw new ConcurrencyConflictException(clientPrecondition: false);
                }
            }

            await using var events = Command(EventsSql);
            events.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = db.Actor, NpgsqlDbType = NpgsqlDbType.Text });
            var traceId = Activity.Current is { } activity && activity.TraceId != default ? activity.TraceId.ToHexString() : null;
            events.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = traceId, NpgsqlDbType = NpgsqlDbType.Text });
            await events.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException pg) when (ConstraintErrorCatalogue.Translate(pg) is { } mapped)
        {
            throw mapped;
        }
        catch (PostgresException pg) when (pg.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new DuplicateException("", $"A unique value is already taken ({pg.ConstraintName}).",
                $"Giá trị đã tồn tại ({pg.ConstraintName}).");
        }
    }

    private static Task WriteText(NpgsqlBinaryImporter importer, string? value, CancellationToken ct) =>
        value is null ? importer.WriteNullAsync(ct) : importer.WriteAsync(value, NpgsqlDbType.Text, ct);

    private static Task WriteNullable<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken ct) where T : struct =>
        value is { } v ? importer.WriteAsync(v, type, ct) : importer.WriteNullAsync(ct);
}
