using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using CoopApi.Domain.Partnerships;
using MediatR;

namespace CoopApi.Application.Partnerships.Commands.DeletePartnershipAgreement;

/// <summary>Deletes a draft recorded in error (anything but a draft: 409 <c>partnershipAgreement.notDraft</c>).</summary>
/// <param name="Id">The agreement.</param>
/// <param name="ExpectedVersion">The version the client last read (from <c>If-Match</c>).</param>
public sealed record DeletePartnershipAgreementCommand(Guid Id, int? ExpectedVersion) : ICommand<Unit>;

/// <summary>Handles <see cref="DeletePartnershipAgreementCommand"/>.</summary>
public sealed class DeletePartnershipAgreementCommandHandler(IApplicationDbContext db, IVietnamCalendar calendar, ICurrentUser user)
    : IRequestHandler<DeletePartnershipAgreementCommand, Unit>
{
    /// <inheritdoc />
    public async Task<Unit> Handle(DeletePartnershipAgreementCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var agreement = await PartnershipLoader.LoadAsync(db, user, request.Id, request.ExpectedVersion, cancellationToken);
        agreement.Delete(calendar.Now);
        db.Set<PartnershipAgreement>().Remove(agreement);
        await PartnershipLoader.SaveAsync(db, request.ExpectedVersion, cancellationToken);
        return Unit.Value;
    }
}
