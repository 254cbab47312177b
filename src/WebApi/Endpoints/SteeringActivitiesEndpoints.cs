using CoopApi.Application.Common.Models;
using CoopApi.Application.SteeringCommittees;
using CoopApi.Application.SteeringCommittees.Commands.DeleteSteeringActivity;
using CoopApi.Application.SteeringCommittees.Commands.UpdateSteeringActivity;
using CoopApi.Application.SteeringCommittees.Queries.GetSteeringActivity;
using CoopApi.Application.SteeringCommittees.Queries.GetSteeringActivityStatistics;
using CoopApi.Application.SteeringCommittees.Queries.ListSteeringActivities;
using CoopApi.Domain.ApiKeys;
using CoopApi.WebApi.Infrastructure;
using CoopApi.WebApi.Security;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace CoopApi.WebApi.Endpoints;

/// <summary>Activities of steering committees across committees, one by one, and their yearly statistics.</summary>
internal sealed class SteeringActivitiesEndpoints : IEndpointGroup
{
    private const string Route = SteeringActivityRepresentation.Route;

    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup(Route, "SteeringActivities");
        group.MapGet("", ListActivities).WithName(nameof(ListActivities))
            .WithMetadata(new QueryParametersMetadata(typeof(ListSteeringActivitiesQuery)))
            .Produces<PagedList<SteeringActivityDto>>()
            .ProducesFieldErrors()
            .RequireScope(ApiScopes.Read);
        group.MapGet("{id:guid}", GetActivity).WithName(nameof(GetActivity))
            .Produces<SteeringActivityDto>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblemOf(StatusCodes.Status404NotFound)
            .RequireScope(ApiScopes.Read);
        group.MapPut("{id:guid}", UpdateActivity).WithName(nameof(UpdateActivity))
            .AcceptsJson<UpdateSteeringActivityCommand>()
            .Produces<SteeringActivityDto>()
            .RequiresIfMatch()
            .ProducesProblemOf(StatusCodes.Status404NotFound)
            .ProducesProblemOf(StatusCodes.Status409Conflict)
            .RequireScope(ApiScopes.Write);
        group.MapDelete("{id:guid}", DeleteActivity).WithName(nameof(DeleteActivity))
            .Produces(StatusCodes.Status204NoContent)
            .RequiresIfMatch()
            .ProducesProblemOf(StatusCodes.Status404NotFound)
            .RequireScope(ApiScopes.Write);

        var statistics = app.MapApiGroup("api/v1/statistics/steering-activities", "Statistics");
        statistics.MapGet("", ActivityStatistics).WithName(nameof(ActivityStatistics))
            .WithMetadata(new QueryParametersMetadata(typeof(GetSteeringActivityStatisticsQuery)))
            .Produces<SteeringActivityStatisticsDto>()
            .ProducesFieldErrors()
            .RequireStatisticsRead();
    }

    /// <summary>List activities across committees, newest first.</summary>
    /// <remarks>
    /// Filters <c>kind</c> (repeatable), <c>from</c>, <c>to</c> (by the first day) and <c>areaCode</c>: a
    /// province code covers every committee of the province; a district or commune code the
    /// committees of exactly that area. Example: <c>GET /api/v1/steering-activities?areaCode=20&amp;kind=training</c>
    /// </remarks>
    /// <param name="parameters">The query string.</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">One page of activities.</response>
    /// <response code="400">A parameter is unknown or invalid.</response>
    public static async Task<IResult> ListActivities(ListSteeringActivitiesParameters parameters, IMediator mediator, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return TypedResults.Ok(await mediator.Send(parameters.Query, ct));
    }

    /// <summary>Get one activity.</summary>
    /// <remarks><c>standingAgency</c> is the committee's standing agency on the activity's date.</remarks>
    /// <param name="id">Identifier of the activity.</param>
    /// <param name="http">The exchange.</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The activity.</response>
    /// <response code="304">Unchanged since the ETag named in If-None-Match.</response>
    /// <response code="404">No activity has this id.</response>
    public static async Task<IResult> GetActivity(Guid id, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var activity = await mediator.Send(new GetSteeringActivityQuery(id), ct);
        var etag = EntityTags.For(activity.Version);
        http.Response.Headers.ETag = etag;
        return EntityTags.AnyMatches(http.Request.Headers.IfNoneMatch, etag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(activity);
    }

    /// <summary>Replace every field of an activity.</summary>
    /// <remarks>Same rules as recording it. <c>If-Match</c> required.</remarks>
    /// <param name="id">Identifier of the activity.</param>
    /// <param name="command">The fields.</param>
    /// <param name="ifMatch">ETag of the version you read (required).</param>
    /// <param name="http">The exchange.</param>
    /// <param name="mediator">Sends the command.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">Updated.</response>
    /// <response code="400">A field is missing or invalid, or a visited organization is unknown.</response>
    /// <response code="403">The credential may not write there.</response>
    /// <response code="404">No activity has this id.</response>
    /// <response code="409">Outside the committee's life, or the committee is gone.</response>
    /// <response code="412">The activity changed since that version.</response>
    /// <response code="428">If-Match is missing.</response>
    public static async Task<IResult> UpdateActivity(Guid id, [FromBody] UpdateSteeringActivityCommand command,
        [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var version = EntityTags.RequireIfMatch(ifMatch);
        var updated = await mediator.Send(command with { Id = id, ExpectedVersion = version }, ct);
        http.Response.Headers.ETag = EntityTags.For(updated.Version);
        return TypedResults.Ok(updated);
    }

    /// <summary>Delete an activity recorded in error.</summary>
    /// <remarks><c>If-Match</c> required. The deletion stays in the audit trail.</remarks>
    /// <param name="id">Identifier of the activity.</param>
    /// <param name="ifMatch">ETag of the version you read (required).</param>
    /// <param name="mediator">Sends the command.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="204">Deleted.</response>
    /// <response code="400">If-Match is not an ETag of this API.</response>
    /// <response code="403">The credential may not write there.</response>
    /// <response code="404">No activity has this id.</response>
    /// <response code="412">The activity changed since that version.</response>
    /// <response code="428">If-Match is missing.</response>
    public static async Task<IResult> DeleteActivity(Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator,
        CancellationToken ct)
    {
        await mediator.Send(new DeleteSteeringActivityCommand(id, EntityTags.RequireIfMatch(ifMatch)), ct);
        return TypedResults.NoContent();
    }

    /// <summary>Steering-committee activities of one year, counted.</summary>
    /// <remarks>
    /// <c>year</c> (required) by the activity's first day; <c>areaCode</c> as in the activity list.
    /// Counts per kind (every kind, zeros included), total attendees, distinct organizations visited.
    /// Example: <c>GET /api/v1/statistics/steering-activities?year=2022&amp;areaCode=20</c>
    /// </remarks>
    /// <param name="parameters">The query string.</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The counts.</response>
    /// <response code="400">A parameter is missing, unknown or invalid.</response>
    public static async Task<IResult> ActivityStatistics(SteeringStatisticsParameters parameters, IMediator mediator, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return TypedResults.Ok(await mediator.Send(parameters.Query, ct));
    }
}
