using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using CoopApi.Domain.Cooperatives;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CoopApi.Architecture.Tests.Fixtures;

// Test-only types that break the architecture rules on purpose: the self-checks run the rules'
// checkers on them to prove that each checker can fail. They are never part of the product.

/// <summary>Stands for the product's (internal) endpoint-group interface, which the rules match by name.</summary>
public interface IEndpointGroup;

/// <summary>Breaks every endpoint rule: a second service, EF Core, domain logic (also inside an async method).</summary>
public sealed class MeddlingEndpoints : IEndpointGroup
{
    public static int Minimum(IMediator mediator) => OrganizationRules.MinimumMembers(OrganizationKind.Cooperative) + mediator.GetHashCode();

    public static async Task<string> Register(CooperativeDetails details, ICurrentUser user)
    {
        await Task.Yield();
        return Cooperative.Register(details, default, default, null!).Name + user.Id;
    }

    public static int Count(DbContext db) => db.GetHashCode();
}

/// <summary>Breaks only the state rule: it keeps a mediator between requests.</summary>
public sealed class StatefulEndpoints(IMediator mediator) : IEndpointGroup
{
    public static int Ping(IMediator other) => other.GetHashCode();

    public IMediator Mediator { get; } = mediator;
}

/// <summary>Uses domain enumerations only, which is allowed: must not be reported.</summary>
public sealed class EnumOnlyEndpoints : IEndpointGroup
{
    public static string Describe(OrganizationKind kind, IMediator mediator) =>
        kind == OrganizationKind.Cooperative ? kind.ToString() : mediator.GetType().Name;

    public static OrganizationStatus[] Statuses(OrganizationStatus extra, IMediator mediator, CancellationToken ct) =>
        [OrganizationStatus.Active, OrganizationStatus.Suspended, extra, (OrganizationStatus)(mediator.GetHashCode() + ct.GetHashCode())];
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
