using CoopApi.Application.Common.Behaviours;
using CoopApi.Application.UnitTests.Fakes;

namespace CoopApi.Application.UnitTests.Behaviours;

public class TransactionBehaviourTests
{
    [Fact]
    public async Task Handle_Command_RunsNextInsideOneTransaction()
    {
        var runner = new RecordingTransactionRunner();
        var behaviour = new TransactionBehaviour<PingCommand, string>(runner);
        var insideAtCall = false;
        var next = new Next<string>(() =>
        {
            insideAtCall = runner.InTransaction;
            return Task.FromResult("pong");
        });
        using var cts = new CancellationTokenSource();

        var result = await behaviour.Handle(new PingCommand("x"), cts.Token, next.Invoke);

        Assert.Equal("pong", result);
        Assert.Equal(1, runner.Runs);
        Assert.Equal(1, next.Calls);
        Assert.True(insideAtCall, "the handler must run inside the transaction");
        Assert.Equal(cts.Token, runner.LastToken);
    }

    [Fact]
    public async Task Handle_CommandThatThrows_ExceptionLeavesTheTransaction()
    {
        var runner = new RecordingTransactionRunner();
        var behaviour = new TransactionBehaviour<PingCommand, string>(runner);
        var boom = new InvalidOperationException("boom");
        var next = new Next<string>(() => throw boom);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            behaviour.Handle(new PingCommand("x"), CancellationToken.None, next.Invoke));

        Assert.Same(boom, ex);
        Assert.Equal(1, runner.Runs);
        Assert.False(runner.InTransaction);
    }

    [Fact]
    public async Task Handle_Query_BypassesTheRunner()
    {
        var runner = new RecordingTransactionRunner();
        var behaviour = new TransactionBehaviour<PingQuery, string>(runner);
        var next = new Next<string>("pong");

        var result = await behaviour.Handle(new PingQuery("x"), CancellationToken.None, next.Invoke);

        Assert.Equal("pong", result);
        Assert.Equal(0, runner.Runs);
        Assert.Equal(1, next.Calls);
    }

    [Fact]
    public async Task Handle_PlainRequest_BypassesTheRunner()
    {
        var runner = new RecordingTransactionRunner();
        var behaviour = new TransactionBehaviour<PlainRequest, string>(runner);
        var next = new Next<string>("pong");

        await behaviour.Handle(new PlainRequest(), CancellationToken.None, next.Invoke);

        Assert.Equal(0, runner.Runs);
        Assert.Equal(1, next.Calls);
    }

    [Fact]
    public async Task Handle_RealCommandsAndQueries_AreToldApart()
    {
        var runner = new RecordingTransactionRunner();
        var dto = Mapping.CooperativeMapperTests.SampleDto();

        await new TransactionBehaviour<Cooperatives.Commands.ChangeCooperativeStatus.ChangeCooperativeStatusCommand, Cooperatives.CooperativeDto>(runner)
            .Handle(new(), CancellationToken.None, () => Task.FromResult(dto));
        await new TransactionBehaviour<Cooperatives.Queries.GetCooperative.GetCooperativeQuery, Cooperatives.CooperativeDto>(runner)
            .Handle(new(Guid.Empty), CancellationToken.None, () => Task.FromResult(dto));

        Assert.Equal(1, runner.Runs);
    }
}
