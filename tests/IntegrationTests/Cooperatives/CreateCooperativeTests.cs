using System.Net;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.Cooperatives.CooperativesApi;

namespace CoopApi.IntegrationTests.Cooperatives;

/// <summary>POST /api/v1/cooperatives: registering an organization.</summary>
[Collection(ApiCollection.Name)]
public sealed class CreateCooperativeTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateClient();

    [Fact]
    public async Task Create_WithValidBody_Returns201WithLocationETagAndTheRecordAsSent()
    {
        var body = TestData.NewCooperative($"Hợp tác xã sản xuất, kinh doanh dịch vụ nông lâm nghiệp Cai Kinh Đồng Tâm {TestData.UniqueToken()}");
        var before = await fixture.CountRowsAsync();

        var response = await _client.PostJsonAsync(body);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var created = JsonNode.Parse(text)!;
        var id = Id(created);
        Assert.Equal('7', id[14]); // UUID version nibble
        Assert.True("89ab".Contains(id[19], StringComparison.Ordinal), id); // RFC 9562 variant
        Assert.NotNull(response.Headers.Location);
        // Relative to the server root: it never echoes the Host header the client sent.
        Assert.Equal($"/{Route}/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal(ETagOf(created), response.Headers.ETag?.Tag);
        Assert.False(response.Headers.ETag!.IsWeak);

        foreach (var field in new[] { "registrationCode", "name", "kind", "sector", "provinceCode", "communeCode", "address", "establishedOn",
                     "charterCapital", "memberCount", "employeeCount", "representative", "phone", "email", "isYouthCooperative", "mainProducts" })
        {
            Assert.True(JsonNode.DeepEquals(body[field], created[field]), $"{field}: sent {body[field].Text()}, got {created[field].Text()}");
        }

        Assert.Equal("active", (string)created["status"]!);
        Assert.Equal((DateTimeOffset)created["createdAt"]!, (DateTimeOffset)created["updatedAt"]!);
        Assert.InRange((DateTimeOffset)created["createdAt"]!, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));

        var after = await fixture.CountRowsAsync();
        Assert.Equal((before.Cooperatives + 1, before.StatusChanges + 1), after);
        Assert.Equal((string)body["name"]!, await fixture.ScalarAsync<string>("SELECT name FROM cooperatives WHERE id = $1", Guid.Parse(id)));
        Assert.Equal("active", await fixture.ScalarAsync<string>("SELECT status FROM cooperatives WHERE id = $1", Guid.Parse(id)));
    }

    [Fact]
    public async Task Create_ThenGetByLocation_ReturnsTheSameRecordAndETag()
    {
        var response = await _client.PostJsonAsync(TestData.NewCooperative());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadNodeAsync();

        var get = await _client.GetAsync(response.Headers.Location);

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var read = await get.ReadNodeAsync();
        Assert.True(JsonNode.DeepEquals(created, read), $"POST {created.Text()}\nGET {read.Text()}");
        Assert.Equal(response.Headers.ETag?.Tag, get.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Create_StartsTheStatusHistoryWithTheRegistration_EffectiveOnTheFoundingDate()
    {
        var created = await TestData.CreateAsync(_client);

        var history = await _client.GetHistoryAsync(Id(created));

        var entry = Assert.Single(history)!;
        Assert.Null(entry["fromStatus"]);
        Assert.Equal("active", (string)entry["toStatus"]!);
        Assert.Equal(DefaultEstablishedOn, (string)entry["effectiveOn"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)entry["reason"]));
    }

    [Fact]
    public async Task Create_TrimsNameAndTreatsBlankOptionalFieldsAsAbsent()
    {
        var body = TestData.NewCooperative();
        var name = (string)body["name"]!;
        body["name"] = $"   {name}  ";
        body["email"] = "";
        body["address"] = "";
        body.Remove("mainProducts");
        body.Remove("isYouthCooperative");
        body.Remove("employeeCount");

        var created = await TestData.CreateAsync(_client, body);

        Assert.Equal(name, (string)created["name"]!);
        Assert.Null(created["email"]);
        Assert.Null(created["address"]);
        Assert.Null(created["employeeCount"]);
        Assert.False((bool)created["isYouthCooperative"]!);
        Assert.Empty(created["mainProducts"]!.AsArray());
    }

    [Theory]
    [InlineData("cooperative", 5)]
    [InlineData("cooperativeUnion", 3)]
    [InlineData("cooperativeGroup", 2)]
    public async Task Create_WithExactlyTheMinimumMembersForTheKind_Returns201(string kind, int members)
    {
        var body = TestData.NewCooperative();
        body["kind"] = kind;
        body["memberCount"] = members;

        var created = await TestData.CreateAsync(_client, body);

        Assert.Equal(kind, (string)created["kind"]!);
        Assert.Equal(members, (int)created["memberCount"]!);
    }

    [Fact]
    public async Task Create_CooperativeGroupWithoutRegistrationCode_Returns201WithNoCode()
    {
        var body = TestData.NewCooperative();
        body["kind"] = "cooperativeGroup";
        body["memberCount"] = 3;
        body.Remove("registrationCode");

        var created = await TestData.CreateAsync(_client, body);

        Assert.Null(created["registrationCode"]);
        Assert.Equal("cooperativeGroup", (string)created["kind"]!);
    }

    [Theory]
    [InlineData("id", "\"01900000-0000-7000-8000-000000000001\"")]
    [InlineData("status", "\"dissolved\"")]
    [InlineData("version", "4711")]
    [InlineData("createdAt", "\"2000-01-01T00:00:00Z\"")]
    [InlineData("Name", "\"Hợp tác xã\"")]
    public async Task Create_WithAMemberTheBodyDoesNotDeclare_Returns400NamingIt_AndWritesNothing(string member, string json)
    {
        var body = TestData.NewCooperative();
        body[member] = System.Text.Json.Nodes.JsonNode.Parse(json);

        var response = await fixture.SendRejectedAsync(() => _client.PostJsonAsync(body));

        var messages = await ProblemAssert.HasFieldErrorAsync(response, member);
        Assert.Contains(messages, m => m.Contains($"'{member}'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_TwoCooperativeGroupsWithoutRegistrationCode_AreBothAccepted()
    {
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var body = TestData.NewCooperative();
            body["kind"] = "cooperativeGroup";
            body["registrationCode"] = null;
            Assert.Null((await TestData.CreateAsync(_client, body))["registrationCode"]);
        }
    }

    [Fact]
    public async Task Create_WithBranchSuffixOnTheRegistrationCode_Returns201()
    {
        var body = TestData.NewCooperative();
        var code = $"{TestData.UniqueRegistrationCode()}-001";
        body["registrationCode"] = code;

        var created = await TestData.CreateAsync(_client, body);

        Assert.Equal(code, (string)created["registrationCode"]!);
    }

    [Fact]
    public async Task Create_WithNameOf255Characters_Returns201()
    {
        var body = TestData.NewCooperative();
        var name = (TestData.UniqueToken() + " " + new string('Đ', 255))[..255];
        body["name"] = name;

        var created = await TestData.CreateAsync(_client, body);

        Assert.Equal(name, (string)created["name"]!);
    }

    [Fact]
    public async Task Create_FoundedToday_Returns201()
    {
        var body = TestData.NewCooperative();
        body["establishedOn"] = Iso(Today);

        var created = await TestData.CreateAsync(_client, body);

        Assert.Equal(Iso(Today), (string)created["establishedOn"]!);
    }

    /// <summary>A rejected request body and the field the 400 must name.</summary>
    private sealed record Rejection(string Field, Func<string> Body);

    private static Rejection Change(string field, Action<JsonObject> change) => new(field, () =>
    {
        var body = TestData.NewCooperative();
        change(body);
        return body.ToJsonString();
    });

    private static Rejection Set(string field, JsonNode? value) => Change(field, b => b[field] = value);

    private static Rejection Without(string field) => Change(field, b => b.Remove(field));

    private static Rejection Raw(string field, Func<JsonObject, string> toText) => new(field, () => toText(TestData.NewCooperative()));

    private static string ReplaceValue(JsonObject body, string field, string rawValue)
    {
        body[field] = "__RAW__";
        return body.ToJsonString().Replace("\"__RAW__\"", rawValue, StringComparison.Ordinal);
    }

    private static readonly Dictionary<string, Rejection> Rejections = new()
    {
        ["name missing"] = Without("name"),
        ["name null"] = Set("name", null),
        ["name blank"] = Set("name", "   "),
        ["name 256 characters"] = Set("name", new string('a', 256)),
        ["kind missing"] = Without("kind"),
        ["kind unknown"] = Set("kind", "company"),
        ["kind as integer"] = Raw("kind", b => ReplaceValue(b, "kind", "1")),
        ["sector missing"] = Without("sector"),
        ["sector unknown"] = Set("sector", "mining"),
        ["sector as integer"] = Raw("sector", b => ReplaceValue(b, "sector", "1")),
        ["registrationCode missing for a cooperative"] = Without("registrationCode"),
        ["registrationCode blank for a cooperative"] = Set("registrationCode", " "),
        ["registrationCode missing for a union"] = Change("registrationCode", b =>
        {
            b["kind"] = "cooperativeUnion";
            b["memberCount"] = 3;
            b.Remove("registrationCode");
        }),
        ["registrationCode of 9 digits"] = Set("registrationCode", "490012345"),
        ["registrationCode of 11 digits"] = Set("registrationCode", "49001234567"),
        ["registrationCode with letters"] = Set("registrationCode", "49001234AB"),
        ["registrationCode with 2-digit suffix"] = Set("registrationCode", "4900123456-01"),
        ["registrationCode with 4-digit suffix"] = Set("registrationCode", "4900123456-0001"),
        ["registrationCode with letter suffix"] = Set("registrationCode", "4900123456-ABC"),
        ["registrationCode with slash suffix"] = Set("registrationCode", "4900123456/001"),
        ["provinceCode missing"] = Without("provinceCode"),
        ["provinceCode of 1 digit"] = Set("provinceCode", "2"),
        ["provinceCode with letters"] = Set("provinceCode", "ls"),
        ["provinceCode unknown"] = Set("provinceCode", "99"),
        ["communeCode missing"] = Without("communeCode"),
        ["communeCode of 4 digits"] = Set("communeCode", "6427"),
        ["communeCode not found"] = Set("communeCode", "99999"),
        ["communeCode of another province"] = Change("communeCode", b => b["provinceCode"] = "24"),
        ["communeCode from before the 2025 reform"] = Set("communeCode", "06418"),
        ["establishedOn missing"] = Without("establishedOn"),
        ["establishedOn in the future"] = new("establishedOn", () =>
        {
            var b = TestData.NewCooperative();
            b["establishedOn"] = FutureDate;
            return b.ToJsonString();
        }),
        ["establishedOn before 1900"] = Set("establishedOn", "1899-12-31"),
        ["establishedOn not a date"] = Set("establishedOn", "12/03/2015"),
        ["charterCapital missing"] = Without("charterCapital"),
        ["charterCapital negative"] = Set("charterCapital", -1),
        ["charterCapital as string"] = Set("charterCapital", "1500000000"),
        ["charterCapital with decimals"] = Set("charterCapital", 1.5),
        ["memberCount missing"] = Without("memberCount"),
        ["memberCount 4 for a cooperative"] = Set("memberCount", 4),
        ["memberCount 2 for a union"] = Change("memberCount", b =>
        {
            b["kind"] = "cooperativeUnion";
            b["memberCount"] = 2;
        }),
        ["memberCount 1 for a group"] = Change("memberCount", b =>
        {
            b["kind"] = "cooperativeGroup";
            b["memberCount"] = 1;
        }),
        ["memberCount negative"] = Set("memberCount", -5),
        ["memberCount as string"] = Set("memberCount", "35"),
        ["memberCount above 10 million"] = Set("memberCount", 10_000_001),
        ["employeeCount negative"] = Set("employeeCount", -1),
        ["email malformed"] = Set("email", "htx-at-example.vn"),
        ["phone with letters"] = Set("phone", "call me maybe"),
        ["phone too short"] = Set("phone", "123"),
        ["address 501 characters"] = Set("address", new string('x', 501)),
        ["representative 256 characters"] = Set("representative", new string('x', 256)),
        ["mainProducts 51 items"] = Set("mainProducts", new JsonArray(Enumerable.Range(1, 51).Select(i => (JsonNode?)JsonValue.Create($"Sản phẩm {i}")).ToArray())),
        ["mainProducts not an array"] = Set("mainProducts", "Na Chi Lăng"),
        ["isYouthCooperative as string"] = Set("isYouthCooperative", "yes"),
    };

    public static TheoryData<string> RejectedInputs => new(Rejections.Keys);

    [Theory]
    [MemberData(nameof(RejectedInputs))]
    public async Task Create_WithRejectedInput_Returns400NamingTheField_AndWritesNothing(string @case)
    {
        var rejection = Rejections[@case];

        var response = await fixture.SendRejectedAsync(() => _client.PostRawAsync(rejection.Body()));

        await ProblemAssert.HasFieldErrorAsync(response, rejection.Field);
        Assert.Equal("validation", (string?)(await response.ReadNodeAsync())["code"]);
    }

    [Fact]
    public async Task Create_WithSeveralInvalidFields_ReportsEachOfThem()
    {
        var body = TestData.NewCooperative();
        body.Remove("name");
        body["memberCount"] = 1;
        body["email"] = "nope";
        body["communeCode"] = "99999";

        var response = await fixture.SendRejectedAsync(() => _client.PostJsonAsync(body));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.True(new[] { "name", "memberCount", "email", "communeCode" }.All(errors.ContainsKey), problem.Text());
    }

    [Fact]
    public async Task Create_WithEmptyProductName_Returns400NamingTheProduct()
    {
        var body = TestData.NewCooperative();
        body["mainProducts"] = new JsonArray("Na Chi Lăng", "");

        var response = await fixture.SendRejectedAsync(() => _client.PostJsonAsync(body));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(problem["errors"]!.AsObject(), e => e.Key.StartsWith("mainProducts", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("malformed JSON", "{\"name\": \"Hợp tác xã\", ")]
    [InlineData("not JSON at all", "name=Hợp tác xã")]
    [InlineData("empty body", "")]
    [InlineData("JSON null", "null")]
    [InlineData("JSON array", "[]")]
    [InlineData("JSON string", "\"Hợp tác xã\"")]
    public async Task Create_WithUnreadableBody_Returns400Problem_AndWritesNothing(string @case, string text)
    {
        var response = await fixture.SendRejectedAsync(() => _client.PostRawAsync(text));

        var raw = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{@case}: {(int)response.StatusCode} {raw}");
        Assert.True(!raw.Contains("System.", StringComparison.Ordinal) && !raw.Contains("CoopApi.", StringComparison.Ordinal),
            $"{@case}: the problem names .NET types: {raw}");
        await ProblemAssert.HasErrorsAsync(response);
    }

    [Fact]
    public async Task Create_WithEmptyBody_NamesTheBody()
    {
        var response = await fixture.SendRejectedAsync(() => _client.PostRawAsync(""));

        await ProblemAssert.HasFieldErrorAsync(response, "body");
    }

    [Fact]
    public async Task Create_WithWrongJsonType_NamesTheFieldNotADotNetType()
    {
        var body = TestData.NewCooperative();
        body["memberCount"] = "35";

        var response = await fixture.SendRejectedAsync(() => _client.PostJsonAsync(body));

        var messages = await ProblemAssert.HasFieldErrorAsync(response, "memberCount");
        Assert.All(messages, m => Assert.DoesNotContain("Int32", m, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_WithTextPlainContentType_Returns415Problem_AndWritesNothing()
    {
        using var content = new StringContent(TestData.NewCooperative().ToJsonString(), System.Text.Encoding.UTF8, "text/plain");

        var response = await fixture.SendRejectedAsync(() => _client.PostAsync(Route, content));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Create_WithDuplicateRegistrationCode_Returns409NamingTheField_AndWritesNothing()
    {
        var first = await TestData.CreateAsync(_client);
        var body = TestData.NewCooperative();
        body["registrationCode"] = (string)first["registrationCode"]!;

        var response = await fixture.SendRejectedAsync(() => _client.PostJsonAsync(body));

        var problem = await ProblemAssert.IsConflictAsync(response, "duplicate");
        Assert.Equal("registrationCode", (string?)problem["field"]);
        Assert.Contains((string)first["registrationCode"]!, (string)problem["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithDuplicateRegistrationCodeSurroundedBySpaces_Returns400_CodesAreExact()
    {
        var first = await TestData.CreateAsync(_client);
        var body = TestData.NewCooperative();
        body["registrationCode"] = $" {(string)first["registrationCode"]!} ";

        var response = await fixture.SendRejectedAsync(() => _client.PostJsonAsync(body));

        await ProblemAssert.HasFieldErrorAsync(response, "registrationCode");
    }

    [Fact]
    public async Task Create_WithRegistrationCodeOfADemoCooperative_Returns409()
    {
        var demoCode = await fixture.ScalarAsync<string>(
            "SELECT registration_code FROM cooperatives WHERE province_code = '24' AND registration_code IS NOT NULL ORDER BY registration_code LIMIT 1");
        var body = TestData.NewCooperative();
        body["registrationCode"] = demoCode;

        var response = await fixture.SendRejectedAsync(() => _client.PostJsonAsync(body));

        await ProblemAssert.IsConflictAsync(response, "duplicate");
    }

    [Fact]
    public async Task Create_WithPreReformCommuneCode_Returns400PointingToTheCurrentCommune()
    {
        var body = TestData.NewCooperative();
        body["communeCode"] = "06418"; // Xã Nhật Tiến, merged into Xã Vân Nham (06415) on 1 July 2025

        var response = await fixture.SendRejectedAsync(() => _client.PostJsonAsync(body));

        var messages = await ProblemAssert.HasFieldErrorAsync(response, "communeCode");
        Assert.Contains(messages, m => m.Contains("06415", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_WhenCommuneBelongsToAnotherProvince_Returns400NamingBothProvinces()
    {
        var body = TestData.NewCooperative();
        body["provinceCode"] = "24";
        body["communeCode"] = "06427"; // Xã Cai Kinh, Lạng Sơn (20)

        var response = await fixture.SendRejectedAsync(() => _client.PostJsonAsync(body));

        var messages = await ProblemAssert.HasFieldErrorAsync(response, "communeCode");
        Assert.Contains(messages, m => m.Contains("20", StringComparison.Ordinal) && m.Contains("24", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_WithAcceptLanguageVi_ReturnsVietnameseMessages()
    {
        using var client = fixture.CreateClient("vi");
        var body = TestData.NewCooperative();
        body.Remove("name");
        body["memberCount"] = 4;

        var response = await fixture.SendRejectedAsync(() => client.PostJsonAsync(body));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Yêu cầu không hợp lệ.", (string)problem["title"]!);
        var name = problem["errors"]!["name"]!.AsArray().Select(m => (string)m!).ToArray();
        Assert.Contains(name, m => m.Contains("bắt buộc", StringComparison.Ordinal));
        var members = problem["errors"]!["memberCount"]!.AsArray().Select(m => (string)m!).ToArray();
        Assert.Contains(members, m => m.Contains("Hợp tác xã", StringComparison.Ordinal) && m.Contains('5', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_WithUnknownEnumValue_AndAcceptLanguageVi_ExplainsInVietnamese()
    {
        using var client = fixture.CreateClient("vi");
        var body = TestData.NewCooperative();
        body["kind"] = "company";

        var response = await fixture.SendRejectedAsync(() => client.PostJsonAsync(body));

        var messages = await ProblemAssert.HasFieldErrorAsync(response, "kind");
        Assert.Contains(messages, m => m.Contains("không hợp lệ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_WithAcceptLanguageViVN_FallsBackToVietnamese()
    {
        using var client = fixture.CreateClient("vi-VN");
        var body = TestData.NewCooperative();
        body["name"] = " ";

        var response = await fixture.SendRejectedAsync(() => client.PostJsonAsync(body));

        var messages = await ProblemAssert.HasFieldErrorAsync(response, "name");
        Assert.Contains(messages, m => m.Contains("bắt buộc", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_WithoutAcceptLanguage_ReturnsEnglishMessages()
    {
        var body = TestData.NewCooperative();
        body.Remove("name");

        var response = await fixture.SendRejectedAsync(() => _client.PostJsonAsync(body));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("The request is invalid.", (string)problem["title"]!);
        var messages = await ProblemAssert.HasFieldErrorAsync(response, "name");
        Assert.Contains(messages, m => m.Contains("required", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains("bắt buộc", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_WithAcceptLanguageVi_DuplicateCodeMessageIsVietnamese()
    {
        using var client = fixture.CreateClient("vi");
        var first = await TestData.CreateAsync(client);
        var body = TestData.NewCooperative();
        body["registrationCode"] = (string)first["registrationCode"]!;

        var response = await fixture.SendRejectedAsync(() => client.PostJsonAsync(body));

        var problem = await ProblemAssert.IsConflictAsync(response, "duplicate");
        Assert.Contains("Mã số đăng ký", (string)problem["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithBodyOf2MB_Returns413Problem_AndWritesNothing()
    {
        var body = TestData.NewCooperative();
        body["address"] = new string('x', 2 * 1024 * 1024);

        var response = await fixture.SendRejectedAsync(() => _client.PostJsonAsync(body)); // Content-Length is declared

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("payloadTooLarge", (string?)problem["code"]);
    }

    [Fact]
    public async Task Create_WithChunkedBodyOf2MB_Returns413Problem_AndWritesNothing()
    {
        var body = TestData.NewCooperative();
        body["address"] = new string('x', 2 * 1024 * 1024);
        using var content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body.ToJsonString())));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, Route) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await fixture.SendRejectedAsync(() => _client.SendAsync(request));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }
}
