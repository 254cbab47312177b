using System.Net;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.Cooperatives.CooperativesApi;

namespace CoopApi.IntegrationTests.Cooperatives;

/// <summary>PUT /api/v1/cooperatives/{id}: full update of the descriptive fields.</summary>
[Collection(ApiCollection.Name)]
public sealed class UpdateCooperativeTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateClient();

    /// <summary>Only the required fields, all different from <see cref="TestData.NewCooperative"/>.</summary>
    private static JsonObject MinimalBody(string registrationCode) => new()
    {
        ["registrationCode"] = registrationCode,
        ["name"] = $"Hợp tác xã nông nghiệp Vân Nham {TestData.UniqueToken()}",
        ["kind"] = "cooperative",
        ["sector"] = "tradeServices",
        ["provinceCode"] = "20",
        ["communeCode"] = "06415",
        ["establishedOn"] = "2016-07-01",
        ["charterCapital"] = 2_000_000_000L,
        ["memberCount"] = 7,
    };

    private async Task AssertUnchangedAsync(JsonNode before)
    {
        var after = await _client.GetRecordAsync(Id(before));
        Assert.True(JsonNode.DeepEquals(before, after), $"record changed:\nbefore {before.Text()}\nafter  {after.Text()}");
    }

    [Fact]
    public async Task Update_ReplacesEveryField_AbsentOptionalFieldsBecomeEmpty()
    {
        var created = await TestData.CreateAsync(_client);
        var body = MinimalBody((string)created["registrationCode"]!);

        var response = await _client.PutJsonAsync(Id(created), body);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var updated = JsonNode.Parse(text)!;
        foreach (var (field, value) in body)
        {
            Assert.True(JsonNode.DeepEquals(value, updated[field]), $"{field}: sent {value.Text()}, got {updated[field].Text()}");
        }

        foreach (var field in new[] { "address", "employeeCount", "representative", "phone", "email" })
        {
            Assert.True(updated[field] is null, $"{field} should be empty, is {updated[field].Text()}");
        }

        Assert.False((bool)updated["isYouthCooperative"]!);
        Assert.Empty(updated["mainProducts"]!.AsArray());
        Assert.Equal("active", (string)updated["status"]!);
        Assert.True(JsonNode.DeepEquals(updated, await _client.GetRecordAsync(Id(created))), "GET differs from the PUT response");
        Assert.True(await fixture.ScalarAsync<bool>(
            "SELECT email IS NULL AND address IS NULL AND cardinality(main_products) = 0 FROM cooperatives WHERE id = $1", Guid.Parse(Id(created))));
    }

    [Fact]
    public async Task Update_ChangesVersionAndETag_MovesUpdatedAtButNotCreatedAt()
    {
        var created = await TestData.CreateAsync(_client);
        await Task.Delay(5);

        var response = await _client.PutJsonAsync(Id(created), MinimalBody((string)created["registrationCode"]!));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await response.ReadNodeAsync();
        Assert.NotEqual((int)created["version"]!, (int)updated["version"]!);
        Assert.Equal(ETagOf(updated), response.Headers.ETag?.Tag);
        Assert.Equal((DateTimeOffset)created["createdAt"]!, (DateTimeOffset)updated["createdAt"]!);
        Assert.True((DateTimeOffset)updated["updatedAt"]! > (DateTimeOffset)created["updatedAt"]!,
            $"updatedAt {updated["updatedAt"]} not after {created["updatedAt"]}");
        var get = await _client.GetAsync(Item(Id(created)));
        Assert.Equal(ETagOf(updated), get.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Update_OfFoundingDateBeforeAnyStatusChange_KeepsTheRegistrationEntryAsRecorded()
    {
        var created = await TestData.CreateAsync(_client);
        var body = UpdateBodyFrom(created);
        body["establishedOn"] = "2012-02-29";

        var response = await _client.PutJsonAsync(Id(created), body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2012-02-29", (string)(await response.ReadNodeAsync())["establishedOn"]!);
        var entry = Assert.Single(await _client.GetHistoryAsync(Id(created)))!;
        Assert.Equal((string)created["establishedOn"]!, (string)entry["effectiveOn"]!);
    }

    [Fact]
    public async Task Update_KeepingItsOwnRegistrationCode_Returns200()
    {
        var created = await TestData.CreateAsync(_client);
        var body = UpdateBodyFrom(created);
        body["name"] = $"Hợp tác xã Thắng Lợi {TestData.UniqueToken()}";

        var response = await _client.PutJsonAsync(Id(created), body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await response.ReadNodeAsync();
        Assert.Equal((string)created["registrationCode"]!, (string)updated["registrationCode"]!);
        Assert.Equal((string)body["name"]!, (string)updated["name"]!);
    }

    [Fact]
    public async Task Update_ToCooperativeGroupWithoutRegistrationCode_ClearsTheCode()
    {
        var created = await TestData.CreateAsync(_client);
        var body = UpdateBodyFrom(created);
        body["kind"] = "cooperativeGroup";
        body.Remove("registrationCode");

        var response = await _client.PutJsonAsync(Id(created), body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await response.ReadNodeAsync();
        Assert.Null(updated["registrationCode"]);
        Assert.Equal("cooperativeGroup", (string)updated["kind"]!);
    }

    [Fact]
    public async Task Update_UnknownId_Returns404Problem_AndWritesNothing()
    {
        var response = await fixture.SendRejectedAsync(() => _client.PutJsonAsync(UnknownId, TestData.NewCooperative()));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("notFound", (string?)problem["code"]);
    }

    public static TheoryData<string, string> InvalidUpdates => new()
    {
        { "name", "blank name" },
        { "name", "name 256 characters" },
        { "memberCount", "4 members for a cooperative" },
        { "communeCode", "commune of another province" },
        { "communeCode", "pre-reform commune" },
        { "establishedOn", "founding date in the future" },
        { "establishedOn", "founding date missing" },
        { "registrationCode", "registration code missing" },
        { "registrationCode", "registration code malformed" },
        { "kind", "kind unknown" },
        { "email", "email malformed" },
        { "charterCapital", "negative capital" },
    };

    private static void Break(JsonObject body, string @case)
    {
        switch (@case)
        {
            case "blank name": body["name"] = " "; break;
            case "name 256 characters": body["name"] = new string('n', 256); break;
            case "4 members for a cooperative": body["memberCount"] = 4; break;
            case "commune of another province": body["provinceCode"] = "24"; body["communeCode"] = "06427"; break;
            case "pre-reform commune": body["communeCode"] = "06418"; break;
            case "founding date in the future": body["establishedOn"] = FutureDate; break;
            case "founding date missing": body.Remove("establishedOn"); break;
            case "registration code missing": body.Remove("registrationCode"); break;
            case "registration code malformed": body["registrationCode"] = "123"; break;
            case "kind unknown": body["kind"] = "company"; break;
            case "email malformed": body["email"] = "x@"; break;
            case "negative capital": body["charterCapital"] = -1; break;
            default: throw new ArgumentOutOfRangeException(nameof(@case), @case, null);
        }
    }

    [Theory]
    [MemberData(nameof(InvalidUpdates))]
    public async Task Update_WithInvalidField_Returns400NamingIt_AndLeavesTheRecordUnchanged(string field, string @case)
    {
        var created = await TestData.CreateAsync(_client);
        var body = UpdateBodyFrom(created);
        Break(body, @case);

        var response = await fixture.SendRejectedAsync(() => _client.PutJsonAsync(Id(created), body));

        await ProblemAssert.HasFieldErrorAsync(response, field);
        await AssertUnchangedAsync(created);
    }

    [Theory]
    [InlineData("{\"name\": ")]
    [InlineData("")]
    public async Task Update_WithUnreadableBody_Returns400_AndLeavesTheRecordUnchanged(string text)
    {
        var created = await TestData.CreateAsync(_client);

        var response = await fixture.SendRejectedAsync(() => SendAsync(_client, HttpMethod.Put, Item(Id(created)), text, CurrentETag));

        await AssertUnchangedAsync(created);
        await ProblemAssert.HasErrorsAsync(response);
    }

    [Fact]
    public async Task Update_WithIfMatchOfCurrentETag_Returns200()
    {
        var created = await TestData.CreateAsync(_client);

        var response = await _client.PutJsonAsync(Id(created), MinimalBody((string)created["registrationCode"]!), ETagOf(created));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Update_WithWeakIfMatchOfCurrentETag_Returns200()
    {
        var created = await TestData.CreateAsync(_client);

        var response = await _client.PutJsonAsync(Id(created), MinimalBody((string)created["registrationCode"]!), $"W/{ETagOf(created)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Update_WithIfMatchStar_Returns428_BecauseItProtectsNothing_AndLeavesTheRecordUnchanged()
    {
        var created = await TestData.CreateAsync(_client);

        var response = await fixture.SendRejectedAsync(() => _client.PutJsonAsync(Id(created), MinimalBody((string)created["registrationCode"]!), "*"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.PreconditionRequired);
        Assert.Equal("precondition.required", (string?)problem["code"]);
        Assert.Contains("ETag", (string)problem["errors"]!["If-Match"]![0]!, StringComparison.Ordinal);
        await AssertUnchangedAsync(created);
    }

    [Fact]
    public async Task Update_WithStaleIfMatch_Returns412_AndLeavesTheRecordUnchanged()
    {
        var created = await TestData.CreateAsync(_client);
        var first = await _client.PutJsonAsync(Id(created), MinimalBody((string)created["registrationCode"]!), ETagOf(created));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var current = await first.ReadNodeAsync();

        var response = await fixture.SendRejectedAsync(() => _client.PutJsonAsync(Id(created), UpdateBodyFrom(created), ETagOf(created)));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.PreconditionFailed);
        Assert.Equal("preconditionFailed", (string?)problem["code"]);
        await AssertUnchangedAsync(current);
    }

    [Fact]
    public async Task Update_WithIfMatchMadeStaleByAStatusChange_Returns412()
    {
        var created = await TestData.CreateAsync(_client);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostStatusAsync(Id(created), "suspended", "2020-01-01")).StatusCode);
        var current = await _client.GetRecordAsync(Id(created));

        var response = await fixture.SendRejectedAsync(() => _client.PutJsonAsync(Id(created), UpdateBodyFrom(created), ETagOf(created)));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.PreconditionFailed);
        await AssertUnchangedAsync(current);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("\"abc\"")]
    [InlineData("\"-1\"")]
    [InlineData("12")]
    public async Task Update_WithIfMatchThatIsNotAnETag_Returns400_AndLeavesTheRecordUnchanged(string ifMatch)
    {
        var created = await TestData.CreateAsync(_client);

        var response = await fixture.SendRejectedAsync(() => _client.PutJsonAsync(Id(created), MinimalBody((string)created["registrationCode"]!), ifMatch));

        await AssertUnchangedAsync(created);
        await ProblemAssert.HasFieldErrorAsync(response, "If-Match");
    }

    [Fact]
    public async Task Update_ToRegistrationCodeHeldByAnother_Returns409NamingTheField_AndLeavesTheRecordUnchanged()
    {
        var other = await TestData.CreateAsync(_client);
        var created = await TestData.CreateAsync(_client);
        var body = UpdateBodyFrom(created);
        body["registrationCode"] = (string)other["registrationCode"]!;

        var response = await fixture.SendRejectedAsync(() => _client.PutJsonAsync(Id(created), body));

        var problem = await ProblemAssert.IsConflictAsync(response, "duplicate");
        Assert.Equal("registrationCode", (string?)problem["field"]);
        await AssertUnchangedAsync(created);
        await AssertUnchangedAsync(other);
    }

    [Fact]
    public async Task Update_WithStatusInTheBody_Returns400NamingIt_AndChangesNothing()
    {
        var created = await TestData.CreateAsync(_client);
        var body = UpdateBodyFrom(created);
        body["status"] = "dissolved";

        var response = await fixture.SendRejectedAsync(() => _client.PutJsonAsync(Id(created), body));

        await ProblemAssert.HasFieldErrorAsync(response, "status");
        Assert.Equal("active", (string)(await _client.GetRecordAsync(Id(created)))["status"]!);
        Assert.Single(await _client.GetHistoryAsync(Id(created)));
    }

    [Fact]
    public async Task Update_OfASuspendedRecord_KeepsItSuspended()
    {
        var suspended = await CreateInStatusAsync(_client, "suspended");
        var body = UpdateBodyFrom(suspended);
        body["memberCount"] = 40;

        var response = await _client.PutJsonAsync(Id(suspended), body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await response.ReadNodeAsync();
        Assert.Equal("suspended", (string)updated["status"]!);
        Assert.Equal(40, (int)updated["memberCount"]!);
        Assert.Equal(2, (await _client.GetHistoryAsync(Id(suspended))).Count);
    }

    [Fact]
    public async Task Update_OfFoundingDateOnceTheHistoryHasMovedOn_Returns409_AndLeavesTheRecordUnchanged()
    {
        var created = await TestData.CreateAsync(_client);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostStatusAsync(Id(created), "suspended", "2018-05-10")).StatusCode);
        var current = await _client.GetRecordAsync(Id(created));
        var history = await _client.GetHistoryAsync(Id(created));
        var body = UpdateBodyFrom(current);
        body["establishedOn"] = "2018-05-09";

        var response = await fixture.SendRejectedAsync(() => _client.PutJsonAsync(Id(created), body));

        await ProblemAssert.IsConflictAsync(response, "establishedOn.historyStarted");
        await AssertUnchangedAsync(current);
        Assert.True(JsonNode.DeepEquals(history, await _client.GetHistoryAsync(Id(created))));
    }

    [Fact]
    public async Task Update_KeepingTheFoundingDateAfterAStatusChange_Returns200()
    {
        var created = await TestData.CreateAsync(_client);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostStatusAsync(Id(created), "suspended", "2018-05-10")).StatusCode);
        var body = UpdateBodyFrom(await _client.GetRecordAsync(Id(created)));
        body["name"] = "Hợp tác xã đổi tên";

        var response = await _client.PutJsonAsync(Id(created), body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Update_WithAcceptLanguageVi_ReturnsVietnameseMessages()
    {
        using var client = fixture.CreateClient("vi");
        var created = await TestData.CreateAsync(client);
        var body = UpdateBodyFrom(created);
        body["name"] = "";

        var response = await fixture.SendRejectedAsync(() => client.PutJsonAsync(Id(created), body));

        var messages = await ProblemAssert.HasFieldErrorAsync(response, "name");
        Assert.Contains(messages, m => m.Contains("bắt buộc", StringComparison.Ordinal));
    }
}
