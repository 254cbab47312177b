using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace CoopApi.WebApi.Infrastructure;

/// <summary>
/// HTTP details every response shares: <c>X-Content-Type-Options: nosniff</c>,
/// <c>Referrer-Policy: no-referrer</c>, and <c>Cache-Control</c> on JSON (<c>no-cache</c> for a
/// resource with an <c>ETag</c>, so caches revalidate it with <c>If-None-Match</c>;
/// <c>no-store</c> for everything else: lists, errors). <c>HEAD</c> is answered wherever
/// <c>GET</c> is: it runs as a GET whose body is discarded.
/// </summary>
internal sealed class HttpResponseHeaders(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var response = context.Response;
        response.OnStarting(() =>
        {
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers["Referrer-Policy"] = "no-referrer";
            var json = response.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;
            if (!response.Headers.ContainsKey(HeaderNames.CacheControl) && (json || response.StatusCode == StatusCodes.Status304NotModified))
            {
                response.Headers.CacheControl = response.Headers.ContainsKey(HeaderNames.ETag) ? "no-cache" : "no-store";
            }

            return Task.CompletedTask;
        });

        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        context.Request.Method = HttpMethods.Get;
        var body = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null, body));
        try
        {
            await next(context);
        }
        finally
        {
            context.Features.Set(body);
            context.Request.Method = HttpMethods.Head;
        }
    }
}
