using CoopApi.IntegrationTests.Support;

namespace CoopApi.IntegrationTests.Security;

/// <summary>
/// The contract declares both ways in (Swagger UI's Authorize button offers them) and which
/// operations need one.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiSecurityTests(ApiFixture fixture)
{
    [Fact]
    public async Task BothSchemesAreDeclared_AndTheKeyEndpointsRequireOne()
    {
        using var client = fixture.CreateAnonymousClient();
        using var response = await client.GetAsync(new Uri("swagger/v1/swagger.json", UriKind.Relative));
        var document = await response.ReadNodeAsync();

        var schemes = document["components"]!["securitySchemes"]!;
        Assert.Equal("http", (string)schemes["bearer"]!["type"]!);
        Assert.Equal("bearer", (string)schemes["bearer"]!["scheme"]!);
        Assert.Equal("apiKey", (string)schemes["apiKey"]!["type"]!);
        Assert.Equal("header", (string)schemes["apiKey"]!["in"]!);
        Assert.Equal("X-Api-Key", (string)schemes["apiKey"]!["name"]!);

        foreach (var (path, method) in new[] { ("/api/v1/api-keys", "post"), ("/api/v1/api-keys", "get"),
                     ("/api/v1/api-keys/{id}", "get"), ("/api/v1/api-keys/{id}", "delete"), ("/api/v1/audit", "get") })
        {
            var operation = document["paths"]![path]![method]!;
            var alternatives = operation["security"]!.AsArray().SelectMany(r => r!.AsObject().Select(p => p.Key)).ToList();
            Assert.Equal(["bearer", "apiKey"], alternatives);
            Assert.NotNull(operation["responses"]!["401"]!["headers"]!["WWW-Authenticate"]);
            Assert.NotNull(operation["responses"]!["403"]);
        }

        // The register's own endpoints need a credential too (every operation: AuthorizationMatrixTests).
        Assert.NotNull(document["paths"]!["/api/v1/cooperatives"]!["get"]!["security"]);
    }
}
