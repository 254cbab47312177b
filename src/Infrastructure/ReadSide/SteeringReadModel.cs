using System.Data;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CoopApi.Application.Common.Models;
using CoopApi.Application.Common.Search;
using CoopApi.Application.SteeringCommittees;
using CoopApi.Application.SteeringCommittees.Queries;
using CoopApi.Application.SteeringCommittees.Queries.GetSteeringActivityStatistics;
using CoopApi.Application.SteeringCommittees.Queries.ListSteeringActivities;
using CoopApi.Application.SteeringCommittees.Queries.ListSteeringCommittees;
using CoopApi.Domain.SteeringCommittees;
using Npgsql;
using NpgsqlTypes;

namespace CoopApi.Infrastructure.ReadSide;

/// <summary>
/// Steering committees and activities in plain SQL: one statement per answer, child rows folded
/// into JSON by PostgreSQL (<c>json_agg</c>), every value a parameter.
/// </summary>
internal sealed class SteeringReadModel(ReadSideDataSource dataSource) : ISteeringReadModel
{
    private const string CommitteeColumns =
        "c.id, c.name, c.level, c.area_code, c.province_code, c.established_on, c.decision_number, c.decision_date, "
        + "c.decision_issuer, c.status, c.dissolved_on, c.dissolution_reason, c.created_at, c.updated_at, c.version, "
        + "(SELECT coalesce(json_agg(json_build_object('id', m.id, 'fullName', m.full_name, 'title', m.title, "
        + "'organization', m.organization, 'role', m.role, 'from', m.\"from\", 'to', m.\"to\") ORDER BY m.sequence), '[]'::json) "
        + "FROM steering_committee_members AS m WHERE m.committee_id = c.id)::text, "
        + "(SELECT coalesce(json_agg(json_build_object('agency', p.agency, 'from', p.\"from\") ORDER BY p.\"from\"), '[]'::json) "
        + "FROM standing_agency_periods AS p WHERE p.committee_id = c.id)::text";

