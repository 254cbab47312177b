using MediatR;
using Microsoft.Extensions.Logging;

namespace CoopApi.Application.Common.Behaviours;

/// <summary>
/// Outermost behaviour: logs any request that fails with an exception nobody expected, with the
/// request type, then lets the exception travel on to the web layer's problem-details handler.
/// Expected outcomes (validation, not found, rule violations) are not errors and are not logged here.
/// </summary>
public sealed class UnhandledExceptionBehaviour<TRequest, TResponse>(ILogger<UnhandledExceptionBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IRequest<TResponse>
{
    /// <inheritdoc />
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next();
        }
        catch (Exception ex) when (!ExpectedOutcomes.IsExpected(ex) && ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Request {RequestType} failed", typeof(TRequest).Name);
            throw;
        }
    }
}
