using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using CoopApi.Domain.Cooperatives;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CoopApi.Architecture.Tests.Fixtures;

// Test-only types that break the architecture rules on purpose: the self-checks run the rules'
// checkers on them to prove that each checker can fail. They are never part of the product.

/// <summary>Breaks every controller rule: two services injected, EF Core, domain logic (also inside an async method).</summary>
public sealed class MeddlingController(IMediator mediator, ICurrentUser user) : ControllerBase
{
    public int Minimum() => OrganizationRules.MinimumMembers(OrganizationKind.Cooperative) + mediator.GetHashCode();

    public async Task<string> Register(CooperativeDetails details)
    {
        await Task.Yield();
        return Cooperative.Register(details, default, default, null!).Name + user.Id;
    }

    public int Count(DbContext db) => db.GetHashCode() + user.GetHashCode();
}

/// <summary>Breaks only the constructor rule.</summary>
public sealed class TwoConstructorsController : ControllerBase
{
    public TwoConstructorsController(IMediator mediator) => Mediator = mediator;

    public TwoConstructorsController() => Mediator = null;

    public IMediator? Mediator { get; }
}

/// <summary>Uses domain enumerations only, which is allowed: must not be reported.</summary>
public sealed class EnumOnlyController(IMediator mediator) : ControllerBase
{
    public string Describe(OrganizationKind kind) =>
        kind == OrganizationKind.Cooperative ? kind.ToString() : mediator.GetType().Name;

    public OrganizationStatus[] Statuses(OrganizationStatus extra) =>
        [OrganizationStatus.Active, OrganizationStatus.Suspended, extra, (OrganizationStatus)mediator.GetHashCode()];
}

/// <summary>Named neither command nor query.</summary>
public sealed class FetchThing : IRequest<int>;

/// <summary>Not sealed.</summary>
public class OpenQuery : IQuery<int>;

/// <summary>Named a command, implements a query.</summary>
public sealed record RenameCommand : IQuery<int>;

/// <summary>A handler named after what it is not.</summary>
public sealed class FetchThingProcessor : IRequestHandler<FetchThing, int>
{
    public Task<int> Handle(FetchThing request, CancellationToken cancellationToken) => Task.FromResult(1);
}

/// <summary>Follows every convention: must not be reported.</summary>
public sealed record TidyCommand(string Name) : ICommand<int>;

public sealed class TidyCommandHandler : IRequestHandler<TidyCommand, int>
{
    public Task<int> Handle(TidyCommand request, CancellationToken cancellationToken) => Task.FromResult(request.Name.Length);
}

public sealed class TidyCommandValidator : AbstractValidator<TidyCommand>
{
    public TidyCommandValidator() => RuleFor(x => x.Name).NotEmpty();
}
