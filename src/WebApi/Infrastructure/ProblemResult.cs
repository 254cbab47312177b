using Microsoft.AspNetCore.Mvc;

namespace CoopApi.WebApi.Infrastructure;

/// <summary>
/// Writes a problem body as <c>application/problem+json</c>. Not an <see cref="ObjectResult"/>,
/// because a controller's <c>[Produces]</c> would rewrite that one's content type.
/// </summary>
internal sealed class ProblemResult(ProblemDetails problem) : ActionResult
{
    public override Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ProblemFactory.WriteAsync(context.HttpContext, problem);
    }
}
