using System.Data;
using System.Text;
using CoopApi.Application.Common.Search;
using CoopApi.Application.Cooperatives;
using CoopApi.Application.Cooperatives.Queries;
using CoopApi.Application.Cooperatives.Queries.ListCooperatives;
using CoopApi.Domain.Cooperatives;
using Npgsql;
using NpgsqlTypes;

namespace CoopApi.Infrastructure.ReadSide;

/// <summary>
/// The register's read side in plain SQL over the shared <see cref="NpgsqlDataSource"/>: no EF
/// Core, no change tracking, no retrying execution strategy, rows read by ordinal straight into
/// DTOs. Every value travels as a parameter; the SQL text is assembled only from the fixed
/// fragments below, chosen by which filters are present, so the statements are few and stay
/// auto-prepared (<c>Max Auto Prepare</c>). Each filter and sort is backed by an index of
/// <c>CooperativeConfiguration</c>.
/// </summary>
internal sealed class CooperativeReadModel(ReadSideDataSource dataSource, DatabaseOptions options) : ICooperativeReadModel
{
    /// <summary>The columns of <see cref="CooperativeDto"/>, in the order <see cref="ReadCooperative"/> reads them.</summary>
    internal const string Columns =
        "c.id, c.registration_code, c.name, c.kind, c.sector, c.status, c.province_code, c.commune_code, c.address, "
        + "c.established_on, c.charter_capital, c.member_count, c.employee_count, c.representative, c.phone, c.email, "
        + "c.is_youth_cooperative, c.main_products, c.created_at, c.updated_at, c.version";

    internal const string ByIdSql = "SELECT " + Columns + " FROM cooperatives AS c WHERE c.id = $1";

    private const string HistorySql =
        "SELECT s.id, s.from_status, s.to_status, s.effective_on, s.reason, s.recorded_at "
        + "FROM status_changes AS s WHERE s.cooperative_id = $1 ORDER BY s.sequence";

    private const string ExistsSql = "SELECT EXISTS (SELECT 1 FROM cooperatives AS c WHERE c.id = $1)";

