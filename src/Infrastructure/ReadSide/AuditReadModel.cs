using System.Text;
using CoopApi.Application.Audit;
using CoopApi.Application.Audit.Queries;
using CoopApi.Application.Audit.Queries.ListAuditEntries;
using Npgsql;

namespace CoopApi.Infrastructure.ReadSide;

/// <summary>
/// The audit trail in plain SQL over <c>domain_events</c> (no record of its own): the filters
/// are AND-ed from fixed fragments, every value a parameter; newest first by id, one row more
/// than the page to know whether another page follows. Indexes: a record's trail
/// <c>(aggregate_type, aggregate_id, id)</c>, an actor <c>(actor, id)</c>, a time window
/// <c>(occurred_at)</c>, no filter the primary key read backwards.
/// Each row's payload is told as field changes by <see cref="AuditEntries"/>.
/// </summary>
internal sealed class AuditReadModel(ReadSideDataSource dataSource) : IAuditReadModel
{
    private const string Columns = "e.id, e.occurred_at, e.actor, e.trace_id, e.aggregate_type, e.aggregate_id, e.event_type, e.payload::text";

    /// <inheritdoc />
    public async Task<AuditPageDto> ListAsync(ListAuditEntriesQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var command = dataSource.CreateCommand();
        var where = new StringBuilder();
        void Add<T>(string condition, T value)
        {
            command.Parameters.Add(new NpgsqlParameter<T> { TypedValue = value });
            where.Append(where.Length == 0 ? " WHERE " : " AND ")
                .Append(condition.Replace("$?", "$" + command.Parameters.Count, StringComparison.Ordinal));
        }

        if (query.EntityType is { } type) Add("e.aggregate_type = $?", type);
        if (query.EntityId is { } id) Add("e.aggregate_id = $?", id);
        if (query.Actor is { } actor) Add("e.actor = $?", actor);
        if (query.From is { } from) Add("e.occurred_at >= $?", from.ToUniversalTime());
        if (query.To is { } to) Add("e.occurred_at <= $?", to.ToUniversalTime());
        if (query.After is { } after) Add("e.id < $?", after);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = query.Limit + 1 });
        command.CommandText = "SELECT " + Columns + " FROM domain_events AS e" + where
            + " ORDER BY e.id DESC LIMIT $" + command.Parameters.Count;

        var items = new List<AuditEntryDto>(Math.Min(query.Limit, 64));
        var more = false;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (items.Count == query.Limit)
            {
                more = true;
                break;
            }

            items.Add(AuditEntries.Read(
                id: reader.GetInt64(0),
                occurredAt: reader.GetFieldValue<DateTimeOffset>(1),
                actor: reader.IsDBNull(2) ? null : reader.GetString(2),
                traceId: reader.IsDBNull(3) ? null : reader.GetString(3),
                entityType: reader.GetString(4),
                entityId: reader.GetGuid(5),
                eventType: reader.GetString(6),
                payload: reader.GetString(7)));
        }

        return new AuditPageDto(items, more ? items[^1].Id : null);
    }
}
