using System.Net;
using CoopApi.Domain.ApiKeys;
using CoopApi.IntegrationTests.Support;

namespace CoopApi.IntegrationTests.Deployment;

/// <summary>
/// <c>/metrics</c> without a metrics port (<c>Metrics:Port</c> unset, as in the shared test host
/// and ./run.sh): on the API's port, for the admin scope only; in the Prometheus text format with
/// the request duration histogram per route. (With a metrics port: EnvironmentBindingTests.)
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class MetricsEndpointTests(ApiFixture fixture)
{
    [Fact]
    public async Task AfterARequest_MetricsShowItsRouteInTheDurationHistogram()
    {
        using var admin = fixture.CreateAdminClient();
        using var request = await admin.GetAsync("api/v1/reference/enums");
        Assert.Equal(HttpStatusCode.OK, request.StatusCode);

        using var response = await admin.GetAsync("metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text, StringComparison.Ordinal);
        Assert.Contains(text.Split('\n'), line => line.StartsWith("http_server_request_duration_seconds_bucket{", StringComparison.Ordinal)
            && line.Contains("http_route=\"api/v1/reference/enums\"", StringComparison.Ordinal)
            && line.Contains("http_response_status_code=\"200\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metrics_AreNotForAnonymousCallers_NorForKeysWithoutTheAdminScope()
    {
        using var anonymous = fixture.CreateAnonymousClient();
        using var admin = fixture.CreateAdminClient();
        var (key, _) = await Security.SecurityApi.CreateKeyAsync(fixture, admin, [ApiScopes.Read, ApiScopes.Write, ApiScopes.Classify], ["*"]);
        using var reader = ApiFixture.WithKey(fixture.CreateAnonymousClient(), key);

        using var unauthenticated = await anonymous.GetAsync("metrics");
        using var forbidden = await reader.GetAsync("metrics");

        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
