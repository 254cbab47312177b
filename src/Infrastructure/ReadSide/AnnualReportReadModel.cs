using System.Data;
using CoopApi.Application.AnnualReports;
using CoopApi.Application.AnnualReports.Queries;
using CoopApi.Domain.AnnualReports;
using Npgsql;

namespace CoopApi.Infrastructure.ReadSide;

/// <summary>Yearly figures in plain SQL over the shared <see cref="NpgsqlDataSource"/>, by the unique (organization, year) index.</summary>
internal sealed class AnnualReportReadModel(ReadSideDataSource dataSource) : IAnnualReportReadModel
{
    private const string Columns =
        "r.id, r.cooperative_id, r.year, r.province_code, r.revenue, r.pre_tax_profit, r.charter_capital, r.equity, "
        + "r.total_capital, r.official_members, r.associate_members, r.employees, r.average_member_income, "
        + "r.member_needs_served_share, r.size_class, r.created_at, r.updated_at, r.version";

    // The organization's row is read with the report, so one round trip tells "no organization"
    // from "no figures for that year".
    private const string ByYearSql =
        "SELECT " + Columns + " FROM cooperatives AS c LEFT JOIN annual_reports AS r ON r.cooperative_id = c.id AND r.year = $2 "
        + "WHERE c.id = $1";

    private const string ByIdSql = "SELECT " + Columns + " FROM annual_reports AS r WHERE r.id = $1";

    private const string ListSql =
        "SELECT " + Columns + " FROM cooperatives AS c LEFT JOIN annual_reports AS r ON r.cooperative_id = c.id "
        + "WHERE c.id = $1 ORDER BY r.year";

    /// <inheritdoc />
    public async Task<(bool OrganizationExists, AnnualReportDto? Report)> FindAsync(Guid cooperativeId, int year,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ByYearSql);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = cooperativeId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = year });
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return (false, null);
        }

        return (true, reader.IsDBNull(0) ? null : Read(reader));
    }

    /// <inheritdoc />
    public async Task<AnnualReportDto?> FindByIdAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ByIdSql);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AnnualReportDto>?> ListAsync(Guid cooperativeId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ListSql);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = cooperativeId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        List<AnnualReportDto>? reports = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            reports ??= [];
            if (!reader.IsDBNull(0))
            {
                reports.Add(Read(reader));
            }
        }

        return reports;
    }

    private static AnnualReportDto Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetGuid(0),
        CooperativeId = r.GetGuid(1),
        Year = r.GetInt32(2),
        ProvinceCode = r.GetString(3),
        Revenue = r.GetInt64(4),
        PreTaxProfit = r.GetInt64(5),
        CharterCapital = r.GetInt64(6),
        Equity = r.GetInt64(7),
        TotalCapital = r.GetInt64(8),
        OfficialMembers = r.GetInt32(9),
        AssociateMembers = r.GetInt32(10),
        Employees = r.GetInt32(11),
        AverageMemberIncome = r.GetInt64(12),
        MemberNeedsServedShare = r.GetDecimal(13),
        SizeClass = r.IsDBNull(14) ? null : EnumNames<SizeClass>.Parse(r.GetString(14)),
        CreatedAt = r.GetFieldValue<DateTimeOffset>(15),
        UpdatedAt = r.GetFieldValue<DateTimeOffset>(16),
        Version = r.GetInt32(17),
    };
}
