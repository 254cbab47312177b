using CoopApi.IntegrationTests.Support;
using Npgsql;

namespace CoopApi.IntegrationTests.Rules;

/// <summary>
/// The database refuses an impossible organization on its own, whichever path writes it: here a
/// bulk COPY that bypasses the API, the validators and the domain. Each case starts from a row the
/// database accepts and breaks one rule.
/// </summary>
[Collection(ApiCollection.Name)]
public class DatabaseGuardsTests(ApiFixture fixture)
{
    private const string Columns =
        "id, registration_code, name, kind, sector, status, province_code, commune_code, address, established_on, "
        + "charter_capital, member_count, employee_count, representative, phone, email, is_youth_cooperative, main_products, "
        + "created_at, updated_at, status_since, last_sequence";

    /// <summary>A possible row: a cooperative in Xã Vân Nham (06415), Lạng Sơn (20).</summary>
    private static Dictionary<string, string?> ValidRow(string name) => new()
    {
        ["id"] = Guid.CreateVersion7().ToString(),
        ["registration_code"] = TestData.UniqueRegistrationCode(),
        ["name"] = name,
        ["kind"] = "cooperative",
        ["sector"] = "agricultureForestryFishery",
        ["status"] = "active",
        ["province_code"] = "20",
        ["commune_code"] = "06415",
        ["address"] = null,
        ["established_on"] = "2015-03-12",
        ["charter_capital"] = "0",
        ["member_count"] = "7",
        ["employee_count"] = null,
        ["representative"] = null,
        ["phone"] = null,
        ["email"] = null,
        ["is_youth_cooperative"] = "false",
        ["main_products"] = "{}",
        ["created_at"] = "2025-01-01 00:00:00+00",
        ["updated_at"] = "2025-01-01 00:00:00+00",
        ["status_since"] = "2015-03-12",
        ["last_sequence"] = "0",
    };

    [Fact]
    public async Task Copy_OfAPossibleRow_IsAccepted_AndMadeSearchableWithItsCommuneName()
    {
        var token = TestData.UniqueToken();
        var row = ValidRow($"HTX Chè {token}");

        await CopyAsync(row);

        Assert.Equal($"hop tac xa che {token} {row["registration_code"]} van nham", await fixture.ScalarAsync<string>(
            "SELECT search_text FROM cooperatives WHERE id = $1", Guid.Parse(row["id"]!)));
    }

    [Theory]
    [InlineData("cooperative with 4 members", "member_count", "4", "ck_cooperatives_member_count")]
    [InlineData("union with 2 members", "kind=cooperativeUnion;member_count", "2", "ck_cooperatives_member_count")]
    [InlineData("group with 1 member", "kind=cooperativeGroup;member_count", "1", "ck_cooperatives_member_count")]
    [InlineData("cooperative without registration code", "registration_code", null, "ck_cooperatives_registration_code_required")]
    [InlineData("union without registration code", "kind=cooperativeUnion;registration_code", null, "ck_cooperatives_registration_code_required")]
    [InlineData("registration code with a line break", "registration_code", "4900123456\n", "ck_cooperatives_registration_code_format")]
    [InlineData("registration code of 9 digits", "registration_code", "490012345", "ck_cooperatives_registration_code_format")]
    [InlineData("province code of letters", "province_code", "ab", "ck_cooperatives_province_code_format")]
    [InlineData("commune code of 4 digits", "commune_code", "0641", "ck_cooperatives_commune_code_format")]
    [InlineData("commune of another province", "province_code", "24", "fk_cooperatives_communes_commune_in_province")]
    [InlineData("founded before 1900", "established_on", "1899-12-31", "ck_cooperatives_established_on")]
    [InlineData("blank name", "name", "   ", "ck_cooperatives_name_not_blank")]
    [InlineData("suspended without any status change", "status", "suspended", "ck_cooperatives_status_summary")]
    [InlineData("negative last sequence", "last_sequence", "-1", "ck_cooperatives_status_summary")]
    [InlineData("status change before the founding date", "last_sequence=1;status_since", "2015-03-11", "ck_cooperatives_status_summary")]
    public async Task Copy_OfAnImpossibleRow_IsRefusedByTheDatabase(string @case, string columns, string? value, string constraint)
    {
        var row = ValidRow($"HTX {TestData.UniqueToken()}");
        foreach (var part in columns.Split(';'))
        {
            var (column, set) = part.Contains('=', StringComparison.Ordinal)
                ? (part.Split('=')[0], part.Split('=')[1])
                : (part, value);
            row[column] = set;
        }

        var error = await Assert.ThrowsAsync<PostgresException>(() => CopyAsync(row));

        Assert.True(constraint == error.ConstraintName, $"{@case}: refused by {error.ConstraintName} ({error.MessageText})");
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM cooperatives WHERE id = $1", Guid.Parse(row["id"]!)));
    }

    private async Task CopyAsync(Dictionary<string, string?> row)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        var writer = await connection.BeginTextImportAsync($"COPY cooperatives ({Columns}) FROM STDIN");
        var line = string.Join('\t', Columns.Split(", ").Select(c => row[c] is { } v ? Escape(v) : @"\N"));
        await writer.WriteAsync(line + "\n");
        await writer.DisposeAsync(); // completes the COPY: the server's verdict arrives here
    }

    private static string Escape(string value) =>
        value.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("\t", @"\t", StringComparison.Ordinal)
            .Replace("\n", @"\n", StringComparison.Ordinal).Replace("\r", @"\r", StringComparison.Ordinal);
}