    /// <inheritdoc />
    public async Task<CooperativeDto?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ByIdSql);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadCooperative(reader) : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StatusChangeDto>?> GetStatusHistoryAsync(Guid id, CancellationToken cancellationToken)
    {
        var history = new List<StatusChangeDto>();
        await using (var command = dataSource.CreateCommand(HistorySql))
        {
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                history.Add(new StatusChangeDto
                {
                    Id = reader.GetGuid(0),
                    FromStatus = reader.IsDBNull(1) ? null : EnumNames<OrganizationStatus>.Parse(reader.GetString(1)),
                    ToStatus = EnumNames<OrganizationStatus>.Parse(reader.GetString(2)),
                    EffectiveOn = reader.GetFieldValue<DateOnly>(3),
                    Reason = reader.GetString(4),
                    RecordedAt = reader.GetFieldValue<DateTimeOffset>(5),
                });
            }
        }

        // Every organization has at least its registration entry: an empty history means no such
        // organization, which only then costs a second round trip.
        if (history.Count > 0)
        {
            return history;
        }

        await using var exists = dataSource.CreateCommand(ExistsSql);
        exists.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        return await exists.ExecuteScalarAsync(cancellationToken) is true ? history : null;
    }

    /// <inheritdoc />
    public async Task<CooperativePage> ListAsync(ListCooperativesQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ListCursor? cursor = null;
        if (query.Cursor is not null && ListCursor.TryDecode(query, out cursor) != CursorProblem.None)
        {
            throw new ArgumentException("The cursor was not validated.", nameof(query));
        }

        var sort = ListSort.Parse(query.Sort);
        var page = new NpgsqlBatchCommand();
        NpgsqlBatchCommand count;
        string where;
        if (query.IsFiltered)
        {
            count = new NpgsqlBatchCommand();
            where = Filter(query, page.Parameters, count.Parameters);
            count.CommandText = "SELECT count(*)::int, false FROM cooperatives AS c" + where;
        }
        else
        {
            // The whole register: the planner's own statistics once they say it is large (kept by
            // autovacuum; no scan), else an exact count, which is cheap at that size. The count is an
            // InitPlan that runs only when the CASE needs it.
            where = "";
            count = new NpgsqlBatchCommand(
                "SELECT CASE WHEN e.n >= $1 THEN e.n ELSE (SELECT count(*) FROM cooperatives) END::int, e.n >= $1 "
                + "FROM (SELECT greatest(reltuples, 0)::bigint AS n FROM pg_class WHERE oid = 'cooperatives'::regclass) AS e");
            count.Parameters.Add(new NpgsqlParameter<long> { TypedValue = options.EstimateTotalFromRows });
        }

        var sql = new StringBuilder("SELECT ").Append(Columns).Append(" FROM cooperatives AS c").Append(where);
        if (cursor is not null)
        {
            // Keyset: the rows after (value, id) in the sort's order, a range of the sort's (column, id)
            // index; nothing before it is read.
            page.Parameters.Add(CursorValue(cursor.Value));
            page.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = cursor.Id });
            sql.Append(where.Length == 0 ? " WHERE " : " AND ")
                .Append('(').Append(SortColumn(sort.Key)).Append(", c.id) ").Append(sort.Descending ? '<' : '>')
                .Append(" ($").Append(page.Parameters.Count - 1).Append(", $").Append(page.Parameters.Count).Append(')');
        }

        // One row more than the page: whether there is a next page, without counting.
        page.Parameters.Add(new NpgsqlParameter<int> { TypedValue = query.PageSize + 1 });
        sql.Append(OrderBy(query.Sort)).Append(" LIMIT $").Append(page.Parameters.Count);
        var offset = cursor is null ? (query.Page - 1) * query.PageSize : 0;
        if (offset > 0)
        {
            page.Parameters.Add(new NpgsqlParameter<int> { TypedValue = offset });
            sql.Append(" OFFSET $").Append(page.Parameters.Count);
        }

        page.CommandText = sql.ToString();

        // Count and page in one round trip.
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(count);
        batch.BatchCommands.Add(page);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt32(0);
        var kind = reader.GetBoolean(1) ? TotalCountKind.Estimate : TotalCountKind.Exact;
        await reader.NextResultAsync(cancellationToken);

        var items = new List<CooperativeDto>(query.PageSize + 1);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(ReadCooperative(reader));
        }

        string? next = null;
        if (items.Count > query.PageSize)
        {
            items.RemoveAt(items.Count - 1);
            next = ListCursor.Encode(query, items[^1]);
        }

        return new CooperativePage(items, cursor is null ? query.Page : null, query.PageSize, total, kind, next);
    }

    private static NpgsqlParameter CursorValue(object value) => value switch
    {
        string name => new NpgsqlParameter<string> { TypedValue = name, NpgsqlDbType = NpgsqlDbType.Text },
        DateOnly date => new NpgsqlParameter<DateOnly> { TypedValue = date },
        long capital => new NpgsqlParameter<long> { TypedValue = capital },
        int members => new NpgsqlParameter<int> { TypedValue = members },
        DateTimeOffset at => new NpgsqlParameter<DateTimeOffset> { TypedValue = at },
        _ => throw new ArgumentOutOfRangeException(nameof(value), value.GetType().Name, "Not a sort value."),
    };

    /// <summary>The column of a sort key (each has an index on (column, id)).</summary>
    private static string SortColumn(string key) => key switch
    {
        "establishedOn" => "c.established_on",
        "charterCapital" => "c.charter_capital",
        "memberCount" => "c.member_count",
        "createdAt" => "c.created_at",
        _ => "c.name",
    };

    /// <summary>
    /// The WHERE clause of the list: AND across filters, OR (<c>= ANY</c>) within a multi-value
    /// one. Adds the same parameters, in the same order, to both commands of the batch.
    /// </summary>
    internal static string Filter(ListCooperativesQuery q, NpgsqlParameterCollection first, NpgsqlParameterCollection second)
    {
        var sql = new StringBuilder();
        void Add<T>(string condition, T value, NpgsqlDbType? type = null)
        {
            first.Add(Parameter(value, type));
            second.Add(Parameter(value, type));
            sql.Append(sql.Length == 0 ? " WHERE " : " AND ").Append(condition.Replace("$?", "$" + first.Count, StringComparison.Ordinal));
        }

        if (q.Kind.Count > 0) Add("c.kind = ANY ($?)", EnumNames<OrganizationKind>.Names(q.Kind));
        if (q.Sector.Count > 0) Add("c.sector = ANY ($?)", EnumNames<Sector>.Names(q.Sector));
        if (q.Status.Count > 0) Add("c.status = ANY ($?)", EnumNames<OrganizationStatus>.Names(q.Status));
        if (q.ProvinceCode is { } province) Add("c.province_code = $?", province);
        if (q.CommuneCode is { } commune) Add("c.commune_code = $?", commune);
        if (q.IsYouthCooperative is { } youth) Add("c.is_youth_cooperative = $?", youth);
        if (q.EstablishedFrom is { } from) Add("c.established_on >= $?", from);
        if (q.EstablishedTo is { } to) Add("c.established_on <= $?", to);
        if (!string.IsNullOrWhiteSpace(q.Q))
        {
            // Search contract: each word, LIKE wildcards escaped and lower-cased, folded by the same
            // SQL function that fills search_text (trigram index).
            foreach (var word in SearchFunctions.LikeTerms(q.Q))
            {
                Add(@"c.search_text LIKE '%' || coop_search_fold($?) || '%' ESCAPE '\'", word, NpgsqlDbType.Text);
            }
        }

        return sql.ToString();
    }

    private static NpgsqlParameter<T> Parameter<T>(T value, NpgsqlDbType? type) =>
        type is { } t ? new NpgsqlParameter<T> { TypedValue = value, NpgsqlDbType = t } : new NpgsqlParameter<T> { TypedValue = value };

    /// <summary>The ORDER BY of a validated sort key; the id breaks ties in the same direction.</summary>
    internal static string OrderBy(string? sort) => sort switch
    {
        "establishedOn" => " ORDER BY c.established_on, c.id",
        "-establishedOn" => " ORDER BY c.established_on DESC, c.id DESC",
        "charterCapital" => " ORDER BY c.charter_capital, c.id",
        "-charterCapital" => " ORDER BY c.charter_capital DESC, c.id DESC",
        "memberCount" => " ORDER BY c.member_count, c.id",
        "-memberCount" => " ORDER BY c.member_count DESC, c.id DESC",
        "createdAt" => " ORDER BY c.created_at, c.id",
        "-createdAt" => " ORDER BY c.created_at DESC, c.id DESC",
        // name sorts by the column's collation, "vietnamese".
        "-name" => " ORDER BY c.name DESC, c.id DESC",
        _ => " ORDER BY c.name, c.id",
    };

    /// <summary>Reads one row of <see cref="Columns"/>.</summary>
    internal static CooperativeDto ReadCooperative(NpgsqlDataReader r) => new()
    {
        Id = r.GetGuid(0),
        RegistrationCode = r.IsDBNull(1) ? null : r.GetString(1),
        Name = r.GetString(2),
        Kind = EnumNames<OrganizationKind>.Parse(r.GetString(3)),
        Sector = EnumNames<Sector>.Parse(r.GetString(4)),
        Status = EnumNames<OrganizationStatus>.Parse(r.GetString(5)),
        ProvinceCode = r.GetString(6),
        CommuneCode = r.GetString(7),
        Address = r.IsDBNull(8) ? null : r.GetString(8),
        EstablishedOn = r.GetFieldValue<DateOnly>(9),
        CharterCapital = r.GetInt64(10),
        MemberCount = r.GetInt32(11),
        EmployeeCount = r.IsDBNull(12) ? null : r.GetInt32(12),
        Representative = r.IsDBNull(13) ? null : r.GetString(13),
        Phone = r.IsDBNull(14) ? null : r.GetString(14),
        Email = r.IsDBNull(15) ? null : r.GetString(15),
        IsYouthCooperative = r.GetBoolean(16),
        MainProducts = r.GetFieldValue<string[]>(17),
        CreatedAt = r.GetFieldValue<DateTimeOffset>(18),
        UpdatedAt = r.GetFieldValue<DateTimeOffset>(19),
        Version = r.GetInt32(20),
    };
}
