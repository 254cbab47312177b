// The raw baseline of bench/http/run.sh: a bare minimal-API app that answers the benchmark
// scenarios with the same SQL as the API's read side, through raw Npgsql, and the same JSON
// bytes. Nothing else: no MediatR, no validation, no controllers, no EF Core, no Swagger.
// The create scenario is a bare INSERT of the same columns (one statement, RETURNING the row):
// no validation, no status history row, no event, no transaction of its own.
using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
    o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
});
var connectionString = builder.Configuration.GetConnectionString("Default")
    ?? throw new InvalidOperationException("set ConnectionStrings__Default");
builder.Services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build());

var app = builder.Build();

app.MapGet("/api/v1/cooperatives/{id:guid}", async (Guid id, NpgsqlDataSource db, HttpContext http, CancellationToken ct) =>
{
    await using var command = db.CreateCommand(Sql.ById);
    command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
    await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SingleRow, ct);
    if (!await reader.ReadAsync(ct))
    {
        return Results.NotFound();
    }

    var dto = Sql.Read(reader);
    http.Response.Headers.ETag = $"\"{dto.Version}\"";
    return Results.Ok(dto);
});

// The benchmark's list scenario only: provinceCode + status, sort=-charterCapital, page, pageSize.
app.MapGet("/api/v1/cooperatives", async (string provinceCode, string status, int page, int pageSize,
    NpgsqlDataSource db, CancellationToken ct) =>
{
    const string Where = " FROM cooperatives AS c WHERE c.status = ANY ($1) AND c.province_code = $2";
    var offset = (page - 1) * pageSize;
    await using var batch = db.CreateBatch();
    var count = new NpgsqlBatchCommand("SELECT count(*)::int" + Where);
    count.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [status] });
    count.Parameters.Add(new NpgsqlParameter<string> { TypedValue = provinceCode });
    var rows = new NpgsqlBatchCommand("SELECT " + Sql.Columns + Where + " ORDER BY c.charter_capital DESC, c.id DESC LIMIT $3 OFFSET $4");
    rows.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [status] });
    rows.Parameters.Add(new NpgsqlParameter<string> { TypedValue = provinceCode });
    rows.Parameters.Add(new NpgsqlParameter<int> { TypedValue = pageSize });
    rows.Parameters.Add(new NpgsqlParameter<int> { TypedValue = offset });
    batch.BatchCommands.Add(count);
    batch.BatchCommands.Add(rows);
    await using var reader = await batch.ExecuteReaderAsync(ct);
    await reader.ReadAsync(ct);
    var total = reader.GetInt32(0);
    await reader.NextResultAsync(ct);
    var items = new List<Cooperative>(pageSize);
    while (await reader.ReadAsync(ct))
    {
        items.Add(Sql.Read(reader));
    }

    return Results.Ok(new PageOf(items, page, pageSize, total));
});

