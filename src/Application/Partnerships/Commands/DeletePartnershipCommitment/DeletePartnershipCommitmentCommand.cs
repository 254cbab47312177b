using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using MediatR;

namespace CoopApi.Application.Partnerships.Commands.DeletePartnershipCommitment;

/// <summary>Removes a commitment of a draft (409 <c>partnershipCommitment.notDraft</c> once the programme is active).</summary>
/// <param name="AgreementId">The agreement.</param>
/// <param name="CommitmentId">The commitment.</param>
/// <param name="ExpectedVersion">The agreement's version the client last read (from <c>If-Match</c>).</param>
public sealed record DeletePartnershipCommitmentCommand(Guid AgreementId, Guid CommitmentId, int? ExpectedVersion) : ICommand<Unit>;

/// <summary>Handles <see cref="DeletePartnershipCommitmentCommand"/>.</summary>
public sealed class DeletePartnershipCommitmentCommandHandler(IApplicationDbContext db, IVietnamCalendar calendar, ICurrentUser user)
    : IRequestHandler<DeletePartnershipCommitmentCommand, Unit>
{
    /// <inheritdoc />
    public async Task<Unit> Handle(DeletePartnershipCommitmentCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var agreement = await PartnershipLoader.LoadAsync(db, user, request.AgreementId, request.ExpectedVersion, cancellationToken);
        if (!agreement.RemoveCommitment(request.CommitmentId, calendar.Now))
        {
            throw new NotFoundException("Partnership commitment", "cam kết của chương trình phối hợp", request.CommitmentId);
        }

        await PartnershipLoader.SaveAsync(db, request.ExpectedVersion, cancellationToken);
        return Unit.Value;
    }
}
