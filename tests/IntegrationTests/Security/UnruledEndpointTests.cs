using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CoopApi.IntegrationTests.Security;

/// <summary>
/// The authorization check reads the OpenAPI document, so it must see an endpoint that somebody
/// maps later and forgets to give a rule: here an API host of its own with one extra endpoint,
/// <c>GET /api/v1/unruled</c>, mapped without <c>.RequireScope(...)</c>. It appears in the
/// document, and the check of <see cref="AuthorizationMatrixTests"/> names it, and only it.
/// </summary>
[Collection(OwnHostCollection.Name)]
public sealed class UnruledEndpointTests
{
    private const string Path = "/api/v1/unruled";

    [Fact]
    public async Task AnEndpointMappedWithoutAnAuthorizationRule_IsNamedByTheMatrixCheck()
    {
        // The document needs no database: nothing listens on port 1.
        await using var host = new OwnHost(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = "Host=127.0.0.1;Port=1;Database=coopapi;Username=coopapi;Password=x;Timeout=2",
            ["Database:MigrateOnStartup"] = "false",
        }, services => services.AddSingleton<IStartupFilter, UnruledEndpoint>());
        using var client = host.CreateClient();

        var document = JsonNode.Parse(await client.GetStringAsync("swagger/v1/swagger.json"))!;
        var missing = AuthorizationMatrixTests.OperationsWithoutACompleteRule(document);

        Assert.NotNull(document["paths"]?[Path]?["get"]);
        Assert.True(missing.Count > 0 && missing.All(m => m.Contains(Path, StringComparison.Ordinal)),
            "the check should name the unruled endpoint and nothing else:\n" + string.Join('\n', missing));
        Assert.Contains(missing, m => m.Contains("no security requirement", StringComparison.Ordinal));
    }

    /// <summary>Maps <c>GET /api/v1/unruled</c> with no authorization rule, beside the API's own endpoints.</summary>
    private sealed class UnruledEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseRouting();
            app.UseEndpoints(endpoints => endpoints.MapGet(Path, () => Results.Ok("no rule")).WithName("unruled"));
            next(app);
        };
    }
}
