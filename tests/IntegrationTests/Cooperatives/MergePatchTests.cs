using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.Cooperatives.CooperativesApi;

namespace CoopApi.IntegrationTests.Cooperatives;

/// <summary>
/// PATCH /api/v1/cooperatives/{id} with a JSON Merge Patch (RFC 7396): only the fields given
/// change, null removes an optional field, and the result passes the same rules as PUT.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class MergePatchTests(ApiFixture fixture)
{
    private static readonly string[] Bookkeeping = ["version", "updatedAt"];

    private readonly HttpClient _client = fixture.CreateClient();

    /// <summary>Asserts that <paramref name="after"/> differs from <paramref name="before"/> in exactly <paramref name="changed"/> (and the bookkeeping).</summary>
    private static void AssertOnlyChanged(JsonNode before, JsonNode after, params string[] changed)
    {
        foreach (var (field, value) in before.AsObject())
        {
            if (changed.Contains(field) || Bookkeeping.Contains(field))
            {
                continue;
            }

            Assert.True(JsonNode.DeepEquals(value, after[field]), $"{field} changed: {value.Text()} → {after[field].Text()}");
        }
    }

    private async Task<JsonNode> PatchOkAsync(JsonNode record, string patch)
    {
        var response = await _client.PatchAsync(Id(record), patch, ETagOf(record));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        var updated = JsonNode.Parse(text)!;
        Assert.Equal(ETagOf(updated), response.Headers.ETag?.Tag);
        Assert.True(JsonNode.DeepEquals(updated, await _client.GetRecordAsync(Id(record))), "GET differs from the PATCH response");
        return updated;
    }

    /// <summary>Sends a patch the API must refuse; asserts nothing was written, events included.</summary>
    private async Task<HttpResponseMessage> RefusedAsync(JsonNode record, string patch, string contentType = "application/merge-patch+json")
    {
        var events = await fixture.AllEventsAsync();
        var response = await fixture.SendRejectedAsync(() => _client.PatchAsync(Id(record), patch, ETagOf(record), contentType));
        Assert.Equal(events, await fixture.AllEventsAsync());
        Assert.True(JsonNode.DeepEquals(record, await _client.GetRecordAsync(Id(record))), "the record changed");
        return response;
    }

    [Fact]
    public async Task Patch_ChangesOnlyTheGivenFields_AndRecordsExactlyThoseInTheEvent()
    {
        var record = await TestData.CreateAsync(_client);

        var updated = await PatchOkAsync(record, """{"memberCount": 42, "phone": "0205 3825 999", "mainProducts": ["Hồi Lạng Sơn"]}""");

        Assert.Equal(42, (int)updated["memberCount"]!);
        Assert.Equal("0205 3825 999", (string)updated["phone"]!);
        Assert.Equal(["Hồi Lạng Sơn"], updated["mainProducts"]!.AsArray().Select(p => (string)p!));
        AssertOnlyChanged(record, updated, "memberCount", "phone", "mainProducts");
        Assert.NotEqual((int)record["version"]!, (int)updated["version"]!);
        Assert.Equal(["CooperativeRegistered", "CooperativeDetailsChanged"], await fixture.EventTypesOfAsync(Id(record)));
        var changes = (await fixture.LastEventPayloadAsync(Id(record), "CooperativeDetailsChanged"))["changes"]!.AsArray();
        Assert.Equal(["memberCount", "phone", "mainProducts"], changes.Select(c => (string)c!["field"]!));
    }

    [Fact]
    public async Task Patch_NullRemovesOptionalFields()
    {
        var body = TestData.NewCooperative();
        body["isYouthCooperative"] = true;
        var record = await TestData.CreateAsync(_client, body);

        var updated = await PatchOkAsync(record,
            """{"address": null, "employeeCount": null, "representative": null, "phone": null, "email": null, "mainProducts": null, "isYouthCooperative": null}""");

        foreach (var field in new[] { "address", "employeeCount", "representative", "phone", "email" })
        {
            Assert.True(updated[field] is null, $"{field} should be removed, is {updated[field].Text()}");
        }

        Assert.Empty(updated["mainProducts"]!.AsArray());
        Assert.False((bool)updated["isYouthCooperative"]!);
        AssertOnlyChanged(record, updated, "address", "employeeCount", "representative", "phone", "email", "mainProducts", "isYouthCooperative");
    }

    [Fact]
    public async Task Patch_ToACooperativeGroup_MayRemoveTheRegistrationCode()
    {
        var record = await TestData.CreateAsync(_client);

        var updated = await PatchOkAsync(record, """{"kind": "cooperativeGroup", "registrationCode": null}""");

        Assert.Null(updated["registrationCode"]);
        Assert.Equal("cooperativeGroup", (string)updated["kind"]!);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"memberCount": 35, "sector": "agricultureForestryFishery"}""")]
    public async Task Patch_ThatChangesNothing_Returns200WithTheSameVersion_AndWritesNoEvent(string patch)
    {
        var record = await TestData.CreateAsync(_client);
        var fingerprint = await fixture.FingerprintAsync();

        var response = await _client.PatchAsync(Id(record), patch, ETagOf(record));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.True(JsonNode.DeepEquals(record, JsonNode.Parse(text)), $"changed: {text}");
        Assert.Equal(ETagOf(record), response.Headers.ETag?.Tag);
        Assert.Equal(fingerprint, await fixture.FingerprintAsync());
        Assert.Equal(["CooperativeRegistered"], await fixture.EventTypesOfAsync(Id(record)));
    }

    public static TheoryData<string> RequiredFields => new()
    {
        "name", "kind", "sector", "provinceCode", "communeCode", "establishedOn", "charterCapital", "memberCount",
    };

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public async Task Patch_NullOnARequiredField_Returns400NamingIt(string field)
    {
        var record = await TestData.CreateAsync(_client);

        var response = await RefusedAsync(record, $$"""{"{{field}}": null}""");

        var messages = await ProblemAssert.HasFieldErrorAsync(response, field);
        Assert.Contains("cannot be removed", messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patch_WithUnknownMembers_Returns400NamingEachOne()
    {
        var record = await TestData.CreateAsync(_client);

        var response = await RefusedAsync(record, """{"memberCount": 40, "nmae": "Hợp tác xã X", "id": "019a1b2c-3d4e-7f00-8a9b-0c1d2e3f4a5b", "version": 1}""");

        foreach (var field in new[] { "nmae", "id", "version" })
        {
            var messages = await ProblemAssert.HasFieldErrorAsync(response, field);
            Assert.Contains("memberCount", messages[0], StringComparison.Ordinal); // lists what is allowed
        }
    }

    [Fact]
    public async Task Patch_OfTheStatus_Returns400PointingAtTheStatusEndpoint()
    {
        var record = await TestData.CreateAsync(_client);

        var response = await RefusedAsync(record, """{"status": "suspended"}""");

        var messages = await ProblemAssert.HasFieldErrorAsync(response, "status");
        Assert.Contains("/status", messages[0], StringComparison.Ordinal);
    }

    public static TheoryData<string, string> WrongTypes => new()
    {
        { "memberCount", "\"42\"" },
        { "memberCount", "42.5" },
        { "memberCount", "true" },
        { "charterCapital", "1e400" },
        { "kind", "1" },
        { "kind", "\"Cooperative\"" },
        { "establishedOn", "\"12/03/2015\"" },
        { "name", "5" },
        { "name", "\"Hợp tác xã\\u0000 Cai Kinh\"" },
        { "isYouthCooperative", "\"true\"" },
        { "mainProducts", "\"Na\"" },
        { "mainProducts", "[1]" },
        { "address", "{\"street\": \"Thôn Làng Bên\"}" },
    };

    [Theory]
    [MemberData(nameof(WrongTypes))]
    public async Task Patch_WithAValueOfTheWrongJsonType_Returns400NamingTheField(string field, string json)
    {
        var record = await TestData.CreateAsync(_client);

        var response = await RefusedAsync(record, $$"""{"{{field}}": {{json}}}""");

        await ProblemAssert.HasFieldErrorAsync(response, field);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("\"memberCount\"")]
    [InlineData("{\"memberCount\": ")]
    [InlineData("")]
    [InlineData("{\"memberCount\": 40, \"memberCount\": 41}")]
    public async Task Patch_ThatIsNotOneJsonObject_Returns400(string patch)
    {
        var record = await TestData.CreateAsync(_client);

        var response = await RefusedAsync(record, patch);

        await ProblemAssert.HasErrorsAsync(response);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    [InlineData("application/json-patch+json")]
    public async Task Patch_NotSentAsMergePatchJson_Returns415NamingTheMediaType(string contentType)
    {
        var record = await TestData.CreateAsync(_client);

        var response = await RefusedAsync(record, """{"memberCount": 40}""", contentType);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.True(((string)problem["detail"]!).Contains("application/merge-patch+json", StringComparison.Ordinal), problem.Text());
    }

    [Fact]
    public async Task Patch_WithoutContentType_Returns415NamingTheMediaType()
    {
        var record = await TestData.CreateAsync(_client);
        using var request = new HttpRequestMessage(HttpMethod.Patch, Item(Id(record)))
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"memberCount": 40}""")),
        };
        request.Headers.TryAddWithoutValidation("If-Match", ETagOf(record));

        var response = await fixture.SendRejectedAsync(() => _client.SendAsync(request));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.True(((string)problem["detail"]!).Contains("application/merge-patch+json", StringComparison.Ordinal), problem.Text());
    }

    [Fact]
    public async Task Patch_LargerThanTheBodyLimit_Returns413()
    {
        var record = await TestData.CreateAsync(_client);
        var patch = $$"""{"address": "{{new string('a', 1_100_000)}}"}""";

        var response = await RefusedAsync(record, patch);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Patch_UnknownId_Returns404()
    {
        var response = await fixture.SendRejectedAsync(() => _client.PatchAsync(UnknownId, """{"memberCount": 40}""", "\"1\""));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("notFound", (string?)problem["code"]);
    }

    // The same rules as PUT: the patched record is sent as the full update.

    [Fact]
    public async Task Patch_BelowTheMinimumMembersOfTheKind_Returns400AsPutDoes()
    {
        var record = await TestData.CreateAsync(_client);
        var put = UpdateBodyFrom(record);
        put["memberCount"] = 4;
        var byPut = await fixture.SendRejectedAsync(() => _client.PutJsonAsync(Id(record), put, ETagOf(record)));

        var byPatch = await RefusedAsync(record, """{"memberCount": 4}""");

        var putMessages = await ProblemAssert.HasFieldErrorAsync(byPut, "memberCount");
        Assert.Equal(putMessages, await ProblemAssert.HasFieldErrorAsync(byPatch, "memberCount"));
    }

    [Fact]
    public async Task Patch_ChangingTheKind_IsJudgedWithTheStoredFields()
    {
        // A group with 2 members cannot become a cooperative (5) unless the patch raises the count too.
        var group = TestData.NewCooperative();
        group["kind"] = "cooperativeGroup";
        group["memberCount"] = 2;
        group.Remove("registrationCode");
        var record = await TestData.CreateAsync(_client, group);

        var refused = await RefusedAsync(record, $$"""{"kind": "cooperative", "registrationCode": "{{TestData.UniqueRegistrationCode()}}"}""");
        await ProblemAssert.HasFieldErrorAsync(refused, "memberCount");

        var updated = await PatchOkAsync(record, $$"""{"kind": "cooperative", "registrationCode": "{{TestData.UniqueRegistrationCode()}}", "memberCount": 5}""");
        Assert.Equal("cooperative", (string)updated["kind"]!);
    }

    [Fact]
    public async Task Patch_RemovingTheRegistrationCodeOfACooperative_Returns400AsPutDoes()
    {
        var record = await TestData.CreateAsync(_client);

        var response = await RefusedAsync(record, """{"registrationCode": null}""");

        await ProblemAssert.HasFieldErrorAsync(response, "registrationCode");
    }

    [Fact]
    public async Task Patch_ToARegistrationCodeHeldByAnother_Returns409Duplicate()
    {
        var other = await TestData.CreateAsync(_client);
        var record = await TestData.CreateAsync(_client);

        var response = await RefusedAsync(record, $$"""{"registrationCode": "{{(string)other["registrationCode"]!}}"}""");

        var problem = await ProblemAssert.IsConflictAsync(response, "duplicate");
        Assert.Equal("registrationCode", (string?)problem["field"]);
    }

    [Fact]
    public async Task Patch_OfTheFoundingDateAfterAStatusChange_Returns409HistoryStarted()
    {
        var record = await CreateInStatusAsync(_client, "suspended");

        var response = await RefusedAsync(record, """{"establishedOn": "2012-02-29"}""");

        await ProblemAssert.IsConflictAsync(response, "establishedOn.historyStarted");
    }

    [Fact]
    public async Task Patch_OfADissolvedOrganization_Returns409Dissolved()
    {
        var record = await CreateInStatusAsync(_client, "dissolved");

        var response = await RefusedAsync(record, """{"memberCount": 40}""");

        await ProblemAssert.IsConflictAsync(response, "cooperative.dissolved");
    }

    [Fact]
    public async Task Patch_ACommuneOfAnotherProvince_Returns400NamingTheCommune()
    {
        var record = await TestData.CreateAsync(_client);

        var response = await RefusedAsync(record, """{"provinceCode": "24"}""");

        await ProblemAssert.HasFieldErrorAsync(response, "communeCode");
    }

    [Fact]
    public async Task Patch_WithUnknownMember_AndAcceptLanguageVi_ExplainsInVietnamese()
    {
        using var client = fixture.CreateClient("vi");
        var record = await TestData.CreateAsync(client);

        var response = await client.PatchAsync(Id(record), """{"status": "suspended", "ten": "x"}""", ETagOf(record));

        Assert.Contains("không tồn tại", (await ProblemAssert.HasFieldErrorAsync(response, "ten"))[0], StringComparison.Ordinal);
        Assert.Contains("Không thể sửa trạng thái", (await ProblemAssert.HasFieldErrorAsync(response, "status"))[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patch_SentWithACharset_IsAccepted()
    {
        var record = await TestData.CreateAsync(_client);
        using var request = new HttpRequestMessage(HttpMethod.Patch, Item(Id(record)))
        {
            Content = new StringContent("""{"memberCount": 44}""", Encoding.UTF8, "application/merge-patch+json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", ETagOf(record));

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(44, (int)(await response.ReadNodeAsync())["memberCount"]!);
    }
}
