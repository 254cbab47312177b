using System.Data;
using System.Text;
using CoopApi.Application.Common.Models;
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
internal sealed class CooperativeReadModel(ReadSideDataSource dataSource) : ICooperativeReadModel
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
    public async Task<PagedList<CooperativeDto>> ListAsync(ListCooperativesQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var count = new NpgsqlBatchCommand();
        var page = new NpgsqlBatchCommand();
        var where = Filter(query, count.Parameters, page.Parameters);
        count.CommandText = "SELECT count(*)::int FROM cooperatives AS c" + where;

        var offset = (query.Page - 1) * query.PageSize;
        page.Parameters.Add(new NpgsqlParameter<int> { TypedValue = query.PageSize });
        page.Parameters.Add(new NpgsqlParameter<int> { TypedValue = offset });
        page.CommandText = "SELECT " + Columns + " FROM cooperatives AS c" + where + OrderBy(query.Sort)
            + " LIMIT $" + (page.Parameters.Count - 1) + " OFFSET $" + page.Parameters.Count;

        // Count and page in one round trip.
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(count);
        batch.BatchCommands.Add(page);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt32(0);
        await reader.NextResultAsync(cancellationToken);
        var items = new List<CooperativeDto>(Math.Clamp(total - offset, 0, query.PageSize));
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(ReadCooperative(reader));
        }

        return new PagedList<CooperativeDto>(items, query.Page, query.PageSize, total);
    }

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
