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

// The benchmark's list scenarios only: optional provinceCode, status (one value) and q, sort
// (name or charterCapital, either direction), page or cursor, pageSize; the same SQL as the API's
// read side for them (count or the whole register's estimate, page with one row more, keyset after
// a cursor), and the same cursor format (the API's ListCursor, written again here).
app.MapGet("/api/v1/cooperatives", async (HttpContext http, NpgsqlDataSource db, CancellationToken ct) =>
{
    var query = http.Request.Query;
    string? provinceCode = query["provinceCode"];
    string? status = query["status"];
    string? q = query["q"];
    var sort = (string?)query["sort"] ?? "name";
    var page = int.Parse((string?)query["page"] ?? "1", System.Globalization.CultureInfo.InvariantCulture);
    var pageSize = int.Parse((string?)query["pageSize"] ?? "20", System.Globalization.CultureInfo.InvariantCulture);
    string? cursorText = query["cursor"];
    var descending = sort.StartsWith('-');
    var key = descending ? sort[1..] : sort;
    var column = key == "charterCapital" ? "c.charter_capital" : "c.name";
    var words = Cursor.Words(q);
    var fingerprint = Cursor.Fingerprint(status, provinceCode, words);

    var rows = new NpgsqlBatchCommand();
    var count = new NpgsqlBatchCommand();
    var where = new System.Text.StringBuilder();
    void Add(string condition, NpgsqlParameter a, NpgsqlParameter b)
    {
        rows.Parameters.Add(a);
        count.Parameters.Add(b);
        where.Append(where.Length == 0 ? " WHERE " : " AND ").Append(condition.Replace("$?", "$" + rows.Parameters.Count));
    }

    if (status is not null) Add("c.status = ANY ($?)", new NpgsqlParameter<string[]> { TypedValue = [status] }, new NpgsqlParameter<string[]> { TypedValue = [status] });
    if (provinceCode is not null) Add("c.province_code = $?", new NpgsqlParameter<string> { TypedValue = provinceCode }, new NpgsqlParameter<string> { TypedValue = provinceCode });
    foreach (var word in words)
    {
        Add(@"c.search_text LIKE '%' || coop_search_fold($?) || '%' ESCAPE '\'",
            new NpgsqlParameter<string> { TypedValue = word, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text },
            new NpgsqlParameter<string> { TypedValue = word, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
    }

    if (where.Length > 0)
    {
        count.CommandText = "SELECT count(*)::int, false FROM cooperatives AS c" + where;
    }
    else
    {
        count = new NpgsqlBatchCommand(
            "SELECT CASE WHEN e.n >= $1 THEN e.n ELSE (SELECT count(*) FROM cooperatives) END::int, e.n >= $1 "
            + "FROM (SELECT greatest(reltuples, 0)::bigint AS n FROM pg_class WHERE oid = 'cooperatives'::regclass) AS e");
        count.Parameters.Add(new NpgsqlParameter<long> { TypedValue = 50_000 });
    }

    var sql = new System.Text.StringBuilder("SELECT ").Append(Sql.Columns).Append(" FROM cooperatives AS c").Append(where);
    var byCursor = cursorText is not null;
    if (byCursor)
    {
        if (Cursor.Decode(cursorText!, sort, fingerprint) is not { } position)
        {
            return Results.BadRequest();
        }

        rows.Parameters.Add(key == "charterCapital"
            ? new NpgsqlParameter<long> { TypedValue = long.Parse(position.Value, System.Globalization.CultureInfo.InvariantCulture) }
            : new NpgsqlParameter<string> { TypedValue = position.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        rows.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = position.Id });
        sql.Append(where.Length == 0 ? " WHERE " : " AND ").Append('(').Append(column).Append(", c.id) ").Append(descending ? '<' : '>')
            .Append(" ($").Append(rows.Parameters.Count - 1).Append(", $").Append(rows.Parameters.Count).Append(')');
    }

    rows.Parameters.Add(new NpgsqlParameter<int> { TypedValue = pageSize + 1 });
    sql.Append(" ORDER BY ").Append(column).Append(descending ? " DESC, c.id DESC" : ", c.id").Append(" LIMIT $").Append(rows.Parameters.Count);
    var offset = byCursor ? 0 : (page - 1) * pageSize;
    if (offset > 0)
    {
        rows.Parameters.Add(new NpgsqlParameter<int> { TypedValue = offset });
        sql.Append(" OFFSET $").Append(rows.Parameters.Count);
    }

    rows.CommandText = sql.ToString();
    await using var batch = db.CreateBatch();
    batch.BatchCommands.Add(count);
    batch.BatchCommands.Add(rows);
    await using var reader = await batch.ExecuteReaderAsync(ct);
    await reader.ReadAsync(ct);
    var total = reader.GetInt32(0);
    var kind = reader.GetBoolean(1) ? "estimate" : "exact";
    await reader.NextResultAsync(ct);
    var items = new List<Cooperative>(pageSize + 1);
    while (await reader.ReadAsync(ct))
    {
        items.Add(Sql.Read(reader));
    }

    string? next = null;
    if (items.Count > pageSize)
    {
        items.RemoveAt(items.Count - 1);
        var last = items[^1];
        next = Cursor.Encode(sort, fingerprint, last.Id,
            key == "charterCapital" ? last.CharterCapital.ToString(System.Globalization.CultureInfo.InvariantCulture) : last.Name);
    }

    return Results.Ok(new PageOf(items, byCursor ? null : page, pageSize, total, kind, next));
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
internal sealed record PageOf(List<Cooperative> Items, int? Page, int PageSize, int TotalCount, string TotalCountKind, string? NextCursor);

/// <summary>The API's list cursor (its ListCursor), for the filters and sorts the scenarios use.</summary>
internal static class Cursor
{
    private static readonly byte[] Domain = "coopapi/list-cursor/v1\n"u8.ToArray();

    public static string[] Words(string? q) => (q ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(w => w.ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")).Distinct().ToArray();

    public static string Fingerprint(string? status, string? provinceCode, string[] words)
    {
        var statusNumber = status is null ? "" : ((int)Enum.Parse<Status>(status, ignoreCase: true) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var canonical = string.Join('\u001f', "", "", statusNumber, provinceCode ?? "", "", "", "", "", string.Join(' ', words));
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical)).AsSpan(0, 8));
    }

    public static string Encode(string sort, string fingerprint, Guid id, string value)
    {
        var payload = System.Text.Encoding.UTF8.GetBytes(string.Join('\n', "1", sort, fingerprint, id.ToString("N"), value));
        var bytes = new byte[payload.Length + 8];
        payload.CopyTo(bytes, 0);
        Checksum(payload).CopyTo(bytes, payload.Length);
        return System.Buffers.Text.Base64Url.EncodeToString(bytes);
    }

    public static (string Value, Guid Id)? Decode(string text, string sort, string fingerprint)
    {
        var bytes = System.Buffers.Text.Base64Url.DecodeFromChars(text);
        var payload = bytes.AsSpan(0, bytes.Length - 8);
        if (!Checksum(payload).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - 8)))
        {
            return null;
        }

        var parts = System.Text.Encoding.UTF8.GetString(payload).Split('\n', 5);
        return parts[1] == sort && parts[2] == fingerprint ? (parts[4], Guid.ParseExact(parts[3], "N")) : null;
    }

    private static byte[] Checksum(ReadOnlySpan<byte> payload)
    {
        var data = new byte[Domain.Length + payload.Length];
        Domain.CopyTo(data, 0);
        payload.CopyTo(data.AsSpan(Domain.Length));
        return System.Security.Cryptography.SHA256.HashData(data)[..8];
    }
}

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
