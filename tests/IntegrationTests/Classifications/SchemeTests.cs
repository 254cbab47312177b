using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Cooperatives;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.Classifications.ClassificationsApi;

namespace CoopApi.IntegrationTests.Classifications;

/// <summary>Classification schemes as data: the shipped 2020 scheme, and new versions added by an admin.</summary>
[Collection(ApiCollection.Name)]
public sealed class SchemeTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateAdminClient();

    [Fact]
    public async Task TheCircularOf2020_ShipsWith15CriteriaIn3Groups_Totalling100_AndBands80_65_50()
    {
        var scheme = await _client.GetJsonAsync($"{Schemes}/{Scheme2020}");

        Assert.Equal("Circular 01/2020/TT-BKHĐT", (string)scheme["regulation"]!);
        Assert.Equal(100m, (decimal)scheme["totalPoints"]!);
        Assert.Equal((80m, 65m, 50m), ((decimal)scheme["bands"]!["good"]!, (decimal)scheme["bands"]!["fair"]!, (decimal)scheme["bands"]!["average"]!));
        Assert.Equal([30m, 30m, 40m], scheme["groups"]!.AsArray().Select(g => (decimal)g!["maxPoints"]!));
        var criteria = scheme["groups"]!.AsArray().SelectMany(g => g!["criteria"]!.AsArray()).ToList();
        Assert.Equal(Criteria.Select(c => c.Code), criteria.Select(c => (string)c!["code"]!));
        Assert.Equal(Criteria.Select(c => c.Max), criteria.Select(c => (decimal)c!["maxPoints"]!));
        Assert.All(criteria, c => Assert.False(string.IsNullOrWhiteSpace((string?)c!["nameVi"])));
        Assert.Equal(["cooperative", "cooperativeUnion"], scheme["appliesToKinds"]!.AsArray().Select(k => (string)k!));
        Assert.Equal(["credit"], scheme["excludedSectors"]!.AsArray().Select(k => (string)k!));

        var all = await _client.GetJsonAsync(Schemes);
        Assert.Contains(all.AsArray(), s => (string)s!["code"]! == Scheme2020);
        using var unknown = await _client.GetAsync($"{Schemes}/circular-99-2099");
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    /// <summary>A new version with two criteria, totalling 10, valid from 2026.</summary>
    private static JsonObject NewScheme(string code) => JsonNode.Parse($$"""
        {
          "code": "{{code}}",
          "title": "Thử nghiệm / Trial",
          "regulation": "Circular 99/2026/TT-BTC",
          "validFrom": "2026-01-01",
          "appliesToKinds": ["cooperative"],
          "excludedSectors": [],
          "bands": { "good": 8, "fair": 6.5, "average": 5 },
          "groups": [
            { "code": "all", "nameEn": "All", "nameVi": "Tất cả", "criteria": [
              { "code": "revenue", "nameEn": "Revenue", "nameVi": "Doanh thu", "maxPoints": 6 },
              { "code": "members", "nameEn": "Members", "nameVi": "Thành viên", "maxPoints": 4 } ] }
          ]
        }
        """)!.AsObject();

    [Fact]
    public async Task AnAdminAddsANewSchemeVersion_ThatAssessmentsThenUse_OnlyInTheYearsItIsInForce()
    {
        var code = $"trial-{Guid.NewGuid():N}"[..20];
        using var created = await _client.PostAsJsonAsync(Schemes, NewScheme(code));
        var body = await created.ReadNodeAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, body.ToJsonString());
        Assert.Equal(10m, (decimal)body["totalPoints"]!);
        Assert.Equal(code, (string)(await _client.GetJsonAsync($"{Schemes}/{code}"))["code"]!);

        var id = await CreateOrganizationAsync(_client);
        var scores = new JsonArray(new JsonObject { ["criterion"] = "revenue", ["points"] = 4.5 }, new JsonObject { ["criterion"] = "members", ["points"] = 2 });
        var assessment = Body(2026, scores);
        assessment["schemeCode"] = code;
        assessment["assessedOn"] = $"{DateTime.UtcNow:yyyy-MM-dd}";
        var assessed = await _client.AssessAsync(id, assessment);
        Assert.Equal(("fair", 6.5m), ((string)assessed["rating"]!, (decimal)assessed["totalPoints"]!));

        var before = Body(2025, scores.DeepClone().AsArray());
        before["schemeCode"] = code;
        using var outside = await _client.PostAsync(id, before);
        await ProblemAssert.HasFieldErrorAsync(outside, "schemeCode");

        using var again = await _client.PostAsJsonAsync(Schemes, NewScheme(code));
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("/groups/0/criteria/1/code", "\"revenue\"", "groups[0].criteria[1].code")]
    [InlineData("/groups/0/criteria/0/maxPoints", "0", "groups[0].criteria[0].maxPoints")]
    [InlineData("/bands/fair", "9", "bands")]
    [InlineData("/bands/good", "11", "bands.good")]
    [InlineData("/validTo", "\"2025-12-31\"", "validTo")]
    [InlineData("/appliesToKinds", "[]", "appliesToKinds")]
    [InlineData("/code", "\"Circular 99\"", "code")]
    [InlineData("/groups", "[]", "groups")]
    public async Task AnInvalidScheme_Is400NamingTheField_AndNothingIsWritten(string path, string value, string field)
    {
        var scheme = NewScheme($"bad-{Guid.NewGuid():N}"[..20]);
        var parts = path.Trim('/').Split('/');
        JsonNode target = scheme;
        foreach (var part in parts[..^1])
        {
            target = int.TryParse(part, out var index) ? target[index]! : target[part]!;
        }

        target[parts[^1]] = JsonNode.Parse(value);

        var response = await AssessmentTests.RejectedAsync(fixture, () => _client.PostAsJsonAsync(Schemes, scheme));

        await ProblemAssert.HasFieldErrorAsync(response, field);
    }

    [Fact]
    public async Task AddingASchemeNeedsTheAdminScope_ReadingOneTheReadScope()
    {
        var (key, _) = await Security.SecurityApi.CreateKeyAsync(fixture, fixture.CreateClient(), ["read", "write", "classify"], ["*"]);
        using var client = ApiFixture.WithKey(fixture.CreateClient(), key);

        var response = await AssessmentTests.RejectedAsync(fixture, () => client.PostAsJsonAsync(Schemes, NewScheme("forbidden-scheme")));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);

        using var anonymous = fixture.CreateAnonymousClient();
        using var read = await anonymous.GetAsync(Schemes);
        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Schemes)).StatusCode);
    }

    [Fact]
    public async Task TheNewEnumerationsAreListed()
    {
        var enums = await _client.GetJsonAsync("api/v1/reference/enums");
        Assert.Equal(["good", "fair", "average", "weak", "notRated"], enums["rating"]!.AsArray().Select(v => (string)v!["value"]!));
        Assert.Equal("Khá", (string)enums["rating"]![1]!["vi"]!);
        Assert.Equal(3, enums["notRatedReason"]!.AsArray().Count);
        Assert.Equal(2, enums["classificationGrouping"]!.AsArray().Count);
    }
}
