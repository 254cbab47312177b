using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CoopApi.Application.Cooperatives.Queries.GetCooperative;

/// <summary>One organization by its identifier.</summary>
/// <param name="Id">Identifier.</param>
public sealed record GetCooperativeQuery(Guid Id) : IQuery<CooperativeDto>;

/// <summary>Handles <see cref="GetCooperativeQuery"/> with a single projected SELECT.</summary>
public sealed class GetCooperativeQueryHandler(IApplicationDbContext db) : IRequestHandler<GetCooperativeQuery, CooperativeDto>
{
    /// <inheritdoc />
    public async Task<CooperativeDto> Handle(GetCooperativeQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await db.Cooperatives.AsNoTracking().Where(c => c.Id == request.Id).ProjectToDto()
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Cooperative", "tổ chức", request.Id);
    }
}
