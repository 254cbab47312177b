using System.Net;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Cooperatives;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.Cooperatives.CooperativesApi;

namespace CoopApi.IntegrationTests.Http;

/// <summary>
/// One strict reader for query strings and JSON bodies: enumerations only by their exact camelCase
/// name (no numbers, no case or space variants, no comma combinations), several values of a
/// filter only by repeating it, no parameter or member the endpoint does not declare, and no NUL.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class StrictInputTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateClient();

    // ---- query strings ------------------------------------------------------------------------

    public static TheoryData<string, string> RefusedQueries => new()
    {
        { "status=active,suspended", "status" },
        { "status=1", "status" },
        { "status=Active", "status" },
        { "status=active%20", "status" },
        { "status=%20active", "status" },
        { "status=", "status" },
        { "kind=cooperative,cooperativeGroup", "kind" },
        { "kind=COOPERATIVE", "kind" },
        { "sector=0", "sector" },
        { "page=1&page=2", "page" },
        { "pageSize=10&pageSize=10", "pageSize" },
        { "provinceCode=20&provinceCode=24", "provinceCode" },
        { "q=a&q=b", "q" },
        { "provinceCod=24", "provinceCod" },
        { "Status=active", "Status" },
        { "q=a%00b", "q" },
        { "provinceCode=2%000", "provinceCode" },
        { "isYouthCooperative=True", "isYouthCooperative" },
        { "establishedFrom=2020-1-2", "establishedFrom" },
    };

    [Theory]
    [MemberData(nameof(RefusedQueries))]
    public async Task List_WithALooseOrUnknownParameter_Returns400NamingIt(string query, string field)
    {
        var response = await _client.GetAsync($"{Route}?{query}");

        await ProblemAssert.HasFieldErrorAsync(response, field);
    }

    [Fact]
    public async Task List_WithAnUnknownEnumerationValue_ListsTheAllowedOnes()
    {
        var response = await _client.GetAsync($"{Route}?status=active,suspended");

        var messages = await ProblemAssert.HasFieldErrorAsync(response, "status");
        Assert.Contains(messages, m => m.Contains("active, suspended, awaitingDissolution, dissolved", StringComparison.Ordinal)
                                       && m.Contains("status=a&status=b", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains("unknown enumeration", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task List_WithARepeatedFilter_ReturnsRecordsInAnyOfItsValues()
    {
        var page = await _client.ListAsync("status=active&status=suspended&pageSize=200");

        var statuses = page["items"]!.AsArray().Select(i => (string)i!["status"]!).ToHashSet();
        Assert.Equal(new HashSet<string> { "active", "suspended" }, statuses);
        Assert.Equal(await fixture.ScalarAsync<long>("SELECT count(*) FROM cooperatives WHERE status IN ('active', 'suspended')"),
            (long)page["totalCount"]!);
    }

    [Fact]
    public async Task List_WithTwoRepeatedFilters_CombinesThemWithAnd()
    {
        var page = await _client.ListAsync("status=active&status=suspended&kind=cooperativeGroup&kind=cooperativeUnion&pageSize=1");

        Assert.Equal(await fixture.ScalarAsync<long>(
                "SELECT count(*) FROM cooperatives WHERE status IN ('active', 'suspended') AND kind IN ('cooperativeGroup', 'cooperativeUnion')"),
            (long)page["totalCount"]!);
    }

    [Theory]
    [InlineData("pageSize=201", "from 1 to 200")]
    [InlineData("page=0", "from 1 to 1000000")]
    [InlineData("establishedFrom=12/03/2015", "yyyy-MM-dd")]
    [InlineData("isYouthCooperative=yes", "true or false")]
    public async Task List_WithAValueOfTheWrongForm_SaysWhatWasExpected_InOurOwnWords(string query, string expected)
    {
        var response = await _client.GetAsync($"{Route}?{query}");

        var messages = await ProblemAssert.HasFieldErrorAsync(response, query.Split('=')[0]);
        Assert.Contains(messages, m => m.Contains(expected, StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains("You entered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_WithAValueOfTheWrongForm_AndAcceptLanguageVi_SaysWhatWasExpectedInVietnamese()
    {
        using var client = fixture.CreateClient("vi");

        var response = await client.GetAsync($"{Route}?pageSize=201");

        var messages = await ProblemAssert.HasFieldErrorAsync(response, "pageSize");
        Assert.Contains(messages, m => m.Contains("số nguyên từ 1 đến 200", StringComparison.Ordinal));
    }

    // ---- JSON bodies --------------------------------------------------------------------------

    public static TheoryData<string, JsonNode?> RefusedKinds => new()
    {
        { "combination", JsonValue.Create("cooperative,cooperativeGroup") },
        { "upper case", JsonValue.Create("COOPERATIVE") },
        { "trailing space", JsonValue.Create("cooperative ") },
        { "number", JsonValue.Create(0) },
        { "number as text", JsonValue.Create("0") },
    };

    [Theory]
    [MemberData(nameof(RefusedKinds))]
    public async Task Create_WithAKindThatIsNotExactlyOneName_Returns400ListingTheNames_AndWritesNothing(string @case, JsonNode? kind)
    {
        var body = TestData.NewCooperative();
        body["kind"] = kind;

        var response = await fixture.SendRejectedAsync(() => _client.PostJsonAsync(body));

        var messages = await ProblemAssert.HasFieldErrorAsync(response, "kind");
        Assert.True(messages.Any(m => m.Contains("cooperative, cooperativeGroup, cooperativeUnion", StringComparison.Ordinal)),
            $"{@case}: {string.Join(" | ", messages)}");
    }

    [Fact]
    public async Task ChangeStatus_WithACombinationOfStatuses_Returns400_AndRecordsNothing()
    {
        var created = await TestData.CreateAsync(_client);

        var response = await fixture.SendRejectedAsync(() =>
            _client.PostStatusAsync(Id(created), StatusBody("active,suspended", "2020-01-01")));

        await ProblemAssert.HasFieldErrorAsync(response, "status");
        Assert.Equal(1, await fixture.HistoryRowsAsync(Id(created)));
    }

    public static TheoryData<string, string> NulFields => new()
    {
        { "name", "name" },
        { "address", "address" },
        { "email", "email" },
        { "representative", "representative" },
        { "mainProducts", "mainProducts[1]" },
    };

    [Theory]
    [MemberData(nameof(NulFields))]
    public async Task Create_WithANulCharacterInAText_Returns400NamingTheField_AndWritesNothing(string member, string field)
    {
        var body = TestData.NewCooperative();
        body[member] = member == "mainProducts" ? new JsonArray("Na", "a\u0000b") : "a\u0000b";

        var response = await fixture.SendRejectedAsync(() => _client.PostJsonAsync(body));

        var messages = await ProblemAssert.HasFieldErrorAsync(response, field);
        Assert.Contains(messages, m => m.Contains("U+0000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChangeStatus_WithANulCharacterInTheReason_Returns400NamingIt()
    {
        var created = await TestData.CreateAsync(_client);

        var response = await fixture.SendRejectedAsync(() =>
            _client.PostStatusAsync(Id(created), StatusBody("suspended", "2020-01-01", "Quyết định\u0000 12")));

        await ProblemAssert.HasFieldErrorAsync(response, "reason");
    }

    [Theory]
    [InlineData("memberCount", "\"35\"", "whole number")]
    [InlineData("memberCount", "3.5", "whole number")]
    [InlineData("establishedOn", "\"12/03/2015\"", "yyyy-MM-dd")]
    [InlineData("isYouthCooperative", "\"no\"", "true or false")]
    [InlineData("mainProducts", "\"Na\"", "JSON array")]
    public async Task Create_WithAValueOfTheWrongType_SaysWhatTheFieldExpects(string member, string json, string expected)
    {
        var body = TestData.NewCooperative();
        body[member] = JsonNode.Parse(json);

        var response = await fixture.SendRejectedAsync(() => _client.PostJsonAsync(body));

        var messages = await ProblemAssert.HasFieldErrorAsync(response, member);
        Assert.Contains(messages, m => m.Contains(expected, StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains("enumeration", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_WithAnUnknownMember_AndAcceptLanguageVi_NamesItInVietnamese()
    {
        using var client = fixture.CreateClient("vi");
        var body = TestData.NewCooperative();
        body["status"] = "dissolved";

        var response = await fixture.SendRejectedAsync(() => client.PostJsonAsync(body));

        var messages = await ProblemAssert.HasFieldErrorAsync(response, "status");
        Assert.Contains(messages, m => m.Contains("Thuộc tính 'status' không tồn tại", StringComparison.Ordinal));
    }
}
