using System.Data;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CoopApi.Application.Common.Models;
using CoopApi.Application.Common.Search;
using CoopApi.Application.Partnerships;
using CoopApi.Application.Partnerships.Queries;
using CoopApi.Application.Partnerships.Queries.ListPartnershipAgreements;
using CoopApi.Domain.Partnerships;
using Npgsql;
using NpgsqlTypes;

namespace CoopApi.Infrastructure.ReadSide;

/// <summary>
/// Partnership programmes in plain SQL: one statement per answer, commitments and reviews folded
/// into JSON by PostgreSQL (<c>json_agg</c>), the jsonb columns read as the API's JSON, every value a parameter.
/// </summary>
internal sealed class PartnershipReadModel(ReadSideDataSource dataSource) : IPartnershipReadModel
{
    private const string Columns =
        "a.id, a.title, a.reference, a.parties::text, a.signatories::text, a.signed_on, a.period_start_year, a.period_end_year, "
        + "a.province_code, a.policy_references::text, a.content_areas::text, a.status, a.effective_from, a.closed_on, a.closing_reason, "
        + "a.amendments::text, a.created_at, a.updated_at, a.version, "
        + "(SELECT coalesce(json_agg(json_build_object('id', c.id, 'description', c.description, 'contentArea', c.content_area, "
        + "'indicator', c.indicator, 'unit', c.unit, 'target', c.target, 'targetKind', c.target_kind, "
        + "'responsibleParty', c.responsible_party, 'registerMeasure', c.register_measure) ORDER BY c.sequence), '[]'::json) "
        + "FROM partnership_commitments AS c WHERE c.agreement_id = a.id)::text, "
        + "(SELECT coalesce(json_agg(json_build_object('id', r.id, 'kind', r.kind, 'year', r.year, 'heldOn', r.held_on, "
        + "'summary', r.summary, 'results', r.results) ORDER BY r.year), '[]'::json) "
        + "FROM partnership_reviews AS r WHERE r.agreement_id = a.id)::text";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <inheritdoc />
    public async Task<PartnershipAgreementDto?> FindAgreementAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT " + Columns + " FROM partnership_agreements AS a WHERE a.id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <inheritdoc />
    public async Task<PagedList<PartnershipAgreementDto>> ListAgreementsAsync(ListPartnershipAgreementsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var count = new NpgsqlBatchCommand();
        var page = new NpgsqlBatchCommand();
        var filter = new Filter(count.Parameters, page.Parameters);
        Common(filter, query.ProvinceCode, query.Year);
        if (query.Status.Count > 0) filter.Add("a.status = ANY ($?)", EnumNames<AgreementStatus>.Names(query.Status));
        if (query.PartyKind.Count > 0)
        {
            filter.Add("EXISTS (SELECT 1 FROM jsonb_array_elements(a.parties) AS p WHERE p->>'kind' = ANY ($?))",
                EnumNames<PartyKind>.Names(query.PartyKind));
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            foreach (var word in SearchFunctions.LikeTerms(query.Q))
            {
                filter.Add("coop_search_fold(a.title || ' ' || (SELECT string_agg(p->>'name', ' ') FROM jsonb_array_elements(a.parties) AS p)) "
                    + @"LIKE '%' || coop_search_fold($?) || '%' ESCAPE '\'", word, NpgsqlDbType.Text);
            }
        }

        count.CommandText = "SELECT count(*)::int FROM partnership_agreements AS a" + filter.Sql;
        page.CommandText = "SELECT " + Columns + " FROM partnership_agreements AS a" + filter.Sql + " ORDER BY a.signed_on DESC, a.id DESC"
            + Paging(page.Parameters, query.Page, query.PageSize);
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(count);
        batch.BatchCommands.Add(page);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt32(0);
        await reader.NextResultAsync(cancellationToken);
        var items = new List<PartnershipAgreementDto>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(Read(reader));
        }

        return new PagedList<PartnershipAgreementDto>(items, query.Page, query.PageSize, total);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PartnershipAgreementDto>> AgreementsAsync(string? provinceCode, int? year, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        var filter = new Filter(command.Parameters, null);
        Common(filter, provinceCode, year);
        command.CommandText = "SELECT " + Columns + " FROM partnership_agreements AS a" + filter.Sql + " ORDER BY a.signed_on, a.id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<PartnershipAgreementDto>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(Read(reader));
        }

