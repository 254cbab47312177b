using CoopApi.Application.Common.Behaviours;
using FluentValidation;

namespace CoopApi.Application.UnitTests.Behaviours;

public class ValidationBehaviourTests
{
    [Fact]
    public async Task Handle_NoValidators_CallsNext()
    {
        var behaviour = new ValidationBehaviour<PingCommand, string>([]);
        var next = new Next<string>("pong");

        var result = await behaviour.Handle(new PingCommand(null), CancellationToken.None, next.Invoke);

        Assert.Equal("pong", result);
        Assert.Equal(1, next.Calls);
    }

    [Fact]
    public async Task Handle_AllValidatorsPass_CallsNextOnce()
    {
        var first = new InlineValidator<PingCommand>();
        first.RuleFor(x => x.Text).NotEmpty();
        var second = new InlineValidator<PingCommand>();
        second.RuleFor(x => x.Text).MaximumLength(10);
        var behaviour = new ValidationBehaviour<PingCommand, string>([first, second]);
        var next = new Next<string>("pong");

        var result = await behaviour.Handle(new PingCommand("ping"), CancellationToken.None, next.Invoke);

        Assert.Equal("pong", result);
        Assert.Equal(1, next.Calls);
    }

    [Fact]
    public async Task Handle_OneValidatorFails_ThrowsAndDoesNotCallNext()
    {
        var validator = new InlineValidator<PingCommand>();
        validator.RuleFor(x => x.Text).NotEmpty().WithMessage("text required");
        var behaviour = new ValidationBehaviour<PingCommand, string>([validator]);
        var next = new Next<string>("pong");

        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            behaviour.Handle(new PingCommand(""), CancellationToken.None, next.Invoke));

        var failure = Assert.Single(ex.Errors);
        Assert.Equal("Text", failure.PropertyName);
        Assert.Equal("text required", failure.ErrorMessage);
        Assert.Equal(0, next.Calls);
    }

    [Fact]
    public async Task Handle_FailuresFromSeveralValidators_OneExceptionWithEachFailureOnce()
    {
        var first = new InlineValidator<PingCommand>();
        first.RuleFor(x => x.Text).Must(_ => false).WithMessage("A");
        var passing = new InlineValidator<PingCommand>();
        passing.RuleFor(x => x.Text).Must(_ => true);
        var second = new InlineValidator<PingCommand>();
        second.RuleFor(x => x.Text).Must(_ => false).WithMessage("B");
        second.RuleFor(x => x).Must(_ => false).WithMessage("C");
        var behaviour = new ValidationBehaviour<PingCommand, string>([first, passing, second]);
        var next = new Next<string>("pong");

        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            behaviour.Handle(new PingCommand("x"), CancellationToken.None, next.Invoke));

        Assert.Equal(["A", "B", "C"], ex.Errors.Select(e => e.ErrorMessage).ToArray());
        Assert.Equal(0, next.Calls);
    }

    [Fact]
    public async Task Handle_AsyncRule_IsAwaited()
    {
        var validator = new InlineValidator<PingCommand>();
        validator.RuleFor(x => x.Text).MustAsync(async (_, ct) =>
        {
            await Task.Yield();
            return false;
        }).WithMessage("async says no");
        var behaviour = new ValidationBehaviour<PingCommand, string>([validator]);
        var next = new Next<string>("pong");

        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            behaviour.Handle(new PingCommand("x"), CancellationToken.None, next.Invoke));

        Assert.Equal("async says no", Assert.Single(ex.Errors).ErrorMessage);
        Assert.Equal(0, next.Calls);
    }

    [Fact]
    public async Task Handle_NullNext_Throws()
    {
        var behaviour = new ValidationBehaviour<PingCommand, string>([]);

        await Assert.ThrowsAsync<ArgumentNullException>(() => behaviour.Handle(new PingCommand(null), CancellationToken.None, null!));
    }
}
