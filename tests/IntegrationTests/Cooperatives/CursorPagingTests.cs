using System.Net;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Http;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.Cooperatives.CooperativesApi;

namespace CoopApi.IntegrationTests.Cooperatives;

/// <summary>
/// GET /api/v1/cooperatives by cursor (keyset paging), the kinds of total count, and the search
/// that cannot use its index. Every test narrows the list with <c>q=&lt;token&gt;</c> of its own records.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CursorPagingTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateClient();

    private static string[] Ids(JsonNode page) => page["items"]!.AsArray().Select(i => Id(i!)).ToArray();

    /// <summary>
    /// Nine records with ties in every sort key: two share a name, three a charter capital, three
    /// a member count, three a founding date. None of the sort columns is nullable (the schema
    /// says NOT NULL), so ties, not nulls, are what a cursor must get past.
    /// </summary>
    private async Task<string> CreateTiedSetAsync()
    {
        var token = TestData.UniqueToken();
        (string Name, long Capital, int Members, string Founded)[] rows =
        [
            ($"Hợp tác xã Yên Bình Minh {token}", 500_000_000, 9, "2015-03-12"),
            ($"Hợp tác xã Yên Bình Minh {token}", 500_000_000, 9, "2015-03-12"),
            ($"Hợp tác xã Yên An Phú {token}", 500_000_000, 7, "2015-03-12"),
            ($"Hợp tác xã Yên Đồng Tâm {token}", 120_000_000, 9, "2018-01-01"),
            ($"Hợp tác xã Yên Duyên Hải {token}", 900_000_000, 12, "2010-06-30"),
            ($"Hợp tác xã Yên Ánh Dương {token}", 120_000_000, 30, "2018-01-01"),
            ($"Hợp tác xã Yên Cây Xanh {token}", 750_000_000, 7, "2020-11-20"),
            ($"Hợp tác xã Yên Yên Bình {token}", 60_000_000, 15, "2019-02-02"),
            ($"Hợp tác xã Yên Ông Ích {token}", 300_000_000, 8, "2021-09-09"),
        ];
        foreach (var (name, capital, members, founded) in rows)
        {
            var body = TestData.NewCooperative(name);
            body["charterCapital"] = capital;
            body["memberCount"] = members;
            body["establishedOn"] = founded;
            await TestData.CreateAsync(_client, body);
        }

        return token;
    }

    /// <summary>Every page of a list from its first page on, following nextCursor.</summary>
    private async Task<(List<string> Ids, int Pages)> WalkAsync(string parameters, int pageSize)
    {
        var ids = new List<string>();
        var pages = 0;
        var page = await _client.ListAsync($"{parameters}&pageSize={pageSize}");
        while (true)
        {
            pages++;
            ids.AddRange(Ids(page));
            if (page["nextCursor"] is not { } next)
            {
                Assert.True(page["items"]!.AsArray().Count <= pageSize);
                return (ids, pages);
            }

            Assert.Equal(pageSize, page["items"]!.AsArray().Count);
            Assert.True(pages < 100, "the walk does not end");
            page = await _client.ListAsync($"{parameters}&pageSize={pageSize}&cursor={Uri.EscapeDataString((string)next!)}");
            Assert.Null(page["page"]);
        }
    }

    public static TheoryData<string> Sorts => new()
    {
        "name", "-name", "establishedOn", "-establishedOn", "charterCapital", "-charterCapital",
        "memberCount", "-memberCount", "createdAt", "-createdAt",
    };

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task Cursor_WalksTheWholeFilteredList_OnceEach_InTheOrderOfOnePage_UnderEverySort(string sort)
    {
        var token = await CreateTiedSetAsync();
        var parameters = $"q={token}&sort={sort}";
        var all = Ids(await _client.ListAsync($"{parameters}&pageSize=200"));
        Assert.Equal(9, all.Length);

        foreach (var pageSize in new[] { 1, 2, 4 })
        {
            var (walked, pages) = await WalkAsync(parameters, pageSize);

            Assert.Equal(all, walked);
            Assert.Equal((9 + pageSize - 1) / pageSize, pages);
        }
    }

    [Fact]
    public async Task Cursor_WithAnotherFilterNarrowingTheSameRecords_WalksOnlyThose()
    {
        var token = await CreateTiedSetAsync();
        var parameters = $"q={token}&sort=-charterCapital&establishedFrom=2015-01-01&establishedTo=2019-12-31";
        var all = Ids(await _client.ListAsync($"{parameters}&pageSize=200"));
        Assert.Equal(6, all.Length);

        var (walked, _) = await WalkAsync(parameters, 2);

        Assert.Equal(all, walked);
    }

    [Fact]
    public async Task ARecordInsertedBehindTheCursor_DoesNotShiftTheNextPage_AsItShiftsPageNumbers()
    {
        var token = await CreateTiedSetAsync();
        var parameters = $"q={token}&sort=name&pageSize=3";
        var before = Ids(await _client.ListAsync($"q={token}&sort=name&pageSize=200"));
        var first = await _client.ListAsync(parameters);
        var cursor = Uri.EscapeDataString((string)first["nextCursor"]!);

        // "Yên Ái" sorts before every name of the set: it lands on the first page, behind the cursor.
        await TestData.CreateAsync(_client, TestData.NewCooperative($"Hợp tác xã Yên Ái Quốc {token}"));

        var second = await _client.ListAsync($"{parameters}&cursor={cursor}");
        var secondByNumber = await _client.ListAsync($"{parameters}&page=2");
        Assert.Equal(before[3..6], Ids(second));
        Assert.Equal(before[2..5], Ids(secondByNumber)); // shifted by one: the row before repeats
    }

    [Fact]
    public async Task ARecordWithdrawnBehindTheCursor_DoesNotShiftTheNextPage()
    {
        var token = await CreateTiedSetAsync();
        var before = Ids(await _client.ListAsync($"q={token}&sort=-memberCount&pageSize=200"));
        var first = await _client.ListAsync($"q={token}&sort=-memberCount&pageSize=3");
        var cursor = Uri.EscapeDataString((string)first["nextCursor"]!);
        var withdrawn = await _client.GetAsync(Item(before[0]));
        using var delete = new HttpRequestMessage(HttpMethod.Delete, Item(before[0]));
        delete.Headers.TryAddWithoutValidation("If-Match", withdrawn.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.SendAsync(delete)).StatusCode);

        var second = await _client.ListAsync($"q={token}&sort=-memberCount&pageSize=3&cursor={cursor}");

        Assert.Equal(before[3..6], Ids(second));
    }

    [Fact]
    public async Task PageNumbers_StillWork_AndGiveTheCursorOfTheirNextPage()
    {
        var token = await CreateTiedSetAsync();
        var all = Ids(await _client.ListAsync($"q={token}&sort=charterCapital&pageSize=200"));

        var second = await _client.ListAsync($"q={token}&sort=charterCapital&pageSize=3&page=2");
        var third = await _client.ListAsync(
            $"q={token}&sort=charterCapital&pageSize=3&cursor={Uri.EscapeDataString((string)second["nextCursor"]!)}");
        var last = await _client.ListAsync($"q={token}&sort=charterCapital&pageSize=3&page=3");

        Assert.Equal(2, (int)second["page"]!);
        Assert.Equal(all[3..6], Ids(second));
        Assert.Equal(all[6..9], Ids(third));
        Assert.Null(last["nextCursor"]);
        Assert.Null(third["nextCursor"]);
    }

    // ---- cursors that cannot be used ------------------------------------------------------------

    private async Task<string> CursorOfAsync(string parameters) =>
        (string)(await _client.ListAsync($"{parameters}&pageSize=2"))["nextCursor"]!;

    public static TheoryData<string, string> BadCursors => new()
    {
        { "garbage", "not base64" },
        { "flipped", "one character changed" },
        { "truncated", "cut short" },
        { "otherSort", "made for sort=-name" },
        { "otherFilter", "made for another q" },
        { "otherKind", "made without the kind filter" },
    };

    [Theory]
    [MemberData(nameof(BadCursors))]
    public async Task ABadCursor_Gets400_WithAFieldError_InEnglishAndVietnamese(string which, string why)
    {
        var token = await CreateTiedSetAsync();
        var good = await CursorOfAsync($"q={token}&sort=name&kind=cooperative");
        var cursor = which switch
        {
            "garbage" => "%%%not a cursor!",
            "flipped" => good[..10] + (good[10] == 'A' ? 'B' : 'A') + good[11..],
            "truncated" => good[..^3],
            "otherSort" => await CursorOfAsync($"q={token}&sort=-name&kind=cooperative"),
            "otherFilter" => await CursorOfAsync($"q={token}+hop&sort=name&kind=cooperative"),
            _ => await CursorOfAsync($"q={token}&sort=name"),
        };
        var before = await fixture.CountRowsAsync();

        using var vi = fixture.CreateClient("vi");
        var english = await _client.GetAsync($"{Route}?q={token}&sort=name&kind=cooperative&pageSize=2&cursor={Uri.EscapeDataString(cursor)}");
        var vietnamese = await vi.GetAsync($"{Route}?q={token}&sort=name&kind=cooperative&pageSize=2&cursor={Uri.EscapeDataString(cursor)}");

        var messages = await ProblemAssert.HasFieldErrorAsync(english, "cursor");
        var messagesVi = await ProblemAssert.HasFieldErrorAsync(vietnamese, "cursor");
        Assert.Contains(messages, m => m.StartsWith("cursor ", StringComparison.Ordinal) && m.Contains("without cursor", StringComparison.Ordinal));
        Assert.Contains(messagesVi, m => m.Contains("không có cursor", StringComparison.Ordinal));
        Assert.True(messages.Length > 0, why);
        Assert.Equal(before, await fixture.CountRowsAsync());
    }

    [Fact]
    public async Task ACursorWithAPageNumber_Gets400()
    {
        var token = await CreateTiedSetAsync();
        var cursor = Uri.EscapeDataString(await CursorOfAsync($"q={token}"));

        var response = await _client.GetAsync($"{Route}?q={token}&pageSize=2&page=2&cursor={cursor}");

        await ProblemAssert.HasFieldErrorAsync(response, "page");
    }

    [Fact]
    public async Task ACursor_StaysGood_WithTheFiltersInAnotherOrder_AndAnotherPageSize()
    {
        var token = await CreateTiedSetAsync();
        var all = Ids(await _client.ListAsync($"q={token}&sort=memberCount&pageSize=200"));
        var cursor = Uri.EscapeDataString(await CursorOfAsync($"status=active&status=suspended&q={token}&sort=memberCount"));

        var next = await _client.ListAsync($"sort=memberCount&q={token}&status=suspended&status=active&pageSize=5&cursor={cursor}");

        Assert.Equal(all[2..7], Ids(next));
    }

    // ---- totals ---------------------------------------------------------------------------------

    [Fact]
    public async Task AFilteredList_IsCountedExactly()
    {
        var token = await CreateTiedSetAsync();

        var page = await _client.ListAsync($"q={token}&pageSize=2");

        Assert.Equal(9, (int)page["totalCount"]!);
        Assert.Equal("exact", (string)page["totalCountKind"]!);
    }

    [Fact]
    public async Task TheWholeRegister_WhileSmall_IsCountedExactly()
    {
        var page = await _client.ListAsync("pageSize=1");
        var rows = await fixture.ScalarAsync<long>("SELECT count(*) FROM cooperatives");

        Assert.Equal("exact", (string)page["totalCountKind"]!);
        Assert.Equal(rows, (long)page["totalCount"]!);
    }

    [Fact]
    public async Task TheWholeRegister_AboveTheThreshold_IsTheStatisticsEstimate_AndSaysSo()
    {
        // A host whose threshold every register reaches; the statistics made fresh and exact.
        await using var host = new OwnHost(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = fixture.ConnectionString,
            ["Database:MigrateOnStartup"] = "false",
            ["Database:EstimateTotalFromRows"] = "1",
            ["RateLimits:Enabled"] = "false",
        });
        using var client = await host.CreateAdminClientAsync();
        await TestData.CreateAsync(_client, TestData.NewCooperative());
        await using (var connection = new Npgsql.NpgsqlConnection(fixture.ConnectionString))
        {
            await connection.OpenAsync();
            await using var analyze = new Npgsql.NpgsqlCommand("ANALYZE cooperatives", connection);
            await analyze.ExecuteNonQueryAsync();
        }

        var estimated = await fixture.ScalarAsync<long>("SELECT reltuples::bigint FROM pg_class WHERE oid = 'cooperatives'::regclass");
        var page = await client.ListAsync("pageSize=1");
        var filtered = await client.ListAsync("pageSize=1&provinceCode=20");

        Assert.Equal("estimate", (string)page["totalCountKind"]!);
        Assert.Equal(estimated, (long)page["totalCount"]!);
        Assert.Equal("exact", (string)filtered["totalCountKind"]!);
    }

    // ---- search words the index cannot use ------------------------------------------------------

    [Theory]
    [InlineData("hb")]
    [InlineData("a b")]
    [InlineData("đ ợ")]
    [InlineData("%")]
    public async Task ASearchOfOnlyOneAndTwoLetterWords_Gets400_InEnglishAndVietnamese(string q)
    {
        using var vi = fixture.CreateClient("vi");

        var english = await ProblemAssert.HasFieldErrorAsync(await _client.GetAsync($"{Route}?q={Uri.EscapeDataString(q)}"), "q");
        var vietnamese = await ProblemAssert.HasFieldErrorAsync(await vi.GetAsync($"{Route}?q={Uri.EscapeDataString(q)}"), "q");

        Assert.Contains(english, m => m.Contains("at least one word of 3", StringComparison.Ordinal));
        Assert.Contains(vietnamese, m => m.Contains("ít nhất một từ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AShortWord_BesideALongerOne_StillNarrowsTheSearch()
    {
        var token = await CreateTiedSetAsync();

        var page = await _client.ListAsync($"q={Uri.EscapeDataString($"an {token}")}&pageSize=200");

        // "an" folded: An Phú, Ánh Dương, Cây Xanh (and no other name of the set; the names sort late,
        // after the demo data, so that lists of the first 200 by name elsewhere stay as they were).
        Assert.Equal(3, page["items"]!.AsArray().Count);
    }
}
