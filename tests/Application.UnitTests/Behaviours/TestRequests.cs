using CoopApi.Application.Common.Messaging;
using MediatR;

namespace CoopApi.Application.UnitTests.Behaviours;

public sealed record PingCommand(string? Text) : ICommand<string>;

public sealed record PingQuery(string? Text) : IQuery<string>;

/// <summary>Neither command nor query: a bare MediatR request.</summary>
public sealed record PlainRequest : IRequest<string>;

/// <summary>Stands in for the rest of the pipeline: counts calls and returns or throws what it is told.</summary>
internal sealed class Next<T>(Func<Task<T>> body)
{
    public Next(T result)
        : this(() => Task.FromResult(result))
    {
    }

    public int Calls { get; private set; }

    public Task<T> Invoke()
    {
        Calls++;
        return body();
    }
}
