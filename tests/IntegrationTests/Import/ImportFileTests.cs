using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Http;
using CoopApi.IntegrationTests.Security;
using CoopApi.IntegrationTests.Support;
using Npgsql;
using static CoopApi.IntegrationTests.Cooperatives.CooperativesApi;
using static CoopApi.IntegrationTests.Import.ImportApi;

namespace CoopApi.IntegrationTests.Import;

/// <summary>
/// Files that cannot be read get 400 or 413 naming the fault, never 500; the export reads back
/// unchanged; a background job reaches its report and survives a restart as failed.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ImportFileTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateClient();

    [Fact]
    public async Task NotUtf8_Is400_NamingTheEncoding()
    {
        var bytes = Encoding.UTF8.GetBytes(EnglishHeader + "\r\n").Concat(Encoding.Latin1.GetBytes(
            Row(TestData.UniqueRegistrationCode(), "Hợp tác xã Ðông Hưng") + "\r\n")).ToArray();
        bytes = bytes.Select(b => b == (byte)'?' ? (byte)0xE9 : b).ToArray();

        var (status, body, _) = await PostAsync(_client, bytes, "text/csv");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("UTF-8", body.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RaggedRow_Is400_NamingTheRow()
    {
        var csv = EnglishHeader + "\r\n" + Row(TestData.UniqueRegistrationCode(), "HTX một") + "\r\n"
            + Row(TestData.UniqueRegistrationCode(), "HTX hai") + ",extra\r\n";

        var (status, body, _) = await PostCsvAsync(_client, csv);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Row 2", body.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownOrMissingColumns_Are400_NamingThem()
    {
        var (status, body, _) = await PostCsvAsync(_client, "name,colour\r\nHTX,red\r\n");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("colour", body.Text(), StringComparison.Ordinal);
        Assert.Contains("memberCount", body.Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"name\": \"not an array\"}")]
    [InlineData("[{\"name\": \"HTX\"}, {\"name\": ")]
    [InlineData("[1, 2]")]
    public async Task MalformedJson_Is400(string json)
    {
        var (status, _, _) = await PostAsync(_client, Encoding.UTF8.GetBytes(json), "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task ADeclaredLengthOf2GB_Is413_BeforeAnythingIsRead()
    {
        // Raw HTTP: a client library would refuse to declare a length it does not send.
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(fixture.BaseAddress.Host, fixture.BaseAddress.Port);
        await using var stream = tcp.GetStream();
        var head = $"POST /{ImportRoute} HTTP/1.1\r\nHost: {fixture.BaseAddress.Authority}\r\nX-Api-Key: {fixture.AdminKey}\r\n"
            + "Content-Type: text/csv\r\nContent-Length: 2147483648\r\n\r\nname,kind\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        using var reader = new StreamReader(stream, Encoding.ASCII);

        var statusLine = await reader.ReadLineAsync();

        Assert.StartsWith("HTTP/1.1 413", statusLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherMediaType_Is415()
    {
        // The old binary Excel format (.xls) is not read: .xlsx, CSV or JSON.
        var (status, _, _) = await PostAsync(_client, [0xD0, 0xCF, 0x11, 0xE0], "application/vnd.ms-excel");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
    }

    [Fact]
    public async Task Export_ThenImport_ChangesNothing()
    {
        var token = TestData.UniqueToken();
        var coop = TestData.NewCooperative($"Hợp tác xã \"Đồng Tâm\", {token}");
        coop["address"] = "Thôn 3; xã Cai Kinh";
        await TestData.CreateAsync(_client, coop);
        var group = TestData.NewCooperative($"Tổ hợp tác {token}");
        group["kind"] = "cooperativeGroup";
        group["memberCount"] = 3;
        group.Remove("registrationCode");
        group.Remove("phone");
        await TestData.CreateAsync(_client, group);
        var suspended = await CreateInStatusAsync(_client, "suspended");

        using var export = await _client.GetAsync($"{ExportRoute}?q={token}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType!.MediaType);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal(3, Encoding.UTF8.GetString(bytes).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        var (status, body, _) = await PostAsync(_client, bytes, "text/csv");

        Assert.True(status == HttpStatusCode.OK, body.Text());
        Assert.Equal((0, 0, 2, 0), ((int)body["created"]!, (int)body["updated"]!, (int)body["unchanged"]!, (int)body["rejected"]!));
        Assert.NotNull(suspended);
    }

    [Fact]
    public async Task Export_KeepsTheListsFilters_AndRefusesAnUnknownOne()
    {
        using var bad = await _client.GetAsync($"{ExportRoute}?colour=red");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        using var none = await _client.GetAsync($"{ExportRoute}?q={TestData.UniqueToken()}");
        var lines = (await none.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,registrationCode,name,kind,sector,provinceCode,communeCode,address,establishedOn,charterCapital,memberCount,employeeCount,representative,phone,email,isYouthCooperative,mainProducts,status",
            lines.Single().TrimStart('\uFEFF'));
    }

    [Fact]
    public async Task RespondAsync_Answers202_AndTheJobReachesItsReport()
    {
        var token = TestData.UniqueToken();
        var csv = EnglishHeader + "\r\n" + string.Join("\r\n", Enumerable.Range(1, 50).Select(i =>
            Row(TestData.UniqueRegistrationCode(), $"Hợp tác xã {token} {i}"))) + "\r\n";

        var (status, body, response) = await PostCsvAsync(_client, csv, respondAsync: true);

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("queued", (string)body["state"]!);
        var location = response.Headers.Location!;
        Assert.Equal($"/api/v1/import-jobs/{(string)body["id"]!}", location.ToString());
        var job = await WaitForJobAsync(_client, location);
        Assert.True((string)job["state"]! == "succeeded", job.Text());
        Assert.Equal(50, (int)job["rowsRead"]!);
        Assert.Equal(50, (int)job["report"]!["created"]!);
        Assert.Equal(50, await CountAsync(_client, token));
    }

    [Fact]
    public async Task AJobOfAnotherProvinceOffice_IsNotFound()
    {
        var (_, body, response) = await PostCsvAsync(_client, EnglishHeader + "\r\n", respondAsync: true);
        Assert.NotNull((string?)body["id"]);
        var (key, _) = await SecurityApi.CreateKeyAsync(fixture, _client, scopes: ["read"], provinces: ["24"]);
        using var other = ApiFixture.WithKey(fixture.CreateAnonymousClient(), key);

        using var seen = await other.GetAsync(response.Headers.Location);

        Assert.Equal(HttpStatusCode.NotFound, seen.StatusCode);
    }

    [Fact]
    public async Task AJobLeftRunning_IsFailedAfterARestart()
    {
        var id = Guid.CreateVersion7();
        await using (var connection = new NpgsqlConnection(fixture.ConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand(
                "INSERT INTO import_jobs (id, state, format, atomic, dry_run, file_path, scopes, provinces, language, rows_read, created_at, started_at) "
                + "VALUES ($1, 'running', 'csv', true, false, '/nonexistent', '{}', '{*}', 'en', 2000, now(), now())", connection);
            insert.Parameters.AddWithValue(id);
            await insert.ExecuteNonQueryAsync();
        }

        await using var restarted = new OwnHost(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = fixture.ConnectionString });
        using var client = await restarted.CreateAdminClientAsync();

        var job = await client.GetFromJsonNodeAsync($"api/v1/import-jobs/{id}");
        Assert.Equal("failed", (string)job["state"]!);
        Assert.Contains("restart", (string)job["error"]!, StringComparison.Ordinal);
        Assert.NotNull((string?)job["finishedAt"]);
    }
}
