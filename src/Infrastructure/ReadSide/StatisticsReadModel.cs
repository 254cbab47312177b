using System.Text;
using CoopApi.Application.Statistics;
using CoopApi.Application.Statistics.Queries;
using CoopApi.Application.Statistics.Queries.GetEstablishments;
using CoopApi.Domain.Cooperatives;
using CoopApi.Domain.Statistics;
using Npgsql;

namespace CoopApi.Infrastructure.ReadSide;

/// <summary>
/// Statistics in plain SQL: each answer is one batch of <c>GROUP BY</c> aggregates over the covering
/// indexes of migration <c>StatisticsIndexes</c>; at most a few hundred aggregate lines reach the
/// application (kind × status × sector, times the areas), never the organizations themselves.
/// </summary>
/// <remarks>
/// The status on a past date is <see cref="StatusOnDate"/>'s; on today it is the current status,
/// which needs no history at all.
/// </remarks>
internal sealed class StatisticsReadModel(ReadSideDataSource dataSource) : IStatisticsReadModel
{
    private static readonly string HistoricalStatus = StatusOnDate.Sql("c", "$1");

    /// <inheritdoc />
    public async Task<StatisticsCounts> CountAsync(StatisticsScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var organizations = new NpgsqlBatchCommand();
        var ocop = new NpgsqlBatchCommand();
        var areas = new NpgsqlBatchCommand();
        var (organizationArea, ocopArea) = scope.GroupBy switch
        {
            AreaLevel.Province => ("c.province_code", "p.province_code"),
            AreaLevel.Commune => ("c.commune_code", "c.commune_code"),
            _ => ("NULL::text", "NULL::text"),
        };

        var where = new StringBuilder(" WHERE c.established_on <= $1");
        organizations.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = scope.AsOf });
        ocop.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = scope.AsOf });
        var ocopWhere = new StringBuilder(" WHERE p.certified_on <= $1 AND p.expires_on > $1");
        var joinOrganization = scope.GroupBy == AreaLevel.Commune || scope.CommuneCode is not null;
        if (scope.ProvinceCode is { } province)
        {
            organizations.Parameters.Add(new NpgsqlParameter<string> { TypedValue = province });
            where.Append(" AND c.province_code = $").Append(organizations.Parameters.Count);
            ocop.Parameters.Add(new NpgsqlParameter<string> { TypedValue = province });
            ocopWhere.Append(" AND p.province_code = $").Append(ocop.Parameters.Count);
        }

        if (scope.CommuneCode is { } commune)
        {
            organizations.Parameters.Add(new NpgsqlParameter<string> { TypedValue = commune });
            where.Append(" AND c.commune_code = $").Append(organizations.Parameters.Count);
            ocop.Parameters.Add(new NpgsqlParameter<string> { TypedValue = commune });
            ocopWhere.Append(" AND c.commune_code = $").Append(ocop.Parameters.Count);
        }

        organizations.CommandText = "SELECT " + organizationArea + ", c.kind, " + (scope.FromHistory ? HistoricalStatus : "c.status")
            + ", c.sector, count(*)::int, coalesce(sum(c.charter_capital), 0)::bigint, coalesce(sum(c.member_count), 0)::bigint, "
            + "coalesce(sum(c.employee_count), 0)::bigint, (count(*) FILTER (WHERE c.is_youth_cooperative))::int "
            + "FROM cooperatives AS c" + where + " GROUP BY 1, 2, 3, 4";
        ocop.CommandText = "SELECT " + ocopArea + ", p.stars, count(*)::int FROM ocop_products AS p"
            + (joinOrganization ? " JOIN cooperatives AS c ON c.id = p.cooperative_id" : "") + ocopWhere + " GROUP BY 1, 2";
        switch (scope.GroupBy)
        {
            case AreaLevel.Province:
                areas.CommandText = "SELECT code, name FROM provinces" + (scope.ProvinceCode is null ? "" : " WHERE code = $1") + " ORDER BY code";
                break;
            case AreaLevel.Commune:
                areas.CommandText = "SELECT code, name FROM communes WHERE province_code = $1 ORDER BY code";
                break;
            default:
                areas.CommandText = "SELECT NULL::text, NULL::text WHERE false";
                break;
        }

        if (scope.GroupBy is not null && scope.ProvinceCode is { } p)
        {
            areas.Parameters.Add(new NpgsqlParameter<string> { TypedValue = p });
        }

        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(organizations);
        batch.BatchCommands.Add(ocop);
        batch.BatchCommands.Add(areas);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var lines = new List<OrganizationCounts>();
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add(new OrganizationCounts(reader.IsDBNull(0) ? null : reader.GetString(0),
                EnumNames<OrganizationKind>.Parse(reader.GetString(1)), EnumNames<OrganizationStatus>.Parse(reader.GetString(2)),
                EnumNames<Sector>.Parse(reader.GetString(3)), reader.GetInt32(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7),
                reader.GetInt32(8)));
        }

        await reader.NextResultAsync(cancellationToken);
        var products = new List<OcopCounts>();
        while (await reader.ReadAsync(cancellationToken))
        {
            products.Add(new OcopCounts(reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2)));
        }

        await reader.NextResultAsync(cancellationToken);
        var units = new List<(string, string)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            units.Add((reader.GetString(0), reader.GetString(1)));
        }

        return new StatisticsCounts(lines, products, units);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<EstablishmentCounts>> CountEstablishmentsAsync(GetEstablishmentsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var founded = new NpgsqlBatchCommand();
        var changes = new NpgsqlBatchCommand();
        var where = new StringBuilder();
        foreach (var command in new[] { founded, changes })
        {
            command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = new DateOnly(query.FromYear!.Value, 1, 1) });
            command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = new DateOnly(query.ToYear!.Value + 1, 1, 1) });
            if (query.ProvinceCode is { } province)
            {
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = province });
            }

            if (query.CommuneCode is { } commune)
            {
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = commune });
            }
        }

        var next = 3;
        if (query.ProvinceCode is not null)
        {
            where.Append(" AND c.province_code = $").Append(next++);
        }

        if (query.CommuneCode is not null)
        {
            where.Append(" AND c.commune_code = $").Append(next);
        }

        founded.CommandText = "SELECT extract(year FROM c.established_on)::int, c.kind, count(*)::int FROM cooperatives AS c "
            + "WHERE c.established_on >= $1 AND c.established_on < $2" + where + " GROUP BY 1, 2";
        changes.CommandText = "SELECT extract(year FROM s.effective_on)::int, c.kind, "
            + "(count(*) FILTER (WHERE s.to_status = 'suspended'))::int, (count(*) FILTER (WHERE s.to_status = 'dissolved'))::int "
            + "FROM status_changes AS s JOIN cooperatives AS c ON c.id = s.cooperative_id "
            + "WHERE s.to_status IN ('suspended', 'dissolved') AND s.effective_on >= $1 AND s.effective_on < $2" + where + " GROUP BY 1, 2";

        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(founded);
        batch.BatchCommands.Add(changes);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<(int, OrganizationKind), EstablishmentCounts>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = (reader.GetInt32(0), EnumNames<OrganizationKind>.Parse(reader.GetString(1)));
            counts[key] = new EstablishmentCounts(key.Item1, key.Item2, reader.GetInt32(2), 0, 0);
        }

        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = (reader.GetInt32(0), EnumNames<OrganizationKind>.Parse(reader.GetString(1)));
            var known = counts.GetValueOrDefault(key) ?? new EstablishmentCounts(key.Item1, key.Item2, 0, 0, 0);
            counts[key] = known with { Suspended = reader.GetInt32(2), Dissolved = reader.GetInt32(3) };
        }

        return [.. counts.Values];
    }
}
