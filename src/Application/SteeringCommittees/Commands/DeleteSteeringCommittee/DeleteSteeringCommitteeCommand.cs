using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using CoopApi.Domain.SteeringCommittees;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CoopApi.Application.SteeringCommittees.Commands.DeleteSteeringCommittee;

/// <summary>
/// Deletes a committee recorded in error: only while it has no members and no activities (409
/// <c>steeringCommittee.hasMembersOrActivities</c>; a committee that worked is dissolved instead).
/// </summary>
/// <param name="Id">The committee.</param>
/// <param name="ExpectedVersion">The version the client last read (from <c>If-Match</c>).</param>
public sealed record DeleteSteeringCommitteeCommand(Guid Id, int? ExpectedVersion) : ICommand<Unit>;

/// <summary>Handles <see cref="DeleteSteeringCommitteeCommand"/>.</summary>
public sealed class DeleteSteeringCommitteeCommandHandler(IApplicationDbContext db, IVietnamCalendar calendar, ICurrentUser user)
    : IRequestHandler<DeleteSteeringCommitteeCommand, Unit>
{
    /// <inheritdoc />
    public async Task<Unit> Handle(DeleteSteeringCommitteeCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var committee = await SteeringLoader.LoadCommitteeAsync(db, user, request.Id, request.ExpectedVersion, cancellationToken);
        // An activity recorded concurrently is stopped by the foreign key (RESTRICT), mapped to the same 409.
        if (await db.Set<SteeringActivity>().AnyAsync(a => a.CommitteeId == committee.Id, cancellationToken))
        {
            throw SteeringRules.Errors.HasRecords.AsViolation();
        }

        committee.Delete(calendar.Now);
        db.Set<SteeringCommittee>().Remove(committee);
        await SteeringLoader.SaveAsync(db, request.ExpectedVersion, cancellationToken);
        return Unit.Value;
    }
}
