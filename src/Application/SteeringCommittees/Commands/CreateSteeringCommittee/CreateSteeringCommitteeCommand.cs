using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using CoopApi.Application.Common.Validation;
using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.SteeringCommittees;
using FluentValidation;
using MediatR;

namespace CoopApi.Application.SteeringCommittees.Commands.CreateSteeringCommittee;

/// <summary>Records a steering committee. It starts active; its first standing agency serves from the establishment date.</summary>
[PublicName("SteeringCommitteeCreation")]
public sealed record CreateSteeringCommitteeCommand : CommitteeFields, ICommand<SteeringCommitteeDto>
{
    /// <summary>The standing agency (required, at most 255 characters); later changes go through <c>POST …/{id}/standing-agency</c>.</summary>
    /// <example>Sở Kế hoạch và Đầu tư tỉnh Lạng Sơn</example>
    [FieldRules(Required = true, MaxLength = SteeringRules.NameMaxLength)]
    public string? StandingAgency { get; init; }
}

/// <summary>Validates a new committee.</summary>
public sealed class CreateSteeringCommitteeCommandValidator : CommitteeFieldsValidator<CreateSteeringCommitteeCommand>
{
    /// <summary>Creates the rules.</summary>
    public CreateSteeringCommitteeCommandValidator(IAdministrativeUnits units, IVietnamCalendar calendar) : base(units, calendar) =>
        RuleFor(x => x.StandingAgency).Satisfies((_, v) => SteeringRules.CheckRequiredText("standingAgency", v, SteeringRules.NameMaxLength));
}

/// <summary>Handles <see cref="CreateSteeringCommitteeCommand"/>.</summary>
public sealed class CreateSteeringCommitteeCommandHandler(IApplicationDbContext db, IVietnamCalendar calendar, IAdministrativeUnits units,
    ICurrentUser user) : IRequestHandler<CreateSteeringCommitteeCommand, SteeringCommitteeDto>
{
    /// <inheritdoc />
    public async Task<SteeringCommitteeDto> Handle(CreateSteeringCommitteeCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var committee = SteeringCommittee.Create(request.ToDetails(), request.StandingAgency!, calendar.Today, calendar.Now, units);
        SteeringLoader.EnsureCanWrite(user, committee.ProvinceCode);
        db.Set<SteeringCommittee>().Add(committee);
        await db.SaveChangesAsync(cancellationToken);
        return committee.ToDto();
    }
}
