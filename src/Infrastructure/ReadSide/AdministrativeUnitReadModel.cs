using CoopApi.Application.AdministrativeUnits;
using CoopApi.Application.AdministrativeUnits.Queries;
using CoopApi.Domain.AdministrativeUnits;
using Npgsql;

namespace CoopApi.Infrastructure.ReadSide;

/// <summary>The administrative units' read side in plain SQL over the shared <see cref="NpgsqlDataSource"/>.</summary>
internal sealed class AdministrativeUnitReadModel(ReadSideDataSource dataSource) : IAdministrativeUnitReadModel
{
    private const string ProvincesSql =
        "SELECT p.code, p.name, p.kind, (SELECT count(*)::int FROM communes AS c WHERE c.province_code = p.code) "
        + "FROM provinces AS p ORDER BY p.code";

    // The province row comes first (NULL commune columns), so an unknown province reads no row at all.
    private const string CommunesSql =
        "SELECT c.code, c.name, c.kind FROM provinces AS p LEFT JOIN communes AS c ON c.province_code = p.code "
        + "WHERE p.code = $1 ORDER BY c.code NULLS FIRST";

    // Same columns as CommuneMergeSql: a province merged whole, into a unit that is its own province.
    private const string ProvinceMergeSql =
        "SELECT m.old_name, p.code, p.name, p.code, 'full' FROM province_merges AS m JOIN provinces AS p ON m.new_code = p.code "
        + "WHERE m.old_code = $1 ORDER BY p.code";

    private const string CommuneMergeSql =
        "SELECT m.old_name, c.code, c.name, c.province_code, m.part FROM commune_merges AS m JOIN communes AS c ON m.new_code = c.code "
        + "WHERE m.old_code = $1 ORDER BY c.code";

    /// <inheritdoc />
    public async Task<IReadOnlyList<ProvinceDto>> ListProvincesAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ProvincesSql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var provinces = new List<ProvinceDto>(34);
        while (await reader.ReadAsync(cancellationToken))
        {
            provinces.Add(new ProvinceDto
            {
                Code = reader.GetString(0),
                Name = reader.GetString(1),
                Kind = EnumNames<ProvinceKind>.Parse(reader.GetString(2)),
                CommuneCount = reader.GetInt32(3),
            });
        }

        return provinces;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CommuneDto>?> ListCommunesAsync(string provinceCode, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(CommunesSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = provinceCode });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        List<CommuneDto>? communes = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            communes ??= [];
            if (!reader.IsDBNull(0))
            {
                communes.Add(new CommuneDto
                {
                    Code = reader.GetString(0),
                    Name = reader.GetString(1),
                    Kind = EnumNames<CommuneKind>.Parse(reader.GetString(2)),
                    ProvinceCode = provinceCode,
                });
            }
        }

        return communes;
    }

    /// <inheritdoc />
    public Task<PreReformCodeDto?> LookupPreReformProvinceAsync(string code, CancellationToken cancellationToken) =>
        LookupPreReformAsync(ProvinceMergeSql, "province", code, cancellationToken);

    /// <inheritdoc />
    public Task<PreReformCodeDto?> LookupPreReformCommuneAsync(string code, CancellationToken cancellationToken) =>
        LookupPreReformAsync(CommuneMergeSql, "commune", code, cancellationToken);

    /// <summary>Reads rows of (old name, code, name, province code, part); null when there are none.</summary>
    private async Task<PreReformCodeDto?> LookupPreReformAsync(string sql, string level, string code, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = code });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        string? oldName = null;
        var current = new List<CurrentUnitDto>();
        while (await reader.ReadAsync(cancellationToken))
        {
            oldName ??= reader.GetString(0);
            current.Add(new CurrentUnitDto
            {
                Code = reader.GetString(1),
                Name = reader.GetString(2),
                ProvinceCode = reader.GetString(3),
                Part = EnumNames<MergePart>.Parse(reader.GetString(4)),
            });
        }

        return oldName is null ? null : new PreReformCodeDto { Code = code, Level = level, OldName = oldName, Current = current };
    }
}
