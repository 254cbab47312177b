using System.Net;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.Cooperatives.CooperativesApi;

namespace CoopApi.IntegrationTests.Cooperatives;

/// <summary>
/// GET /api/v1/cooperatives: filters, diacritic-insensitive search, sorting and paging. Every test
/// registers its own records with a unique token in the name and narrows the list with
/// <c>q=&lt;token&gt;</c>, so the demo data and other tests' records never get in the way.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ListCooperativesTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateClient();

    private static string Q(string text) => Uri.EscapeDataString(text);

    private async Task<JsonNode> CreateAsync(string name, Action<JsonObject>? change = null)
    {
        var body = TestData.NewCooperative(name);
        change?.Invoke(body);
        return await TestData.CreateAsync(_client, body);
    }

    private static string[] Names(JsonNode page) => page["items"]!.AsArray().Select(i => (string)i!["name"]!).ToArray();

    private static string[] Ids(JsonNode page) => page["items"]!.AsArray().Select(i => Id(i!)).ToArray();

    // ---- search -------------------------------------------------------------------------------

    /// <summary>Records for the search tests, keyed by a short label; each name holds the token.</summary>
    private async Task<(string Token, Dictionary<string, JsonNode> Records)> CreateSearchSetAsync()
    {
        var token = TestData.UniqueToken();
        var records = new Dictionary<string, JsonNode>
        {
            ["dongTam"] = await CreateAsync($"Hợp tác xã dịch vụ nông nghiệp Đồng Tâm {token}"),
            ["duyenHai"] = await CreateAsync($"Hợp tác xã Duyên Hải {token}"),
            ["percent"] = await CreateAsync($"Tổ hợp tác 100% sạch {token}", b => b["kind"] = "cooperativeGroup"),
            ["thousand"] = await CreateAsync($"Tổ hợp tác 1000 sạch {token}", b => b["kind"] = "cooperativeGroup"),
            ["underscore"] = await CreateAsync($"Hợp tác xã a_b {token}"),
            ["x"] = await CreateAsync($"Hợp tác xã axb {token}"),
            ["backslash"] = await CreateAsync($"Hợp tác xã c\\d {token}"),
        };
        return (token, records);
    }

    public static TheoryData<string, string[]> Searches => new()
    {
        { "dong tam", ["dongTam"] },
        { "DONG", ["dongTam"] },
        { "Đồng Tâm", ["dongTam"] },
        { "ĐỒNG TÂM", ["dongTam"] },
        { "dÔng", ["dongTam"] },
        { "tam dong", ["dongTam"] },
        { "hop tac xa", ["dongTam", "duyenHai", "underscore", "x", "backslash"] },
        { "Hợp tác xã", ["dongTam", "duyenHai", "underscore", "x", "backslash"] },
        { "hop tac", ["dongTam", "duyenHai", "percent", "thousand", "underscore", "x", "backslash"] },
        { "đuyên", ["duyenHai"] },
        { "duyen hai", ["duyenHai"] },
        { "dong hai", [] },
        { "sach", ["percent", "thousand"] },
        { "100 sach", ["percent", "thousand"] },
        { "100%", ["percent"] },
        { "%", ["percent"] },
        { "a_b", ["underscore"] },
        { "_", ["underscore"] },
        { "c\\d", ["backslash"] },
        { "\\", ["backslash"] },
        { "lang ben", [] }, // the address is not searched
    };

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task List_WithQ_MatchesEveryWordIgnoringCaseAndDiacritics_WildcardsLiteral(string words, string[] expected)
    {
        var (token, records) = await CreateSearchSetAsync();

        var page = await _client.ListAsync($"q={Q($"{words} {token}")}&pageSize=50");

        var expectedIds = expected.Select(k => Id(records[k])).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expectedIds, Ids(page).Order(StringComparer.Ordinal));
        Assert.Equal(expected.Length, (int)page["totalCount"]!);
    }

    [Fact]
    public async Task List_WithQ_TokenInUpperCase_FindsTheRecords()
    {
        var (token, records) = await CreateSearchSetAsync();

        var page = await _client.ListAsync($"q={Q(token.ToUpperInvariant())}&pageSize=50");

        Assert.Equal(records.Count, (int)page["totalCount"]!);
    }

    [Fact]
    public async Task List_WithQ_FullRegistrationCode_FindsThatRecordOnly()
    {
        var record = await TestData.CreateAsync(_client);
        var code = (string)record["registrationCode"]!;

        var page = await _client.ListAsync($"q={code}");

        Assert.Equal([Id(record)], Ids(page));
        Assert.Equal(1, (int)page["totalCount"]!);
    }

    [Fact]
    public async Task List_WithQ_PartOfTheRegistrationCode_FindsTheRecord()
    {
        var record = await TestData.CreateAsync(_client);
        var code = (string)record["registrationCode"]!;
        var token = ((string)record["name"]!).Split(' ')[^1];

        var byPart = await _client.ListAsync($"q={code[3..9]}&pageSize=200");
        var byPartAndToken = await _client.ListAsync($"q={code[4..]}+{token}");

        Assert.Contains(Id(record), Ids(byPart));
        Assert.Equal([Id(record)], Ids(byPartAndToken));
    }

    [Fact]
    public async Task List_WithQ_BranchCode_FindsTheBranch()
    {
        var body = TestData.NewCooperative();
        var code = $"{TestData.UniqueRegistrationCode()}-002";
        body["registrationCode"] = code;
        var record = await TestData.CreateAsync(_client, body);

        var page = await _client.ListAsync($"q={Q(code)}");

        Assert.Equal([Id(record)], Ids(page));
    }

    [Fact]
    public async Task List_WithQ_OnlySpaces_IsNoFilter()
    {
        var all = await _client.ListAsync("pageSize=1");

        var spaces = await _client.ListAsync("q=%20%20&pageSize=1");

        Assert.Equal((int)all["totalCount"]!, (int)spaces["totalCount"]!);
    }

    [Fact]
    public async Task List_SearchFindsARecordByItsNewNameAfterAnUpdate()
    {
        var token = TestData.UniqueToken();
        var record = await CreateAsync($"Hợp tác xã Hoà Bình {token}");
        var body = UpdateBodyFrom(record);
        body["name"] = $"Hợp tác xã Quyết Thắng {token}";
        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync(Id(record), body)).StatusCode);

        var oldName = await _client.ListAsync($"q={Q($"hoa binh {token}")}");
        var newName = await _client.ListAsync($"q={Q($"quyet thang {token}")}");

        Assert.Equal(0, (int)oldName["totalCount"]!);
        Assert.Equal([Id(record)], Ids(newName));
    }

    // ---- filters ------------------------------------------------------------------------------

    /// <summary>
    /// A: cooperative, agriculture, 20/06427, not youth, founded 2010-05-01, active.
    /// B: cooperative group without code, trade and services, 20/06415, youth, 2012-01-01, suspended.
    /// C: union, credit, province 01, not youth, 2014-12-31, awaiting dissolution.
    /// </summary>
    private async Task<(string Token, Dictionary<string, string> Ids)> CreateFilterSetAsync()
    {
        var token = TestData.UniqueToken();
        var hanoiCommune = await fixture.ScalarAsync<string>("SELECT min(code) FROM communes WHERE province_code = '01'");
        var a = await CreateAsync($"Hợp tác xã A {token}", b =>
        {
            b["establishedOn"] = "2010-05-01";
        });
        var g = await CreateAsync($"Tổ hợp tác B {token}", b =>
        {
            b["kind"] = "cooperativeGroup";
            b.Remove("registrationCode");
            b["memberCount"] = 3;
            b["sector"] = "tradeServices";
            b["communeCode"] = "06415";
            b["isYouthCooperative"] = true;
            b["establishedOn"] = "2012-01-01";
        });
        var c = await CreateAsync($"Liên hiệp hợp tác xã C {token}", b =>
        {
            b["kind"] = "cooperativeUnion";
            b["memberCount"] = 3;
            b["sector"] = "credit";
            b["provinceCode"] = "01";
            b["communeCode"] = hanoiCommune;
            b["establishedOn"] = "2014-12-31";
        });
        Assert.Equal(HttpStatusCode.OK, (await _client.PostStatusAsync(Id(g), "suspended", "2020-01-01")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostStatusAsync(Id(c), "awaitingDissolution", "2020-01-01")).StatusCode);
        return (token, new Dictionary<string, string> { ["A"] = Id(a), ["B"] = Id(g), ["C"] = Id(c) });
    }

    public static TheoryData<string, string> Filters => new()
    {
        { "kind=cooperative", "A" },
        { "kind=cooperativeGroup", "B" },
        { "kind=cooperativeUnion", "C" },
        { "sector=agricultureForestryFishery", "A" },
        { "sector=tradeServices", "B" },
        { "sector=credit", "C" },
        { "sector=construction", "" },
        { "status=active", "A" },
        { "status=suspended", "B" },
        { "status=awaitingDissolution", "C" },
        { "status=dissolved", "" },
        { "provinceCode=20", "AB" },
        { "provinceCode=01", "C" },
        { "provinceCode=24", "" },
        { "communeCode=06427", "A" },
        { "communeCode=06415", "B" },
        { "isYouthCooperative=true", "B" },
        { "isYouthCooperative=false", "AC" },
        { "establishedFrom=2012-01-01", "BC" },
        { "establishedFrom=2012-01-02", "C" },
        { "establishedTo=2012-01-01", "AB" },
        { "establishedTo=2011-12-31", "A" },
        { "establishedFrom=2012-01-01&establishedTo=2012-01-01", "B" },
        { "establishedFrom=2010-05-01&establishedTo=2014-12-31", "ABC" },
        { "establishedFrom=2010-05-02&establishedTo=2014-12-30", "B" },
        { "provinceCode=20&isYouthCooperative=false", "A" },
        { "kind=cooperativeGroup&status=active", "" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task List_WithFilter_ReturnsOnlyTheMatchingRecords(string filter, string expected)
    {
        var (token, ids) = await CreateFilterSetAsync();

        var page = await _client.ListAsync($"{filter}&q={token}&pageSize=50");

        var expectedIds = expected.Select(letter => ids[letter.ToString()]).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expectedIds, Ids(page).Order(StringComparer.Ordinal));
        Assert.Equal(expected.Length, (int)page["totalCount"]!);
    }

    [Fact]
    public async Task List_WithStatusFilter_ReturnsItemsAllInThatStatus()
    {
        var page = await _client.ListAsync("status=suspended&pageSize=200");

        Assert.NotEmpty(page["items"]!.AsArray());
        Assert.All(page["items"]!.AsArray(), i => Assert.Equal("suspended", (string)i!["status"]!));
    }

    // ---- sorting ------------------------------------------------------------------------------

    /// <summary>Word, founding date, capital, members: every key distinct, created in this order.</summary>
    private static readonly (string Word, string Founded, long Capital, int Members)[] SortSet =
    [
        ("Đông", "2011-01-01", 300, 20),
        ("Anh", "2015-01-01", 100, 40),
        ("Bình", "2009-01-01", 700, 10),
        ("Ân", "2013-01-01", 500, 30),
        ("Dung", "2010-01-01", 200, 60),
        ("An", "2014-01-01", 600, 50),
        ("Ông", "2012-01-01", 400, 70),
        ("Oanh", "2016-01-01", 800, 5),
    ];

    /// <summary>Vietnamese dictionary order: a &lt; ă &lt; â, d &lt; đ, o &lt; ô &lt; ơ.</summary>
    private static readonly string[] VietnameseOrder = ["An", "Anh", "Ân", "Bình", "Dung", "Đông", "Oanh", "Ông"];

    private async Task<string> CreateSortSetAsync()
    {
        var token = TestData.UniqueToken();
        foreach (var (word, founded, capital, members) in SortSet)
        {
            await CreateAsync($"Hợp tác xã {token} {word}", b =>
            {
                b["establishedOn"] = founded;
                b["charterCapital"] = capital;
                b["memberCount"] = members;
            });
        }

        return token;
    }

    private static string[] Words(JsonNode page) => Names(page).Select(n => n.Split(' ')[^1]).ToArray();

    public static TheoryData<string> SortKeys => new(["name", "establishedOn", "charterCapital", "memberCount", "createdAt"]);

    private static string[] ExpectedAscending(string key) => key switch
    {
        "name" => VietnameseOrder,
        "establishedOn" => SortSet.OrderBy(s => s.Founded, StringComparer.Ordinal).Select(s => s.Word).ToArray(),
        "charterCapital" => SortSet.OrderBy(s => s.Capital).Select(s => s.Word).ToArray(),
        "memberCount" => SortSet.OrderBy(s => s.Members).Select(s => s.Word).ToArray(),
        "createdAt" => SortSet.Select(s => s.Word).ToArray(),
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
    };

    [Theory]
    [MemberData(nameof(SortKeys))]
    public async Task List_SortedByKey_ReturnsAscendingOrder(string key)
    {
        var token = await CreateSortSetAsync();

        var page = await _client.ListAsync($"q={token}&sort={key}");

        Assert.Equal(ExpectedAscending(key), Words(page));
    }

    [Theory]
    [MemberData(nameof(SortKeys))]
    public async Task List_SortedByKeyWithMinus_ReturnsDescendingOrder(string key)
    {
        var token = await CreateSortSetAsync();

        var page = await _client.ListAsync($"q={token}&sort=-{key}");

        Assert.Equal(ExpectedAscending(key).Reverse(), Words(page));
    }

    [Fact]
    public async Task List_WithoutSort_SortsByNameInVietnameseOrder()
    {
        var token = await CreateSortSetAsync();

        var page = await _client.ListAsync($"q={token}");

        Assert.Equal(VietnameseOrder, Words(page));
    }

    [Fact]
    public async Task List_SortedByCharterCapital_BreaksTiesById_StableAcrossPages()
    {
        var token = TestData.UniqueToken();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(Id(await CreateAsync($"Hợp tác xã Bằng Nhau {i} {token}", b => b["charterCapital"] = 999_000_000L)));
        }

        ids.Add(Id(await CreateAsync($"Hợp tác xã Nhỏ {token}", b => b["charterCapital"] = 1L)));
        var equal = ids.Take(5).Order(StringComparer.Ordinal).ToList(); // PostgreSQL orders uuids as their hex text

        var ascending = new List<string>();
        var descending = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            ascending.AddRange(Ids(await _client.ListAsync($"q={token}&sort=charterCapital&pageSize=2&page={page}")));
            descending.AddRange(Ids(await _client.ListAsync($"q={token}&sort=-charterCapital&pageSize=2&page={page}")));
        }

        Assert.Equal([ids[5], .. equal], ascending);
        Assert.Equal([.. Enumerable.Reverse(equal), ids[5]], descending);
        var again = await _client.ListAsync($"q={token}&sort=charterCapital&pageSize=6");
        Assert.Equal(ascending, Ids(again));
    }

    [Fact]
    public async Task List_SortedByName_BreaksTiesOfEqualNamesById()
    {
        var token = TestData.UniqueToken();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(Id(await CreateAsync($"Hợp tác xã Trùng Tên {token}", b => b["kind"] = "cooperativeGroup")));
        }

        var page = await _client.ListAsync($"q={token}&sort=name");
        var reverse = await _client.ListAsync($"q={token}&sort=-name");

        Assert.Equal(ids.Order(StringComparer.Ordinal), Ids(page));
        Assert.Equal(ids.Order(StringComparer.Ordinal).Reverse(), Ids(reverse));
    }

    // ---- paging -------------------------------------------------------------------------------

    private async Task<(string Token, List<string> Ids)> CreatePagingSetAsync(int count)
    {
        var token = TestData.UniqueToken();
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(Id(await CreateAsync($"Hợp tác xã Trang {i:D2} {token}")));
        }

        return (token, ids);
    }

    [Fact]
    public async Task List_PagesOfTwo_CoverEveryRecordOnceWithoutGapOrOverlap()
    {
        var (token, ids) = await CreatePagingSetAsync(5);
        var seen = new List<string>();

        for (var page = 1; page <= 3; page++)
        {
            var body = await _client.ListAsync($"q={token}&pageSize=2&page={page}");
            Assert.Equal(page, (int)body["page"]!);
            Assert.Equal(2, (int)body["pageSize"]!);
            Assert.Equal(5, (int)body["totalCount"]!);
            Assert.Equal(page < 3 ? 2 : 1, body["items"]!.AsArray().Count);
            seen.AddRange(Ids(body));
        }

        Assert.Equal(ids, seen); // names "Trang 00" … "Trang 04" in name order
    }

    [Fact]
    public async Task List_Page2_StartsWhereThePage1Ended()
    {
        var (token, ids) = await CreatePagingSetAsync(5);

        var first = await _client.ListAsync($"q={token}&pageSize=3&page=1");
        var second = await _client.ListAsync($"q={token}&pageSize=3&page=2");

        Assert.Equal(ids.Take(3), Ids(first));
        Assert.Equal(ids.Skip(3), Ids(second));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(1_000_000)]
    public async Task List_PageBeyondTheEnd_ReturnsNoItemsButTheTotalCount(int page)
    {
        var (token, _) = await CreatePagingSetAsync(5);

        var body = await _client.ListAsync($"q={token}&pageSize=2&page={page}");

        Assert.Empty(body["items"]!.AsArray());
        Assert.Equal(5, (int)body["totalCount"]!);
        Assert.Equal(page, (int)body["page"]!);
        Assert.Equal(2, (int)body["pageSize"]!);
    }

    [Fact]
    public async Task List_WithoutPaging_ReturnsPage1Of20()
    {
        var body = await _client.ListAsync("");

        Assert.Equal(1, (int)body["page"]!);
        Assert.Equal(20, (int)body["pageSize"]!);
        Assert.Equal(20, body["items"]!.AsArray().Count);
        Assert.True((int)body["totalCount"]! >= 1016, body["totalCount"].Text());
        Assert.Equal(await fixture.ScalarAsync<long>("SELECT count(*) FROM cooperatives"), (long)body["totalCount"]!);
    }

    [Fact]
    public async Task List_WithPageSize200_Returns200Items()
    {
        var body = await _client.ListAsync("pageSize=200");

        Assert.Equal(200, body["items"]!.AsArray().Count);
        Assert.Equal(200, (int)body["pageSize"]!);
    }

    [Fact]
    public async Task List_Items_HaveTheSameShapeAsGetById()
    {
        var record = await TestData.CreateAsync(_client);

        var page = await _client.ListAsync($"q={(string)record["registrationCode"]!}");

        Assert.True(JsonNode.DeepEquals(await _client.GetRecordAsync(Id(record)), page["items"]![0]), page.Text());
    }

    // ---- rejected parameters ------------------------------------------------------------------

    public static TheoryData<string, string> InvalidParameters => new()
    {
        { "pageSize=0", "pageSize" },
        { "pageSize=201", "pageSize" },
        { "pageSize=-1", "pageSize" },
        { "pageSize=many", "pageSize" },
        { "page=0", "page" },
        { "page=-1", "page" },
        { "page=abc", "page" },
        { "sort=foo", "sort" },
        { "sort=-foo", "sort" },
        { "sort=Name%20", "sort" },
        { "establishedFrom=2020-01-02&establishedTo=2020-01-01", "establishedTo" },
        { "establishedFrom=2020-13-45", "establishedFrom" },
        { "establishedTo=yesterday", "establishedTo" },
        { "status=closed", "status" },
        { "status=99", "status" },
        { "kind=company", "kind" },
        { "sector=mining", "sector" },
        { "isYouthCooperative=maybe", "isYouthCooperative" },
        { "provinceCode=2", "provinceCode" },
        { "provinceCode=ab", "provinceCode" },
        { "provinceCode=200", "provinceCode" },
        { "communeCode=6427", "communeCode" },
        { "communeCode=abcde", "communeCode" },
    };

    [Theory]
    [MemberData(nameof(InvalidParameters))]
    public async Task List_WithInvalidParameter_Returns400ProblemNamingIt(string query, string field)
    {
        var response = await _client.GetAsync($"{Route}?{query}");

        await ProblemAssert.HasFieldErrorAsync(response, field);
    }

    [Fact]
    public async Task List_WithQLongerThan200Characters_Returns400()
    {
        var response = await _client.GetAsync($"{Route}?q={new string('a', 201)}");

        await ProblemAssert.HasFieldErrorAsync(response, "q");
    }

    [Fact]
    public async Task List_WithInvalidParameter_AndAcceptLanguageVi_ExplainsInVietnamese()
    {
        using var client = fixture.CreateClient("vi");

        var response = await client.GetAsync($"{Route}?sort=foo");

        var messages = await ProblemAssert.HasFieldErrorAsync(response, "sort");
        Assert.Contains(messages, m => m.Contains("Khóa sắp xếp", StringComparison.Ordinal));
    }
}
