using CoopApi.Application.Common.Localization;
using CoopApi.Application.Common.Models;
using CoopApi.Application.Cooperatives;
using CoopApi.Application.Cooperatives.Commands.ChangeCooperativeStatus;
using CoopApi.Application.Cooperatives.Commands.CreateCooperative;
using CoopApi.Application.Cooperatives.Commands.UpdateCooperative;
using CoopApi.Application.Cooperatives.Queries.GetCooperative;
using CoopApi.Application.Cooperatives.Queries.GetStatusHistory;
using CoopApi.Application.Cooperatives.Queries.ListCooperatives;
using CoopApi.WebApi.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace CoopApi.WebApi.Controllers;

/// <summary>
/// The register of collective economic organizations (sổ đăng ký tổ chức kinh tế tập thể):
/// cooperatives, cooperative groups and unions of cooperatives.
/// </summary>
[ApiController]
[Route("api/v1/cooperatives")]
[Produces("application/json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status500InternalServerError, "application/problem+json")]
public sealed class CooperativesController(IMediator mediator) : ControllerBase
{
    /// <summary>List organizations, filtered, searched, sorted and paged.</summary>
    /// <remarks>
    /// All filters combine (AND). <c>q</c> ignores case and Vietnamese diacritics and matches
    /// names and registration codes: <c>q=cai kinh</c> finds "Hợp tác xã … Cai Kinh", <c>q=dong</c>
    /// finds "Đồng". Sorting is stable (ties broken by id), so paging never skips or repeats rows.
    /// Example: <c>GET /api/v1/cooperatives?provinceCode=24&amp;status=suspended&amp;sort=-charterCapital&amp;pageSize=50</c>
    /// </remarks>
    /// <response code="200">One page of organizations and the total number that match.</response>
    /// <response code="400">A parameter is invalid (unknown enumeration value, bad sort key, page size above 200…).</response>
    [HttpGet]
    [ProducesResponseType<PagedList<CooperativeDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ActionResult<PagedList<CooperativeDto>>> List([FromQuery] ListCooperativesQuery query, CancellationToken ct) =>
        await mediator.Send(query, ct);

    /// <summary>Get one organization.</summary>
    /// <remarks>The <c>ETag</c> header carries the record's version; send it in <c>If-None-Match</c> to get 304 when nothing changed.</remarks>
    /// <param name="id">Identifier of the organization.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The organization.</response>
    /// <response code="304">Unchanged since the ETag named in If-None-Match.</response>
    /// <response code="404">No organization has this id.</response>
    [HttpGet("{id:guid}", Name = nameof(GetById))]
    [ProducesResponseType<CooperativeDto>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<CooperativeDto>> GetById(Guid id, CancellationToken ct)
    {
        var cooperative = await mediator.Send(new GetCooperativeQuery(id), ct);
        var etag = EntityTags.For(cooperative.Version);
        Response.Headers.ETag = etag;
        if (EntityTags.AnyMatches(Request.Headers.IfNoneMatch, etag))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        return cooperative;
    }

    /// <summary>Register a new organization.</summary>
    /// <remarks>
    /// The organization starts <c>active</c>; its status history starts with the registration,
    /// effective on <c>establishedOn</c>. Cooperatives need ≥ 5 members, unions ≥ 3, groups ≥ 2;
    /// cooperatives and unions need a registration code, which must be unique. The commune
    /// must belong to the province (codes after the 1 July 2025 reform; a pre-reform code is
    /// refused with a hint to its current code).
    /// </remarks>
    /// <response code="201">Registered; <c>Location</c> points at the new record.</response>
    /// <response code="400">A field is missing or invalid; <c>errors</c> lists each one.</response>
    /// <response code="409">The registration code is already in the register.</response>
    /// <response code="413">The body is larger than 1 MB.</response>
    [HttpPost]
    [Consumes("application/json")]
    [ProducesResponseType<CooperativeDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
    public async Task<ActionResult<CooperativeDto>> Create([FromBody] CreateCooperativeCommand command, CancellationToken ct)
    {
        var created = await mediator.Send(command, ct);
        Response.Headers.ETag = EntityTags.For(created.Version);
        return CreatedAtRoute(nameof(GetById), new { id = created.Id }, created);
    }

    /// <summary>Replace the descriptive fields of an organization.</summary>
    /// <remarks>
    /// A full update: every field is replaced, absent optional fields become empty. Status is not
    /// changed here (use <c>POST /{id}/status</c>). Send the <c>ETag</c> from your last read in
    /// <c>If-Match</c>: if someone changed the record in between, you get 412 instead of
    /// overwriting their change.
    /// </remarks>
    /// <param name="id">Identifier of the organization.</param>
    /// <param name="command">The new field values.</param>
    /// <param name="ifMatch">ETag of the version you read, e.g. <c>"4711"</c> (optional; <c>*</c> = any).</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">Updated; the body is the record as stored now, with its new version.</response>
    /// <response code="400">A field is missing or invalid, or If-Match is not an ETag of this API.</response>
    /// <response code="404">No organization has this id.</response>
    /// <response code="409">The registration code belongs to another organization, or a concurrent write won.</response>
    /// <response code="412">The record changed since the version named in If-Match.</response>
    [HttpPut("{id:guid}")]
    [Consumes("application/json")]
    [ProducesResponseType<CooperativeDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    public Task<ActionResult<CooperativeDto>> Update(Guid id, [FromBody] UpdateCooperativeCommand command,
        [FromHeader(Name = "If-Match")] string? ifMatch, CancellationToken ct) =>
        SendConditionalAsync(ifMatch, version => command with { Id = id, ExpectedVersion = version }, ct);

    /// <summary>Change the status of an organization.</summary>
    /// <remarks>
    /// Allowed transitions: active ⇄ suspended; active or suspended → awaitingDissolution →
    /// dissolved; awaitingDissolution → active (revived). Dissolved is final. The effective date
    /// may not be in the future nor before the founding date or the previous change. Every change
    /// is kept in the status history.
    /// </remarks>
    /// <param name="id">Identifier of the organization.</param>
    /// <param name="command">New status, effective date and reason.</param>
    /// <param name="ifMatch">ETag of the version you read (optional).</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">Changed; the body is the organization with its new status and version.</response>
    /// <response code="400">A field is missing or invalid.</response>
    /// <response code="404">No organization has this id.</response>
    /// <response code="409">The transition is not allowed (the body says which are), or the date is out of order.</response>
    /// <response code="412">The record changed since the version named in If-Match.</response>
    [HttpPost("{id:guid}/status")]
    [Consumes("application/json")]
    [ProducesResponseType<CooperativeDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    public Task<ActionResult<CooperativeDto>> ChangeStatus(Guid id, [FromBody] ChangeCooperativeStatusCommand command,
        [FromHeader(Name = "If-Match")] string? ifMatch, CancellationToken ct) =>
        SendConditionalAsync(ifMatch, version => command with { Id = id, ExpectedVersion = version }, ct);

    /// <summary>Status history of an organization, oldest first.</summary>
    /// <remarks>The first entry is the registration (no <c>fromStatus</c>), effective on the founding date.</remarks>
    /// <param name="id">Identifier of the organization.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">Every status change.</response>
    /// <response code="404">No organization has this id.</response>
    [HttpGet("{id:guid}/status-history")]
    [ProducesResponseType<IReadOnlyList<StatusChangeDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<IReadOnlyList<StatusChangeDto>>> StatusHistory(Guid id, CancellationToken ct) =>
        Ok(await mediator.Send(new GetStatusHistoryQuery(id), ct));

    /// <summary>Sends a command that changes one organization, conditional on If-Match, and returns it with its new ETag.</summary>
    private async Task<ActionResult<CooperativeDto>> SendConditionalAsync(string? ifMatch,
        Func<uint?, IRequest<CooperativeDto>> command, CancellationToken ct)
    {
        if (!EntityTags.TryParseIfMatch(ifMatch, out var version))
        {
            return InvalidIfMatch();
        }

        var updated = await mediator.Send(command(version), ct);
        Response.Headers.ETag = EntityTags.For(updated.Version);
        return updated;
    }

    private ProblemResult InvalidIfMatch() => new(ProblemFactory.Validation(HttpContext,
        new Dictionary<string, string[]>
        {
            [HeaderNames.IfMatch] = [Text.Pick("If-Match must be an ETag returned by this API, e.g. \"4711\", or *.",
                "If-Match phải là một ETag do API này trả về, ví dụ \"4711\", hoặc *.")],
        }));
}
