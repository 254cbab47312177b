using CoopApi.Application.Common.Behaviours;
using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.UnitTests.Fakes;
using CoopApi.Domain.Common;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Logging;

namespace CoopApi.Application.UnitTests.Behaviours;

public class UnhandledExceptionBehaviourTests
{
    public static TheoryData<Exception> ExpectedOutcomes() => new(
        new ValidationException([new ValidationFailure("name", "The name is required.")]),
        new NotFoundException("Cooperative", Guid.Empty),
        new BusinessRuleViolationException("status.transitionNotAllowed", "no", "không"),
        new DomainValidationException("memberCount", "memberCount.belowMinimum", "too few", "quá ít"),
        new DuplicateException("registrationCode", "taken", "đã có"),
        new ConcurrencyConflictException(clientPrecondition: true),
        new OperationCanceledException(),
        new TaskCanceledException());

    [Fact]
    public async Task Handle_Success_ReturnsResultAndLogsNothing()
    {
        var logger = new RecordingLogger<UnhandledExceptionBehaviour<PingQuery, string>>();
        var behaviour = new UnhandledExceptionBehaviour<PingQuery, string>(logger);
        var next = new Next<string>("pong");

        var result = await behaviour.Handle(new PingQuery("x"), CancellationToken.None, next.Invoke);

        Assert.Equal("pong", result);
        Assert.Empty(logger.Entries);
    }

    [Fact]
    public async Task Handle_UnexpectedException_LogsErrorWithRequestTypeAndRethrowsSameException()
    {
        var logger = new RecordingLogger<UnhandledExceptionBehaviour<PingCommand, string>>();
        var behaviour = new UnhandledExceptionBehaviour<PingCommand, string>(logger);
        var boom = new InvalidOperationException("boom");

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            behaviour.Handle(new PingCommand("x"), CancellationToken.None, () => throw boom));

        Assert.Same(boom, ex);
        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Same(boom, entry.Exception);
        Assert.Contains(nameof(PingCommand), entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_UnexpectedExceptionThrownAsynchronously_IsLoggedToo()
    {
        var logger = new RecordingLogger<UnhandledExceptionBehaviour<PingQuery, string>>();
        var behaviour = new UnhandledExceptionBehaviour<PingQuery, string>(logger);

        await Assert.ThrowsAsync<TimeoutException>(() => behaviour.Handle(new PingQuery("x"), CancellationToken.None, async () =>
        {
            await Task.Yield();
            throw new TimeoutException();
        }));

        Assert.IsType<TimeoutException>(Assert.Single(logger.Entries).Exception);
    }

    [Theory]
    [MemberData(nameof(ExpectedOutcomes))]
    public async Task Handle_ExpectedOutcome_IsRethrownWithoutLogging(Exception outcome)
    {
        var logger = new RecordingLogger<UnhandledExceptionBehaviour<PingCommand, string>>();
        var behaviour = new UnhandledExceptionBehaviour<PingCommand, string>(logger);

        var ex = await Assert.ThrowsAnyAsync<Exception>(() =>
            behaviour.Handle(new PingCommand("x"), CancellationToken.None, () => throw outcome));

        Assert.Same(outcome, ex);
        Assert.Empty(logger.Entries);
    }
}
