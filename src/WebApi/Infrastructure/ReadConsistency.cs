using CoopApi.Infrastructure.ReadSide;

namespace CoopApi.WebApi.Infrastructure;

/// <summary>
/// Which server answers a request's reads when a read-only replica is configured
/// (<c>ConnectionStrings:ReadOnly</c>): a GET or HEAD reads from the replica (eventually
/// consistent: a write of the last moments may not show yet), unless it sends
/// <c>X-Read-Consistency: strong</c>, which reads from the primary (read-your-writes). Every other
/// method (a command, and whatever it reads to answer) uses the primary. The response says which
/// it got in <c>X-Read-Consistency</c> (<c>strong</c> or <c>eventual</c>). Without a replica every
/// read is strong and the header is not sent.
/// </summary>
internal sealed class ReadConsistency(RequestDelegate next, ReadSideDataSource reads)
{
    /// <summary>The request and response header.</summary>
    public const string Header = "X-Read-Consistency";

    /// <summary>The value that asks for the primary.</summary>
    public const string Strong = "strong";

    /// <summary>The value of a read that may lag.</summary>
    public const string Eventual = "eventual";

    public async Task InvokeAsync(HttpContext context)
    {
        if (reads.Replica is null)
        {
            await next(context); // one server: every read is strong
            return;
        }

        var request = context.Request;
        var strong = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || string.Equals(request.Headers[Header].ToString().Trim(), Strong, StringComparison.OrdinalIgnoreCase);
        // At the start of the response: an error handler clears the headers set before it ran.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = strong ? Strong : Eventual;
            return Task.CompletedTask;
        });
        if (!strong)
        {
            await next(context);
            return;
        }

        using (ReadSideDataSource.UsePrimary())
        {
            await next(context);
        }
    }
}
