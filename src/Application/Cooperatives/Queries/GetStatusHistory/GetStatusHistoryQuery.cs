using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Messaging;
using MediatR;

namespace CoopApi.Application.Cooperatives.Queries.GetStatusHistory;

/// <summary>The status history of one organization, oldest first.</summary>
/// <param name="Id">Identifier of the organization.</param>
public sealed record GetStatusHistoryQuery(Guid Id) : IQuery<IReadOnlyList<StatusChangeDto>>;

/// <summary>Handles <see cref="GetStatusHistoryQuery"/> on the read side.</summary>
public sealed class GetStatusHistoryQueryHandler(ICooperativeReadModel reads)
    : IRequestHandler<GetStatusHistoryQuery, IReadOnlyList<StatusChangeDto>>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<StatusChangeDto>> Handle(GetStatusHistoryQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await reads.GetStatusHistoryAsync(request.Id, cancellationToken)
            ?? throw new NotFoundException("Cooperative", "tổ chức", request.Id);
    }
}
