using Microsoft.AspNetCore.Http.Features;

namespace CoopApi.WebApi.Infrastructure;

/// <summary>
/// Refuses bodies above the configured limit with 413 before reading them. A declared
/// <c>Content-Length</c> is checked at once; a chunked body is cut off by the server's own
/// limit, which this middleware sets to the same value.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, long apiMaxBytes, long importMaxBytes)
{
    public Task InvokeAsync(HttpContext context)
    {
        // The bulk import takes files (Import:MaxRequestBodyBytes); every other body is small.
        var maxBytes = context.Request.Path.Equals(ImportSpool.ImportPath, StringComparison.OrdinalIgnoreCase) ? importMaxBytes : apiMaxBytes;
        if (context.Request.ContentLength > maxBytes)
        {
            var problem = ProblemFactory.Create(context, StatusCodes.Status413PayloadTooLarge,
                Application.Common.Localization.Text.Pick($"The body may be at most {maxBytes} bytes.",
                    $"Nội dung yêu cầu tối đa {maxBytes} byte."), "payloadTooLarge");
            return ProblemFactory.WriteAsync(context, problem);
        }

        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = maxBytes;
        }

        return next(context);
    }
}
