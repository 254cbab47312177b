using System.Text.Json.Serialization;
using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using CoopApi.Domain.SteeringCommittees;
using MediatR;

namespace CoopApi.Application.SteeringCommittees.Commands.RecordSteeringActivity;

/// <summary>Records an activity of a committee; it shows the committee's standing agency on its date.</summary>
[PublicName("SteeringActivityRecording")]
public sealed record RecordSteeringActivityCommand : ActivityInput, ICommand<SteeringActivityDto>
{
    /// <summary>The committee (from the route).</summary>
    [JsonIgnore]
    public Guid CommitteeId { get; init; }
}

/// <summary>Validates a new activity.</summary>
public sealed class RecordSteeringActivityCommandValidator(IVietnamCalendar calendar)
    : ActivityInputValidator<RecordSteeringActivityCommand>(calendar);

/// <summary>Handles <see cref="RecordSteeringActivityCommand"/>.</summary>
public sealed class RecordSteeringActivityCommandHandler(IApplicationDbContext db, IVietnamCalendar calendar, ICurrentUser user)
    : IRequestHandler<RecordSteeringActivityCommand, SteeringActivityDto>
{
    /// <inheritdoc />
    public async Task<SteeringActivityDto> Handle(RecordSteeringActivityCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var committee = await SteeringLoader.LoadCommitteeAsync(db, user, request.CommitteeId, null, cancellationToken);
        await request.EnsureOrganizationsExistAsync(db, cancellationToken);
        var activity = SteeringActivity.Record(committee, request.ToFields(), calendar.Today, calendar.Now);
        db.Set<SteeringActivity>().Add(activity);
        await db.SaveChangesAsync(cancellationToken);
        return activity.ToDto();
    }
}
