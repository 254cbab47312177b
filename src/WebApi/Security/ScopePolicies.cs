using CoopApi.WebApi.Infrastructure;

namespace CoopApi.WebApi.Security;

/// <summary>
/// One authorization policy per scope, named <c>scope:&lt;scope&gt;</c>: an endpoint declares its
/// rule with <see cref="RequireScope{TBuilder}"/>, which also documents 401 and 403.
/// </summary>
internal static class ScopePolicies
{
    /// <summary>The policy name of a scope.</summary>
    public static string For(string scope) => "scope:" + scope;

    /// <summary>The endpoint(s) need an authenticated caller holding <paramref name="scope"/>: 401 without, 403 with another scope.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(For(scope))
            .WithMetadata(
                new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]),
                new ProducesResponseTypeMetadata(StatusCodes.Status403Forbidden, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));

    /// <summary>
    /// The rule of a statistics endpoint (<c>/api/v1/statistics/*</c>): the <c>read</c> scope. Every
    /// statistics endpoint declares its rule with this method so that one switch can open them all
    /// to anonymous dashboards.
    /// </summary>
    public static TBuilder RequireStatisticsRead<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireScope(CoopApi.Domain.ApiKeys.ApiScopes.Read);
}
