using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CoopApi.Application.Cooperatives.Queries.GetStatusHistory;

/// <summary>The status history of one organization, oldest first.</summary>
/// <param name="Id">Identifier of the organization.</param>
public sealed record GetStatusHistoryQuery(Guid Id) : IQuery<IReadOnlyList<StatusChangeDto>>;

/// <summary>Handles <see cref="GetStatusHistoryQuery"/>.</summary>
public sealed class GetStatusHistoryQueryHandler(IApplicationDbContext db)
    : IRequestHandler<GetStatusHistoryQuery, IReadOnlyList<StatusChangeDto>>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<StatusChangeDto>> Handle(GetStatusHistoryQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var history = await db.StatusChanges.AsNoTracking()
            .Where(s => s.CooperativeId == request.Id)
            .OrderBy(s => s.Sequence)
            .ProjectToDto()
            .ToListAsync(cancellationToken);
        // Every organization has at least its registration entry, so an empty history means no such organization.
        if (history.Count == 0 && !await db.Cooperatives.AnyAsync(c => c.Id == request.Id, cancellationToken))
        {
            throw new NotFoundException("Cooperative", "tổ chức", request.Id);
        }

        return history;
    }
}
