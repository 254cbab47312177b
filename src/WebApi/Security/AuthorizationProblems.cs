using CoopApi.Application.Common.Localization;
using CoopApi.WebApi.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace CoopApi.WebApi.Security;

/// <summary>
/// Answers a refused request with the API's problem body: 401 (the scheme's challenge sets the
/// status and <c>WWW-Authenticate</c>; the body says what was wrong with the credential) or 403
/// (the body names the scope that is missing).
/// </summary>
internal sealed class AuthorizationProblems : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            var result = await context.AuthenticateAsync(); // cached by the handler: no second lookup
            var failure = result.Failure is null ? AuthenticationFailure.Missing : AuthenticationFailure.ForToken(result.Failure);
            await context.ChallengeAsync();
            if (!context.Response.HasStarted)
            {
                await ProblemFactory.WriteAsync(context, ProblemFactory.Create(context, StatusCodes.Status401Unauthorized, failure.Detail, failure.Code));
            }

            return;
        }

        if (authorizeResult.Forbidden)
        {
            var scopes = authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<ClaimsAuthorizationRequirement>()
                .Where(r => r.ClaimType == CoopClaims.Scope).SelectMany(r => r.AllowedValues ?? []).ToList() ?? [];
            await context.ForbidAsync();
            if (!context.Response.HasStarted)
            {
                var detail = scopes.Count > 0
                    ? Text.Pick($"This needs the scope '{string.Join("' or '", scopes)}', which your credential does not have.",
                        $"Thao tác này cần phạm vi '{string.Join("' hoặc '", scopes)}', mà thông tin xác thực của bạn không có.")
                    : Text.Pick("Your credential does not allow this.", "Thông tin xác thực của bạn không cho phép thao tác này.");
                await ProblemFactory.WriteAsync(context, ProblemFactory.Create(context, StatusCodes.Status403Forbidden, detail,
                    scopes.Count > 0 ? "scopeMissing" : "forbidden"));
            }

            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
