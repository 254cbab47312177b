using CoopApi.Application.Common.Behaviours;
using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.UnitTests.Fakes;
using CoopApi.Domain.Common;
using FluentValidation;
using FluentValidation.Results;

namespace CoopApi.Application.UnitTests.Behaviours;

/// <summary>
/// The behaviour names the request an unexpected exception escaped from; the web layer's handler
/// is the one place that logs it.
/// </summary>
public class UnhandledExceptionBehaviourTests
{
    public static TheoryData<Exception> ExpectedOutcomes() => new(
        new ValidationException([new ValidationFailure("name", "The name is required.")]),
        new NotFoundException("Cooperative", "tổ chức", Guid.Empty),
        new BusinessRuleViolationException("status.transitionNotAllowed", "no", "không"),
        new DomainValidationException("memberCount", "memberCount.belowMinimum", "too few", "quá ít"),
        new DuplicateException("registrationCode", "taken", "đã có"),
        new ConcurrencyConflictException(clientPrecondition: true),
        new OperationCanceledException(),
        new TaskCanceledException());

    [Fact]
    public async Task Handle_Success_ReturnsResult()
    {
        var behaviour = new UnhandledExceptionBehaviour<PingQuery, string>();
        var next = new Next<string>("pong");

        Assert.Equal("pong", await behaviour.Handle(new PingQuery("x"), CancellationToken.None, next.Invoke));
    }

    [Fact]
    public async Task Handle_UnexpectedException_IsRethrown_MarkedWithTheRequestType()
    {
        var behaviour = new UnhandledExceptionBehaviour<PingCommand, string>();
        var boom = new InvalidOperationException("boom");

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            behaviour.Handle(new PingCommand("x"), CancellationToken.None, () => throw boom));

        Assert.Same(boom, ex);
        Assert.Equal(nameof(PingCommand), UnhandledExceptions.RequestTypeOf(ex));
    }

    [Fact]
    public async Task Handle_UnexpectedExceptionThrownAsynchronously_IsMarkedToo()
    {
        var behaviour = new UnhandledExceptionBehaviour<PingQuery, string>();

        var ex = await Assert.ThrowsAsync<TimeoutException>(() => behaviour.Handle(new PingQuery("x"), CancellationToken.None, async () =>
        {
            await Task.Yield();
            throw new TimeoutException();
        }));

        Assert.Equal(nameof(PingQuery), UnhandledExceptions.RequestTypeOf(ex));
    }

    [Theory]
    [MemberData(nameof(ExpectedOutcomes))]
    public async Task Handle_ExpectedOutcome_IsRethrownUnmarked(Exception outcome)
    {
        var behaviour = new UnhandledExceptionBehaviour<PingCommand, string>();

        var ex = await Assert.ThrowsAnyAsync<Exception>(() =>
            behaviour.Handle(new PingCommand("x"), CancellationToken.None, () => throw outcome));

        Assert.Same(outcome, ex);
        Assert.Null(UnhandledExceptions.RequestTypeOf(ex));
    }
}
