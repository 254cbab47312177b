using System.Text.Json;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CoopApi.Infrastructure.Idempotency;

/// <summary>
/// <see cref="IIdempotencyStore"/> on <c>idempotency_records</c>. Reads go straight to the data
/// source (committed rows only, like the read side); the insert goes through the command's
/// <see cref="CoopDbContext"/> connection, inside its transaction. All times are the database's,
/// so that several API instances agree on what has expired.
/// </summary>
internal sealed class IdempotencyStore(CoopDbContext db, NpgsqlDataSource dataSource, IdempotencyOptions options) : IIdempotencyStore
{
    private const string Table = IdempotencyRecordConfiguration.Table;

    public async Task<IdempotentResponse?> FindAsync(string client, string key, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT request_fingerprint, method, path, request_id, status_code, headers::text, body
            FROM {Table}
            WHERE client_id = $1 AND key = $2 AND expires_at > now()
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = client });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var headers = JsonSerializer.Deserialize<Dictionary<string, string[]>>(reader.GetString(5)) ?? [];
        return new IdempotentResponse(client, key, reader.GetString(0), reader.GetString(1), reader.GetString(2),
            reader.GetGuid(3), reader.GetInt32(4), headers, reader.GetFieldValue<byte[]>(6));
    }

    public async Task<bool> TryAddAsync(IdempotentResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("An idempotent response is stored in the transaction of the change it describes; none is open.");
        }

        // A concurrent transaction inserting the same (client, key) makes this statement wait for
        // it: when it commits, the row is there and nothing is inserted (0 rows), when it rolls
        // back, this insert goes ahead. An expired row that the purge has not reached yet is
        // replaced. Read Committed: the row committed meanwhile is seen, not a serialization error.
        var headers = JsonSerializer.Serialize(response.Headers);
        var retentionSeconds = options.RetentionHours * 3600.0;
        var rows = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO idempotency_records AS r
                (client_id, key, request_fingerprint, method, path, request_id, status_code, headers, body, created_at, expires_at)
            VALUES ({response.Client}, {response.Key}, {response.Fingerprint}, {response.Method}, {response.Path},
                {response.RequestId}, {response.StatusCode}, CAST({headers} AS jsonb), {response.Body},
                now(), now() + make_interval(secs => {retentionSeconds}))
            ON CONFLICT (client_id, key) DO UPDATE SET
                request_fingerprint = excluded.request_fingerprint, method = excluded.method, path = excluded.path,
                request_id = excluded.request_id, status_code = excluded.status_code, headers = excluded.headers,
                body = excluded.body, created_at = excluded.created_at, expires_at = excluded.expires_at
            WHERE r.expires_at <= now()
            """, cancellationToken);
        return rows == 1;
    }

    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        // Batches, and SKIP LOCKED: replicas purging at the same moment share the rows instead of
        // waiting on each other; a row a request is replacing right now is left for next time.
        await using var command = dataSource.CreateCommand($"""
            DELETE FROM {Table}
            WHERE (client_id, key) IN (
                SELECT client_id, key FROM {Table}
                WHERE expires_at <= now()
                ORDER BY expires_at
                LIMIT $1
                FOR UPDATE SKIP LOCKED)
            """);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = options.PurgeBatchSize, NpgsqlDbType = NpgsqlDbType.Integer });
        var total = 0;
        int deleted;
        do
        {
            deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            total += deleted;
        }
        while (deleted == options.PurgeBatchSize);

        return total;
    }
}
