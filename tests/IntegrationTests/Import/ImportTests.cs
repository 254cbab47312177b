using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Changes;
using CoopApi.IntegrationTests.Security;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.Cooperatives.CooperativesApi;
using static CoopApi.IntegrationTests.Import.ImportApi;

namespace CoopApi.IntegrationTests.Import;

/// <summary>
/// <c>POST /api/v1/cooperatives/import</c>: a spreadsheet in, upsert by registration code, every
/// row judged by the rules of a single write, all or nothing by default, remembered in the change
/// feed and the audit trail like any other write.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ImportTests(ApiFixture fixture)
{
    private const int ImportCooperativesBatchSize = Application.Import.Commands.ImportCooperatives.ImportCooperativesCommandHandler.BatchSize;

    private readonly HttpClient _client = fixture.CreateClient();

    private static (string Csv, string Token, string[] Codes) File(int rows, params int[] badRows)
    {
        var token = TestData.UniqueToken();
        var codes = Enumerable.Range(0, rows).Select(_ => TestData.UniqueRegistrationCode()).ToArray();
        var lines = new List<string> { EnglishHeader };
        for (var i = 0; i < rows; i++)
        {
            var name = $"Hợp tác xã Đồng Tâm {token} số {i + 1}";
            lines.Add(Array.IndexOf(badRows, i + 1) switch
            {
                < 0 => Row(codes[i], name),
                var k when k % 2 == 0 => Row(codes[i], name, members: 3), // a cooperative needs 5 members
                _ => Row(codes[i], name, commune: "07210"), // a commune of Bắc Ninh, not of Lạng Sơn
            });
        }

        return (string.Join("\r\n", lines) + "\r\n", token, codes);
    }

    [Fact]
    public async Task MixedFile_Atomic_WritesNothing_AndReportsEveryBadRowByNumber_AndOnlyThose()
    {
        var (csv, token, _) = File(6, 2, 5);

        var (status, body, _) = await PostCsvAsync(_client, csv);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("import.rowsRejected", (string)body["code"]!);
        var report = Report(body);
        Assert.False((bool)report["written"]!);
        Assert.Equal(6, (int)report["rowsRead"]!);
        Assert.Equal(2, (int)report["rejected"]!);
        Assert.Equal([2, 5], RejectedRows(report));
        var members = report["errors"]!.AsArray().Single(e => (int)e!["row"]! == 2)!;
        Assert.Equal("memberCount", (string)members["column"]!);
        Assert.Equal("3", (string)members["value"]!);
        Assert.Equal("memberCount.belowMinimum", (string)members["code"]!);
        Assert.Equal("communeCode", (string)report["errors"]!.AsArray().Single(e => (int)e!["row"]! == 5)!["column"]!);
        Assert.Equal(0, await CountAsync(_client, token));
    }

    [Fact]
    public async Task Atomic_BadRowInALaterBatch_WritesNothing_NotEvenTheEarlierBatches()
    {
        // New rows are copied into the register batch by batch; a bad row found after the first
        // batch must still leave nothing, no organization, no history entry, no feed entry.
        var rows = ImportCooperativesBatchSize + 1;
        var (csv, token, codes) = File(rows, rows);
        var before = await fixture.CountRowsAsync();
        const string Events = "SELECT count(*) FROM domain_events WHERE aggregate_type = 'cooperative'";
        var eventsBefore = await fixture.ScalarAsync<long>(Events);

        var (status, body, _) = await PostCsvAsync(_client, csv);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal([rows], RejectedRows(Report(body)));
        Assert.Equal(0, await CountAsync(_client, token));
        Assert.Equal(0, await fixture.ScalarAsync<long>("SELECT count(*) FROM cooperatives WHERE registration_code = $1", codes[0]));
        Assert.Equal(before, await fixture.CountRowsAsync());
        Assert.Equal(eventsBefore, await fixture.ScalarAsync<long>(Events));
    }

    [Fact]
    public async Task MixedFile_NotAtomic_WritesTheGoodRows_AndReportsTheBadOnes()
    {
        var (csv, token, codes) = File(5, 3);

        var (status, body, _) = await PostCsvAsync(_client, csv, "?atomic=false");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True((bool)body["written"]!);
        Assert.Equal(4, (int)body["created"]!);
        Assert.Equal(1, (int)body["rejected"]!);
        Assert.Equal([3], RejectedRows(body));
        Assert.Equal(4, await CountAsync(_client, token));
        var created = await FindByCodeAsync(_client, codes[0]);
        Assert.Equal(1, (int)created["version"]!);
        Assert.Equal(["Na Chi Lăng", "Mật ong"], created["mainProducts"]!.AsArray().Select(p => (string)p!));
        var history = await _client.GetHistoryAsync(Id(created));
        Assert.Equal("active", (string)history.Single()!["toStatus"]!);
    }

    [Fact]
    public async Task DryRun_CountsWhatWouldHappen_AndWritesNothing()
    {
        var (csv, token, _) = File(3);
        var before = await fixture.CountRowsAsync();

        var (status, body, _) = await PostCsvAsync(_client, csv, "?dryRun=true");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True((bool)body["dryRun"]!);
        Assert.False((bool)body["written"]!);
        Assert.Equal(3, (int)body["created"]!);
        Assert.Equal(0, await CountAsync(_client, token));
        Assert.Equal(before, await fixture.CountRowsAsync());
    }

    [Fact]
    public async Task SameFileTwice_SecondImportFindsEveryRowUnchanged_AndAddsNothingToTheFeed()
    {
        var (csv, _, _) = File(4);
        Assert.Equal(HttpStatusCode.OK, (await PostCsvAsync(_client, csv)).Status);
        var end = (await _client.DrainAsync()).Cursor;

        var (status, body, _) = await PostCsvAsync(_client, csv);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((0, 0, 4), ((int)body["created"]!, (int)body["updated"]!, (int)body["unchanged"]!));
        Assert.Empty((await _client.DrainAsync(end)).Entries);
    }

    [Fact]
    public async Task ChangedRows_AreUpdated_VersionPlusOne_OneFeedAndAuditEntryEach_ShowingTheRecordAsGetReturnsIt()
    {
        var (csv, _, codes) = File(3);
        Assert.Equal(HttpStatusCode.OK, (await PostCsvAsync(_client, csv)).Status);
        var end = (await _client.DrainAsync()).Cursor;
        var changed = csv.Replace($"{codes[1]},", $"{codes[1]},", StringComparison.Ordinal)
            .Split("\r\n").Select(l => l.StartsWith(codes[1], StringComparison.Ordinal) ? l.Replace(",35,12,", ",41,12,", StringComparison.Ordinal) : l);

        var (status, body, _) = await PostCsvAsync(_client, string.Join("\r\n", changed));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((0, 1, 2), ((int)body["created"]!, (int)body["updated"]!, (int)body["unchanged"]!));
        var record = await FindByCodeAsync(_client, codes[1]);
        Assert.Equal(41, (int)record["memberCount"]!);
        Assert.Equal(2, (int)record["version"]!);
        var (entries, _) = await _client.DrainAsync(end);
        var entry = Assert.Single(entries);
        Assert.Equal((Id(record), "updated", 2), (entry.EntityId, entry.Operation, entry.Version ?? 0));
        Assert.True(JsonNode.DeepEquals(await _client.GetRecordAsync(Id(record)), entry.Data), entry.Data.Text());

        var audit = await _client.GetFromJsonNodeAsync($"api/v1/audit?entityType=cooperative&entityId={Id(record)}");
        var events = audit["items"]!.AsArray();
        Assert.Equal(["cooperativeDetailsChanged", "cooperativeRegistered"], events.Select(e => (string)e!["event"]!));
        Assert.All(events, e => Assert.NotNull((string?)e!["actor"]));
    }

    [Fact]
    public async Task CreatedRows_CarryTheSearchTextTheRegistersOwnTriggerWouldGive_AndAreFoundByTheirCommunesName()
    {
        // The import computes the search text of a whole batch in one statement and gives it in its
        // COPY (the insert trigger then stays out); an update recomputes it by the trigger.
        var (csv, token, codes) = File(3);
        const string SearchText = "SELECT search_text FROM cooperatives WHERE registration_code = $1";

        Assert.Equal(HttpStatusCode.OK, (await PostCsvAsync(_client, csv)).Status);

        var imported = new List<string>();
        foreach (var code in codes)
        {
            imported.Add(await fixture.ScalarAsync<string>(SearchText, code));
        }

        await fixture.ScalarAsync<long>(
            "WITH touched AS (UPDATE cooperatives SET name = name WHERE registration_code = ANY($1) RETURNING 1) SELECT count(*) FROM touched", (object)codes);
        for (var i = 0; i < codes.Length; i++)
        {
            Assert.Equal(await fixture.ScalarAsync<string>(SearchText, codes[i]), imported[i]);
        }

        Assert.Contains("cai kinh", imported[0], StringComparison.Ordinal); // commune 06427, Xã Cai Kinh, by its proper name
        var page = await _client.GetFromJsonNodeAsync($"api/v1/cooperatives?q={token}%20cai%20kinh");
        Assert.Equal(3, (int)page["totalCount"]!);
    }

    [Fact]
    public async Task CreatedRows_AppearInTheFeed_AsASingleRegistrationWould()
    {
        var end = (await _client.DrainAsync()).Cursor;
        var (csv, _, codes) = File(2);

        Assert.Equal(HttpStatusCode.OK, (await PostCsvAsync(_client, csv)).Status);

        var (entries, _) = await _client.DrainAsync(end);
        Assert.Equal(2, entries.Count);
        foreach (var code in codes)
        {
            var record = await FindByCodeAsync(_client, code);
            var entry = entries.Single(e => e.EntityId == Id(record));
            Assert.Equal(("created", 1, "cooperative"), (entry.Operation, entry.Version ?? 0, entry.EntityType));
            Assert.True(JsonNode.DeepEquals(await _client.GetRecordAsync(Id(record)), entry.Data), entry.Data.Text());
        }
    }

    [Fact]
    public async Task VietnameseHeaders_Semicolons_AndABom_AreRead()
    {
        var token = TestData.UniqueToken();
        var code = TestData.UniqueRegistrationCode();
        var csv = "Mã số HTX;Tên HTX;Loại hình;Lĩnh vực;Tỉnh;Xã;Ngày thành lập;Vốn điều lệ;Số thành viên;HTX thanh niên;Sản phẩm chính\r\n"
            + $"{code};Hợp tác xã chè {token};Hợp tác xã;Nông nghiệp, lâm nghiệp, thủy sản;20;06427;12/03/2015;1.500.000.000;35;có;Chè xanh\r\n";

        var (status, body, _) = await PostCsvAsync(_client, csv, bom: true);

        Assert.True(status == HttpStatusCode.OK, body.Text());
        Assert.Equal(1, (int)body["created"]!);
        var record = await FindByCodeAsync(_client, code);
        Assert.Equal($"Hợp tác xã chè {token}", (string)record["name"]!);
        Assert.Equal("2015-03-12", (string)record["establishedOn"]!);
        Assert.Equal(1_500_000_000L, (long)record["charterCapital"]!);
        Assert.True((bool)record["isYouthCooperative"]!);
        Assert.Equal("cooperative", (string)record["kind"]!);
    }

    [Fact]
    public async Task JsonArray_IsImported_WithTheFieldsOfASingleRegistration()
    {
        var good = TestData.NewCooperative();
        var bad = TestData.NewCooperative();
        bad["memberCount"] = 1;
        var array = new JsonArray(good, bad);

        var (status, body, _) = await PostAsync(_client, Encoding.UTF8.GetBytes(array.ToJsonString()), "application/json", "?atomic=false");

        Assert.True(status == HttpStatusCode.OK, body.Text());
        Assert.Equal((1, 1), ((int)body["created"]!, (int)body["rejected"]!));
        Assert.Equal([2], RejectedRows(body));
        var record = await FindByCodeAsync(_client, (string)good["registrationCode"]!);
        Assert.Equal((string)good["name"]!, (string)record["name"]!);
    }

    [Fact]
    public async Task ARowOfAProvinceTheKeyMayNotWriteIn_IsRejectedWithItsReason()
    {
        var (key, _) = await SecurityApi.CreateKeyAsync(fixture, _client, scopes: ["read", "write"], provinces: ["24"]);
        using var limited = ApiFixture.WithKey(fixture.CreateAnonymousClient(), key);
        var token = TestData.UniqueToken();
        var csv = EnglishHeader + "\r\n"
            + Row(TestData.UniqueRegistrationCode(), $"HTX Bắc Ninh {token}", commune: "07210", province: "24") + "\r\n"
            + Row(TestData.UniqueRegistrationCode(), $"HTX Lạng Sơn {token}") + "\r\n";

        var (status, body, _) = await PostCsvAsync(limited, csv, "?atomic=false");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((1, 1), ((int)body["created"]!, (int)body["rejected"]!));
        var error = body["errors"]!.AsArray().Single()!;
        Assert.Equal((2, "provinceNotGranted"), ((int)error["row"]!, (string)error["code"]!));
        Assert.Equal(1, await CountAsync(_client, token));
    }

    [Fact]
    public async Task AnAtomicImportWithARowOfAProvinceNotGranted_Is403_AndWritesNothing()
    {
        var (key, _) = await SecurityApi.CreateKeyAsync(fixture, _client, scopes: ["read", "write"], provinces: ["24"]);
        using var limited = ApiFixture.WithKey(fixture.CreateAnonymousClient(), key);
        var token = TestData.UniqueToken();
        var csv = EnglishHeader + "\r\n"
            + Row(TestData.UniqueRegistrationCode(), $"HTX Bắc Ninh {token}", commune: "07210", province: "24") + "\r\n"
            + Row(TestData.UniqueRegistrationCode(), $"HTX Lạng Sơn {token}") + "\r\n";

        var (status, body, _) = await PostCsvAsync(limited, csv);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("provinceNotGranted", (string)body["code"]!);
        Assert.Contains("2", (string)body["detail"]!, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(_client, token));
    }

    [Fact]
    public async Task ImportRequiresACredential()
    {
        using var anonymous = fixture.CreateAnonymousClient();

        var (status, body, _) = await PostCsvAsync(anonymous, File(1).Csv);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("unauthorized", (string)body["code"]!);
    }

    [Fact]
    public async Task ImportRequiresTheWriteScope()
    {
        var (key, _) = await SecurityApi.CreateKeyAsync(fixture, _client, scopes: ["read"], provinces: ["*"]);
        using var reader = ApiFixture.WithKey(fixture.CreateAnonymousClient(), key);

        var (status, body, _) = await PostCsvAsync(reader, File(1).Csv);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("scopeMissing", (string)body["code"]!);
    }
}
