using System.Text.Json.Serialization;
using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using MediatR;

namespace CoopApi.Application.SteeringCommittees.Commands.UpdateSteeringActivity;

/// <summary>Replaces every field of an activity (same rules as recording it).</summary>
[PublicName("SteeringActivityUpdate")]
public sealed record UpdateSteeringActivityCommand : ActivityInput, ICommand<SteeringActivityDto>
{
    /// <summary>The activity (from the route).</summary>
    [JsonIgnore]
    public Guid Id { get; init; }

    /// <summary>The version the client last read (from <c>If-Match</c>).</summary>
    [JsonIgnore]
    public int? ExpectedVersion { get; init; }
}

/// <summary>Validates a full update.</summary>
public sealed class UpdateSteeringActivityCommandValidator(IVietnamCalendar calendar)
    : ActivityInputValidator<UpdateSteeringActivityCommand>(calendar);

/// <summary>Handles <see cref="UpdateSteeringActivityCommand"/>.</summary>
public sealed class UpdateSteeringActivityCommandHandler(IApplicationDbContext db, IVietnamCalendar calendar, ICurrentUser user)
    : IRequestHandler<UpdateSteeringActivityCommand, SteeringActivityDto>
{
    /// <inheritdoc />
    public async Task<SteeringActivityDto> Handle(UpdateSteeringActivityCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var activity = await SteeringLoader.LoadActivityAsync(db, request.Id, request.ExpectedVersion, cancellationToken);
        var committee = await SteeringLoader.LoadCommitteeAsync(db, user, activity.CommitteeId, null, cancellationToken);
        await request.EnsureOrganizationsExistAsync(db, cancellationToken);
        activity.Update(committee, request.ToFields(), calendar.Today, calendar.Now);
        await SteeringLoader.SaveAsync(db, request.ExpectedVersion, cancellationToken);
        return activity.ToDto();
    }
}
