using CoopApi.Application.Common.Models;
using CoopApi.Application.SteeringCommittees;
using CoopApi.Application.SteeringCommittees.Commands.AddCommitteeMember;
using CoopApi.Application.SteeringCommittees.Commands.ChangeStandingAgency;
using CoopApi.Application.SteeringCommittees.Commands.ChangeSteeringCommitteeStatus;
using CoopApi.Application.SteeringCommittees.Commands.CreateSteeringCommittee;
using CoopApi.Application.SteeringCommittees.Commands.DeleteSteeringCommittee;
using CoopApi.Application.SteeringCommittees.Commands.EndCommitteeMemberTerm;
using CoopApi.Application.SteeringCommittees.Commands.RecordSteeringActivity;
using CoopApi.Application.SteeringCommittees.Commands.UpdateSteeringCommittee;
using CoopApi.Application.SteeringCommittees.Queries.GetCommitteeMember;
using CoopApi.Application.SteeringCommittees.Queries.GetSteeringCommittee;
using CoopApi.Application.SteeringCommittees.Queries.ListCommitteeMembers;
using CoopApi.Application.SteeringCommittees.Queries.ListSteeringActivities;
using CoopApi.Application.SteeringCommittees.Queries.ListSteeringCommittees;
using CoopApi.Domain.ApiKeys;
using CoopApi.WebApi.Infrastructure;
using CoopApi.WebApi.Security;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace CoopApi.WebApi.Endpoints;