// The benchmark's create scenario: one INSERT of the columns the API writes, the row returned as
// the API returns it (201, relative Location, ETag). The Idempotency-Key header is ignored.
app.MapPost("/api/v1/cooperatives", async (NewCooperative body, NpgsqlDataSource db, HttpContext http, CancellationToken ct) =>
{
    var now = DateTimeOffset.UtcNow;
    await using var command = db.CreateCommand(Sql.Insert);
    var p = command.Parameters;
    p.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.CreateVersion7() });
    p.Add(new NpgsqlParameter { Value = (object?)body.RegistrationCode ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
    p.Add(new NpgsqlParameter<string> { TypedValue = body.Name });
    p.Add(new NpgsqlParameter<string> { TypedValue = Sql.Name(body.Kind) });
    p.Add(new NpgsqlParameter<string> { TypedValue = Sql.Name(body.Sector) });
    p.Add(new NpgsqlParameter<string> { TypedValue = "active" });
    p.Add(new NpgsqlParameter<string> { TypedValue = body.ProvinceCode });
    p.Add(new NpgsqlParameter<string> { TypedValue = body.CommuneCode });
    p.Add(new NpgsqlParameter { Value = (object?)body.Address ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
    p.Add(new NpgsqlParameter<DateOnly> { TypedValue = body.EstablishedOn });
    p.Add(new NpgsqlParameter<long> { TypedValue = body.CharterCapital });
    p.Add(new NpgsqlParameter<int> { TypedValue = body.MemberCount });
    p.Add(new NpgsqlParameter { Value = (object?)body.EmployeeCount ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
    p.Add(new NpgsqlParameter { Value = (object?)body.Representative ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
    p.Add(new NpgsqlParameter { Value = (object?)body.Phone ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
    p.Add(new NpgsqlParameter { Value = (object?)body.Email ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
    p.Add(new NpgsqlParameter<bool> { TypedValue = body.IsYouthCooperative });
    p.Add(new NpgsqlParameter<string[]> { TypedValue = body.MainProducts ?? [] });
    p.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
    p.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
    p.Add(new NpgsqlParameter<DateOnly> { TypedValue = body.EstablishedOn });
    p.Add(new NpgsqlParameter<int> { TypedValue = 0 });
    await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SingleRow, ct);
    await reader.ReadAsync(ct);
    var dto = Sql.Read(reader);
    http.Response.Headers.ETag = $"\"{dto.Version}\"";
    return Results.Created($"/api/v1/cooperatives/{dto.Id}", dto);
});

await app.RunAsync();

/// <summary>The API's registration body (the fields the create scenario sends).</summary>
internal sealed record NewCooperative(
    string? RegistrationCode, string Name, Kind Kind, Sector Sector, string ProvinceCode, string CommuneCode, string? Address,
    DateOnly EstablishedOn, long CharterCapital, int MemberCount, int? EmployeeCount, string? Representative, string? Phone,
    string? Email, bool IsYouthCooperative, string[]? MainProducts);

/// <summary>The API's JSON shape of one organization, same fields in the same order.</summary>
internal sealed record Cooperative(
    Guid Id, string? RegistrationCode, string Name, Kind Kind, Sector Sector, Status Status,
    string ProvinceCode, string CommuneCode, string? Address, DateOnly EstablishedOn, long CharterCapital,
    int MemberCount, int? EmployeeCount, string? Representative, string? Phone, string? Email,
    bool IsYouthCooperative, string[] MainProducts, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version);

/// <summary>The API's page shape.</summary>
internal sealed record PageOf(List<Cooperative> Items, int Page, int PageSize, int TotalCount);

internal enum Kind { Cooperative, CooperativeGroup, CooperativeUnion }

internal enum Sector
{
    AgricultureForestryFishery, IndustryHandicraft, Construction, Transport, TradeServices, Environment, Credit, Other,
}

internal enum Status { Active, Suspended, AwaitingDissolution, Dissolved }

internal static class Sql
{
    public const string Columns =
        "c.id, c.registration_code, c.name, c.kind, c.sector, c.status, c.province_code, c.commune_code, c.address, "
        + "c.established_on, c.charter_capital, c.member_count, c.employee_count, c.representative, c.phone, c.email, "
        + "c.is_youth_cooperative, c.main_products, c.created_at, c.updated_at, c.version";

    public const string ById = "SELECT " + Columns + " FROM cooperatives AS c WHERE c.id = $1";

    public const string Insert =
        "INSERT INTO cooperatives AS c (id, registration_code, name, kind, sector, status, province_code, commune_code, address, "
        + "established_on, charter_capital, member_count, employee_count, representative, phone, email, is_youth_cooperative, "
        + "main_products, created_at, updated_at, status_since, last_sequence) "
        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22) RETURNING " + Columns;

    public static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static readonly Dictionary<string, Kind> Kinds = Names<Kind>();
    private static readonly Dictionary<string, Sector> Sectors = Names<Sector>();
    private static readonly Dictionary<string, Status> Statuses = Names<Status>();

    public static Cooperative Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2),
        Kinds[r.GetString(3)], Sectors[r.GetString(4)], Statuses[r.GetString(5)],
        r.GetString(6), r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8),
        r.GetFieldValue<DateOnly>(9), r.GetInt64(10), r.GetInt32(11), r.IsDBNull(12) ? null : r.GetInt32(12),
        r.IsDBNull(13) ? null : r.GetString(13), r.IsDBNull(14) ? null : r.GetString(14), r.IsDBNull(15) ? null : r.GetString(15),
        r.GetBoolean(16), r.GetFieldValue<string[]>(17), r.GetFieldValue<DateTimeOffset>(18), r.GetFieldValue<DateTimeOffset>(19),
        r.GetInt32(20));

    private static Dictionary<string, T> Names<T>() where T : struct, Enum =>
        Enum.GetValues<T>().ToDictionary(v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()), v => v, StringComparer.Ordinal);
}
