using System.Text.Json.Serialization;
using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.SteeringCommittees;
using MediatR;

namespace CoopApi.Application.SteeringCommittees.Commands.UpdateSteeringCommittee;

/// <summary>
/// Replaces the descriptive fields of a committee (not its status, members or standing agency).
/// Moving it to another area is a write in both provinces; activities follow its province.
/// </summary>
[PublicName("SteeringCommitteeUpdate")]
public sealed record UpdateSteeringCommitteeCommand : CommitteeFields, ICommand<SteeringCommitteeDto>
{
    /// <summary>The committee (from the route).</summary>
    [JsonIgnore]
    public Guid Id { get; init; }

    /// <summary>The version the client last read (from <c>If-Match</c>).</summary>
    [JsonIgnore]
    public int? ExpectedVersion { get; init; }
}

/// <summary>Validates a full update.</summary>
public sealed class UpdateSteeringCommitteeCommandValidator(IAdministrativeUnits units, IVietnamCalendar calendar)
    : CommitteeFieldsValidator<UpdateSteeringCommitteeCommand>(units, calendar);

/// <summary>Handles <see cref="UpdateSteeringCommitteeCommand"/>.</summary>
public sealed class UpdateSteeringCommitteeCommandHandler(IApplicationDbContext db, IVietnamCalendar calendar, IAdministrativeUnits units,
    ICurrentUser user) : IRequestHandler<UpdateSteeringCommitteeCommand, SteeringCommitteeDto>
{
    /// <inheritdoc />
    public async Task<SteeringCommitteeDto> Handle(UpdateSteeringCommitteeCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var committee = await SteeringLoader.LoadCommitteeAsync(db, user, request.Id, request.ExpectedVersion, cancellationToken);
        var province = committee.ProvinceCode;
        var details = request.ToDetails();
        if (details.EstablishedOn > committee.EstablishedOn
            && await SteeringLoader.HasActivitiesOutsideAsync(db, committee.Id, details.EstablishedOn, null, cancellationToken))
        {
            throw SteeringRules.Errors.EstablishedAfterRecords.AsViolation();
        }

        committee.Update(details, calendar.Today, calendar.Now, units);
        SteeringLoader.EnsureCanWrite(user, committee.ProvinceCode);
        if (committee.ProvinceCode != province)
        {
            await SteeringLoader.RefreshActivitiesAsync(db, committee, calendar.Now, cancellationToken);
        }

        await SteeringLoader.SaveAsync(db, request.ExpectedVersion, cancellationToken);
        return committee.ToDto();
    }
}
