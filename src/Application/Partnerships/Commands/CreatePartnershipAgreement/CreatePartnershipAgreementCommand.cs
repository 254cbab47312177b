using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.Partnerships;
using CoopApi.Application.Common.Security;
using MediatR;

namespace CoopApi.Application.Partnerships.Commands.CreatePartnershipAgreement;

/// <summary>Records a partnership programme as a draft (activated through <c>POST …/{id}/status</c>).</summary>
[PublicName("PartnershipAgreementCreation")]
public sealed record CreatePartnershipAgreementCommand : AgreementFields, ICommand<PartnershipAgreementDto>;

/// <summary>Validates a new programme.</summary>
public sealed class CreatePartnershipAgreementCommandValidator(IAdministrativeUnits units, IVietnamCalendar calendar)
    : AgreementFieldsValidator<CreatePartnershipAgreementCommand>(units, calendar);

/// <summary>Handles <see cref="CreatePartnershipAgreementCommand"/>.</summary>
public sealed class CreatePartnershipAgreementCommandHandler(IApplicationDbContext db, IVietnamCalendar calendar, IAdministrativeUnits units,
    ICurrentUser user) : IRequestHandler<CreatePartnershipAgreementCommand, PartnershipAgreementDto>
{
    /// <inheritdoc />
    public async Task<PartnershipAgreementDto> Handle(CreatePartnershipAgreementCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var agreement = PartnershipAgreement.Create(request.ToTerms(), calendar.Today, calendar.Now, units);
        user.EnsureCanWriteIn(agreement.ProvinceCode);
        db.Set<PartnershipAgreement>().Add(agreement);
        await db.SaveChangesAsync(cancellationToken);
        return agreement.ToDto();
    }
}
