using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Messaging;
using MediatR;

namespace CoopApi.Application.Partnerships.Queries.GetPartnershipAgreement;

/// <summary>One agreement by id.</summary>
/// <param name="Id">Identifier.</param>
public sealed record GetPartnershipAgreementQuery(Guid Id) : IQuery<PartnershipAgreementDto>;

/// <summary>Handles <see cref="GetPartnershipAgreementQuery"/> on the read side.</summary>
public sealed class GetPartnershipAgreementQueryHandler(IPartnershipReadModel reads) : IRequestHandler<GetPartnershipAgreementQuery, PartnershipAgreementDto>
{
    /// <inheritdoc />
    public async Task<PartnershipAgreementDto> Handle(GetPartnershipAgreementQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await reads.FindAgreementAsync(request.Id, cancellationToken)
            ?? throw new NotFoundException("Partnership agreement", "chương trình phối hợp", request.Id);
    }
}
