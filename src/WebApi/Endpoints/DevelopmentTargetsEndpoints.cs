using System.Reflection;
using CoopApi.Application.Common.Models;
using CoopApi.Application.DevelopmentTargets;
using CoopApi.Application.DevelopmentTargets.Commands.DeleteDevelopmentTarget;
using CoopApi.Application.DevelopmentTargets.Commands.ReplaceDevelopmentTarget;
using CoopApi.Application.DevelopmentTargets.Commands.SetDevelopmentTarget;
using CoopApi.Application.DevelopmentTargets.Queries.GetDevelopmentTarget;
using CoopApi.Application.DevelopmentTargets.Queries.GetDevelopmentTargetProgress;
using CoopApi.Application.DevelopmentTargets.Queries.ListDevelopmentTargets;
using CoopApi.Domain.ApiKeys;
using CoopApi.WebApi.Infrastructure;
using CoopApi.WebApi.Security;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace CoopApi.WebApi.Endpoints;

/// <summary>
/// Development targets of the provinces (e.g. Lạng Sơn's targets for 2025 and 2030 in the official
/// letter 538/UBND-KTTH of 11 June 2019) and their progress, computed from the register and the
/// classifications on a date.
/// </summary>
internal sealed class DevelopmentTargetsEndpoints : IEndpointGroup
{
    private const string Route = "api/v1/development-targets";

    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup(Route, "DevelopmentTargets");
        group.MapGet("", ListDevelopmentTargets).WithName(nameof(ListDevelopmentTargets))
            .RequireScope(ApiScopes.Read)
            .WithMetadata(new QueryParametersMetadata(typeof(ListDevelopmentTargetsQuery)))
            .Produces<PagedList<DevelopmentTargetDto>>()
            .ProducesFieldErrors();
        group.MapPost("", SetDevelopmentTarget).WithName(nameof(SetDevelopmentTarget))
            .RequireScope(ApiScopes.Write)
            .AcceptsJson<SetDevelopmentTargetCommand>()
            .Produces<DevelopmentTargetDto>(StatusCodes.Status201Created)
            .ProducesProblemOf(StatusCodes.Status409Conflict);
        group.MapGet("{id:guid}", GetDevelopmentTarget).WithName(nameof(GetDevelopmentTarget))
            .RequireScope(ApiScopes.Read)
            .Produces<DevelopmentTargetDto>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblemOf(StatusCodes.Status404NotFound);
        group.MapPut("{id:guid}", ReplaceDevelopmentTarget).WithName(nameof(ReplaceDevelopmentTarget))
            .RequireScope(ApiScopes.Write)
            .AcceptsJson<ReplaceDevelopmentTargetCommand>()
            .Produces<DevelopmentTargetDto>()
            .RequiresIfMatch()
            .ProducesProblemOf(StatusCodes.Status404NotFound)
            .ProducesProblemOf(StatusCodes.Status409Conflict);
        group.MapPatch("{id:guid}", PatchDevelopmentTarget).WithName(nameof(PatchDevelopmentTarget))
            .RequireScope(ApiScopes.Write)
            .Accepts<DevelopmentTargetPatch>(DevelopmentTargetMergePatch.MediaType)
            .ProducesFieldErrors()
            .ProducesProblemOf(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblemOf(StatusCodes.Status415UnsupportedMediaType)
            .Produces<DevelopmentTargetDto>()
            .RequiresIfMatch()
            .ProducesProblemOf(StatusCodes.Status404NotFound)
            .ProducesProblemOf(StatusCodes.Status409Conflict);
        group.MapDelete("{id:guid}", DeleteDevelopmentTarget).WithName(nameof(DeleteDevelopmentTarget))
            .RequireScope(ApiScopes.Write)
            .Produces(StatusCodes.Status204NoContent)
            .RequiresIfMatch()
            .ProducesProblemOf(StatusCodes.Status404NotFound);
        group.MapGet("{id:guid}/progress", GetDevelopmentTargetProgress).WithName(nameof(GetDevelopmentTargetProgress))
            .RequireScope(ApiScopes.Read)
            .WithMetadata(new QueryParametersMetadata(typeof(GetDevelopmentTargetProgressQuery)))
            .Produces<DevelopmentTargetProgressDto>()
            .ProducesFieldErrors()
            .ProducesProblemOf(StatusCodes.Status404NotFound);
    }

