using System.Globalization;
using System.Text;
using CoopApi.Application.Cooperatives.Queries.ListCooperatives;
using CoopApi.Application.Import;
using CoopApi.Application.Import.Queries.ExportCooperatives;
using CoopApi.Infrastructure.ReadSide;
using Npgsql;

namespace CoopApi.Infrastructure.Import;

/// <summary>
/// Streams the register as CSV straight from a <see cref="NpgsqlDataReader"/> (sequential access)
/// into the response through a small buffered writer: UTF-8 with a BOM (so Excel shows Vietnamese),
/// comma-separated, RFC 4180 quoting, the import's English field names in the order of
/// <see cref="ImportColumns.Fields"/> then <c>status</c>; dates ISO, numbers plain, main products
/// joined by <c>|</c>. Reading it back gives the same values (round trip).
/// </summary>
internal sealed class CooperativeExport(NpgsqlDataSource dataSource) : ICooperativeExport
{
    private const string Columns =
        "c.id, c.registration_code, c.name, c.kind, c.sector, c.province_code, c.commune_code, c.address, c.established_on, "
        + "c.charter_capital, c.member_count, c.employee_count, c.representative, c.phone, c.email, c.is_youth_cooperative, "
        + "c.main_products, c.status";

    /// <inheritdoc />
    public async Task<int> WriteCsvAsync(ListCooperativesQuery filters, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filters);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = CooperativeReadModel.Filter(filters, command.Parameters, new NpgsqlCommand().Parameters);
        command.CommandText = "SELECT " + Columns + " FROM cooperatives AS c" + where + CooperativeReadModel.OrderBy(filters.Sort);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 1 << 16, leaveOpen: true);
        await writer.WriteAsync(string.Join(',', ImportColumns.Fields.Append("status")) + "\r\n");
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
        var rows = 0;
        var line = new StringBuilder(512);
        while (await reader.ReadAsync(cancellationToken))
        {
            line.Clear();
            line.Append(reader.GetGuid(0).ToString()).Append(',');
            Field(line, reader.IsDBNull(1) ? null : reader.GetString(1));
            Field(line, reader.GetString(2));
            Field(line, reader.GetString(3));
            Field(line, reader.GetString(4));
            Field(line, reader.GetString(5));
            Field(line, reader.GetString(6));
            Field(line, reader.IsDBNull(7) ? null : reader.GetString(7));
            Field(line, reader.GetFieldValue<DateOnly>(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Field(line, reader.GetInt64(9).ToString(CultureInfo.InvariantCulture));
            Field(line, reader.GetInt32(10).ToString(CultureInfo.InvariantCulture));
            Field(line, reader.IsDBNull(11) ? null : reader.GetInt32(11).ToString(CultureInfo.InvariantCulture));
            Field(line, reader.IsDBNull(12) ? null : reader.GetString(12));
            Field(line, reader.IsDBNull(13) ? null : reader.GetString(13));
            Field(line, reader.IsDBNull(14) ? null : reader.GetString(14));
            Field(line, reader.GetBoolean(15) ? "true" : "false");
            Field(line, string.Join(ImportColumns.ListSeparator, reader.GetFieldValue<string[]>(16)));
            Field(line, reader.GetString(17), last: true);
            await writer.WriteAsync(line.Append("\r\n"), cancellationToken);
            rows++;
        }

        await writer.FlushAsync(cancellationToken);
        return rows;
    }

    private static void Field(StringBuilder line, string? value, bool last = false)
    {
        if (!string.IsNullOrEmpty(value))
        {
            if (value.AsSpan().IndexOfAny(",;\"\r\n") >= 0 || value[0] == ' ' || value[^1] == ' ')
            {
                line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                line.Append(value);
            }
        }

        if (!last)
        {
            line.Append(',');
        }
    }
}
