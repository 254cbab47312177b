using System.Data;
using System.Text;
using CoopApi.Application.Common.Models;
using CoopApi.Application.OcopProducts;
using CoopApi.Application.OcopProducts.Queries;
using CoopApi.Application.OcopProducts.Queries.ListOcopProducts;
using CoopApi.Domain.OcopProducts;
using Npgsql;

namespace CoopApi.Infrastructure.ReadSide;

/// <summary>
/// OCOP products in plain SQL over the shared <see cref="NpgsqlDataSource"/>. The list across the
/// register filters on <c>(province_code, stars, id)</c>, <c>(stars, id)</c> and
/// <c>(expires_on, certified_on)</c> and pages by id; the SQL text is built only from fixed
/// fragments, every value a parameter.
/// </summary>
internal sealed class OcopProductReadModel(ReadSideDataSource dataSource) : IOcopProductReadModel
{
    private const string Columns =
        "p.id, p.cooperative_id, p.province_code, p.product_name, p.stars, p.certified_on, p.certified_by, p.certificate_number, "
        + "p.expires_on, p.created_at, p.updated_at, p.version";

    private const string ByIdSql = "SELECT " + Columns + " FROM ocop_products AS p WHERE p.id = $1";

    private const string ForCooperativeSql =
        "SELECT " + Columns + " FROM cooperatives AS c LEFT JOIN ocop_products AS p ON p.cooperative_id = c.id "
        + "WHERE c.id = $1 ORDER BY p.certified_on DESC, p.id";

    /// <inheritdoc />
    public async Task<OcopProductDto?> FindAsync(Guid productId, DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ByIdSql);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = productId });
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader, asOf) : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OcopProductDto>?> ListForCooperativeAsync(Guid cooperativeId, DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ForCooperativeSql);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = cooperativeId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        List<OcopProductDto>? products = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            products ??= [];
            if (!reader.IsDBNull(0))
            {
                products.Add(Read(reader, asOf));
            }
        }

        return products;
    }

    /// <inheritdoc />
    public async Task<PagedList<OcopProductDto>> ListAsync(ListOcopProductsQuery query, DateOnly asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = new StringBuilder(" WHERE TRUE");
        var parameters = new List<NpgsqlParameter>();
        void Add(string condition, NpgsqlParameter parameter)
        {
            parameters.Add(parameter);
            where.Append(" AND ").Append(condition.Replace("$?", "$" + parameters.Count, StringComparison.Ordinal));
        }

        if (query.ProvinceCode is { } province) Add("p.province_code = $?", new NpgsqlParameter<string> { TypedValue = province });
        if (query.Stars is { } stars) Add("p.stars = $?", new NpgsqlParameter<int> { TypedValue = stars });
        if (query.ActiveOn is { } day)
        {
            Add("p.certified_on <= $?", new NpgsqlParameter<DateOnly> { TypedValue = day });
            Add("p.expires_on > $?", new NpgsqlParameter<DateOnly> { TypedValue = day });
        }

        var total = 0;
        await using (var count = dataSource.CreateCommand("SELECT count(*) FROM ocop_products AS p" + where))
        {
            foreach (var parameter in parameters)
            {
                count.Parameters.Add(parameter.Clone());
            }
            total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        var items = new List<OcopProductDto>();
        var offset = (long)(query.Page - 1) * query.PageSize;
        if (offset < total)
        {
            var sql = $"SELECT {Columns} FROM ocop_products AS p{where} ORDER BY p.id LIMIT ${parameters.Count + 1} OFFSET ${parameters.Count + 2}";
            await using var page = dataSource.CreateCommand(sql);
            foreach (var parameter in parameters)
            {
                page.Parameters.Add(parameter.Clone());
            }
            page.Parameters.Add(new NpgsqlParameter<int> { TypedValue = query.PageSize });
            page.Parameters.Add(new NpgsqlParameter<long> { TypedValue = offset });
            await using var reader = await page.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(Read(reader, asOf));
            }
        }

        return new PagedList<OcopProductDto>(items, query.Page, query.PageSize, total);
    }

    private static OcopProductDto Read(NpgsqlDataReader r, DateOnly asOf)
    {
        var certifiedOn = r.GetFieldValue<DateOnly>(5);
        return new OcopProductDto
        {
            Id = r.GetGuid(0),
            CooperativeId = r.GetGuid(1),
            ProvinceCode = r.GetString(2),
            ProductName = r.GetString(3),
            Stars = r.GetInt32(4),
            CertifiedOn = certifiedOn,
            CertifiedBy = EnumNames<OcopCertifier>.Parse(r.GetString(6)),
            CertificateNumber = r.GetString(7),
            ExpiresOn = r.GetFieldValue<DateOnly>(8),
            Status = OcopRules.StatusOn(certifiedOn, asOf),
            CreatedAt = r.GetFieldValue<DateTimeOffset>(9),
            UpdatedAt = r.GetFieldValue<DateTimeOffset>(10),
            Version = r.GetInt32(11),
        };
    }
}
