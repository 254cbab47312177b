using CoopApi.Application.Common.Models;
using CoopApi.Application.SteeringCommittees.Queries.GetSteeringActivityStatistics;
using CoopApi.Application.SteeringCommittees.Queries.ListSteeringActivities;
using CoopApi.Application.SteeringCommittees.Queries.ListSteeringCommittees;

namespace CoopApi.Application.SteeringCommittees.Queries;

/// <summary>The read side of steering committees and their activities: plain SQL into DTOs (singleton, stateless).</summary>
public interface ISteeringReadModel
{
    /// <summary>One committee with its terms and agency history, or null.</summary>
    Task<SteeringCommitteeDto?> FindCommitteeAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>A filtered page of committees, by name then id.</summary>
    Task<PagedList<SteeringCommitteeDto>> ListCommitteesAsync(ListSteeringCommitteesQuery query, CancellationToken cancellationToken);

    /// <summary>One activity, or null.</summary>
    Task<SteeringActivityDto?> FindActivityAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>A filtered page of activities, newest first.</summary>
    Task<PagedList<SteeringActivityDto>> ListActivitiesAsync(ListSteeringActivitiesQuery query, CancellationToken cancellationToken);

    /// <summary>Activities of one year counted (per kind, attendees, organizations visited).</summary>
    Task<SteeringActivityStatisticsDto> StatisticsAsync(GetSteeringActivityStatisticsQuery query, CancellationToken cancellationToken);
}
