using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using CoopApi.Application.Common.Security;
using CoopApi.Domain.DevelopmentTargets;
using MediatR;

namespace CoopApi.Application.DevelopmentTargets.Commands.DeleteDevelopmentTarget;

/// <summary>Removes a target recorded in error (the event keeps what it held).</summary>
/// <param name="TargetId">The target (from the route).</param>
/// <param name="ExpectedVersion">The version the client last read (from <c>If-Match</c>).</param>
public sealed record DeleteDevelopmentTargetCommand(Guid TargetId, int ExpectedVersion) : ICommand<Unit>;

/// <summary>Handles <see cref="DeleteDevelopmentTargetCommand"/>.</summary>
public sealed class DeleteDevelopmentTargetCommandHandler(IApplicationDbContext db, IVietnamCalendar calendar, ICurrentUser currentUser)
    : IRequestHandler<DeleteDevelopmentTargetCommand, Unit>
{
    /// <inheritdoc />
    public async Task<Unit> Handle(DeleteDevelopmentTargetCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = await DevelopmentTargetLoader.TargetAsync(db, request.TargetId, cancellationToken);
        currentUser.EnsureCanWriteIn(target.ProvinceCode);
        DevelopmentTargetLoader.EnsureVersion(target, request.ExpectedVersion);
        target.Delete(calendar.Now);
        db.Set<DevelopmentTarget>().Remove(target);
        await DevelopmentTargetLoader.SaveAsync(db, clientNamedVersion: true, cancellationToken);
        return Unit.Value;
    }
}
