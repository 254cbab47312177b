using MediatR;

namespace CoopApi.Application.Common.Behaviours;

/// <summary>
/// Outermost behaviour: marks an exception nobody expected with the request type it escaped
/// from (<see cref="RequestTypeKey"/> in <see cref="Exception.Data"/>), then lets it travel on.
/// It does not log: the web layer's exception handler logs each unexpected error exactly once,
/// naming the request type found here. Expected outcomes (validation, not found, rule
/// violations, conflicts) are not errors and are left alone.
/// </summary>
public sealed class UnhandledExceptionBehaviour<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IRequest<TResponse>
{
    /// <summary>Key under which the failing request's type name is stored in <see cref="Exception.Data"/>.</summary>
    public const string RequestTypeKey = UnhandledExceptions.RequestTypeKey;

    /// <inheritdoc />
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next();
        }
        catch (Exception ex) when (!ExpectedOutcomes.IsExpected(ex) && ex is not OperationCanceledException
                                   && !ex.Data.Contains(RequestTypeKey))
        {
            ex.Data[RequestTypeKey] = typeof(TRequest).Name;
            throw;
        }
    }
}

/// <summary>What the pipeline records on an unexpected exception for the one place that logs it.</summary>
public static class UnhandledExceptions
{
    /// <summary>Key of the failing request's type name in <see cref="Exception.Data"/>.</summary>
    public const string RequestTypeKey = "CoopApi.RequestType";

    /// <summary>The request type an unexpected exception escaped from, when the pipeline saw it.</summary>
    public static string? RequestTypeOf(Exception exception) =>
        exception?.Data[RequestTypeKey] as string;
}
