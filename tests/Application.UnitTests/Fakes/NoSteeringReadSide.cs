using CoopApi.Application.Common.Models;
using CoopApi.Application.SteeringCommittees;
using CoopApi.Application.SteeringCommittees.Queries;
using CoopApi.Application.SteeringCommittees.Queries.GetSteeringActivityStatistics;
using CoopApi.Application.SteeringCommittees.Queries.ListSteeringActivities;
using CoopApi.Application.SteeringCommittees.Queries.ListSteeringCommittees;

namespace CoopApi.Application.UnitTests.Fakes;

/// <summary>A steering read side with nothing in it (the container only needs it to resolve the query handlers).</summary>
internal sealed class NoSteeringReadSide : ISteeringReadModel
{
    public Task<SteeringCommitteeDto?> FindCommitteeAsync(Guid id, CancellationToken cancellationToken) => Task.FromResult<SteeringCommitteeDto?>(null);

    public Task<PagedList<SteeringCommitteeDto>> ListCommitteesAsync(ListSteeringCommitteesQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(new PagedList<SteeringCommitteeDto>([], query.Page, query.PageSize, 0));

    public Task<SteeringActivityDto?> FindActivityAsync(Guid id, CancellationToken cancellationToken) => Task.FromResult<SteeringActivityDto?>(null);

    public Task<PagedList<SteeringActivityDto>> ListActivitiesAsync(ListSteeringActivitiesQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(new PagedList<SteeringActivityDto>([], query.Page, query.PageSize, 0));

    public Task<SteeringActivityStatisticsDto> StatisticsAsync(GetSteeringActivityStatisticsQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(new SteeringActivityStatisticsDto { Year = query.Year ?? 0, ByKind = [], TotalActivities = 0, TotalAttendees = 0, OrganizationsVisited = 0 });
}
