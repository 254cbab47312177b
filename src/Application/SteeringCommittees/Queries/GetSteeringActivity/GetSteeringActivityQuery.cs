using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Messaging;
using MediatR;

namespace CoopApi.Application.SteeringCommittees.Queries.GetSteeringActivity;

/// <summary>One activity by id.</summary>
/// <param name="Id">Identifier.</param>
public sealed record GetSteeringActivityQuery(Guid Id) : IQuery<SteeringActivityDto>;

/// <summary>Handles <see cref="GetSteeringActivityQuery"/> on the read side.</summary>
public sealed class GetSteeringActivityQueryHandler(ISteeringReadModel reads) : IRequestHandler<GetSteeringActivityQuery, SteeringActivityDto>
{
    /// <inheritdoc />
    public async Task<SteeringActivityDto> Handle(GetSteeringActivityQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await reads.FindActivityAsync(request.Id, cancellationToken)
            ?? throw new NotFoundException("Steering activity", "hoạt động của ban chỉ đạo", request.Id);
    }
}
