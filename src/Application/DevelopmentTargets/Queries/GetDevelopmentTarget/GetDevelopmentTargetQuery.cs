using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Messaging;
using MediatR;

namespace CoopApi.Application.DevelopmentTargets.Queries.GetDevelopmentTarget;

/// <summary>One development target.</summary>
/// <param name="Id">The target.</param>
public sealed record GetDevelopmentTargetQuery(Guid Id) : IQuery<DevelopmentTargetDto>;

/// <summary>Handles <see cref="GetDevelopmentTargetQuery"/>: 404 when there is none.</summary>
public sealed class GetDevelopmentTargetQueryHandler(IDevelopmentTargetReadModel reads) : IRequestHandler<GetDevelopmentTargetQuery, DevelopmentTargetDto>
{
    /// <inheritdoc />
    public async Task<DevelopmentTargetDto> Handle(GetDevelopmentTargetQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await reads.FindAsync(request.Id, cancellationToken)
            ?? throw new NotFoundException("Development target", "mục tiêu phát triển", request.Id);
    }
}
