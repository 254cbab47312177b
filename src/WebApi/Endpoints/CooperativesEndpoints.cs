using CoopApi.Application.Common.Models;
using CoopApi.Application.Cooperatives;
using CoopApi.Application.Cooperatives.Commands.ChangeCooperativeStatus;
using CoopApi.Application.Cooperatives.Commands.CreateCooperative;
using CoopApi.Application.Cooperatives.Commands.DeleteCooperative;
using CoopApi.Application.Cooperatives.Commands.UpdateCooperative;
using CoopApi.Application.Cooperatives.Queries.GetCooperative;
using CoopApi.Application.Cooperatives.Queries.GetStatusHistory;
using CoopApi.Application.Cooperatives.Queries.ListCooperatives;
using CoopApi.Domain.ApiKeys;
using CoopApi.WebApi.Infrastructure;
using CoopApi.WebApi.OpenApi;
using CoopApi.WebApi.Security;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace CoopApi.WebApi.Endpoints;

/// <summary>
/// The register of collective economic organizations (sổ đăng ký tổ chức kinh tế tập thể):
/// cooperatives, cooperative groups and unions of cooperatives.
/// </summary>
internal sealed class CooperativesEndpoints : IEndpointGroup
{
    private const string Route = "api/v1/cooperatives";

    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup(Route, "Cooperatives");
        group.MapGet("", List).WithName(nameof(List)).RequireScope(ApiScopes.Read)
            .WithMetadata(new QueryParametersMetadata(typeof(ListCooperativesQuery)))
            .Produces<CooperativePage>()
            .ProducesFieldErrors();
        group.MapGet("{id:guid}", GetById).WithName(nameof(GetById)).RequireScope(ApiScopes.Read)
            .Produces<CooperativeDto>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblemOf(StatusCodes.Status404NotFound);
        group.MapPost("", Create).WithName(nameof(Create)).RequireScope(ApiScopes.Write)
            .AcceptsJson<CreateCooperativeCommand>()
            .Produces<CooperativeDto>(StatusCodes.Status201Created)
            .ProducesProblemOf(StatusCodes.Status409Conflict);
        group.MapPut("{id:guid}", Update).WithName(nameof(Update)).RequireScope(ApiScopes.Write)
            .AcceptsJson<UpdateCooperativeCommand>()
            .Produces<CooperativeDto>()
            .RequiresIfMatch()
            .ProducesProblemOf(StatusCodes.Status404NotFound)
            .ProducesProblemOf(StatusCodes.Status409Conflict);
        group.MapPatch("{id:guid}", Patch).WithName(nameof(Patch)).RequireScope(ApiScopes.Write)
            .Accepts<CooperativePatch>(CooperativeMergePatch.MediaType)
            .ProducesFieldErrors()
            .ProducesProblemOf(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblemOf(StatusCodes.Status415UnsupportedMediaType)
            .Produces<CooperativeDto>()
            .RequiresIfMatch()
            .ProducesProblemOf(StatusCodes.Status404NotFound)
            .ProducesProblemOf(StatusCodes.Status409Conflict);
        group.MapDelete("{id:guid}", Delete).WithName(nameof(Delete)).RequireScope(ApiScopes.Write)
            .Produces(StatusCodes.Status204NoContent)
            .RequiresIfMatch()
            .ProducesProblemOf(StatusCodes.Status404NotFound)
            .ProducesProblemOf(StatusCodes.Status409Conflict);
        group.MapPost("{id:guid}/status", ChangeStatus).WithName(nameof(ChangeStatus)).RequireScope(ApiScopes.Write)
            .AcceptsJson<ChangeCooperativeStatusCommand>()
            .Produces<CooperativeDto>()
            .RequiresIfMatch()
            .ProducesProblemOf(StatusCodes.Status404NotFound)
            .ProducesProblemOf(StatusCodes.Status409Conflict);
        group.MapGet("{id:guid}/status-history", StatusHistory).WithName(nameof(StatusHistory)).RequireScope(ApiScopes.Read)
            .Produces<IReadOnlyList<StatusChangeDto>>()
            .ProducesProblemOf(StatusCodes.Status404NotFound);
    }

