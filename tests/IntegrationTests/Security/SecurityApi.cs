using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Support;

namespace CoopApi.IntegrationTests.Security;

/// <summary>Requests to the API-key endpoints with a chosen credential.</summary>
internal static class SecurityApi
{
    public const string Keys = "api/v1/api-keys";

    public static HttpRequestMessage WithApiKey(HttpMethod method, string path, string key, object? body = null, bool inXApiKey = false)
    {
        var request = new HttpRequestMessage(method, path);
        if (inXApiKey)
        {
            request.Headers.Add("X-Api-Key", key);
        }
        else
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json.Options);
        }

        return request;
    }

    public static HttpRequestMessage WithToken(HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    /// <summary>Makes a key through the API with the fixture's admin key; returns the key and its metadata.</summary>
    public static async Task<(string Key, JsonNode Metadata)> CreateKeyAsync(ApiFixture fixture, HttpClient client,
        string[]? scopes = null, string[]? provinces = null, DateTimeOffset? expiresAt = null, string name = "test client")
    {
        ArgumentNullException.ThrowIfNull(client);
        // Sent without the client's default credential: the request carries the admin key alone.
        using var bare = fixture.CreateAnonymousClient();
        using var response = await bare.SendAsync(WithApiKey(HttpMethod.Post, Keys, fixture.AdminKey,
            new { name, scopes = scopes ?? ["read"], provinces = provinces ?? ["24"], expiresAt }));
        var body = await response.ReadNodeAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, body.ToJsonString());
        return ((string)body["key"]!, body["apiKey"]!);
    }
}
