using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Messaging;
using MediatR;

namespace CoopApi.Application.AnnualReports.Queries.ListAnnualReports;

/// <summary>Every year's figures of one organization, oldest year first.</summary>
/// <param name="CooperativeId">The organization.</param>
public sealed record ListAnnualReportsQuery(Guid CooperativeId) : IQuery<IReadOnlyList<AnnualReportDto>>;

/// <summary>Handles <see cref="ListAnnualReportsQuery"/>: 404 for an unknown organization, an empty list when it filed nothing.</summary>
public sealed class ListAnnualReportsQueryHandler(IAnnualReportReadModel reads)
    : IRequestHandler<ListAnnualReportsQuery, IReadOnlyList<AnnualReportDto>>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<AnnualReportDto>> Handle(ListAnnualReportsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await reads.ListAsync(request.CooperativeId, cancellationToken)
            ?? throw new NotFoundException("Cooperative", "tổ chức", request.CooperativeId);
    }
}