    /// <summary>Development targets, filtered and paged.</summary>
    /// <remarks>
    /// Filters combine with AND: <c>provinceCode</c>, <c>horizonYear</c>. Ordered by horizon year,
    /// then id (stable pages). Example: <c>GET /api/v1/development-targets?provinceCode=20&amp;horizonYear=2025</c>
    /// </remarks>
    /// <param name="parameters">The query string.</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">One page of targets and the total number that match.</response>
    /// <response code="400">A parameter is unknown, repeated or invalid.</response>
    /// <response code="401">No valid credential.</response>
    /// <response code="403">The credential lacks the read scope.</response>
    public static async Task<IResult> ListDevelopmentTargets(ListDevelopmentTargetsParameters parameters, IMediator mediator, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return TypedResults.Ok(await mediator.Send(parameters.Query, ct));
    }

    /// <summary>Set a development target of a province.</summary>
    /// <remarks>
    /// A province, a title, a baseline date (not in the future), a horizon year (not before the
    /// baseline's year) and 1 to 9 goals, each metric at most once: shares (<c>fairOrBetterShare</c>,
    /// <c>weakShare</c>) from 0 to 100 with two decimals, counts and amounts whole from 0. The source
    /// document is optional. Needs the <c>write</c> scope and the province. Example body (Lạng Sơn, letter 538/UBND-KTTH):
    /// <c>{ "provinceCode": "20", "title": "Mục tiêu phát triển hợp tác xã tỉnh Lạng Sơn giai đoạn 2021–2025 (ví dụ)", "baselineDate": "2019-06-11",
    /// "horizonYear": 2025, "sourceDocument": { "number": "538/UBND-KTTH", "date": "2019-06-11", "issuer": "Ủy ban nhân dân tỉnh Lạng Sơn" },
    /// "metrics": [ { "metric": "newCooperatives", "comparison": "atLeast", "value": 100 }, { "metric": "fairOrBetterShare", "comparison": "greaterThan", "value": 45 } ] }</c>
    /// </remarks>
    /// <param name="command">The target.</param>
    /// <param name="http">The exchange (Location, ETag).</param>
    /// <param name="mediator">Sends the command.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="201">Set; <c>Location</c> points at the target.</response>
    /// <response code="400">A field is missing or invalid (a metric twice, a share above 100, a fractional count…).</response>
    /// <response code="401">No valid credential.</response>
    /// <response code="403">The credential lacks the write scope or the province.</response>
    /// <response code="409">A concurrent write won.</response>
    /// <response code="413">The body is larger than 1 MB.</response>
    /// <response code="415">The body is not sent as application/json.</response>
    public static async Task<IResult> SetDevelopmentTarget([FromBody] SetDevelopmentTargetCommand command, HttpContext http, IMediator mediator,
        CancellationToken ct)
    {
        var created = await mediator.Send(command, ct);
        http.Response.Headers.ETag = EntityTags.For(created.Version);
        return TypedResults.Created(PublicLinks.To(http, $"/{Route}/{created.Id}"), created);
    }

