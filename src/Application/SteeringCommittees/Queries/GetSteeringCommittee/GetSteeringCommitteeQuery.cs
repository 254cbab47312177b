using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Messaging;
using MediatR;

namespace CoopApi.Application.SteeringCommittees.Queries.GetSteeringCommittee;

/// <summary>One committee by id.</summary>
/// <param name="Id">Identifier.</param>
public sealed record GetSteeringCommitteeQuery(Guid Id) : IQuery<SteeringCommitteeDto>;

/// <summary>Handles <see cref="GetSteeringCommitteeQuery"/> on the read side.</summary>
public sealed class GetSteeringCommitteeQueryHandler(ISteeringReadModel reads) : IRequestHandler<GetSteeringCommitteeQuery, SteeringCommitteeDto>
{
    /// <inheritdoc />
    public async Task<SteeringCommitteeDto> Handle(GetSteeringCommitteeQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await reads.FindCommitteeAsync(request.Id, cancellationToken)
            ?? throw new NotFoundException("Steering committee", "ban chỉ đạo", request.Id);
    }
}
