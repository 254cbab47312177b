using CoopApi.Application.Common.Interfaces;

namespace CoopApi.WebApi.Infrastructure;

/// <summary>The caller as HTTP authentication identified it; anonymous until authentication is added.</summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public string? Id => accessor.HttpContext?.User.Identity?.IsAuthenticated == true
        ? accessor.HttpContext.User.Identity.Name
        : null;
}
