using System.Net;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Support;

namespace CoopApi.IntegrationTests.Contract;

/// <summary>
/// What an integrator who reads only the OpenAPI document relies on: stable operation ids,
/// public schema names, the limits the server enforces, nullability as on the wire, headers,
/// every error response with a real problem example, and examples that agree with each other.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiContractTests(ApiFixture fixture)
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

    private static JsonNode Schema(JsonNode doc, string name) => doc["components"]!["schemas"]![name]!;

    [Fact]
    public async Task EveryOperation_HasAnOperationId_NamedAfterItsResource()
    {
        var doc = await DocumentAsync();

        var ids = Operations(doc).ToDictionary(o => $"{o.Method} {o.Path}", o => (string?)o.Operation["operationId"]);

        Assert.Equal("listCooperatives", ids["get /api/v1/cooperatives"]);
        Assert.Equal("createCooperative", ids["post /api/v1/cooperatives"]);
        Assert.Equal("getCooperative", ids["get /api/v1/cooperatives/{id}"]);
        Assert.Equal("updateCooperative", ids["put /api/v1/cooperatives/{id}"]);
        Assert.Equal("changeCooperativeStatus", ids["post /api/v1/cooperatives/{id}/status"]);
        Assert.Equal("getCooperativeStatusHistory", ids["get /api/v1/cooperatives/{id}/status-history"]);
        Assert.Equal("listProvinces", ids["get /api/v1/administrative-units/provinces"]);
        Assert.Equal("listProvinceCommunes", ids["get /api/v1/administrative-units/provinces/{code}/communes"]);
        Assert.Equal("listSteeringActivities", ids["get /api/v1/steering-activities"]);
        Assert.Equal("getSteeringActivitiesStatistics", ids["get /api/v1/statistics/steering-activities"]);
        Assert.All(ids.Values, id => Assert.False(string.IsNullOrEmpty(id)));
        Assert.Equal(ids.Count, ids.Values.Distinct().Count());
    }

    [Fact]
    public async Task SchemaNames_AreWhatTheTypesAreToAClient_NotClassNames()
    {
        var doc = await DocumentAsync();

        var names = doc["components"]!["schemas"]!.AsObject().Select(s => s.Key).ToList();

        Assert.Superset(new HashSet<string> { "CooperativeRegistration", "CooperativeUpdate", "StatusChangeRequest", "Cooperative",
            "CooperativePage", "StatusChange", "Problem", "ValidationProblem" }, names.ToHashSet());
        Assert.DoesNotContain(names, n => n.EndsWith("Command", StringComparison.Ordinal) || n.EndsWith("Dto", StringComparison.Ordinal)
            || n.EndsWith("Query", StringComparison.Ordinal) || n.EndsWith("Details", StringComparison.Ordinal)
            || n.Contains("PagedList", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RequestSchemas_CarryTheLimitsTheServerEnforces()
    {
        var doc = await DocumentAsync();

        var registration = Schema(doc, "CooperativeRegistration");
        var p = registration["properties"]!;
        Assert.Equal(["charterCapital", "communeCode", "establishedOn", "kind", "memberCount", "name", "provinceCode", "sector"],
            registration["required"]!.AsArray().Select(r => (string)r!).Order());
        Assert.False((bool)registration["additionalProperties"]!);
        Assert.Equal(255, (int)p["name"]!["maxLength"]!);
        Assert.Equal(500, (int)p["address"]!["maxLength"]!);
        Assert.Equal("^[0-9]{10}(-[0-9]{3})?$", (string)p["registrationCode"]!["pattern"]!);
        Assert.Equal("^[0-9]{2}$", (string)p["provinceCode"]!["pattern"]!);
        Assert.Equal("^[0-9]{5}$", (string)p["communeCode"]!["pattern"]!);
        Assert.Equal(0, (long)p["charterCapital"]!["minimum"]!);
        Assert.Equal(10_000_000, (long)p["memberCount"]!["maximum"]!);
        Assert.Equal(50, (int)p["mainProducts"]!["maxItems"]!);
        Assert.Equal(255, (int)p["mainProducts"]!["items"]!["maxLength"]!);
        Assert.Null(p["name"]!["nullable"]);
        Assert.True((bool)p["address"]!["nullable"]!);

        var statusChange = Schema(doc, "StatusChangeRequest");
        Assert.Equal(1000, (int)statusChange["properties"]!["reason"]!["maxLength"]!);
        Assert.False((bool)statusChange["additionalProperties"]!);

        var list = doc["paths"]!["/api/v1/cooperatives"]!["get"]!["parameters"]!.AsArray().ToDictionary(x => (string)x!["name"]!);
        Assert.Equal(200, (int)list["pageSize"]!["schema"]!["maximum"]!);
        Assert.Equal(200, (int)list["q"]!["schema"]!["maxLength"]!);
        foreach (var filter in new[] { "kind", "sector", "status" })
        {
            Assert.Equal("array", (string)list[filter]!["schema"]!["type"]!);
            // form + explode (status=active&status=suspended) is OpenAPI's default for query parameters.
            Assert.Equal("form", (string?)list[filter]!["style"] ?? "form");
            Assert.True((bool?)list[filter]!["explode"] ?? true);
            Assert.NotNull(list[filter]!["schema"]!["items"]!["allOf"] ?? list[filter]!["schema"]!["items"]!["$ref"]);
        }
    }

    [Fact]
    public async Task ResponseSchemas_AreTrueToTheWire_EveryMemberPresent_NullableWhereNullComesBack()
    {
        var doc = await DocumentAsync();

        var history = Schema(doc, "StatusChange");
        Assert.Contains("fromStatus", history["required"]!.AsArray().Select(r => (string)r!));
        Assert.True((bool)history["properties"]!["fromStatus"]!["nullable"]!);
        var cooperative = Schema(doc, "Cooperative");
        Assert.Equal(cooperative["properties"]!.AsObject().Count, cooperative["required"]!.AsArray().Count);
        Assert.True((bool)cooperative["properties"]!["phone"]!["nullable"]!);
        Assert.Null(cooperative["properties"]!["name"]!["nullable"]);

        // The registration entry of a new organization really has fromStatus null.
        var created = await _client.GetAsync("api/v1/cooperatives?pageSize=1");
        var id = (string)(await created.ReadNodeAsync())["items"]![0]!["id"]!;
        var entries = (await (await _client.GetAsync($"api/v1/cooperatives/{id}/status-history")).ReadNodeAsync()).AsArray();
        Assert.True(entries[0]!.AsObject().ContainsKey("fromStatus"));
        Assert.Null(entries[0]!["fromStatus"]);
    }

    [Fact]
    public async Task Responses_DocumentTheirHeaders_AndEveryErrorWithARealProblemExample()
    {
        var doc = await DocumentAsync();

        var create = doc["paths"]!["/api/v1/cooperatives"]!["post"]!["responses"]!;
        Assert.NotNull(create["201"]!["headers"]!["Location"]);
        Assert.NotNull(create["201"]!["headers"]!["ETag"]);
        Assert.NotNull(doc["paths"]!["/api/v1/cooperatives/{id}"]!["get"]!["responses"]!["200"]!["headers"]!["ETag"]);
        Assert.Superset(new HashSet<string> { "400", "409", "413", "415", "500", "503" }, create.AsObject().Select(r => r.Key).ToHashSet());
        Assert.NotNull(create["503"]!["headers"]!["Retry-After"]);
        foreach (var (path, method, operation) in Operations(doc))
        {
            foreach (var (status, response) in operation["responses"]!.AsObject().Where(r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture) >= 400))
            {
                var media = response!["content"]!["application/problem+json"]!;
                var examples = media["examples"]!.AsObject();
                Assert.True(examples.Count > 0, $"{method} {path} {status}: no example");
                foreach (var (_, example) in examples)
                {
                    var value = example!["value"]!;
                    Assert.Equal(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), (int)value["status"]!);
                    foreach (var member in new[] { "type", "title", "detail", "code", "traceId" })
                    {
                        Assert.False(string.IsNullOrEmpty((string?)value[member]), $"{method} {path} {status}: example without {member}");
                    }

                    Assert.DoesNotContain("additionalProp", value.ToJsonString(), StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public async Task DocumentNamesAServer_AndTheStatusChangeExampleIsASuspensionThroughout()
    {
        var doc = await DocumentAsync();

        Assert.Equal("/", (string)doc["servers"]![0]!["url"]!);
        var request = Schema(doc, "StatusChangeRequest")["properties"]!;
        Assert.Equal("suspended", (string)request["status"]!["example"]!);
        Assert.Contains("tạm ngừng", (string)request["reason"]!["example"]!, StringComparison.Ordinal);
    }
}
