using System.Net;
using System.Net.Http.Headers;
using CoopApi.IntegrationTests.Support;
using CoopApi.WebApi.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoopApi.IntegrationTests.Security;

/// <summary>
/// What is open and what is closed by default: health, the OpenAPI document and Swagger UI are
/// open; every other endpoint of the running API declares a rule; one that forgets falls under the
/// fallback policy and needs a credential; statistics endpoints open to anonymous callers only
/// when <c>Auth:PublicStatistics</c> is on.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OpenEndpointsTests(ApiFixture fixture)
{
    /// <summary>The only endpoints an anonymous caller may use, by route pattern.</summary>
    private static readonly string[] Open = ["/health/live", "/health/ready", "/"];

    [Theory]
    [InlineData("health/live")]
    [InlineData("health/ready")]
    [InlineData("swagger/v1/swagger.json")]
    [InlineData("swagger/index.html")]
    public async Task HealthAndSwagger_AreOpen_WithoutACredential(string path)
    {
        using var anonymous = fixture.CreateAnonymousClient();

        using var response = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task EveryEndpointOfTheRunningApi_DeclaresARule_OrIsOneOfTheOpenOnes()
    {
        var endpoints = fixture.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var undeclared = endpoints
            .Where(e => !e.Metadata.OfType<IAuthorizeData>().Any() && !e.Metadata.OfType<IAllowAnonymous>().Any())
            .Select(e => e.DisplayName).ToList();
        var open = endpoints.Where(e => e.Metadata.OfType<IAllowAnonymous>().Any())
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).Order().ToList();

        Assert.True(endpoints.Count >= 17, $"only {endpoints.Count} endpoints found");
        Assert.True(undeclared.Count == 0, "endpoints without a rule (they fall under the fallback policy):\n" + string.Join('\n', undeclared));
        Assert.Equal(Open.Order(), open);
    }

    [Fact]
    public async Task AnUnknownRoute_WithoutACredential_Is401_NotAnAnswerAboutTheRoute()
    {
        using var anonymous = fixture.CreateAnonymousClient();
        using var admin = fixture.CreateAdminClient();

        using var refused = await anonymous.GetAsync("api/v1/no-such-thing");
        using var notFound = await admin.GetAsync("api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("unauthorized", (string)(await refused.ReadNodeAsync())["code"]!);
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
    }

    /// <summary>
    /// The fallback policy, on a host with the API's authentication and policies and two endpoints
    /// of its own (the API has no endpoint without a rule to try it on): one that declares nothing
    /// needs an authenticated caller, of any scope.
    /// </summary>
    [Fact]
    public async Task AnEndpointThatDeclaresNoRule_NeedsACredential()
    {
        await using var host = await PolicyHost.StartAsync(fixture.Issuer, publicStatistics: false);

        using var anonymous = await host.Client.GetAsync("/forgotten");
        using var withToken = await host.SendAsync("/forgotten", fixture.Issuer.Mint(scope: "openid write"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("unauthorized", (string)(await anonymous.ReadNodeAsync())["code"]!);
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
    }

    [Fact]
    public async Task StatisticsEndpoints_NeedTheReadScope_ByDefault()
    {
        await using var host = await PolicyHost.StartAsync(fixture.Issuer, publicStatistics: false);

        using var anonymous = await host.Client.GetAsync(PolicyHost.Statistics);
        using var writeOnly = await host.SendAsync(PolicyHost.Statistics, fixture.Issuer.Mint(scope: "openid write"));
        using var reader = await host.SendAsync(PolicyHost.Statistics, fixture.Issuer.Mint(scope: "openid read"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, writeOnly.StatusCode);
        Assert.Equal("scopeMissing", (string)(await writeOnly.ReadNodeAsync())["code"]!);
        Assert.Equal(HttpStatusCode.OK, reader.StatusCode);
    }

    [Fact]
    public async Task PublicStatistics_OpensStatisticsEndpoints_ToAnonymousCallers_AndNothingElse()
    {
        await using var host = await PolicyHost.StartAsync(fixture.Issuer, publicStatistics: true);

        using var statistics = await host.Client.GetAsync(PolicyHost.Statistics);
        using var writeOnly = await host.SendAsync(PolicyHost.Statistics, fixture.Issuer.Mint(scope: "openid write"));
        using var expired = await host.SendAsync(PolicyHost.Statistics,
            fixture.Issuer.Mint(scope: "openid read", expires: DateTime.UtcNow.AddMinutes(-5), notBefore: DateTime.UtcNow.AddMinutes(-10)));
        using var register = await host.Client.GetAsync(PolicyHost.Register);
        using var forgotten = await host.Client.GetAsync("/forgotten");

        Assert.Equal(HttpStatusCode.OK, statistics.StatusCode);
        Assert.Equal(HttpStatusCode.OK, writeOnly.StatusCode); // anyone may, so any credential may
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode); // a refused credential is still told so
        Assert.Equal("tokenExpired", (string)(await expired.ReadNodeAsync())["code"]!);
        Assert.Equal(HttpStatusCode.Unauthorized, register.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forgotten.StatusCode);
    }

    /// <summary>
    /// The API's authentication and authorization (<see cref="AuthenticationSetup.AddCoopAuthentication"/>,
    /// the same configuration keys) in front of three endpoints: a statistics one
    /// (<see cref="ScopePolicies.RequireStatisticsRead{TBuilder}"/>), a register read
    /// (<c>.RequireScope("read")</c>), and one that declares nothing.
    /// </summary>
    private sealed class PolicyHost : IAsyncDisposable
    {
        public const string Statistics = "/api/v1/statistics/test-only";

        public const string Register = "/api/v1/register-test-only";

        private readonly WebApplication _app;

        private PolicyHost(WebApplication app)
        {
            _app = app;
            Client = app.GetTestClient();
        }

        public HttpClient Client { get; }

        public static async Task<PolicyHost> StartAsync(TestOidcIssuer issuer, bool publicStatistics)
        {
            var builder = WebApplication.CreateBuilder();
            builder.WebHost.UseTestServer();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [ScopePolicies.PublicStatisticsSetting] = publicStatistics ? "true" : "false",
                ["Auth:Oidc:Authority"] = issuer.Issuer,
                ["Auth:Oidc:Audience"] = TestOidcIssuer.Audience,
                ["Auth:Oidc:RequireHttpsMetadata"] = "false",
            });
            builder.Services.AddCoopAuthentication(builder.Configuration);
            var app = builder.Build();
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapGet(Statistics, () => "statistics").RequireStatisticsRead();
            app.MapGet(Register, () => "register").RequireScope(CoopApi.Domain.ApiKeys.ApiScopes.Read);
            app.MapGet("/forgotten", () => "no rule declared");
            await app.StartAsync();
            return new PolicyHost(app);
        }

        public Task<HttpResponseMessage> SendAsync(string path, string token)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return Client.SendAsync(request);
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await _app.DisposeAsync();
        }
    }
}