    /// <summary>One development target.</summary>
    /// <remarks>The <c>ETag</c> header carries the target's version.</remarks>
    /// <param name="id">Identifier of the target.</param>
    /// <param name="http">The exchange (ETag, If-None-Match).</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The target.</response>
    /// <response code="304">Unchanged since the ETag named in If-None-Match.</response>
    /// <response code="401">No valid credential.</response>
    /// <response code="403">The credential lacks the read scope.</response>
    /// <response code="404">No target has this id.</response>
    public static async Task<IResult> GetDevelopmentTarget(Guid id, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var target = await mediator.Send(new GetDevelopmentTargetQuery(id), ct);
        var etag = EntityTags.For(target.Version);
        http.Response.Headers.ETag = etag;
        return EntityTags.AnyMatches(http.Request.Headers[HeaderNames.IfNoneMatch], etag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(target);
    }

    /// <summary>Replace every field of a development target.</summary>
    /// <remarks>
    /// Same rules as setting one; the goals are replaced as a whole. Moving a target to another
    /// province needs both provinces. <c>If-Match</c> is required: send the <c>ETag</c> of your last
    /// read (428 without, 412 when stale). A replacement that changes nothing keeps the version.
    /// </remarks>
    /// <param name="id">Identifier of the target.</param>
    /// <param name="command">The target's fields.</param>
    /// <param name="ifMatch">ETag of the version you read (required).</param>
    /// <param name="http">The exchange (ETag).</param>
    /// <param name="mediator">Sends the command.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">Replaced (or unchanged); the body is the target as stored now.</response>
    /// <response code="400">A field is missing or invalid, or If-Match is not an ETag of this API.</response>
    /// <response code="401">No valid credential.</response>
    /// <response code="403">The credential lacks the write scope or a province (the target's, or the new one).</response>
    /// <response code="404">No target has this id.</response>
    /// <response code="409">A concurrent write won.</response>
    /// <response code="412">The target changed since the version named in If-Match.</response>
    /// <response code="413">The body is larger than 1 MB.</response>
    /// <response code="415">The body is not sent as application/json.</response>
    /// <response code="428">If-Match is missing (or <c>*</c>): send the ETag of your last GET.</response>
    public static async Task<IResult> ReplaceDevelopmentTarget(Guid id, [FromBody] ReplaceDevelopmentTargetCommand command,
        [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var version = EntityTags.RequireIfMatch(ifMatch);
        var updated = await mediator.Send(command with { TargetId = id, ExpectedVersion = version }, ct);
        http.Response.Headers.ETag = EntityTags.For(updated.Version);
        return TypedResults.Ok(updated);
    }

    /// <summary>Change some fields of a development target (JSON Merge Patch).</summary>
    /// <remarks>
    /// Send only the fields to change, as <c>application/merge-patch+json</c> (RFC 7396):
    /// <c>{"horizonYear": 2030}</c>. An absent member keeps its value; <c>null</c> removes the source
    /// document (the other fields cannot be removed); <c>metrics</c> is replaced as a whole. The
    /// result must pass the same rules as <c>PUT</c>. <c>If-Match</c> is required.
    /// </remarks>
    /// <param name="id">Identifier of the target.</param>
    /// <param name="patch">The merge patch (the body).</param>
    /// <param name="ifMatch">ETag of the version you read (required).</param>
    /// <param name="http">The exchange (ETag).</param>
    /// <param name="mediator">Sends the query and the command.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">Changed (or unchanged); the body is the target as stored now.</response>
    /// <response code="400">The patch is not a JSON object, names an unknown member, removes a required field, or a resulting field is invalid; or If-Match is not an ETag of this API.</response>
    /// <response code="401">No valid credential.</response>
    /// <response code="403">The credential lacks the write scope or a province (the target's, or the new one).</response>
    /// <response code="404">No target has this id.</response>
    /// <response code="409">A concurrent write won.</response>
    /// <response code="412">The target changed since the version named in If-Match.</response>
    /// <response code="413">The body is larger than 1 MB.</response>
    /// <response code="415">The body is not sent as application/merge-patch+json.</response>
    /// <response code="428">If-Match is missing (or <c>*</c>): send the ETag of your last GET.</response>
    public static async Task<IResult> PatchDevelopmentTarget(Guid id, DevelopmentTargetMergePatch patch, [FromHeader(Name = "If-Match")] string? ifMatch,
        HttpContext http, IMediator mediator, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var version = EntityTags.RequireIfMatch(ifMatch);
        var current = await mediator.Send(new GetDevelopmentTargetQuery(id), ct);
        var updated = await mediator.Send(patch.ApplyTo(current) with { TargetId = id, ExpectedVersion = version }, ct);
        http.Response.Headers.ETag = EntityTags.For(updated.Version);
        return TypedResults.Ok(updated);
    }

    /// <summary>Delete a development target recorded in error.</summary>
    /// <remarks>The removal is recorded (audit trail, change feed). <c>If-Match</c> is required.</remarks>
    /// <param name="id">Identifier of the target.</param>
    /// <param name="ifMatch">ETag of the version you read (required).</param>
    /// <param name="mediator">Sends the command.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="204">Deleted; GET now answers 404.</response>
    /// <response code="400">If-Match is not an ETag of this API.</response>
    /// <response code="401">No valid credential.</response>
    /// <response code="403">The credential lacks the write scope or the target's province.</response>
    /// <response code="404">No target has this id.</response>
    /// <response code="412">The target changed since the version named in If-Match.</response>
    /// <response code="428">If-Match is missing (or <c>*</c>): send the ETag of your last GET.</response>
    public static async Task<IResult> DeleteDevelopmentTarget(Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator,
        CancellationToken ct)
    {
        await mediator.Send(new DeleteDevelopmentTargetCommand(id, EntityTags.RequireIfMatch(ifMatch)), ct);
        return TypedResults.NoContent();
    }

    /// <summary>Progress of a development target on a date.</summary>
    /// <remarks>
    /// For each goal: the target, the value measured from the register and the classifications
    /// (never typed in), where the straight line from the baseline to the target stands, the state
    /// (<c>met</c>, <c>onTrack</c>, <c>atRisk</c>, <c>missed</c>) and the value at each year's end
    /// since the baseline (a series for charts). <c>asOf</c> defaults to today in Vietnam; it may not
    /// be before the baseline date nor in the future. After the horizon year, values are measured on
    /// its last day. Example: <c>GET /api/v1/development-targets/{id}/progress?asOf=2024-12-31</c>
    /// </remarks>
    /// <param name="id">Identifier of the target.</param>
    /// <param name="parameters">The query string (<c>asOf</c>).</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The progress.</response>
    /// <response code="400">asOf is not a date, is in the future or before the baseline date; or a parameter is unknown or repeated.</response>
    /// <response code="401">No valid credential.</response>
    /// <response code="403">The credential lacks the read scope.</response>
    /// <response code="404">No target has this id.</response>
    public static async Task<IResult> GetDevelopmentTargetProgress(Guid id, TargetProgressParameters parameters, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetDevelopmentTargetProgressQuery(id) { AsOf = parameters?.AsOf }, ct));
}

/// <summary>The query string of <c>GET /api/v1/development-targets</c>, read strictly (see <see cref="StrictQuery"/>).</summary>
internal sealed class ListDevelopmentTargetsParameters
{
    /// <summary>The query to send.</summary>
    public required ListDevelopmentTargetsQuery Query { get; init; }

