using System.Net;
using System.Net.Http.Headers;
using CoopApi.IntegrationTests.Support;

namespace CoopApi.IntegrationTests.Limits;

/// <summary>
/// The rate limit per client (429 with <c>Retry-After</c> and a problem body once a client has
/// used its permits; other clients and health probes unaffected) and CORS for the allowed
/// dashboard origin only.
/// </summary>
public sealed class RequestLimitsTests(LimitsHost host) : IClassFixture<LimitsHost>
{
    private const string Resource = "api/v1/reference/enums";

    [Fact]
    public async Task AClient_OverItsLimit_Gets429_WithRetryAfter_AndAProblem()
    {
        using var client = host.CreateClient(NewClient());
        for (var i = 0; i < LimitsHost.PermitLimit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Resource)).StatusCode);
        }

        var rejected = await client.GetAsync(Resource);

        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        var retryAfter = rejected.Headers.RetryAfter?.Delta?.TotalSeconds;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, 1, LimitsHost.WindowSeconds);
        Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
        var problem = await rejected.ReadNodeAsync();
        Assert.Equal(429, (int)problem["status"]!);
        Assert.Equal("rateLimited", (string?)problem["code"]);
        Assert.Equal("urn:coopapi:problem:rateLimited", (string?)problem["type"]);
        Assert.Contains("retry after", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheProblem_SpeaksVietnamese_WhenAsked()
    {
        using var client = host.CreateClient(NewClient());
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("vi"));
        for (var i = 0; i < LimitsHost.PermitLimit; i++)
        {
            await client.GetAsync(Resource);
        }

        var problem = await (await client.GetAsync(Resource)).ReadNodeAsync();

        Assert.Equal("Quá nhiều yêu cầu.", (string?)problem["title"]);
    }

    [Fact]
    public async Task EachClient_HasABucketOfItsOwn()
    {
        using var first = host.CreateClient(NewClient());
        using var second = host.CreateClient(NewClient());
        for (var i = 0; i < LimitsHost.PermitLimit; i++)
        {
            await first.GetAsync(Resource);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await first.GetAsync(Resource)).StatusCode);
        for (var i = 0; i < LimitsHost.PermitLimit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await second.GetAsync(Resource)).StatusCode);
        }
    }

    [Fact]
    public async Task AnonymousCallers_AreCountedByAddress_AndHealthProbesAndSwaggerNeverCount()
    {
        // The only test that calls anonymously: every anonymous call of this host comes from 127.0.0.1.
        using var anonymous = host.CreateClient();
        for (var i = 0; i < 3 * LimitsHost.PermitLimit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("health/live")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("health/ready")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("swagger/v1/swagger.json")).StatusCode);
        }

        // Refused for want of a credential (401), and still counted: a client guessing keys is limited too.
        for (var i = 0; i < LimitsHost.PermitLimit; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Resource)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await anonymous.GetAsync(Resource)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("health/live")).StatusCode);
    }

    [Fact]
    public async Task Preflight_FromTheAllowedOrigin_Gets204_WithTheAllowedMethodsAndHeaders()
    {
        using var client = host.CreateClient();

        var response = await client.SendAsync(Preflight(LimitsHost.AllowedOrigin, "PATCH", "authorization,if-match,content-type"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal([LimitsHost.AllowedOrigin], response.Headers.GetValues("Access-Control-Allow-Origin"));
        var methods = string.Join(",", response.Headers.GetValues("Access-Control-Allow-Methods"));
        Assert.Contains("PATCH", methods, StringComparison.Ordinal);
        var headers = string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        Assert.Contains("authorization", headers, StringComparison.Ordinal);
        Assert.Contains("if-match", headers, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preflight_FromAnotherOrigin_IsNotAllowed()
    {
        using var client = host.CreateClient();

        var response = await client.SendAsync(Preflight("https://evil.example.com", "DELETE", "authorization"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Methods"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task ARequest_FromTheAllowedOrigin_MayReadTheETagAndRetryAfter()
    {
        using var client = host.CreateClient(NewClient());
        client.DefaultRequestHeaders.Add("Origin", LimitsHost.AllowedOrigin);

        var response = await client.GetAsync(Resource);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([LimitsHost.AllowedOrigin], response.Headers.GetValues("Access-Control-Allow-Origin"));
        var exposed = string.Join(",", response.Headers.GetValues("Access-Control-Expose-Headers"));
        Assert.Contains("ETag", exposed, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Retry-After", exposed, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A429_ToTheAllowedOrigin_LetsThePageReadRetryAfter()
    {
        using var client = host.CreateClient(NewClient());
        client.DefaultRequestHeaders.Add("Origin", LimitsHost.AllowedOrigin);
        for (var i = 0; i < LimitsHost.PermitLimit; i++)
        {
            await client.GetAsync(Resource);
        }

        var rejected = await client.GetAsync(Resource);

        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        Assert.Equal([LimitsHost.AllowedOrigin], rejected.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Contains("Retry-After", string.Join(",", rejected.Headers.GetValues("Access-Control-Expose-Headers")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ARequest_FromAnotherOrigin_GetsNoAllowOrigin()
    {
        using var client = host.CreateClient(NewClient());
        client.DefaultRequestHeaders.Add("Origin", "https://evil.example.com");

        var response = await client.GetAsync(Resource);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static string NewClient() => "client-" + Guid.NewGuid().ToString("N");

    private static HttpRequestMessage Preflight(string origin, string method, string headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "api/v1/cooperatives");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return request;
    }
}
