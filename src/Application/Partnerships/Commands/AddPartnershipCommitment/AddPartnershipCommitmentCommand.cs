using System.Text.Json.Serialization;
using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using MediatR;

namespace CoopApi.Application.Partnerships.Commands.AddPartnershipCommitment;

/// <summary>
/// Adds a commitment to a draft, or (as an addendum) to an active programme. No <c>If-Match</c>:
/// nothing the client read is overwritten; the agreement's version moves.
/// </summary>
[PublicName("PartnershipCommitmentAddition")]
public sealed record AddPartnershipCommitmentCommand : CommitmentInput, ICommand<CommitmentResult>
{
    /// <summary>The agreement (from the route).</summary>
    [JsonIgnore]
    public Guid AgreementId { get; init; }
}

/// <summary>Validates a new commitment.</summary>
public sealed class AddPartnershipCommitmentCommandValidator : CommitmentInputValidator<AddPartnershipCommitmentCommand>;

/// <summary>Handles <see cref="AddPartnershipCommitmentCommand"/>.</summary>
public sealed class AddPartnershipCommitmentCommandHandler(IApplicationDbContext db, IVietnamCalendar calendar, ICurrentUser user)
    : IRequestHandler<AddPartnershipCommitmentCommand, CommitmentResult>
{
    /// <inheritdoc />
    public async Task<CommitmentResult> Handle(AddPartnershipCommitmentCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var agreement = await PartnershipLoader.LoadAsync(db, user, request.AgreementId, null, cancellationToken);
        var commitment = agreement.AddCommitment(request.ToFields(), calendar.Now);
        await PartnershipLoader.SaveAsync(db, null, cancellationToken);
        return new CommitmentResult(commitment.ToDto(), agreement.Version);
    }
}
