using System.Text.Json.Serialization;
using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using MediatR;

namespace CoopApi.Application.Partnerships.Commands.UpdatePartnershipCommitment;

/// <summary>Replaces a commitment of a draft (an active programme's commitments never change: 409 <c>partnershipCommitment.notDraft</c>).</summary>
[PublicName("PartnershipCommitmentUpdate")]
public sealed record UpdatePartnershipCommitmentCommand : CommitmentInput, ICommand<CommitmentResult>
{
    /// <summary>The agreement (from the route).</summary>
    [JsonIgnore]
    public Guid AgreementId { get; init; }

    /// <summary>The commitment (from the route).</summary>
    [JsonIgnore]
    public Guid CommitmentId { get; init; }

    /// <summary>The agreement's version the client last read (from <c>If-Match</c>).</summary>
    [JsonIgnore]
    public int? ExpectedVersion { get; init; }
}

/// <summary>Validates a commitment update.</summary>
public sealed class UpdatePartnershipCommitmentCommandValidator : CommitmentInputValidator<UpdatePartnershipCommitmentCommand>;

/// <summary>Handles <see cref="UpdatePartnershipCommitmentCommand"/>.</summary>
public sealed class UpdatePartnershipCommitmentCommandHandler(IApplicationDbContext db, IVietnamCalendar calendar, ICurrentUser user)
    : IRequestHandler<UpdatePartnershipCommitmentCommand, CommitmentResult>
{
    /// <inheritdoc />
    public async Task<CommitmentResult> Handle(UpdatePartnershipCommitmentCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var agreement = await PartnershipLoader.LoadAsync(db, user, request.AgreementId, request.ExpectedVersion, cancellationToken);
        var commitment = agreement.UpdateCommitment(request.CommitmentId, request.ToFields(), calendar.Now)
            ?? throw new NotFoundException("Partnership commitment", "cam kết của chương trình phối hợp", request.CommitmentId);
        await PartnershipLoader.SaveAsync(db, request.ExpectedVersion, cancellationToken);
        return new CommitmentResult(commitment.ToDto(), agreement.Version);
    }
}