/// <summary>
/// Steering committees (Ban chỉ đạo đổi mới, phát triển doanh nghiệp và nâng cao hiệu quả kinh tế
/// tập thể) at every level, their members' terms, standing agency and activities.
/// </summary>
internal sealed class SteeringCommitteesEndpoints : IEndpointGroup
{
    private const string Route = SteeringCommitteeRepresentation.Route;

    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup(Route, "SteeringCommittees");
        group.MapGet("", ListCommittees).WithName(nameof(ListCommittees))
            .WithMetadata(new QueryParametersMetadata(typeof(ListSteeringCommitteesQuery)))
            .Produces<PagedList<SteeringCommitteeDto>>()
            .ProducesFieldErrors()
            .RequireScope(ApiScopes.Read);
        group.MapGet("{id:guid}", GetCommittee).WithName(nameof(GetCommittee))
            .Produces<SteeringCommitteeDto>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblemOf(StatusCodes.Status404NotFound)
            .RequireScope(ApiScopes.Read);
        group.MapPost("", CreateCommittee).WithName(nameof(CreateCommittee))
            .AcceptsJson<CreateSteeringCommitteeCommand>()
            .Produces<SteeringCommitteeDto>(StatusCodes.Status201Created)
            .ProducesProblemOf(StatusCodes.Status409Conflict)
            .RequireScope(ApiScopes.Write);
        group.MapPut("{id:guid}", UpdateCommittee).WithName(nameof(UpdateCommittee))
            .AcceptsJson<UpdateSteeringCommitteeCommand>()
            .Produces<SteeringCommitteeDto>()
            .RequiresIfMatch()
            .ProducesProblemOf(StatusCodes.Status404NotFound)
            .ProducesProblemOf(StatusCodes.Status409Conflict)
            .RequireScope(ApiScopes.Write);
        group.MapDelete("{id:guid}", DeleteCommittee).WithName(nameof(DeleteCommittee))
            .Produces(StatusCodes.Status204NoContent)
            .RequiresIfMatch()
            .ProducesProblemOf(StatusCodes.Status404NotFound)
            .ProducesProblemOf(StatusCodes.Status409Conflict)
            .RequireScope(ApiScopes.Write);
        group.MapPost("{id:guid}/status", ChangeCommitteeStatus).WithName(nameof(ChangeCommitteeStatus))
            .AcceptsJson<ChangeSteeringCommitteeStatusCommand>()
            .Produces<SteeringCommitteeDto>()
            .RequiresIfMatch()
            .ProducesProblemOf(StatusCodes.Status404NotFound)
            .ProducesProblemOf(StatusCodes.Status409Conflict)
            .RequireScope(ApiScopes.Write);
        group.MapPost("{id:guid}/standing-agency", ChangeStandingAgency).WithName(nameof(ChangeStandingAgency))
            .AcceptsJson<ChangeStandingAgencyCommand>()
            .Produces<SteeringCommitteeDto>()
            .RequiresIfMatch()
            .ProducesProblemOf(StatusCodes.Status404NotFound)
            .ProducesProblemOf(StatusCodes.Status409Conflict)
            .RequireScope(ApiScopes.Write);
        group.MapGet("{id:guid}/members", ListMembers).WithName(nameof(ListMembers))
            .Produces<IReadOnlyList<CommitteeMemberDto>>()
            .ProducesFieldErrors()
            .ProducesProblemOf(StatusCodes.Status404NotFound)
            .RequireScope(ApiScopes.Read);
        group.MapPost("{id:guid}/members", AddMember).WithName(nameof(AddMember))
            .AcceptsJson<AddCommitteeMemberCommand>()
            .Produces<CommitteeMemberDto>(StatusCodes.Status201Created)
            .ProducesProblemOf(StatusCodes.Status404NotFound)
            .ProducesProblemOf(StatusCodes.Status409Conflict)
            .RequireScope(ApiScopes.Write);
        group.MapGet("{id:guid}/members/{memberId:guid}", GetMember).WithName(nameof(GetMember))
            .Produces<CommitteeMemberDto>()
            .ProducesProblemOf(StatusCodes.Status404NotFound)
            .RequireScope(ApiScopes.Read);
        group.MapPost("{id:guid}/members/{memberId:guid}/end", EndTerm).WithName(nameof(EndTerm))
            .AcceptsJson<EndCommitteeMemberTermCommand>()
            .Produces<CommitteeMemberDto>()
            .RequiresIfMatch()
            .ProducesProblemOf(StatusCodes.Status404NotFound)
            .ProducesProblemOf(StatusCodes.Status409Conflict)
            .RequireScope(ApiScopes.Write);
        group.MapGet("{id:guid}/activities", ListCommitteeActivities).WithName(nameof(ListCommitteeActivities))
            .WithMetadata(new QueryParametersMetadata(typeof(ListSteeringActivitiesQuery)))
            .Produces<PagedList<SteeringActivityDto>>()
            .ProducesFieldErrors()
            .ProducesProblemOf(StatusCodes.Status404NotFound)
            .RequireScope(ApiScopes.Read);
        group.MapPost("{id:guid}/activities", RecordActivity).WithName(nameof(RecordActivity))
            .AcceptsJson<RecordSteeringActivityCommand>()
            .Produces<SteeringActivityDto>(StatusCodes.Status201Created)
            .ProducesProblemOf(StatusCodes.Status404NotFound)
            .ProducesProblemOf(StatusCodes.Status409Conflict)
            .RequireScope(ApiScopes.Write);
    }

    /// <summary>List steering committees, filtered and paged.</summary>
    /// <remarks>
    /// Filters combine with AND; <c>level</c> and <c>status</c> may repeat (any of the values).
    /// <c>areaCode</c> matches the committee's area exactly; <c>q</c> searches the name ignoring case
    /// and diacritics. Sorted by name (Vietnamese order), ties by id.
    /// Example: <c>GET /api/v1/steering-committees?level=provincial&amp;areaCode=20</c>
    /// </remarks>
    /// <param name="parameters">The query string.</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">One page of committees and the total number that match.</response>
    /// <response code="400">A parameter is unknown, repeated or invalid.</response>
    public static async Task<IResult> ListCommittees(ListSteeringCommitteesParameters parameters, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(parameters.Query, ct));

    /// <summary>Get one steering committee with its members and standing agency history.</summary>
    /// <remarks>The <c>ETag</c> is the committee's version (members and agency changes included).</remarks>
    /// <param name="id">Identifier of the committee.</param>
    /// <param name="http">The exchange.</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The committee.</response>
    /// <response code="304">Unchanged since the ETag named in If-None-Match.</response>
    /// <response code="404">No committee has this id.</response>
    public static async Task<IResult> GetCommittee(Guid id, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var committee = await mediator.Send(new GetSteeringCommitteeQuery(id), ct);
        var etag = EntityTags.For(committee.Version);
        http.Response.Headers.ETag = etag;
        return EntityTags.AnyMatches(http.Request.Headers.IfNoneMatch, etag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(committee);
    }

    /// <summary>Record a steering committee.</summary>
    /// <remarks>
    /// <c>areaCode</c> must match <c>level</c>: a current province code (provincial), a current
    /// commune code (commune), a pre-reform district code with the current <c>provinceCode</c>
    /// (district, only when established before 2025-07-01), none (national). A national committee
    /// may be written only with a national credential; the others by credentials of their province.
    /// </remarks>
    /// <param name="command">The committee's fields.</param>
    /// <param name="http">The exchange.</param>
    /// <param name="mediator">Sends the command.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="201">Recorded; <c>Location</c> points at it.</response>
    /// <response code="400">A field is missing or invalid (e.g. <c>establishedOn.districtAbolished</c>).</response>
    /// <response code="403">The credential may not write in the committee's province (or nationally).</response>
    /// <response code="409">A rule refuses it.</response>
    public static async Task<IResult> CreateCommittee([FromBody] CreateSteeringCommitteeCommand command, HttpContext http, IMediator mediator,
        CancellationToken ct)
    {
        var created = await mediator.Send(command, ct);
        http.Response.Headers.ETag = EntityTags.For(created.Version);
        return TypedResults.Created(PublicLinks.To(http, $"/{Route}/{created.Id}"), created);
    }

    /// <summary>Replace the descriptive fields of a committee.</summary>
    /// <remarks>
    /// Name, level, area, establishment date and founding decision; not the status, the members or
    /// the standing agency, which have their own operations. A dissolved committee takes no change.
    /// Moving a committee to another province needs write rights in both. <c>If-Match</c> required.
    /// </remarks>
    /// <param name="id">Identifier of the committee.</param>
    /// <param name="command">The new fields.</param>
    /// <param name="ifMatch">ETag of the version you read (required).</param>
    /// <param name="http">The exchange.</param>
    /// <param name="mediator">Sends the command.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">Updated.</response>
    /// <response code="400">A field is missing or invalid, or If-Match is not an ETag of this API.</response>
    /// <response code="403">The credential may not write there.</response>
    /// <response code="404">No committee has this id.</response>
    /// <response code="409">Dissolved, or the establishment date would fall after recorded terms or activities.</response>
    /// <response code="412">The committee changed since that version.</response>
    /// <response code="428">If-Match is missing.</response>
    public static Task<IResult> UpdateCommittee(Guid id, [FromBody] UpdateSteeringCommitteeCommand command,
        [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, IMediator mediator, CancellationToken ct) =>
        SendAsync(http, mediator, ifMatch, version => command with { Id = id, ExpectedVersion = version }, ct);

    /// <summary>Delete a committee recorded in error.</summary>
    /// <remarks>
    /// Only a committee without members and activities (else 409
    /// <c>steeringCommittee.hasMembersOrActivities</c>: dissolve it instead). <c>If-Match</c> required.
    /// </remarks>
    /// <param name="id">Identifier of the committee.</param>
    /// <param name="ifMatch">ETag of the version you read (required).</param>
    /// <param name="mediator">Sends the command.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="204">Deleted.</response>
    /// <response code="400">If-Match is not an ETag of this API.</response>
    /// <response code="403">The credential may not write there.</response>
    /// <response code="404">No committee has this id.</response>
    /// <response code="409">The committee has members or activities.</response>
    /// <response code="412">The committee changed since that version.</response>
    /// <response code="428">If-Match is missing.</response>
    public static async Task<IResult> DeleteCommittee(Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator,
        CancellationToken ct)
    {
        await mediator.Send(new DeleteSteeringCommitteeCommand(id, EntityTags.RequireIfMatch(ifMatch)), ct);
        return TypedResults.NoContent();
    }

    /// <summary>Change a committee's status (dissolve it).</summary>
    /// <remarks>
    /// <c>{"status": "dissolved", "effectiveOn": "2025-06-30", "reason": "…"}</c>. Dissolved is final.
    /// Terms still running end on that date. Not before the establishment, not in the future, not
    /// before a term or agency period begins, nor before an activity of the committee.
    /// </remarks>
    /// <param name="id">Identifier of the committee.</param>
    /// <param name="command">Status, date, reason.</param>
    /// <param name="ifMatch">ETag of the version you read (required).</param>
    /// <param name="http">The exchange.</param>
    /// <param name="mediator">Sends the command.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">Changed.</response>
    /// <response code="400">A field is missing or invalid.</response>
    /// <response code="403">The credential may not write there.</response>
    /// <response code="404">No committee has this id.</response>
    /// <response code="409">Already dissolved, or the date is out of order.</response>
    /// <response code="412">The committee changed since that version.</response>
    /// <response code="428">If-Match is missing.</response>
    public static Task<IResult> ChangeCommitteeStatus(Guid id, [FromBody] ChangeSteeringCommitteeStatusCommand command,
        [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, IMediator mediator, CancellationToken ct) =>
        SendAsync(http, mediator, ifMatch, version => command with { Id = id, ExpectedVersion = version }, ct);

    /// <summary>Change a committee's standing agency from a date.</summary>
    /// <remarks>
    /// The earlier agency stays in <c>standingAgencyHistory</c> up to the day before; activities dated
    /// from then on show the new agency. <c>If-Match</c> required.
    /// </remarks>
    /// <param name="id">Identifier of the committee.</param>
    /// <param name="command">The agency and its first day.</param>
    /// <param name="ifMatch">ETag of the version you read (required).</param>
    /// <param name="http">The exchange.</param>
    /// <param name="mediator">Sends the command.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">Changed; the committee with its history.</response>
    /// <response code="400">A field is missing or invalid.</response>
    /// <response code="403">The credential may not write there.</response>
    /// <response code="404">No committee has this id.</response>
    /// <response code="409">Not after the current agency began, the same agency, or the committee is dissolved.</response>
    /// <response code="412">The committee changed since that version.</response>
    /// <response code="428">If-Match is missing.</response>
    public static Task<IResult> ChangeStandingAgency(Guid id, [FromBody] ChangeStandingAgencyCommand command,
        [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, IMediator mediator, CancellationToken ct) =>
        SendAsync(http, mediator, ifMatch, version => command with { Id = id, ExpectedVersion = version }, ct);

    /// <summary>List a committee's members (every term, or the composition on a date).</summary>
    /// <remarks>Without <c>asOf</c>: every term, ended ones included. <c>?asOf=2022-11-24</c>: the terms that covered that date.</remarks>
    /// <param name="id">Identifier of the committee.</param>
    /// <param name="parameters">The query string (<c>asOf</c>, yyyy-MM-dd).</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The terms.</response>
    /// <response code="400">A parameter is unknown or invalid.</response>
    /// <response code="404">No committee has this id.</response>
    public static async Task<IResult> ListMembers(Guid id, CommitteeMembersParameters parameters, IMediator mediator, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return TypedResults.Ok(await mediator.Send(new ListCommitteeMembersQuery(id, parameters.AsOf), ct));
    }

    /// <summary>Add a member's term to a committee.</summary>
    /// <remarks>
    /// At most one <c>head</c> at any date (409 <c>member.headOverlap</c>); the term within the
    /// committee's life (409 <c>member.outsideCommitteeLife</c>); the same person not twice at
    /// overlapping dates (409 <c>member.personOverlap</c>). The committee's version moves; the
    /// response's <c>ETag</c> is the committee's new one.
    /// </remarks>
    /// <param name="id">Identifier of the committee.</param>
    /// <param name="command">The term.</param>
    /// <param name="http">The exchange.</param>
    /// <param name="mediator">Sends the command.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="201">Added.</response>
    /// <response code="400">A field is missing or invalid.</response>
    /// <response code="403">The credential may not write there.</response>
    /// <response code="404">No committee has this id.</response>
    /// <response code="409">A rule refuses it, or a concurrent change of the committee won.</response>
    public static async Task<IResult> AddMember(Guid id, [FromBody] AddCommitteeMemberCommand command, HttpContext http, IMediator mediator,
        CancellationToken ct)
    {
        var result = await mediator.Send(command with { CommitteeId = id }, ct);
        http.Response.Headers.ETag = EntityTags.For(result.CommitteeVersion);
        return TypedResults.Created(PublicLinks.To(http, $"/{Route}/{id}/members/{result.Member.Id}"), result.Member);
    }

    /// <summary>Get one term of a committee.</summary>
    /// <remarks>The <c>ETag</c> is the committee's version: send it in <c>If-Match</c> to end the term.</remarks>
    /// <param name="id">Identifier of the committee.</param>
    /// <param name="memberId">Identifier of the term.</param>
    /// <param name="http">The exchange.</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The term.</response>
    /// <response code="404">No such committee or term.</response>
    public static async Task<IResult> GetMember(Guid id, Guid memberId, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var result = await mediator.Send(new GetCommitteeMemberQuery(id, memberId), ct);
        http.Response.Headers.ETag = EntityTags.For(result.CommitteeVersion);
        return TypedResults.Ok(result.Member);
    }

    /// <summary>End a member's term (terms are never deleted).</summary>
    /// <remarks><c>{"to": "2025-02-28"}</c>: the last day. <c>If-Match</c>: the committee's ETag.</remarks>
    /// <param name="id">Identifier of the committee.</param>
    /// <param name="memberId">Identifier of the term.</param>
    /// <param name="command">The last day.</param>
    /// <param name="ifMatch">The committee's ETag (required).</param>
    /// <param name="http">The exchange.</param>
    /// <param name="mediator">Sends the command.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">Ended; <c>ETag</c> is the committee's new version.</response>
    /// <response code="400">A field is missing or invalid.</response>
    /// <response code="403">The credential may not write there.</response>
    /// <response code="404">No such committee or term.</response>
    /// <response code="409">The term already ended by then, or the committee is dissolved.</response>
    /// <response code="412">The committee changed since that version.</response>
    /// <response code="428">If-Match is missing.</response>
    public static async Task<IResult> EndTerm(Guid id, Guid memberId, [FromBody] EndCommitteeMemberTermCommand command,
        [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var version = EntityTags.RequireIfMatch(ifMatch);
        var result = await mediator.Send(command with { CommitteeId = id, MemberId = memberId, ExpectedVersion = version }, ct);
        http.Response.Headers.ETag = EntityTags.For(result.CommitteeVersion);
        return TypedResults.Ok(result.Member);
    }

    /// <summary>List a committee's activities, newest first.</summary>
    /// <remarks>Filters <c>kind</c> (repeatable), <c>from</c>, <c>to</c> (by the first day), paged.</remarks>
    /// <param name="id">Identifier of the committee.</param>
    /// <param name="parameters">The query string.</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">One page of activities.</response>
    /// <response code="400">A parameter is unknown or invalid.</response>
    /// <response code="404">No committee has this id.</response>
    public static async Task<IResult> ListCommitteeActivities(Guid id, ListSteeringActivitiesParameters parameters, IMediator mediator,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return TypedResults.Ok(await mediator.Send(parameters.Query.ForCommittee(id), ct));
    }

    /// <summary>Record an activity of a committee.</summary>
    /// <remarks>
    /// The activity must take place while the committee exists (409 <c>activity.outsideCommitteeLife</c>);
    /// every <c>visitedOrganizationIds</c> entry must be an organization of the register (400
    /// <c>visitedOrganizationIds.unknown</c> naming the unknown ids). It shows the committee's
    /// standing agency on its date.
    /// </remarks>
    /// <param name="id">Identifier of the committee.</param>
    /// <param name="command">The activity.</param>
    /// <param name="http">The exchange.</param>
    /// <param name="mediator">Sends the command.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="201">Recorded; <c>Location</c> points at it.</response>
    /// <response code="400">A field is missing or invalid, or a visited organization is unknown.</response>
    /// <response code="403">The credential may not write there.</response>
    /// <response code="404">No committee has this id.</response>
    /// <response code="409">Outside the committee's life.</response>
    public static async Task<IResult> RecordActivity(Guid id, [FromBody] RecordSteeringActivityCommand command, HttpContext http,
        IMediator mediator, CancellationToken ct)
    {
        var created = await mediator.Send(command with { CommitteeId = id }, ct);
        http.Response.Headers.ETag = EntityTags.For(created.Version);
        return TypedResults.Created(PublicLinks.To(http, $"/{SteeringActivityRepresentation.Route}/{created.Id}"), created);
    }

    private static async Task<IResult> SendAsync(HttpContext http, IMediator mediator, string? ifMatch,
        Func<int?, IRequest<SteeringCommitteeDto>> command, CancellationToken ct)
    {
        var version = EntityTags.RequireIfMatch(ifMatch);
        var updated = await mediator.Send(command(version), ct);
        http.Response.Headers.ETag = EntityTags.For(updated.Version);
        return TypedResults.Ok(updated);
    }
}
