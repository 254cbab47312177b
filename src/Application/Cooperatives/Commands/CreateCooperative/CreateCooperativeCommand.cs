using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using CoopApi.Application.Common.Security;
using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.Cooperatives;
using MediatR;

namespace CoopApi.Application.Cooperatives.Commands.CreateCooperative;

/// <summary>Registers a new organization. It starts active; its status history starts with the registration.</summary>
[PublicName("CooperativeRegistration")]
public sealed record CreateCooperativeCommand : CooperativeFields, ICommand<CooperativeDto>;

/// <summary>Validates a registration.</summary>
public sealed class CreateCooperativeCommandValidator(IAdministrativeUnits units, IVietnamCalendar calendar)
    : CooperativeFieldsValidator<CreateCooperativeCommand>(units, calendar);

/// <summary>Handles <see cref="CreateCooperativeCommand"/>: the caller must hold the new record's province.</summary>
public sealed class CreateCooperativeCommandHandler(IApplicationDbContext db, IVietnamCalendar calendar, IAdministrativeUnits units,
    ICurrentUser currentUser)
    : IRequestHandler<CreateCooperativeCommand, CooperativeDto>
{
    /// <inheritdoc />
    public async Task<CooperativeDto> Handle(CreateCooperativeCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var details = request.ToDetails();
        currentUser.EnsureCanWriteIn(details.ProvinceCode);
        await RegistrationCodes.EnsureAvailableAsync(db, details.RegistrationCode, exceptId: null, cancellationToken);

        var cooperative = Cooperative.Register(details, calendar.Today, calendar.Now, units);
        db.Cooperatives.Add(cooperative);
        await db.SaveChangesAsync(cancellationToken);
        return cooperative.ToDto();
    }
}
