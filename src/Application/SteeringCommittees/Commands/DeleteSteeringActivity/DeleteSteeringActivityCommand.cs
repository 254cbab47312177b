using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using CoopApi.Domain.SteeringCommittees;
using MediatR;

namespace CoopApi.Application.SteeringCommittees.Commands.DeleteSteeringActivity;

/// <summary>Deletes an activity recorded in error (its event stays in the audit trail).</summary>
/// <param name="Id">The activity.</param>
/// <param name="ExpectedVersion">The version the client last read (from <c>If-Match</c>).</param>
public sealed record DeleteSteeringActivityCommand(Guid Id, int? ExpectedVersion) : ICommand<Unit>;

/// <summary>Handles <see cref="DeleteSteeringActivityCommand"/>.</summary>
public sealed class DeleteSteeringActivityCommandHandler(IApplicationDbContext db, IVietnamCalendar calendar, ICurrentUser user)
    : IRequestHandler<DeleteSteeringActivityCommand, Unit>
{
    /// <inheritdoc />
    public async Task<Unit> Handle(DeleteSteeringActivityCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var activity = await SteeringLoader.LoadActivityAsync(db, request.Id, request.ExpectedVersion, cancellationToken);
        SteeringLoader.EnsureCanWrite(user, activity.ProvinceCode);
        activity.Delete(calendar.Now);
        db.Set<SteeringActivity>().Remove(activity);
        await SteeringLoader.SaveAsync(db, request.ExpectedVersion, cancellationToken);
        return Unit.Value;
    }
}
