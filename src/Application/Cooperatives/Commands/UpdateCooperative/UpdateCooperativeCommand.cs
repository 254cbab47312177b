using System.Text.Json.Serialization;
using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using CoopApi.Application.Common.Security;
using CoopApi.Domain.AdministrativeUnits;
using MediatR;

namespace CoopApi.Application.Cooperatives.Commands.UpdateCooperative;

/// <summary>
/// Replaces every descriptive field of an organization (a full update: absent optional fields
/// become empty). Status is not changed here.
/// </summary>
[PublicName("CooperativeUpdate")]
public sealed record UpdateCooperativeCommand : CooperativeFields, ICommand<CooperativeDto>
{
    /// <summary>The organization to update (from the route).</summary>
    [JsonIgnore]
    public Guid Id { get; init; }

    /// <summary>The version the client last read (from <c>If-Match</c>), or null to skip that check.</summary>
    [JsonIgnore]
    public int? ExpectedVersion { get; init; }
}

/// <summary>Validates a full update.</summary>
public sealed class UpdateCooperativeCommandValidator(IAdministrativeUnits units, IVietnamCalendar calendar)
    : CooperativeFieldsValidator<UpdateCooperativeCommand>(units, calendar);

/// <summary>
/// Handles <see cref="UpdateCooperativeCommand"/> (PUT and PATCH): the caller must hold the record's
/// current province and, when the record moves, the new one (moving into a province is a write there).
/// </summary>
public sealed class UpdateCooperativeCommandHandler(IApplicationDbContext db, IVietnamCalendar calendar, IAdministrativeUnits units,
    ICurrentUser currentUser)
    : IRequestHandler<UpdateCooperativeCommand, CooperativeDto>
{
    /// <inheritdoc />
    public async Task<CooperativeDto> Handle(UpdateCooperativeCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cooperative = await CooperativeLoader.LoadForChangeAsync(db, request.Id, request.ExpectedVersion, cancellationToken);
        var details = request.ToDetails();
        currentUser.EnsureCanWriteIn(cooperative.ProvinceCode, details.ProvinceCode);
        await RegistrationCodes.EnsureAvailableAsync(db, details.RegistrationCode, cooperative.Id, cancellationToken);
        cooperative.UpdateDetails(details, calendar.Today, calendar.Now, units);
        await CooperativeLoader.SaveAsync(db, request.ExpectedVersion, cancellationToken);
        return cooperative.ToDto();
    }
}
