using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using CoopApi.Application.Common.Security;
using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.DevelopmentTargets;
using MediatR;

namespace CoopApi.Application.DevelopmentTargets.Commands.SetDevelopmentTarget;

/// <summary>Sets a development target of a province.</summary>
[PublicName("DevelopmentTargetCreation")]
public sealed record SetDevelopmentTargetCommand : DevelopmentTargetFields, ICommand<DevelopmentTargetDto>;

/// <summary>Validates a new target.</summary>
public sealed class SetDevelopmentTargetCommandValidator(IVietnamCalendar calendar, IAdministrativeUnits units)
    : DevelopmentTargetFieldsValidator<SetDevelopmentTargetCommand>(calendar, units);

/// <summary>Handles <see cref="SetDevelopmentTargetCommand"/>: 403 outside the caller's provinces.</summary>
public sealed class SetDevelopmentTargetCommandHandler(IApplicationDbContext db, IVietnamCalendar calendar, ICurrentUser currentUser)
    : IRequestHandler<SetDevelopmentTargetCommand, DevelopmentTargetDto>
{
    /// <inheritdoc />
    public async Task<DevelopmentTargetDto> Handle(SetDevelopmentTargetCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        currentUser.EnsureCanWriteIn(request.ProvinceCode!);
        var target = DevelopmentTarget.Set(request.ToFields(), calendar.Today, calendar.Now);
        db.Set<DevelopmentTarget>().Add(target);
        await DevelopmentTargetLoader.SaveAsync(db, clientNamedVersion: false, cancellationToken);
        return target.ToDto();
    }
}
