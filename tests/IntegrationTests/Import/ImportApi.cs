using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Support;

namespace CoopApi.IntegrationTests.Import;

/// <summary>Files and requests of the import tests.</summary>
internal static class ImportApi
{
    public const string ImportRoute = "api/v1/cooperatives/import";
    public const string ExportRoute = "api/v1/cooperatives/export";

    public const string EnglishHeader =
        "registrationCode,name,kind,sector,provinceCode,communeCode,address,establishedOn,charterCapital,memberCount,employeeCount,representative,phone,email,isYouthCooperative,mainProducts";

    /// <summary>A valid CSV row of a cooperative in Xã Cai Kinh (20/06427), in <see cref="EnglishHeader"/>'s order.</summary>
    public static string Row(string code, string name, int members = 35, string commune = "06427", string province = "20",
        string kind = "cooperative") =>
        $"{code},\"{name}\",{kind},agricultureForestryFishery,{province},{commune},\"Thôn Làng Bên, xã Cai Kinh\",2015-03-12,1500000000,{members},12,Hoàng Văn Thắng,0205 3825 123,htx@example.vn,false,Na Chi Lăng|Mật ong";

    public static async Task<(HttpStatusCode Status, JsonNode Body, HttpResponseMessage Response)> PostAsync(HttpClient client, byte[] body,
        string contentType, string query = "", bool respondAsync = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ImportRoute + query) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (respondAsync)
        {
            request.Headers.TryAddWithoutValidation("Prefer", "respond-async");
        }

        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!, response);
    }

    public static Task<(HttpStatusCode Status, JsonNode Body, HttpResponseMessage Response)> PostCsvAsync(HttpClient client, string csv,
        string query = "", bool bom = false, bool respondAsync = false) =>
        PostAsync(client, (bom ? [0xEF, 0xBB, 0xBF] : Array.Empty<byte>()).Concat(Encoding.UTF8.GetBytes(csv)).ToArray(),
            "text/csv", query, respondAsync);

    /// <summary>The report of a 200, or of a 422 (atomic import with rejected rows).</summary>
    public static JsonNode Report(JsonNode body) => body["report"] ?? body;

    public static int[] RejectedRows(JsonNode report) =>
        report["errors"]!.AsArray().Select(e => (int)e!["row"]!).Distinct().Order().ToArray();

    /// <summary>How many organizations have a name containing <paramref name="token"/>.</summary>
    public static async Task<int> CountAsync(HttpClient client, string token)
    {
        var page = await client.GetFromJsonNodeAsync($"api/v1/cooperatives?q={token}&pageSize=1");
        return (int)page["totalCount"]!;
    }

    public static async Task<JsonNode> GetFromJsonNodeAsync(this HttpClient client, string uri)
    {
        using var response = await client.GetAsync(uri);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{uri}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    public static async Task<JsonNode> FindByCodeAsync(HttpClient client, string code)
    {
        var page = await client.GetFromJsonNodeAsync($"api/v1/cooperatives?q={code}");
        return page["items"]!.AsArray().Single(i => (string?)i!["registrationCode"] == code)!;
    }

    /// <summary>Polls a job until it leaves queued and running.</summary>
    public static async Task<JsonNode> WaitForJobAsync(HttpClient client, Uri location)
    {
        for (var i = 0; i < 240; i++)
        {
            var job = await client.GetFromJsonNodeAsync(location.ToString());
            if ((string)job["state"]! is "succeeded" or "failed")
            {
                return job;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The import job did not finish in 60 s.");
    }
}
