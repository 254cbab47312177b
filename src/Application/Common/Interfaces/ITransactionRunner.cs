namespace CoopApi.Application.Common.Interfaces;

/// <summary>
/// Runs a unit of work inside one database transaction, retried as a whole by the provider's
/// execution strategy when the failure is transient.
/// </summary>
public interface ITransactionRunner
{
    /// <summary>Runs <paramref name="work"/> in a transaction and commits when it returns.</summary>
    Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}
