using System.Net;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.Cooperatives.CooperativesApi;

namespace CoopApi.IntegrationTests.Cooperatives;

/// <summary>
/// Every write to an existing record (PUT, PATCH, POST /status, DELETE) must name the version it
/// is based on in If-Match: 428 without it (or with <c>*</c>), 412 when stale, 400 when it is
/// not an ETag of this API; none of them writes anything.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class IfMatchRequiredTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateClient();

    public static TheoryData<string> Writes => new() { "PUT", "PATCH", "POST status", "DELETE" };

    /// <summary>A write of <paramref name="method"/> that would succeed with the right If-Match.</summary>
    internal static Task<HttpResponseMessage> WriteAsync(HttpClient client, string method, JsonNode record, string? ifMatch)
    {
        var id = Id(record);
        switch (method)
        {
            case "PUT":
                var body = UpdateBodyFrom(record);
                body["memberCount"] = 41;
                return client.PutJsonAsync(id, body, ifMatch);
            case "PATCH":
                return client.PatchAsync(id, new JsonObject { ["memberCount"] = 42 }, ifMatch);
            case "POST status":
                return client.PostStatusAsync(id, "suspended", "2020-01-01", ifMatch: ifMatch);
            case "DELETE":
                return client.DeleteAsync(id, ifMatch);
            default:
                throw new ArgumentOutOfRangeException(nameof(method), method, null);
        }
    }

    private async Task<HttpResponseMessage> RefusedAsync(string method, JsonNode record, string? ifMatch)
    {
        var events = await fixture.AllEventsAsync();
        var response = await fixture.SendRejectedAsync(() => WriteAsync(_client, method, record, ifMatch));
        Assert.Equal(events, await fixture.AllEventsAsync());
        Assert.True(JsonNode.DeepEquals(record, await _client.GetRecordAsync(Id(record))), "the record changed");
        return response;
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Write_WithoutIfMatch_Returns428_NamingTheHeader_AndWritesNothing(string method)
    {
        var record = await TestData.CreateAsync(_client);

        var response = await RefusedAsync(method, record, ifMatch: null);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.PreconditionRequired);
        Assert.Equal("precondition.required", (string?)problem["code"]);
        Assert.Equal("urn:coopapi:problem:precondition.required", (string?)problem["type"]);
        var message = (string)problem["errors"]!["If-Match"]![0]!;
        Assert.Contains("ETag", message, StringComparison.Ordinal);
        Assert.Contains("GET", message, StringComparison.Ordinal);
        Assert.Contains("ETag", (string)problem["detail"]!, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Write_WithIfMatchStar_Returns428_BecauseItWouldOverwriteUnseenChanges(string method)
    {
        var record = await TestData.CreateAsync(_client);

        var response = await RefusedAsync(method, record, ifMatch: "*");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.PreconditionRequired);
        Assert.Equal("precondition.required", (string?)problem["code"]);
        Assert.Contains("*", (string)problem["errors"]!["If-Match"]![0]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_WithoutIfMatch_AndAcceptLanguageVi_ExplainsInVietnamese()
    {
        using var client = fixture.CreateClient("vi");
        var record = await TestData.CreateAsync(client);

        var response = await client.PatchAsync(Id(record), new JsonObject { ["memberCount"] = 42 }, ifMatch: null);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.PreconditionRequired);
        Assert.Contains("hãy gửi ETag", (string)problem["errors"]!["If-Match"]![0]!, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Write_WithStaleIfMatch_Returns412_AndWritesNothing(string method)
    {
        var stale = await TestData.CreateAsync(_client);
        var changed = UpdateBodyFrom(stale);
        changed["memberCount"] = 36;
        var put = await _client.PutJsonAsync(Id(stale), changed, ETagOf(stale));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var current = await put.ReadNodeAsync();

        var events = await fixture.AllEventsAsync();
        var response = await fixture.SendRejectedAsync(() => WriteAsync(_client, method, current, ETagOf(stale)));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.PreconditionFailed);
        Assert.Equal("preconditionFailed", (string?)problem["code"]);
        Assert.Equal(events, await fixture.AllEventsAsync());
        Assert.True(JsonNode.DeepEquals(current, await _client.GetRecordAsync(Id(current))));
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Write_WithIfMatchThatIsNotAnETagOfThisApi_Returns400NamingTheHeader(string method)
    {
        foreach (var ifMatch in new[] { "abc", "\"abc\"", "12", "\"1\", \"2\"" })
        {
            var record = await TestData.CreateAsync(_client);

            var response = await RefusedAsync(method, record, ifMatch);

            await ProblemAssert.HasFieldErrorAsync(response, "If-Match");
        }
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Write_WithTheCurrentETag_Succeeds_AndPutPatchStatusAnswerWithTheNewETag(string method)
    {
        var record = await TestData.CreateAsync(_client);

        var response = await WriteAsync(_client, method, record, $"W/{ETagOf(record)}");

        var text = await response.Content.ReadAsStringAsync();
        if (method == "DELETE")
        {
            Assert.True(response.StatusCode == HttpStatusCode.NoContent, text);
            return;
        }

        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var updated = JsonNode.Parse(text)!;
        Assert.NotEqual((int)record["version"]!, (int)updated["version"]!);
        Assert.Equal(ETagOf(updated), response.Headers.ETag?.Tag);
        Assert.Equal(ETagOf(updated), (await _client.GetAsync(Item(Id(record)))).Headers.ETag?.Tag);
    }
}
