using CoopApi.Application.ApiKeys;
using CoopApi.Application.ApiKeys.Queries;
using Npgsql;
using NpgsqlTypes;

namespace CoopApi.Infrastructure.ReadSide;

/// <summary>API keys' read side in plain SQL over the shared <see cref="NpgsqlDataSource"/>.</summary>
internal sealed class ApiKeyReadModel(NpgsqlDataSource dataSource) : IApiKeyReadModel
{
    private const string Columns =
        "id, name, prefix, scopes, provinces, created_at, created_by, expires_at, revoked_at, last_used_at";

    private const string ListSql = $"SELECT {Columns} FROM api_keys ORDER BY created_at DESC, id DESC";

    private const string FindSql = $"SELECT {Columns} FROM api_keys WHERE id = $1";

    private const string ByPrefixSql = $"SELECT {Columns}, hash FROM api_keys WHERE prefix = $1";

    // The condition repeats the resolution so that concurrent requests write at most one row version.
    private const string MarkUsedSql =
        "UPDATE api_keys SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at <= $2 - $3)";

    /// <inheritdoc />
    public async Task<IReadOnlyList<ApiKeyDto>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ListSql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<ApiKeyDto>();
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(Read(reader));
        }

        return keys;
    }

    /// <inheritdoc />
    public async Task<ApiKeyDto?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(FindSql);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <inheritdoc />
    public async Task<(ApiKeyDto Key, byte[] Hash)?> FindByPrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ByPrefixSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = prefix });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (Read(reader), reader.GetFieldValue<byte[]>(10)) : null;
    }

    /// <inheritdoc />
    public async Task MarkUsedAsync(Guid id, DateTimeOffset at, TimeSpan resolution, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(MarkUsedSql);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = at.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = resolution, NpgsqlDbType = NpgsqlDbType.Interval });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static ApiKeyDto Read(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetGuid(0),
        Name = reader.GetString(1),
        Prefix = reader.GetString(2),
        Scopes = reader.GetFieldValue<string[]>(3),
        Provinces = reader.GetFieldValue<string[]>(4),
        CreatedAt = reader.GetFieldValue<DateTimeOffset>(5),
        CreatedBy = reader.GetString(6),
        ExpiresAt = reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
        RevokedAt = reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
        LastUsedAt = reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9),
    };
}
