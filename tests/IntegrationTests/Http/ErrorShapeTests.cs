using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Cooperatives;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.Cooperatives.CooperativesApi;

namespace CoopApi.IntegrationTests.Http;

/// <summary>
/// Every error, ours or the framework's, has one shape: <c>type</c>, <c>title</c>,
/// <c>status</c>, <c>detail</c>, a stable <c>code</c> (and <c>type</c> = urn:coopapi:problem:{code}),
/// <c>traceId</c>, served as application/problem+json, in the caller's language.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ErrorShapeTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateClient();

    private static async Task<JsonNode> HasTheProblemShapeAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json",
            $"served as '{response.Content.Headers.ContentType}': {text}");
        var body = JsonNode.Parse(text)!;
        Assert.Equal((int)status, (int)body["status"]!);
        Assert.Equal(code, (string?)body["code"]);
        Assert.Equal($"urn:coopapi:problem:{code}", (string?)body["type"]);
        foreach (var member in new[] { "title", "detail", "traceId" })
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)body[member]), $"{member} missing: {text}");
        }

        Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Microsoft.", text, StringComparison.Ordinal);
        return body;
    }

    [Fact]
    public async Task UnknownRoute_Is404Problem()
    {
        await HasTheProblemShapeAsync(await _client.GetAsync("api/v1/nothing-here"), HttpStatusCode.NotFound, "notFound");
    }

    [Fact]
    public async Task IdThatIsNotAGuid_Is404Problem()
    {
        await HasTheProblemShapeAsync(await _client.GetAsync($"{Route}/not-a-guid"), HttpStatusCode.NotFound, "notFound");
    }

    [Fact]
    public async Task MethodNotAllowed_Is405Problem_WithAllowHeader()
    {
        var response = await _client.DeleteAsync(Route);

        await HasTheProblemShapeAsync(response, HttpStatusCode.MethodNotAllowed, "methodNotAllowed");
        Assert.Contains("GET", response.Content.Headers.Allow);
        Assert.Contains("POST", response.Content.Headers.Allow);
        Assert.Contains("HEAD", response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task BodyNotSentAsJson_Is415Problem(string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(TestData.NewCooperative().ToJsonString()));
        if (contentType is not null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        var response = await fixture.SendRejectedAsync(() => _client.PostAsync(Route, content));

        await HasTheProblemShapeAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupportedMediaType");
    }

    [Fact]
    public async Task MalformedJson_Is400Problem_WithTheBodyNamed()
    {
        var response = await fixture.SendRejectedAsync(() => _client.PostRawAsync("{\"name\": \"Hợp tác xã\", "));

        var body = await HasTheProblemShapeAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.NotNull(body["errors"]!["body"]);
    }

    [Fact]
    public async Task BodyTooLarge_Is413Problem()
    {
        var response = await fixture.SendRejectedAsync(() => _client.PostRawAsync(new string(' ', 2_000_000) + "{}"));

        await HasTheProblemShapeAsync(response, HttpStatusCode.RequestEntityTooLarge, "payloadTooLarge");
    }

    [Fact]
    public async Task FieldErrors_AreProblemsWithErrors()
    {
        var body = await HasTheProblemShapeAsync(await _client.GetAsync($"{Route}?pageSize=0"), HttpStatusCode.BadRequest, "validation");

        Assert.NotNull(body["errors"]!["pageSize"]);
    }

    [Fact]
    public async Task NotFoundRecord_IsProblem_NamingTheResourceInVietnamese()
    {
        using var client = fixture.CreateClient("vi");

        var body = await HasTheProblemShapeAsync(await client.GetAsync(Item(UnknownId)), HttpStatusCode.NotFound, "notFound");

        Assert.Contains("Không tìm thấy tổ chức", (string)body["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FrameworkErrors_SpeakVietnamese_WhenAsked()
    {
        using var client = fixture.CreateClient("vi");

        var body = await HasTheProblemShapeAsync(await client.DeleteAsync(Route), HttpStatusCode.MethodNotAllowed, "methodNotAllowed");

        Assert.Contains("Không cho phép phương thức DELETE", (string)body["detail"]!, StringComparison.Ordinal);
    }
}
