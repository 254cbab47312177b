using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Messaging;
using MediatR;

namespace CoopApi.Application.SteeringCommittees.Queries.ListCommitteeMembers;

/// <summary>A committee's terms: all of them, or with <paramref name="AsOf"/> the composition on that date.</summary>
/// <param name="CommitteeId">The committee.</param>
/// <param name="AsOf">Only terms that cover this date.</param>
public sealed record ListCommitteeMembersQuery(Guid CommitteeId, DateOnly? AsOf) : IQuery<IReadOnlyList<CommitteeMemberDto>>;

/// <summary>Handles <see cref="ListCommitteeMembersQuery"/>.</summary>
public sealed class ListCommitteeMembersQueryHandler(ISteeringReadModel reads)
    : IRequestHandler<ListCommitteeMembersQuery, IReadOnlyList<CommitteeMemberDto>>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<CommitteeMemberDto>> Handle(ListCommitteeMembersQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var committee = await reads.FindCommitteeAsync(request.CommitteeId, cancellationToken)
            ?? throw new NotFoundException("Steering committee", "ban chỉ đạo", request.CommitteeId);
        return request.AsOf is { } date
            ? committee.Members.Where(m => m.From <= date && (m.To is null || m.To >= date)).ToList()
            : committee.Members;
    }
}
