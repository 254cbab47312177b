using System.Data;
using System.Globalization;
using System.Text;
using CoopApi.Application.Common.Models;
using CoopApi.Application.DevelopmentTargets;
using CoopApi.Application.DevelopmentTargets.Queries;
using CoopApi.Application.DevelopmentTargets.Queries.ListDevelopmentTargets;
using CoopApi.Domain.DevelopmentTargets;
using Npgsql;

namespace CoopApi.Infrastructure.ReadSide;

/// <summary>
/// Development targets and the register's figures they measure, in plain SQL over the shared
/// <see cref="ReadSideDataSource"/>. A target's goals come with it as one array (no second round trip);
/// the figures of a province on several dates are one aggregate over the province's organizations
/// (index on province) and, per organization and date, the last status change in force (the
/// <c>(cooperative_id, sequence)</c> index), never rows in memory.
/// </summary>
internal sealed class DevelopmentTargetReadModel(ReadSideDataSource dataSource) : IDevelopmentTargetReadModel
{
    private const string Columns =
        "t.id, t.province_code, t.title, t.baseline_date, t.horizon_year, t.source_number, t.source_date, t.source_issuer, "
        + "t.created_at, t.updated_at, t.version, "
        + "ARRAY(SELECT m.metric || ':' || m.comparison || ':' || m.value::text FROM development_target_metrics AS m "
        + "WHERE m.target_id = t.id ORDER BY m.position) AS goals";

    /// <summary>
    /// The figures of province <c>$1</c> on each date of <c>$3</c>: organizations founded after the
    /// baseline <c>$2</c> by kind, and the cooperatives founded by the date whose status in force on the
    /// date (the last change effective on or before it; the registration entry is the first) is active,
    /// with their members, capital and youth count. The status on a date is <see cref="StatusOnDate"/>'s,
    /// computed once per organization and date (<c>OFFSET 0</c> keeps the planner from copying the
    /// expression into each of the four aggregates that read it).
    /// </summary>
    internal static readonly string MeasureSql = """
        WITH days AS (SELECT unnest($3::date[]) AS day)
        SELECT d.day,
               count(*) FILTER (WHERE c.kind = 'cooperative' AND c.established_on > $2)::bigint,
               count(*) FILTER (WHERE c.kind = 'cooperativeGroup' AND c.established_on > $2)::bigint,
               count(*) FILTER (WHERE c.kind = 'cooperativeUnion' AND c.established_on > $2)::bigint,
               count(*) FILTER (WHERE c.kind = 'cooperative' AND s.status = 'active')::bigint,
               coalesce(sum(c.member_count) FILTER (WHERE c.kind = 'cooperative' AND s.status = 'active'), 0)::bigint,
               coalesce(sum(c.charter_capital) FILTER (WHERE c.kind = 'cooperative' AND s.status = 'active'), 0)::numeric,
               count(*) FILTER (WHERE c.kind = 'cooperative' AND s.status = 'active' AND c.is_youth_cooperative)::bigint
        FROM days AS d
        LEFT JOIN cooperatives AS c ON c.province_code = $1 AND c.established_on <= d.day
        LEFT JOIN LATERAL (SELECT {0} AS status OFFSET 0) AS s ON TRUE
        GROUP BY d.day
        ORDER BY d.day
        """.Replace("{0}", StatusOnDate.Sql("c", "d.day"), StringComparison.Ordinal);

    /// <inheritdoc />
    public async Task<DevelopmentTargetDto?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT " + Columns + " FROM development_targets AS t WHERE t.id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <inheritdoc />
    public async Task<PagedList<DevelopmentTargetDto>> ListAsync(ListDevelopmentTargetsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = new StringBuilder(" WHERE TRUE");
        var parameters = new List<NpgsqlParameter>();
        if (query.ProvinceCode is { } province)
        {
            parameters.Add(new NpgsqlParameter<string> { TypedValue = province });
            where.Append(CultureInfo.InvariantCulture, $" AND t.province_code = ${parameters.Count}");
        }

        if (query.HorizonYear is { } year)
        {
            parameters.Add(new NpgsqlParameter<int> { TypedValue = year });
            where.Append(CultureInfo.InvariantCulture, $" AND t.horizon_year = ${parameters.Count}");
        }

        int total;
        await using (var count = dataSource.CreateCommand("SELECT count(*) FROM development_targets AS t" + where))
        {
            count.Parameters.AddRange(parameters.Select(p => p.Clone()).ToArray());
            total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        var items = new List<DevelopmentTargetDto>();
        var offset = (long)(query.Page - 1) * query.PageSize;
        if (offset < total)
        {
            var sql = $"SELECT {Columns} FROM development_targets AS t{where} ORDER BY t.horizon_year, t.id LIMIT ${parameters.Count + 1} OFFSET ${parameters.Count + 2}";
            await using var page = dataSource.CreateCommand(sql);
            page.Parameters.AddRange(parameters.Select(p => p.Clone()).ToArray());
            page.Parameters.Add(new NpgsqlParameter<int> { TypedValue = query.PageSize });
            page.Parameters.Add(new NpgsqlParameter<long> { TypedValue = offset });
            await using var reader = await page.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(Read(reader));
            }
        }

        return new PagedList<DevelopmentTargetDto>(items, query.Page, query.PageSize, total);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RegisterFigures>> MeasureAsync(string provinceCode, DateOnly baselineDate, IReadOnlyList<DateOnly> dates,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dates);
        await using var command = dataSource.CreateCommand(MeasureSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = provinceCode });
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = baselineDate });
        command.Parameters.Add(new NpgsqlParameter<DateOnly[]> { TypedValue = dates.ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var figures = new List<RegisterFigures>();
        while (await reader.ReadAsync(cancellationToken))
        {
            figures.Add(new RegisterFigures(reader.GetFieldValue<DateOnly>(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3),
                reader.GetInt64(4), reader.GetInt64(5), reader.GetDecimal(6), reader.GetInt64(7)));
        }

        return figures;
    }

    private static DevelopmentTargetDto Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetGuid(0),
        ProvinceCode = r.GetString(1),
        Title = r.GetString(2),
        BaselineDate = r.GetFieldValue<DateOnly>(3),
        HorizonYear = r.GetInt32(4),
        SourceDocument = r.IsDBNull(5) ? null : new SourceDocumentDto
        {
            Number = r.GetString(5),
            Date = r.GetFieldValue<DateOnly>(6),
            Issuer = r.IsDBNull(7) ? null : r.GetString(7),
        },
        CreatedAt = r.GetFieldValue<DateTimeOffset>(8),
        UpdatedAt = r.GetFieldValue<DateTimeOffset>(9),
        Version = r.GetInt32(10),
        Metrics = r.GetFieldValue<string[]>(11).Select(ParseGoal).ToList(),
    };

    private static MetricGoalDto ParseGoal(string text)
    {
        var parts = text.Split(':');
        return new MetricGoalDto
        {
            Metric = EnumNames<TargetMetric>.Parse(parts[0]),
            Comparison = EnumNames<TargetComparison>.Parse(parts[1]),
            Value = DevelopmentTargetRules.Normalize(decimal.Parse(parts[2], NumberStyles.Number, CultureInfo.InvariantCulture)),
        };
    }
}
