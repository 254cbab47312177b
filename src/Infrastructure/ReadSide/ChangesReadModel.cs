using CoopApi.Application.Common.Interfaces;
using System.Text.Json;
using CoopApi.Application.Changes;
using CoopApi.Application.Changes.Queries;
using CoopApi.Domain.Common;
using Npgsql;
using NpgsqlTypes;

namespace CoopApi.Infrastructure.ReadSide;

/// <summary>
/// The change feed in plain SQL over <c>domain_events</c> (docs/decisions/0015-change-feed-cursor.md).
/// </summary>
/// <remarks>
/// <para><b>Commit-safe order.</b> Entries are read in (<c>xact_id</c>, <c>id</c>) order after the
/// cursor, and only from transactions below the fence <c>pg_snapshot_xmin(pg_current_snapshot())</c>:
/// the oldest transaction still running when the statement's snapshot was taken. Every transaction
/// below the fence has ended (committed: its rows are visible to the snapshot; aborted: it has
/// none), and every transaction still running, or not yet begun, has or will get an id at or above
/// it. So once a reader has passed <c>xact_id = X</c> below a fence, no row with <c>xact_id ≤ X</c>
/// can ever appear: nothing is skipped, and as the cursor only moves forward, nothing repeats.
/// <c>pg_current_snapshot()</c> returns the snapshot the statement runs under (READ COMMITTED: one
/// per statement), so the fence and the rows read agree; it is computed once, in a sub-select.</para>
/// <para><b>Per-resource order.</b> A later version of a resource always has a larger
/// <c>xact_id</c>: a command loads its aggregates before its first write (a transaction gets its id
/// at its first write), and every aggregate write is checked against the version it loaded, so the
/// writer of version n+1 read version n committed, and got its id after that commit.</para>
/// <para>The lag: a write transaction that stays open holds the fence, hence the whole feed, back
/// until it ends (entries after it wait; none is lost).</para>
/// </remarks>
internal sealed class ChangesReadModel(NpgsqlDataSource dataSource, IEnumerable<IResourceRepresentation> resources) : IChangesReadModel
{
    // Kinds of resource kept out of the feed (API keys); none of them belongs to a province, so
    // only the unfiltered read needs to leave them out (a type filter names a fed type: validated).
    private readonly string[] _hidden = [.. resources.Where(r => !r.InChangeFeed).Select(r => r.EntityType)];

    private const string Columns =
        "e.xact_id, e.id, e.aggregate_type, e.aggregate_id, e.operation, e.aggregate_version, e.occurred_at, e.state";

    // $1 xact_id, $2 id of the cursor; $3 rows to read (limit + 1, to tell whether more are ready).
    private const string After = "(e.xact_id, e.id) > ($1, $2) AND e.xact_id < (SELECT pg_snapshot_xmin(pg_current_snapshot()))";

    private const string AllSql = "SELECT " + Columns + " FROM domain_events AS e WHERE " + After
        + " AND e.aggregate_type <> ALL($4) ORDER BY e.xact_id, e.id LIMIT $3";

    private const string ByTypeSql = "SELECT " + Columns + " FROM domain_events AS e WHERE e.aggregate_type = $4 AND " + After
        + " ORDER BY e.xact_id, e.id LIMIT $3";

    // A province's changes: those of resources in it after the change (index by province_code), and
    // those that moved a resource out of it (partial index of moves by previous_province_code). The
    // branches are disjoint; each is read in index order and merged.
    private const string ByProvinceSql =
        "SELECT * FROM ("
        + "(SELECT " + Columns + " FROM domain_events AS e WHERE e.province_code = $4 AND " + After + TypeFilter
        + " ORDER BY e.xact_id, e.id LIMIT $3)"
        + " UNION ALL "
        + "(SELECT " + Columns + " FROM domain_events AS e WHERE e.previous_province_code = $4"
        + " AND e.previous_province_code IS DISTINCT FROM e.province_code AND " + After + TypeFilter
        + " ORDER BY e.xact_id, e.id LIMIT $3)"
        + ") AS e ORDER BY e.xact_id, e.id LIMIT $3";

    private const string TypeFilter = " AND ($5::text IS NULL OR e.aggregate_type = $5)";

    /// <inheritdoc />
    public async Task<(IReadOnlyList<ChangeEntryDto> Entries, bool HasMore)> ReadAsync(ChangeCursor after, int limit,
        string? entityType, string? provinceCode, CancellationToken cancellationToken)
    {
        var sql = provinceCode is not null ? ByProvinceSql : entityType is not null ? ByTypeSql : AllSql;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<ulong> { TypedValue = after.TransactionId, NpgsqlDbType = NpgsqlDbType.Xid8 });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = after.Id });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit + 1 });
        if (provinceCode is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = provinceCode, NpgsqlDbType = NpgsqlDbType.Varchar });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)entityType ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        }
        else if (entityType is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entityType, NpgsqlDbType = NpgsqlDbType.Varchar });
        }
        else
        {
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = _hidden, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Varchar });
        }

        var entries = new List<ChangeEntryDto>(Math.Min(limit, 1024));
        var hasMore = false;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (entries.Count == limit)
            {
                hasMore = true;
                break;
            }

            entries.Add(new ChangeEntryDto
            {
                Cursor = new ChangeCursor(reader.GetFieldValue<ulong>(0), reader.GetInt64(1)).ToString(),
                EntityType = reader.GetString(2),
                EntityId = reader.GetGuid(3),
                Operation = EnumNames<ChangeKind>.Parse(reader.GetString(4)),
                Version = reader.IsDBNull(5) ? null : reader.GetInt32(5),
                OccurredAt = reader.GetFieldValue<DateTimeOffset>(6),
                Data = reader.IsDBNull(7) ? null : reader.GetFieldValue<JsonDocument>(7).RootElement,
            });
        }

        return (entries, hasMore);
    }
}
