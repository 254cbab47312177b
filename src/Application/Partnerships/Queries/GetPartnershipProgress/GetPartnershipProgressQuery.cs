using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using MediatR;

namespace CoopApi.Application.Partnerships.Queries.GetPartnershipProgress;

/// <summary>The computed progress of one agreement (never stored).</summary>
/// <param name="Id">Identifier of the agreement.</param>
public sealed record GetPartnershipProgressQuery(Guid Id) : IQuery<PartnershipProgressDto>;

/// <summary>Handles <see cref="GetPartnershipProgressQuery"/>: the agreement and the register's counts from the read side.</summary>
public sealed class GetPartnershipProgressQueryHandler(IPartnershipReadModel reads, IVietnamCalendar calendar)
    : IRequestHandler<GetPartnershipProgressQuery, PartnershipProgressDto>
{
    /// <inheritdoc />
    public async Task<PartnershipProgressDto> Handle(GetPartnershipProgressQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var agreement = await reads.FindAgreementAsync(request.Id, cancellationToken)
            ?? throw new NotFoundException("Partnership agreement", "chương trình phối hợp", request.Id);
        var counts = agreement.Commitments.Any(c => c.RegisterMeasure is not null)
            ? await reads.RegisterCountsAsync(agreement.ProvinceCode, agreement.PeriodStartYear, agreement.PeriodEndYear, cancellationToken)
            : new Dictionary<(Domain.Partnerships.RegisterMeasure, int), int>();
        return PartnershipProgressCalculator.Compute(agreement, counts, calendar.Today.Year);
    }
}
