using CoopApi.Domain.ApiKeys;
using CoopApi.WebApi.Statistics;
using Microsoft.AspNetCore.Authorization;

namespace CoopApi.WebApi.Security;

/// <summary>
/// One authorization policy per scope, named <c>scope:&lt;scope&gt;</c>: an endpoint declares its
/// rule with <see cref="RequireScope{TBuilder}"/>, which also documents 401 and 403. An endpoint
/// that declares nothing falls under the fallback policy (an authenticated caller, any scope), so
/// a forgotten rule closes an endpoint instead of opening it; open endpoints say
/// <c>AllowAnonymous</c> explicitly.
/// </summary>
internal static class ScopePolicies
{
    /// <summary>The policy of statistics endpoints (<see cref="RequireStatisticsRead{TBuilder}"/>).</summary>
    public const string StatisticsRead = "statistics:read";

    /// <summary>The setting that opens statistics endpoints to anonymous callers (false by default).</summary>
    public const string PublicStatisticsSetting = "Auth:PublicStatistics";

    /// <summary>The policy name of a scope.</summary>
    public static string For(string scope) => "scope:" + scope;

    /// <summary>The endpoint(s) need an authenticated caller holding <paramref name="scope"/>: 401 without, 403 with another scope.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(For(scope)).DocumentRefusals();

    /// <summary>
    /// The rule of a statistics endpoint (<c>/api/v1/statistics/*</c>): the <c>read</c> scope, or
    /// nothing at all when <c>Auth:PublicStatistics</c> is true (anonymous dashboards). Every
    /// statistics endpoint declares its rule with this method so that the one switch opens them all.
    /// It also gives the endpoint the statistics conventions (<see cref="Statistics.StatisticsConventions"/>:
    /// CSV through <c>Accept</c> or <c>format=csv</c>, <c>ETag</c>, <c>Cache-Control</c>, 304).
    /// </summary>
    public static TBuilder RequireStatisticsRead<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(StatisticsRead).WithMetadata(StatisticsReadMetadata.Instance).DocumentRefusals()
            .WithStatisticsConventions();

    /// <summary>
    /// Registers the scope policies, the statistics policy (the <c>read</c> scope, or open when
    /// <paramref name="publicStatistics"/>) and the fallback policy: an endpoint without a rule of
    /// its own needs an authenticated caller.
    /// </summary>
    public static void AddCoopPolicies(this AuthorizationOptions options, bool publicStatistics)
    {
        foreach (var scope in ApiScopes.All)
        {
            options.AddPolicy(For(scope), p => p.RequireAuthenticatedUser().RequireClaim(CoopClaims.Scope, scope));
        }

        // Public: anyone who sends no credential, and anyone authenticated; a credential that was
        // sent and refused still gets its 401 (a client should learn that its key is revoked).
        options.AddPolicy(StatisticsRead, publicStatistics
            ? new AuthorizationPolicyBuilder().RequireAssertion(context =>
                context.User.Identity?.IsAuthenticated == true
                || (context.Resource is HttpContext http && !SendsCredential(http.Request))).Build()
            : options.GetPolicy(For(ApiScopes.Read))!);
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }

    private static bool SendsCredential(HttpRequest request) =>
        request.Headers.Authorization.Count > 0 || request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header);

    private static TBuilder DocumentRefusals<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(
            new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]),
            new ProducesResponseTypeMetadata(StatusCodes.Status403Forbidden, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));
}

/// <summary>Marks a statistics endpoint (<see cref="ScopePolicies.RequireStatisticsRead{TBuilder}"/>), for the OpenAPI document.</summary>
internal sealed class StatisticsReadMetadata
{
    /// <summary>The one instance.</summary>
    public static StatisticsReadMetadata Instance { get; } = new();

    private StatisticsReadMetadata()
    {
    }
}