    /// <summary>Called by the framework to bind the parameter from the request.</summary>
    public static ValueTask<ListDevelopmentTargetsParameters?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var q = new StrictQuery(context.Request.Query);
        var query = new ListDevelopmentTargetsQuery
        {
            ProvinceCode = q.String("provinceCode"),
            HorizonYear = q.Parsed<int>("horizonYear", v => int.TryParse(v, System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 2000 and <= 2100 ? n : null, ExpectedValues.Integer(2000, 2100)),
            Page = q.Integer("page", 1, 1, ListDevelopmentTargetsQuery.MaxPage),
            PageSize = q.Integer("pageSize", 20, 1, ListDevelopmentTargetsQuery.MaxPageSize),
        };
        q.ThrowIfInvalid();
        return ValueTask.FromResult<ListDevelopmentTargetsParameters?>(new ListDevelopmentTargetsParameters { Query = query });
    }
}

/// <summary>The query string of the progress: only <c>asOf</c>, read strictly.</summary>
internal sealed class TargetProgressParameters
{
    /// <summary>The date; null: today in Vietnam.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>Called by the framework to bind the parameter from the request.</summary>
    public static ValueTask<TargetProgressParameters?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var q = new StrictQuery(context.Request.Query);
        var asOf = q.Date("asOf");
        q.ThrowIfInvalid();
        return ValueTask.FromResult<TargetProgressParameters?>(new TargetProgressParameters { AsOf = asOf });
    }
}
