using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using MediatR;

namespace CoopApi.Application.Common.Behaviours;

/// <summary>
/// Innermost behaviour for commands: the handler runs inside one database transaction that
/// commits only if it returns. A command that throws leaves nothing behind. Queries pass
/// straight through.
/// </summary>
public sealed class TransactionBehaviour<TRequest, TResponse>(ITransactionRunner transactions)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IRequest<TResponse>
{
    /// <inheritdoc />
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (request is not ICommand<TResponse>)
        {
            return next();
        }

        return transactions.RunAsync(_ => next(), cancellationToken);
    }
}