    /// <summary>List organizations, filtered, searched, sorted and paged.</summary>
    /// <remarks>
    /// Filters combine with AND; a repeated <c>kind</c>, <c>sector</c> or <c>status</c> means any of
    /// its values (<c>status=active&amp;status=suspended</c>). Other parameters may appear once;
    /// unknown parameters are refused. <c>q</c> ignores case and Vietnamese diacritics and matches
    /// names and registration codes: <c>q=cai kinh</c> finds "Hợp tác xã … Cai Kinh", <c>q=dong</c>
    /// finds "Đồng"; at least one word needs 3 characters. Sorting is stable (ties broken by id).
    /// Example: <c>GET /api/v1/cooperatives?provinceCode=24&amp;status=suspended&amp;sort=-charterCapital&amp;pageSize=50</c>
    ///
    /// Two ways to page. Page numbers (<c>page</c>) jump to any page, but every page before it is
    /// read and skipped: fine for the first pages a person looks at, slow deep in a large list
    /// (page 5,000 of the register). A cursor walks the list: every response carries
    /// <c>nextCursor</c> (null on the last page); send it as <c>cursor</c> with the same filters
    /// and sort for the next page, which costs the same however deep it is and is not shifted by
    /// organizations registered or withdrawn meanwhile. Use cursors for exports, synchronisation
    /// and infinite scrolling. A cursor of another list (other filters or sort) or a damaged one
    /// is refused with 400.
    ///
    /// <c>totalCount</c> counts the matching organizations exactly for a filtered list; for the
    /// whole register it is an estimate from the database's statistics once the register is
    /// large (<c>totalCountKind</c>: <c>exact</c> or <c>estimate</c>).
    /// </remarks>
    /// <param name="parameters">The query string.</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">One page of organizations, the cursor of the next page and the number that match.</response>
    /// <response code="400">A parameter is unknown, repeated or invalid (unknown enumeration value, bad sort key, page size above 200, a search without a word of 3 characters, a damaged cursor or one of another list…).</response>
    public static async Task<IResult> List(ListCooperativesParameters parameters, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(parameters.Query, ct));

