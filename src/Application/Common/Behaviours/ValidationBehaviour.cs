using FluentValidation;
using MediatR;

namespace CoopApi.Application.Common.Behaviours;

/// <summary>
/// Runs every FluentValidation validator of the request before the handler, and stops with a
/// <see cref="ValidationException"/> carrying all field errors at once when any fails. It runs
/// before the transaction behaviour, so an invalid command never opens a transaction.
/// </summary>
public sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IRequest<TResponse>
{
    private readonly IValidator<TRequest>[] _validators = validators.ToArray();

    /// <inheritdoc />
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (_validators.Length == 0)
        {
            return await next();
        }

        List<FluentValidation.Results.ValidationFailure>? failures = null;
        // Sequentially: validators may share the scoped DbContext, which is not thread-safe.
        // A context each: a shared one accumulates failures, and each result would repeat the
        // previous validators' failures.
        foreach (var validator in _validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken);
            if (!result.IsValid)
            {
                (failures ??= []).AddRange(result.Errors);
            }
        }

        if (failures is not null)
        {
            throw new ValidationException(failures);
        }

        return await next();
    }
}