        return items;
    }

    /// <inheritdoc />
    public async Task<PartnershipCounts> CountAsync(string? provinceCode, int? year, CancellationToken cancellationToken)
    {
        var byStatus = new NpgsqlBatchCommand();
        var byKind = new NpgsqlBatchCommand();
        var filter = new Filter(byStatus.Parameters, byKind.Parameters);
        Common(filter, provinceCode, year);
        byStatus.CommandText = "SELECT a.status, count(*)::int FROM partnership_agreements AS a" + filter.Sql + " GROUP BY a.status";
        byKind.CommandText = "SELECT p->>'kind', count(*)::int FROM partnership_agreements AS a "
            + "CROSS JOIN LATERAL jsonb_array_elements(a.parties) AS p" + filter.Sql + " GROUP BY 1";
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(byStatus);
        batch.BatchCommands.Add(byKind);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var statuses = new Dictionary<AgreementStatus, int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            statuses[EnumNames<AgreementStatus>.Parse(reader.GetString(0))] = reader.GetInt32(1);
        }

        await reader.NextResultAsync(cancellationToken);
        var kinds = new Dictionary<PartyKind, int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            kinds[EnumNames<PartyKind>.Parse(reader.GetString(0))] = reader.GetInt32(1);
        }

        return new PartnershipCounts(statuses, kinds);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<(RegisterMeasure Measure, int Year), int>> RegisterCountsAsync(string provinceCode, int fromYear,
        int toYear, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT extract(year FROM c.established_on)::int, "
            + "count(*) FILTER (WHERE c.kind = 'cooperative' AND c.is_youth_cooperative)::int, "
            + "count(*) FILTER (WHERE c.kind = 'cooperative')::int, "
            + "count(*) FILTER (WHERE c.kind = 'cooperativeGroup')::int "
            + "FROM cooperatives AS c WHERE c.province_code = $1 AND c.established_on >= $2 AND c.established_on < $3 GROUP BY 1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = provinceCode });
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = new DateOnly(fromYear, 1, 1) });
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = new DateOnly(toYear + 1, 1, 1) });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<(RegisterMeasure, int), int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var year = reader.GetInt32(0);
            counts[(RegisterMeasure.YouthCooperativesEstablished, year)] = reader.GetInt32(1);
            counts[(RegisterMeasure.CooperativesEstablished, year)] = reader.GetInt32(2);
            counts[(RegisterMeasure.CooperativeGroupsEstablished, year)] = reader.GetInt32(3);
        }

        return counts;
    }

    private static void Common(Filter filter, string? provinceCode, int? year)
    {
        if (provinceCode is { } province) filter.Add("a.province_code = $?", province);
        if (year is { } y)
        {
            filter.Add("a.period_start_year <= $?", y);
            filter.Add("a.period_end_year >= $?", y);
        }
    }

    private static string Paging(NpgsqlParameterCollection parameters, int page, int pageSize)
    {
        parameters.Add(new NpgsqlParameter<int> { TypedValue = pageSize });
        parameters.Add(new NpgsqlParameter<int> { TypedValue = (page - 1) * pageSize });
        return " LIMIT $" + (parameters.Count - 1) + " OFFSET $" + parameters.Count;
    }

    private static PartnershipAgreementDto Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetGuid(0),
        Title = r.GetString(1),
        Reference = r.IsDBNull(2) ? null : r.GetString(2),
        Parties = JsonSerializer.Deserialize<List<PartyDto>>(r.GetString(3), Json)!,
        Signatories = JsonSerializer.Deserialize<List<SignatoryDto>>(r.GetString(4), Json)!,
        SignedOn = r.GetFieldValue<DateOnly>(5),
        PeriodStartYear = r.GetInt32(6),
        PeriodEndYear = r.GetInt32(7),
        ProvinceCode = r.GetString(8),
        PolicyReferences = JsonSerializer.Deserialize<List<PolicyReferenceDto>>(r.GetString(9), Json)!,
        ContentAreas = JsonSerializer.Deserialize<List<string>>(r.GetString(10), Json)!,
        Status = EnumNames<AgreementStatus>.Parse(r.GetString(11)),
        EffectiveFrom = r.IsDBNull(12) ? null : r.GetFieldValue<DateOnly>(12),
        ClosedOn = r.IsDBNull(13) ? null : r.GetFieldValue<DateOnly>(13),
        ClosingReason = r.IsDBNull(14) ? null : r.GetString(14),
        Amendments = JsonSerializer.Deserialize<List<AmendmentDto>>(r.GetString(15), Json)!,
        CreatedAt = r.GetFieldValue<DateTimeOffset>(16),
        UpdatedAt = r.GetFieldValue<DateTimeOffset>(17),
        Version = r.GetInt32(18),
        Commitments = JsonSerializer.Deserialize<List<PartnershipCommitmentDto>>(r.GetString(19), Json)!,
        Reviews = JsonSerializer.Deserialize<List<PartnershipReviewDto>>(r.GetString(20), Json)!,
    };

    /// <summary>A WHERE clause built from fixed fragments, its parameters added to one or two commands alike.</summary>
    private sealed class Filter(NpgsqlParameterCollection first, NpgsqlParameterCollection? second)
    {
        private readonly StringBuilder _sql = new();

        public string Sql => _sql.ToString();

        public void Add<T>(string condition, T value, NpgsqlDbType? type = null)
        {
            first.Add(Parameter(value, type));
            second?.Add(Parameter(value, type));
            _sql.Append(_sql.Length == 0 ? " WHERE " : " AND ").Append(condition.Replace("$?", "$" + first.Count, StringComparison.Ordinal));
        }

        private static NpgsqlParameter<T> Parameter<T>(T value, NpgsqlDbType? type) =>
            type is { } t ? new NpgsqlParameter<T> { TypedValue = value, NpgsqlDbType = t } : new NpgsqlParameter<T> { TypedValue = value };
    }
}
