using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.Import.ImportApi;

namespace CoopApi.IntegrationTests.Import;

/// <summary>
/// <c>Idempotency-Key</c> on the import, whose body is a streamed file: the key's fingerprint
/// covers the file's bytes (SHA-256 taken while it is spooled) and the query string, so a retry of
/// the same file replays the first answer and another file with the same key is refused, as for
/// any other POST with a different body.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ImportIdempotencyTests(ApiFixture fixture)
{
    private const string KeyHeader = "Idempotency-Key";
    private readonly HttpClient _client = fixture.CreateClient();

    private static string File(string token, int rows) =>
        string.Join("\r\n", new[] { EnglishHeader }.Concat(Enumerable.Range(1, rows)
            .Select(i => Row(TestData.UniqueRegistrationCode(), $"Hợp tác xã Bình An {token} số {i}")))) + "\r\n";

    private async Task<(HttpStatusCode Status, JsonNode Body, HttpResponseMessage Response)> PostAsync(string csv, string key, string query = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ImportRoute + query) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv)) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
        request.Headers.Add(KeyHeader, key);
        var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonNode.Parse(text)!, response);
    }

    [Fact]
    public async Task SameKey_SameFile_ReplaysTheFirstAnswer_AndWritesOnce()
    {
        var token = TestData.UniqueToken();
        var csv = File(token, 3);
        var key = Guid.NewGuid().ToString();

        var first = await PostAsync(csv, key);
        var again = await PostAsync(csv, key);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(3, (int)first.Body["created"]!);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal("true", again.Response.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(3, (int)again.Body["created"]!); // the first answer, not "3 unchanged"
        Assert.Equal(3, await CountAsync(_client, token));
    }

    [Fact]
    public async Task SameKey_AnotherFile_IsRefused_AndWritesNothing()
    {
        var (firstToken, secondToken) = (TestData.UniqueToken(), TestData.UniqueToken());
        var key = Guid.NewGuid().ToString();
        var first = await PostAsync(File(firstToken, 2), key);

        var second = await PostAsync(File(secondToken, 2), key);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.Status);
        Assert.Equal("idempotencyKey.reused", (string?)second.Body["code"]);
        Assert.Contains("different body", (string)second.Body["detail"]!, StringComparison.Ordinal);
        Assert.Equal(2, await CountAsync(_client, firstToken));
        Assert.Equal(0, await CountAsync(_client, secondToken));
    }

    [Fact]
    public async Task SameKey_SameFile_OtherQuery_IsRefused()
    {
        var token = TestData.UniqueToken();
        var csv = File(token, 1);
        var key = Guid.NewGuid().ToString();
        var dryRun = await PostAsync(csv, key, "?dryRun=true");

        var real = await PostAsync(csv, key);

        Assert.Equal(HttpStatusCode.OK, dryRun.Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, real.Status);
        Assert.Equal("idempotencyKey.reused", (string?)real.Body["code"]);
        Assert.Equal(0, await CountAsync(_client, token));
    }
}
