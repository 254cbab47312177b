using MediatR;

namespace CoopApi.Application.Common.Messaging;

/// <summary>
/// A request that changes state. Every command runs inside one database transaction (see
/// <see cref="Behaviours.TransactionBehaviour{TRequest,TResponse}"/>), so audit, change-feed and
/// idempotency records added later can join the same transaction.
/// </summary>
public interface ICommand<out TResponse> : IRequest<TResponse>;

/// <summary>A request that only reads. Queries never open a write transaction.</summary>
public interface IQuery<out TResponse> : IRequest<TResponse>;
