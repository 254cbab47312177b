using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Messaging;
using MediatR;

namespace CoopApi.Application.SteeringCommittees.Queries.GetCommitteeMember;

/// <summary>One term of a committee, with the committee's version (its ETag).</summary>
/// <param name="CommitteeId">The committee.</param>
/// <param name="MemberId">The term.</param>
public sealed record GetCommitteeMemberQuery(Guid CommitteeId, Guid MemberId) : IQuery<CommitteeMemberResult>;

/// <summary>Handles <see cref="GetCommitteeMemberQuery"/>.</summary>
public sealed class GetCommitteeMemberQueryHandler(ISteeringReadModel reads) : IRequestHandler<GetCommitteeMemberQuery, CommitteeMemberResult>
{
    /// <inheritdoc />
    public async Task<CommitteeMemberResult> Handle(GetCommitteeMemberQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var committee = await reads.FindCommitteeAsync(request.CommitteeId, cancellationToken)
            ?? throw new NotFoundException("Steering committee", "ban chỉ đạo", request.CommitteeId);
        var member = committee.Members.FirstOrDefault(m => m.Id == request.MemberId)
            ?? throw new NotFoundException("Committee member", "thành viên ban chỉ đạo", request.MemberId);
        return new CommitteeMemberResult(member, committee.Version);
    }
}