    /// <summary>Get one organization.</summary>
    /// <remarks>The <c>ETag</c> header carries the record's version; send it in <c>If-None-Match</c> to get 304 when nothing changed.</remarks>
    /// <param name="id">Identifier of the organization.</param>
    /// <param name="http">The exchange (ETag, If-None-Match).</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The organization.</response>
    /// <response code="304">Unchanged since the ETag named in If-None-Match.</response>
    /// <response code="404">No organization has this id.</response>
    public static async Task<IResult> GetById(Guid id, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var cooperative = await mediator.Send(new GetCooperativeQuery(id), ct);
        var etag = EntityTags.For(cooperative.Version);
        http.Response.Headers.ETag = etag;
        return EntityTags.AnyMatches(http.Request.Headers.IfNoneMatch, etag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(cooperative);
    }

    /// <summary>Register a new organization.</summary>
    /// <remarks>
    /// The organization starts <c>active</c>; its status history starts with the registration,
    /// effective on <c>establishedOn</c>. Cooperatives need ≥ 5 members, unions ≥ 3, groups ≥ 2;
    /// cooperatives and unions need a registration code, which must be unique. The commune
    /// must belong to the province (codes after the 1 July 2025 reform; a pre-reform code is
    /// refused with a hint to its current code).
    /// </remarks>
    /// <param name="command">The organization's fields.</param>
    /// <param name="http">The exchange (Location, ETag).</param>
    /// <param name="mediator">Sends the command.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="201">Registered; <c>Location</c> points at the new record.</response>
    /// <response code="400">A field is missing, unknown or invalid; <c>errors</c> lists each one.</response>
    /// <response code="409">The registration code is already in the register.</response>
    /// <response code="413">The body is larger than 1 MB.</response>
    /// <response code="415">The body is not sent as application/json.</response>
    public static async Task<IResult> Create([FromBody] CreateCooperativeCommand command, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var created = await mediator.Send(command, ct);
        http.Response.Headers.ETag = EntityTags.For(created.Version);
        return TypedResults.Created(PublicLinks.To(http, $"/{Route}/{created.Id}"), created);
    }

    /// <summary>Replace the descriptive fields of an organization.</summary>
    /// <remarks>
    /// A full update: every field is replaced, absent optional fields become empty. Status is not
    /// changed here (use <c>POST /{id}/status</c>); to change only some fields, use <c>PATCH</c>.
    /// <c>If-Match</c> is required: send the <c>ETag</c> from your last read; if someone changed
    /// the record in between, you get 412 instead of overwriting their change.
    /// </remarks>
    /// <param name="id">Identifier of the organization.</param>
    /// <param name="command">The new field values.</param>
    /// <param name="ifMatch">ETag of the version you read (required).</param>
    /// <param name="http">The exchange (ETag).</param>
    /// <param name="mediator">Sends the command.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">Updated; the body is the record as stored now, with its new version.</response>
    /// <response code="400">A field is missing, unknown or invalid, or If-Match is not an ETag of this API.</response>
    /// <response code="404">No organization has this id.</response>
    /// <response code="409">The registration code belongs to another organization, a domain rule refuses the change, or a concurrent write won.</response>
    /// <response code="412">The record changed since the version named in If-Match.</response>
    /// <response code="413">The body is larger than 1 MB.</response>
    /// <response code="415">The body is not sent as application/json.</response>
    /// <response code="428">If-Match is missing (or <c>*</c>): send the ETag of your last GET.</response>
    public static Task<IResult> Update(Guid id, [FromBody] UpdateCooperativeCommand command,
        [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, IMediator mediator, CancellationToken ct) =>
        SendConditionalAsync(http, mediator, ifMatch, version => command with { Id = id, ExpectedVersion = version }, ct);

    /// <summary>Change some descriptive fields of an organization (JSON Merge Patch).</summary>
    /// <remarks>
    /// Send only the fields to change, as <c>application/merge-patch+json</c> (RFC 7396):
    /// <c>{"memberCount": 42, "phone": null}</c> sets the members and removes the phone. An absent
    /// member keeps its value; <c>null</c> removes an optional field (a required one cannot be
    /// removed); <c>mainProducts</c> is replaced as a whole. The result must pass the same rules
    /// as <c>PUT</c>. The status is not patched (use <c>POST /{id}/status</c>). A patch that changes
    /// nothing answers 200 with the unchanged version. <c>If-Match</c> is required: send the
    /// <c>ETag</c> from your last read.
    /// </remarks>
    /// <param name="id">Identifier of the organization.</param>
    /// <param name="patch">The merge patch (the body).</param>
    /// <param name="ifMatch">ETag of the version you read (required).</param>
    /// <param name="http">The exchange (ETag).</param>
    /// <param name="mediator">Sends the query and the command.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">Updated (or unchanged); the body is the record as stored now, with its version.</response>
    /// <response code="400">The patch is not a JSON object, names an unknown member or <c>status</c>, removes a required field, or a resulting field is invalid; or If-Match is not an ETag of this API.</response>
    /// <response code="404">No organization has this id.</response>
    /// <response code="409">The registration code belongs to another organization, a domain rule refuses the change, or a concurrent write won.</response>
    /// <response code="412">The record changed since the version named in If-Match.</response>
    /// <response code="413">The body is larger than 1 MB.</response>
    /// <response code="415">The body is not sent as application/merge-patch+json.</response>
    /// <response code="428">If-Match is missing (or <c>*</c>): send the ETag of your last GET.</response>
    public static async Task<IResult> Patch(Guid id, CooperativeMergePatch patch, [FromHeader(Name = "If-Match")] string? ifMatch,
        HttpContext http, IMediator mediator, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var version = EntityTags.RequireIfMatch(ifMatch);
        var current = await mediator.Send(new GetCooperativeQuery(id), ct);
        var updated = await mediator.Send(patch.ApplyTo(current) with { Id = id, ExpectedVersion = version }, ct);
        http.Response.Headers.ETag = EntityTags.For(updated.Version);
        return TypedResults.Ok(updated);
    }

    /// <summary>Withdraw an organization registered in error.</summary>
    /// <remarks>
    /// Removes the record and its registration entry, only while nothing but the registration is
    /// in its status history. An organization that has changed status leaves the register through
    /// the status transitions instead (<c>awaitingDissolution</c>, then <c>dissolved</c>), so that
    /// its history is kept. The removal is recorded as a <c>CooperativeDeleted</c> event; the
    /// registration code can be registered again. <c>If-Match</c> is required: send the
    /// <c>ETag</c> from your last read.
    /// </remarks>
    /// <param name="id">Identifier of the organization.</param>
    /// <param name="ifMatch">ETag of the version you read (required).</param>
    /// <param name="mediator">Sends the command.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="204">Withdrawn; GET now answers 404.</response>
    /// <response code="400">If-Match is not an ETag of this API.</response>
    /// <response code="404">No organization has this id.</response>
    /// <response code="409">The organization has status changes since its registration (<c>cooperative.hasHistory</c>): use the status transitions.</response>
    /// <response code="412">The record changed since the version named in If-Match.</response>
    /// <response code="428">If-Match is missing (or <c>*</c>): send the ETag of your last GET.</response>
    public static async Task<IResult> Delete(Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DeleteCooperativeCommand(id, EntityTags.RequireIfMatch(ifMatch)), ct);
        return TypedResults.NoContent();
    }

    /// <summary>Change the status of an organization.</summary>
    /// <remarks>
    /// Allowed transitions: active ⇄ suspended; active or suspended → awaitingDissolution →
    /// dissolved; awaitingDissolution → active (revived). Dissolved is final. The effective date
    /// may not be in the future nor before the founding date or the previous change. Every change
    /// is kept in the status history.
    /// </remarks>
    /// <param name="id">Identifier of the organization.</param>
    /// <param name="command">New status, effective date and reason.</param>
    /// <param name="ifMatch">ETag of the version you read (required).</param>
    /// <param name="http">The exchange (ETag).</param>
    /// <param name="mediator">Sends the command.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">Changed; the body is the organization with its new status and version.</response>
    /// <response code="400">A field is missing, unknown or invalid, or If-Match is not an ETag of this API.</response>
    /// <response code="404">No organization has this id.</response>
    /// <response code="409">The transition is not allowed (the body says which are), or the date is out of order.</response>
    /// <response code="412">The record changed since the version named in If-Match.</response>
    /// <response code="413">The body is larger than 1 MB.</response>
    /// <response code="415">The body is not sent as application/json.</response>
    /// <response code="428">If-Match is missing (or <c>*</c>): send the ETag of your last GET.</response>
    public static Task<IResult> ChangeStatus(Guid id, [FromBody] ChangeCooperativeStatusCommand command,
        [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, IMediator mediator, CancellationToken ct) =>
        SendConditionalAsync(http, mediator, ifMatch, version => command with { Id = id, ExpectedVersion = version }, ct);

    /// <summary>Status history of an organization, oldest first.</summary>
    /// <remarks>The first entry is the registration (no <c>fromStatus</c>), effective on the founding date.</remarks>
    /// <param name="id">Identifier of the organization.</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">Every status change.</response>
    /// <response code="404">No organization has this id.</response>
    public static async Task<IResult> StatusHistory(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetStatusHistoryQuery(id), ct));

    /// <summary>Sends a command that changes one organization, conditional on If-Match, and returns it with its new ETag.</summary>
    private static async Task<IResult> SendConditionalAsync(HttpContext http, IMediator mediator, string? ifMatch,
        Func<int?, IRequest<CooperativeDto>> command, CancellationToken ct)
    {
        var version = EntityTags.RequireIfMatch(ifMatch);
        var updated = await mediator.Send(command(version), ct);
        http.Response.Headers.ETag = EntityTags.For(updated.Version);
        return TypedResults.Ok(updated);
    }
}
