using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Messaging;
using MediatR;

namespace CoopApi.Application.Cooperatives.Queries.GetCooperative;

/// <summary>One organization by its identifier.</summary>
/// <param name="Id">Identifier.</param>
public sealed record GetCooperativeQuery(Guid Id) : IQuery<CooperativeDto>;

/// <summary>Handles <see cref="GetCooperativeQuery"/> with one SELECT by primary key on the read side.</summary>
public sealed class GetCooperativeQueryHandler(ICooperativeReadModel reads) : IRequestHandler<GetCooperativeQuery, CooperativeDto>
{
    /// <inheritdoc />
    public async Task<CooperativeDto> Handle(GetCooperativeQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await reads.FindAsync(request.Id, cancellationToken)
            ?? throw new NotFoundException("Cooperative", "tổ chức", request.Id);
    }
}
