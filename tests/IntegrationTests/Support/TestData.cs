using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CoopApi.IntegrationTests.Support;

/// <summary>Valid requests to start from; each test changes only what it is about.</summary>
public static class TestData
{
    private static long _next = Random.Shared.NextInt64(10_000_000, 90_000_000);

    /// <summary>A registration code no other test uses (prefix 39: no demo record has it).</summary>
    public static string UniqueRegistrationCode() => $"39{Interlocked.Increment(ref _next):D8}";

    /// <summary>A word no other record contains, to find a test's own records with <c>q</c>.</summary>
    public static string UniqueToken() => "t" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>A valid registration body: a cooperative in Xã Cai Kinh, Lạng Sơn (20/06427).</summary>
    public static JsonObject NewCooperative(string? name = null) => new()
    {
        ["registrationCode"] = UniqueRegistrationCode(),
        ["name"] = name ?? $"Hợp tác xã dịch vụ nông nghiệp Đồng Tâm {UniqueToken()}",
        ["kind"] = "cooperative",
        ["sector"] = "agricultureForestryFishery",
        ["provinceCode"] = "20",
        ["communeCode"] = "06427",
        ["address"] = "Thôn Làng Bên, xã Cai Kinh, tỉnh Lạng Sơn",
        ["establishedOn"] = "2015-03-12",
        ["charterCapital"] = 1_500_000_000L,
        ["memberCount"] = 35,
        ["employeeCount"] = 12,
        ["representative"] = "Hoàng Văn Thắng",
        ["phone"] = "0205 3825 123",
        ["email"] = "htx@example.vn",
        ["isYouthCooperative"] = false,
        ["mainProducts"] = new JsonArray("Na Chi Lăng", "Dịch vụ vật tư nông nghiệp"),
    };

    /// <summary>Registers <paramref name="body"/> (or a fresh valid one) and returns the created record.</summary>
    public static async Task<JsonNode> CreateAsync(HttpClient client, JsonObject? body = null)
    {
        var response = await client.PostAsJsonAsync("api/v1/cooperatives", body ?? NewCooperative());
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != System.Net.HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Expected 201, got {(int)response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text)!;
    }

    /// <summary>Posts a status change, with the record's current ETag in If-Match (read just before), and returns the response.</summary>
    public static async Task<HttpResponseMessage> ChangeStatusAsync(HttpClient client, string id, string status,
        string effectiveOn = "2020-01-01", string reason = "Quyết định số 12/QĐ-UBND")
    {
        using var read = await client.GetAsync($"api/v1/cooperatives/{id}");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/cooperatives/{id}/status")
        {
            Content = JsonContent.Create(new JsonObject { ["status"] = status, ["effectiveOn"] = effectiveOn, ["reason"] = reason }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag?.Tag ?? "\"1\"");
        return await client.SendAsync(request);
    }
}