    private const string ActivityColumns =
        "a.id, a.committee_id, a.province_code, a.standing_agency, a.kind, a.title, a.start_date, a.end_date, a.location, "
        + "a.attendee_count, a.topics, a.visited_organization_ids, a.participating_bodies, "
        + "(SELECT coalesce(json_agg(json_build_object('number', d.number, 'date', d.date, 'issuer', d.issuer, 'title', d.title) "
        + "ORDER BY d.position), '[]'::json) FROM steering_activity_documents AS d WHERE d.activity_id = a.id)::text, "
        + "a.outcome, a.created_at, a.updated_at, a.version";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <inheritdoc />
    public async Task<SteeringCommitteeDto?> FindCommitteeAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT " + CommitteeColumns + " FROM steering_committees AS c WHERE c.id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadCommittee(reader) : null;
    }

    /// <inheritdoc />
    public async Task<PagedList<SteeringCommitteeDto>> ListCommitteesAsync(ListSteeringCommitteesQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var count = new NpgsqlBatchCommand();
        var page = new NpgsqlBatchCommand();
        var filter = new Filter(count.Parameters, page.Parameters);
        if (query.Level.Count > 0) filter.Add("c.level = ANY ($?)", EnumNames<CommitteeLevel>.Names(query.Level));
        if (query.AreaCode is { } area) filter.Add("c.area_code = $?", area);
        if (query.Status.Count > 0) filter.Add("c.status = ANY ($?)", EnumNames<CommitteeStatus>.Names(query.Status));
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            foreach (var word in SearchFunctions.LikeTerms(query.Q))
            {
                filter.Add(@"coop_search_fold(c.name) LIKE '%' || coop_search_fold($?) || '%' ESCAPE '\'", word, NpgsqlDbType.Text);
            }
        }

        count.CommandText = "SELECT count(*)::int FROM steering_committees AS c" + filter.Sql;
        page.CommandText = "SELECT " + CommitteeColumns + " FROM steering_committees AS c" + filter.Sql + " ORDER BY c.name, c.id"
            + Paging(page.Parameters, query.Page, query.PageSize);
        return await ReadPageAsync(count, page, query.Page, query.PageSize, ReadCommittee, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<SteeringActivityDto?> FindActivityAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT " + ActivityColumns + " FROM steering_activities AS a WHERE a.id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadActivity(reader) : null;
    }

    /// <inheritdoc />
    public async Task<PagedList<SteeringActivityDto>> ListActivitiesAsync(ListSteeringActivitiesQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var count = new NpgsqlBatchCommand();
        var page = new NpgsqlBatchCommand();
        var filter = new Filter(count.Parameters, page.Parameters);
        if (query.CommitteeId is { } committee) filter.Add("a.committee_id = $?", committee);
        if (query.Kind.Count > 0) filter.Add("a.kind = ANY ($?)", EnumNames<ActivityKind>.Names(query.Kind));
        if (query.From is { } from) filter.Add("a.start_date >= $?", from);
        if (query.To is { } to) filter.Add("a.start_date <= $?", to);
        AreaFilter(filter, query.AreaCode);
        count.CommandText = "SELECT count(*)::int FROM steering_activities AS a" + filter.Sql;
        page.CommandText = "SELECT " + ActivityColumns + " FROM steering_activities AS a" + filter.Sql
            + " ORDER BY a.start_date DESC, a.id DESC" + Paging(page.Parameters, query.Page, query.PageSize);
        return await ReadPageAsync(count, page, query.Page, query.PageSize, ReadActivity, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<SteeringActivityStatisticsDto> StatisticsAsync(GetSteeringActivityStatisticsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var year = query.Year!.Value;
        var perKind = new NpgsqlBatchCommand();
        var visited = new NpgsqlBatchCommand();
        var filter = new Filter(perKind.Parameters, visited.Parameters);
        filter.Add("a.start_date >= $?", new DateOnly(year, 1, 1));
        filter.Add("a.start_date < $?", new DateOnly(year + 1, 1, 1));
        AreaFilter(filter, query.AreaCode);
        perKind.CommandText = "SELECT a.kind, count(*)::int, coalesce(sum(a.attendee_count), 0)::bigint FROM steering_activities AS a"
            + filter.Sql + " GROUP BY a.kind";
        visited.CommandText = "SELECT count(DISTINCT v.id)::int FROM steering_activities AS a "
            + "CROSS JOIN LATERAL unnest(a.visited_organization_ids) AS v(id)" + filter.Sql;

        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(perKind);
        batch.BatchCommands.Add(visited);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<ActivityKind, int>();
        long attendees = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[EnumNames<ActivityKind>.Parse(reader.GetString(0))] = reader.GetInt32(1);
            attendees += reader.GetInt64(2);
        }

        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var organizations = reader.GetInt32(0);
        return new SteeringActivityStatisticsDto
        {
            Year = year,
            AreaCode = query.AreaCode,
            ByKind = Enum.GetValues<ActivityKind>().Select(k => new ActivityKindCountDto { Kind = k, Count = counts.GetValueOrDefault(k) }).ToList(),
            TotalActivities = counts.Values.Sum(),
            TotalAttendees = attendees,
            OrganizationsVisited = organizations,
        };
    }

    /// <summary>A province code: every activity of the province's committees; another code: committees of exactly that area.</summary>
    private static void AreaFilter(Filter filter, string? areaCode)
    {
        if (areaCode is null)
        {
            return;
        }

        if (areaCode.Length == 2)
        {
            filter.Add("a.province_code = $?", areaCode);
        }
        else
        {
            filter.Add("a.committee_id IN (SELECT c.id FROM steering_committees AS c WHERE c.area_code = $?)", areaCode);
        }
    }

    private static string Paging(NpgsqlParameterCollection parameters, int page, int pageSize)
    {
        parameters.Add(new NpgsqlParameter<int> { TypedValue = pageSize });
        parameters.Add(new NpgsqlParameter<int> { TypedValue = (page - 1) * pageSize });
        return " LIMIT $" + (parameters.Count - 1) + " OFFSET $" + parameters.Count;
    }

    private async Task<PagedList<T>> ReadPageAsync<T>(NpgsqlBatchCommand count, NpgsqlBatchCommand page, int pageNumber, int pageSize,
        Func<NpgsqlDataReader, T> read, CancellationToken ct)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(count);
        batch.BatchCommands.Add(page);
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var total = reader.GetInt32(0);
        await reader.NextResultAsync(ct);
        var items = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            items.Add(read(reader));
        }

        return new PagedList<T>(items, pageNumber, pageSize, total);
    }

    private static SteeringCommitteeDto ReadCommittee(NpgsqlDataReader r)
    {
        var dissolvedOn = r.IsDBNull(10) ? (DateOnly?)null : r.GetFieldValue<DateOnly>(10);
        var agencies = JsonSerializer.Deserialize<List<AgencyRow>>(r.GetString(16), Json)!;
        return new SteeringCommitteeDto
        {
            Id = r.GetGuid(0),
            Name = r.GetString(1),
            Level = EnumNames<CommitteeLevel>.Parse(r.GetString(2)),
            AreaCode = r.IsDBNull(3) ? null : r.GetString(3),
            ProvinceCode = r.IsDBNull(4) ? null : r.GetString(4),
            EstablishedOn = r.GetFieldValue<DateOnly>(5),
            FoundingDecision = r.IsDBNull(6) ? null : new FoundingDecisionDto
            {
                Number = r.GetString(6),
                Date = r.GetFieldValue<DateOnly>(7),
                Issuer = r.IsDBNull(8) ? null : r.GetString(8),
            },
            Status = EnumNames<CommitteeStatus>.Parse(r.GetString(9)),
            DissolvedOn = dissolvedOn,
            DissolutionReason = r.IsDBNull(11) ? null : r.GetString(11),
            CreatedAt = r.GetFieldValue<DateTimeOffset>(12),
            UpdatedAt = r.GetFieldValue<DateTimeOffset>(13),
            Version = r.GetInt32(14),
            Members = JsonSerializer.Deserialize<List<CommitteeMemberDto>>(r.GetString(15), Json)!,
            StandingAgency = agencies.Count == 0 ? "" : agencies[^1].Agency,
            StandingAgencyHistory = SteeringMapper.History(agencies.Select(a => (a.Agency, a.From)), dissolvedOn),
        };
    }

    private static SteeringActivityDto ReadActivity(NpgsqlDataReader r) => new()
    {
        Id = r.GetGuid(0),
        CommitteeId = r.GetGuid(1),
        ProvinceCode = r.IsDBNull(2) ? null : r.GetString(2),
        StandingAgency = r.GetString(3),
        Kind = EnumNames<ActivityKind>.Parse(r.GetString(4)),
        Title = r.GetString(5),
        StartDate = r.GetFieldValue<DateOnly>(6),
        EndDate = r.IsDBNull(7) ? null : r.GetFieldValue<DateOnly>(7),
        Location = r.IsDBNull(8) ? null : r.GetString(8),
        AttendeeCount = r.IsDBNull(9) ? null : r.GetInt32(9),
        Topics = r.GetFieldValue<string[]>(10),
        VisitedOrganizationIds = r.GetFieldValue<Guid[]>(11),
        ParticipatingBodies = r.GetFieldValue<string[]>(12),
        Documents = JsonSerializer.Deserialize<List<ActivityDocumentDto>>(r.GetString(13), Json)!,
        Outcome = r.IsDBNull(14) ? null : r.GetString(14),
        CreatedAt = r.GetFieldValue<DateTimeOffset>(15),
        UpdatedAt = r.GetFieldValue<DateTimeOffset>(16),
        Version = r.GetInt32(17),
    };

    private sealed record AgencyRow(string Agency, DateOnly From);

    /// <summary>A WHERE clause built from fixed fragments, its parameters added to two commands alike.</summary>
    private sealed class Filter(NpgsqlParameterCollection first, NpgsqlParameterCollection second)
    {
        private readonly StringBuilder _sql = new();

        public string Sql => _sql.ToString();

        public void Add<T>(string condition, T value, NpgsqlDbType? type = null)
        {
            first.Add(Parameter(value, type));
            second.Add(Parameter(value, type));
            _sql.Append(_sql.Length == 0 ? " WHERE " : " AND ").Append(condition.Replace("$?", "$" + first.Count, StringComparison.Ordinal));
        }

        private static NpgsqlParameter<T> Parameter<T>(T value, NpgsqlDbType? type) =>
            type is { } t ? new NpgsqlParameter<T> { TypedValue = value, NpgsqlDbType = t } : new NpgsqlParameter<T> { TypedValue = value };
    }
}
