using System.Globalization;
using System.Threading.RateLimiting;
using CoopApi.Application.Common.Localization;
using CoopApi.WebApi.Infrastructure;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Net.Http.Headers;

namespace CoopApi.WebApi.Security;

/// <summary>
/// Limits on who may call how often, and from which web pages: a rate limit per client (the
/// authenticated actor, or the remote IP address of an anonymous caller) answered with 429 and
/// <c>Retry-After</c>, and CORS for an allow-list of browser origins.
/// </summary>
/// <remarks>
/// Settings: <c>RateLimits:Enabled</c> (default true), <c>RateLimits:PermitLimit</c> (requests
/// per window and client, default 600), <c>RateLimits:WindowSeconds</c> (default 60);
/// <c>Cors:AllowedOrigins</c> (a list of origins such as <c>https://dashboard.example.vn</c>;
/// empty by default: no cross-origin access). The limiter counts in memory, per instance.
/// </remarks>
internal static class RequestLimits
{
    /// <summary>Methods a browser page of an allowed origin may use.</summary>
    public static readonly string[] AllowedMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"];

    /// <summary>Request headers a browser page of an allowed origin may send.</summary>
    public static readonly string[] AllowedHeaders =
        ["Authorization", "X-Api-Key", "Content-Type", "If-Match", "If-None-Match", "Idempotency-Key", "Accept", "Accept-Language", ReadConsistency.Header];

    /// <summary>Response headers a browser page of an allowed origin may read.</summary>
    public static readonly string[] ExposedHeaders = ["ETag", "Location", "Retry-After", "Idempotent-Replayed", ReadConsistency.Header];

    /// <summary>Registers the rate limiter (when enabled) and the CORS policy from configuration.</summary>
    public static IServiceCollection AddCoopRequestLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        services.AddCors(o => o.AddDefaultPolicy(policy => policy
            .WithOrigins([.. origins.Where(origin => !string.IsNullOrWhiteSpace(origin)).Select(origin => origin.Trim().TrimEnd('/'))])
            .WithMethods(AllowedMethods)
            .WithHeaders(AllowedHeaders)
            .WithExposedHeaders(ExposedHeaders)
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));

        if (!configuration.GetValue("RateLimits:Enabled", true))
        {
            return services;
        }

        var permits = configuration.GetValue("RateLimits:PermitLimit", 600);
        var window = TimeSpan.FromSeconds(configuration.GetValue("RateLimits:WindowSeconds", 60));
        if (permits < 1 || window <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("RateLimits:PermitLimit and RateLimits:WindowSeconds must be positive.");
        }

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => IsExempt(http.Request.Path)
                ? RateLimitPartition.GetNoLimiter("exempt")
                : RateLimitPartition.GetFixedWindowLimiter(ClientOf(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = window,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            o.OnRejected = (context, _) => RejectAsync(context);
        });
        return services;
    }

    /// <summary>
    /// The rate limiter, when enabled: after authentication (it partitions by the actor), before
    /// authorization. CORS (<c>UseCors</c>) goes before authentication: a preflight carries no credentials.
    /// </summary>
    public static void UseCoopRateLimiter(this WebApplication app)
    {
        if (app.Configuration.GetValue("RateLimits:Enabled", true))
        {
            app.UseRateLimiter();
        }
    }

    /// <summary>The client a request counts against: its authenticated actor, else its remote IP address.</summary>
    internal static string ClientOf(HttpContext http) =>
        http.User.FindFirst(CoopClaims.Actor)?.Value is { Length: > 0 } actor
            ? "actor:" + actor
            : "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    /// <summary>Health probes, Swagger UI and the OpenAPI document are never limited.</summary>
    private static bool IsExempt(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/swagger", StringComparison.OrdinalIgnoreCase);

    private static async ValueTask RejectAsync(OnRejectedContext context)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        http.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        var detail = Text.Pick(
            $"Too many requests from this client; retry after {seconds} seconds.",
            $"Quá nhiều yêu cầu từ máy khách này; vui lòng thử lại sau {seconds} giây.");
        await ProblemFactory.WriteAsync(http, ProblemFactory.Create(http, StatusCodes.Status429TooManyRequests, detail, "rateLimited"));
    }
}
