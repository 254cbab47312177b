using System.Reflection;
using CoopApi.Application.SteeringCommittees.Queries;
using CoopApi.Application.SteeringCommittees.Queries.GetSteeringActivityStatistics;
using CoopApi.Application.SteeringCommittees.Queries.ListSteeringActivities;
using CoopApi.Application.SteeringCommittees.Queries.ListSteeringCommittees;
using CoopApi.Domain.SteeringCommittees;
using CoopApi.WebApi.Infrastructure;

namespace CoopApi.WebApi.Endpoints;

/// <summary>The query string of <c>GET /api/v1/steering-committees</c>, read strictly.</summary>
internal sealed class ListSteeringCommitteesParameters
{
    /// <summary>The query to send.</summary>
    public required ListSteeringCommitteesQuery Query { get; init; }

    /// <summary>Binds from the request.</summary>
    public static ValueTask<ListSteeringCommitteesParameters?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var q = new StrictQuery(context.Request.Query);
        var query = new ListSteeringCommitteesQuery
        {
            Level = q.Enums<CommitteeLevel>("level"),
            AreaCode = q.String("areaCode"),
            Status = q.Enums<CommitteeStatus>("status"),
            Q = q.String("q"),
            Page = q.Integer("page", 1, 1, SteeringQueryRules.MaxPage),
            PageSize = q.Integer("pageSize", 20, 1, SteeringQueryRules.MaxPageSize),
        };
        q.ThrowIfInvalid();
        return ValueTask.FromResult<ListSteeringCommitteesParameters?>(new ListSteeringCommitteesParameters { Query = query });
    }
}

/// <summary>The query string of the activity lists, read strictly.</summary>
internal sealed class ListSteeringActivitiesParameters
{
    /// <summary>The query to send.</summary>
    public required ListSteeringActivitiesQuery Query { get; init; }

    /// <summary>Binds from the request.</summary>
    public static ValueTask<ListSteeringActivitiesParameters?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var q = new StrictQuery(context.Request.Query);
        var query = new ListSteeringActivitiesQuery
        {
            Kind = q.Enums<ActivityKind>("kind"),
            From = q.Date("from"),
            To = q.Date("to"),
            AreaCode = q.String("areaCode"),
            Page = q.Integer("page", 1, 1, SteeringQueryRules.MaxPage),
            PageSize = q.Integer("pageSize", 20, 1, SteeringQueryRules.MaxPageSize),
        };
        q.ThrowIfInvalid();
        return ValueTask.FromResult<ListSteeringActivitiesParameters?>(new ListSteeringActivitiesParameters { Query = query });
    }
}

/// <summary>The query string of <c>GET …/members</c>: <c>asOf</c>.</summary>
internal sealed class CommitteeMembersParameters
{
    /// <summary>The date of the composition asked for, if any.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>Binds from the request.</summary>
    public static ValueTask<CommitteeMembersParameters?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var q = new StrictQuery(context.Request.Query);
        var asOf = q.Date("asOf");
        q.ThrowIfInvalid();
        return ValueTask.FromResult<CommitteeMembersParameters?>(new CommitteeMembersParameters { AsOf = asOf });
    }
}

/// <summary>The query string of <c>GET /api/v1/statistics/steering-activities</c>.</summary>
internal sealed class SteeringStatisticsParameters
{
    /// <summary>The query to send.</summary>
    public required GetSteeringActivityStatisticsQuery Query { get; init; }

    /// <summary>Binds from the request.</summary>
    public static ValueTask<SteeringStatisticsParameters?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var q = new StrictQuery(context.Request.Query);
        var year = q.Integer("year", 0, 1945, 2100);
        var query = new GetSteeringActivityStatisticsQuery { Year = year == 0 ? null : year, AreaCode = q.String("areaCode") };
        q.ThrowIfInvalid();
        return ValueTask.FromResult<SteeringStatisticsParameters?>(new SteeringStatisticsParameters { Query = query });
    }
}
