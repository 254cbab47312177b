using System.Net;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Support;

namespace CoopApi.IntegrationTests.Api;

/// <summary>The OpenAPI document is the manual of the API: these tests keep it complete.</summary>
[Collection(ApiCollection.Name)]
public sealed class SwaggerDocumentTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateClient();

    private async Task<JsonNode> DocumentAsync()
    {
        var response = await _client.GetAsync("swagger/v1/swagger.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadNodeAsync();
    }

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonNode doc) =>
        doc["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Select(op => (path.Key, op.Key, op.Value!.AsObject())));

    [Fact]
    public async Task EveryEndpoint_IsDocumented()
    {
        var doc = await DocumentAsync();

        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToHashSet();
        Assert.Superset(new HashSet<string>
        {
            "/api/v1/cooperatives", "/api/v1/cooperatives/{id}", "/api/v1/cooperatives/{id}/status",
            "/api/v1/cooperatives/{id}/status-history", "/api/v1/administrative-units/provinces",
            "/api/v1/administrative-units/provinces/{code}/communes", "/api/v1/administrative-units/pre-reform/{code}",
            "/api/v1/reference/enums",
        }, paths);
    }

    [Fact]
    public async Task EveryOperation_Documents429_WithRetryAfter_AndTheRateLimitedProblem()
    {
        var doc = await DocumentAsync();

        foreach (var (path, method, operation) in Operations(doc))
        {
            var tooMany = operation["responses"]?["429"];
            Assert.True(tooMany is not null, $"{method} {path} does not document 429");
            Assert.NotNull(tooMany!["headers"]?["Retry-After"]);
            Assert.Equal("rateLimited", (string?)tooMany["content"]!["application/problem+json"]!["examples"]!["rateLimited"]!["value"]!["code"]);
        }
    }

    [Fact]
    public async Task EveryOperation_HasASummary_AndEveryParameterADescription()
    {
        var doc = await DocumentAsync();

        var missing = new List<string>();
        foreach (var (path, method, op) in Operations(doc))
        {
            if (string.IsNullOrWhiteSpace((string?)op["summary"]))
            {
                missing.Add($"{method} {path}: summary");
            }

            foreach (var parameter in op["parameters"]?.AsArray() ?? [])
            {
                if (string.IsNullOrWhiteSpace((string?)parameter!["description"]))
                {
                    missing.Add($"{method} {path}: parameter {parameter["name"]}");
                }
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public async Task QueryParameters_AreCamelCase_AsClientsSendThem()
    {
        var doc = await DocumentAsync();

        var names = doc["paths"]!["/api/v1/cooperatives"]!["get"]!["parameters"]!.AsArray()
            .Where(p => (string)p!["in"]! == "query").Select(p => (string)p!["name"]!).ToList();

        Assert.Equal(["kind", "sector", "status", "provinceCode", "communeCode", "isYouthCooperative",
            "establishedFrom", "establishedTo", "q", "sort", "page", "pageSize", "cursor"], names);
    }

    [Fact]
    public async Task EverySchemaProperty_HasADescription()
    {
        var doc = await DocumentAsync();

        var missing = new List<string>();
        foreach (var (name, schema) in doc["components"]!["schemas"]!.AsObject())
        {
            foreach (var (property, definition) in schema!["properties"]?.AsObject() ?? [])
            {
                if (string.IsNullOrWhiteSpace((string?)definition!["description"]) && definition["$ref"] is null
                    && definition["allOf"] is null)
                {
                    missing.Add($"{name}.{property}");
                }
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public async Task Enumerations_ListTheirValues_WithVietnameseLabels()
    {
        var doc = await DocumentAsync();

        var status = doc["components"]!["schemas"]!["OrganizationStatus"]!;
        Assert.Equal(["active", "suspended", "awaitingDissolution", "dissolved"], status["enum"]!.AsArray().Select(v => (string)v!));
        Assert.Contains("Tạm ngừng hoạt động", (string)status["description"]!, StringComparison.Ordinal);
        var sector = doc["components"]!["schemas"]!["Sector"]!;
        Assert.Equal(8, sector["enum"]!.AsArray().Count);
    }

    [Fact]
    public async Task RegistrationRequest_CarriesExamples()
    {
        var doc = await DocumentAsync();

        var properties = doc["components"]!["schemas"]!["CooperativeRegistration"]!["properties"]!.AsObject();
        Assert.Equal("Hợp tác xã sản xuất, kinh doanh dịch vụ nông lâm nghiệp Cai Kinh", (string)properties["name"]!["example"]!);
        Assert.Equal("06427", (string)properties["communeCode"]!["example"]!);
        Assert.NotNull(properties["memberCount"]!["example"]);
    }

    [Fact]
    public async Task ErrorResponses_AreDocumentedAsProblemJson()
    {
        var doc = await DocumentAsync();

        var post = doc["paths"]!["/api/v1/cooperatives"]!["post"]!["responses"]!.AsObject();
        Assert.Superset(new HashSet<string> { "201", "400", "409", "413", "500" }, post.Select(r => r.Key).ToHashSet());
        Assert.NotNull(post["400"]!["content"]!["application/problem+json"]);
        var put = doc["paths"]!["/api/v1/cooperatives/{id}"]!["put"]!["responses"]!.AsObject();
        Assert.Superset(new HashSet<string> { "200", "400", "404", "409", "412" }, put.Select(r => r.Key).ToHashSet());
    }

    public static TheoryData<string, string> ConditionalWrites => new()
    {
        { "/api/v1/cooperatives/{id}", "put" },
        { "/api/v1/cooperatives/{id}", "patch" },
        { "/api/v1/cooperatives/{id}", "delete" },
        { "/api/v1/cooperatives/{id}/status", "post" },
    };

    [Theory]
    [MemberData(nameof(ConditionalWrites))]
    public async Task ConditionalWrites_DocumentIfMatchAsRequired_WithAnExampleAndWhereTheETagComesFrom_And412And428(string path, string method)
    {
        var op = (await DocumentAsync())["paths"]![path]![method]!;

        var ifMatch = op["parameters"]!.AsArray().Single(p => (string)p!["name"]! == "If-Match")!;
        Assert.Equal("header", (string)ifMatch["in"]!);
        Assert.True((bool)ifMatch["required"]!);
        Assert.Equal("\"4711\"", (string)ifMatch["example"]!);
        Assert.Contains("ETag", (string)ifMatch["description"]!, StringComparison.Ordinal);
        Assert.Contains("GET", (string)ifMatch["description"]!, StringComparison.Ordinal);
        foreach (var status in new[] { "412", "428" })
        {
            Assert.True(op["responses"]![status]?["content"]?["application/problem+json"] is not null, $"{method} {path}: {status}");
        }

        Assert.Equal("precondition.required",
            (string)op["responses"]!["428"]!["content"]!["application/problem+json"]!["examples"]!["preconditionRequired"]!["value"]!["code"]!);
    }

    [Fact]
    public async Task Patch_TakesAMergePatch_WithAnExample_AndEveryMemberOptional()
    {
        var doc = await DocumentAsync();
        var op = doc["paths"]!["/api/v1/cooperatives/{id}"]!["patch"]!;

        var content = op["requestBody"]!["content"]!.AsObject();
        var media = Assert.Single(content);
        Assert.Equal("application/merge-patch+json", media.Key);
        Assert.True(media.Value!["example"] is JsonObject { Count: > 0 }, "the PATCH body has no example for Try it out");
        Assert.Equal("#/components/schemas/CooperativePatch", (string)media.Value["schema"]!["$ref"]!);
        var schema = doc["components"]!["schemas"]!["CooperativePatch"]!;
        Assert.True(schema["required"] is null or JsonArray { Count: 0 }, "a merge patch has no required member");
        Assert.Null(schema["properties"]!["status"]);
        Assert.True((bool?)schema["properties"]!["phone"]!["nullable"] == true, "null removes an optional field");
        Assert.True((bool?)schema["properties"]!["name"]!["nullable"] != true, "null cannot remove a required field");
        Assert.Contains("200", op["responses"]!.AsObject().Select(r => r.Key));
        Assert.NotNull(op["responses"]!["200"]!["headers"]!["ETag"]);
    }

    [Fact]
    public async Task Delete_DocumentsItsOutcomes()
    {
        var op = (await DocumentAsync())["paths"]!["/api/v1/cooperatives/{id}"]!["delete"]!;

        Assert.Equal("deleteCooperative", (string)op["operationId"]!);
        Assert.Superset(new HashSet<string> { "204", "400", "404", "409", "412", "428" }, op["responses"]!.AsObject().Select(r => r.Key).ToHashSet());
        Assert.Null(op["requestBody"]);
    }

    [Theory]
    [InlineData("/api/v1/cooperatives/{id}", "get", "200")]
    [InlineData("/api/v1/cooperatives", "post", "201")]
    [InlineData("/api/v1/cooperatives/{id}", "put", "200")]
    [InlineData("/api/v1/cooperatives/{id}", "patch", "200")]
    [InlineData("/api/v1/cooperatives/{id}/status", "post", "200")]
    public async Task SingleResourceResponses_DocumentTheETagHeader(string path, string method, string status)
    {
        var op = (await DocumentAsync())["paths"]![path]![method]!;

        Assert.NotNull(op["responses"]![status]!["headers"]?["ETag"]);
    }

    [Fact]
    public async Task SwaggerUi_IsServed()
    {
        var response = await _client.GetAsync("swagger/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger-ui", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
