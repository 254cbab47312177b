using CoopApi.Application.Common.Models;
using CoopApi.Application.Partnerships;
using CoopApi.Application.Partnerships.Commands.AddPartnershipCommitment;
using CoopApi.Application.Partnerships.Commands.ChangePartnershipAgreementStatus;
using CoopApi.Application.Partnerships.Commands.CreatePartnershipAgreement;
using CoopApi.Application.Partnerships.Commands.DeletePartnershipAgreement;
using CoopApi.Application.Partnerships.Commands.DeletePartnershipCommitment;
using CoopApi.Application.Partnerships.Commands.RecordPartnershipReview;
using CoopApi.Application.Partnerships.Commands.UpdatePartnershipAgreement;
using CoopApi.Application.Partnerships.Commands.UpdatePartnershipCommitment;
using CoopApi.Application.Partnerships.Queries.GetPartnershipAgreement;
using CoopApi.Application.Partnerships.Queries.GetPartnershipProgress;
using CoopApi.Application.Partnerships.Queries.GetPartnershipStatistics;
using CoopApi.Application.Partnerships.Queries.ListPartnershipAgreements;
using CoopApi.Domain.ApiKeys;
using CoopApi.WebApi.Infrastructure;
using CoopApi.WebApi.Security;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace CoopApi.WebApi.Endpoints;

/// <summary>
/// Partnership programmes (chương trình phối hợp) of the provincial Cooperative Alliance with other
/// bodies: their commitments, annual and final reviews and computed progress.
/// </summary>
internal sealed class PartnershipAgreementsEndpoints : IEndpointGroup
{
    private const string Route = PartnershipAgreementRepresentation.Route;

    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup(Route, "PartnershipAgreements");
        group.MapGet("", ListPartnershipAgreements).WithName(nameof(ListPartnershipAgreements))
            .WithMetadata(new QueryParametersMetadata(typeof(ListPartnershipAgreementsQuery)))
            .Produces<PagedList<PartnershipAgreementDto>>()
            .ProducesFieldErrors()
            .RequireScope(ApiScopes.Read);
        group.MapGet("{id:guid}", GetPartnershipAgreement).WithName(nameof(GetPartnershipAgreement))
            .Produces<PartnershipAgreementDto>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblemOf(StatusCodes.Status404NotFound)
            .RequireScope(ApiScopes.Read);
        group.MapPost("", CreatePartnershipAgreement).WithName(nameof(CreatePartnershipAgreement))
            .AcceptsJson<CreatePartnershipAgreementCommand>()
            .Produces<PartnershipAgreementDto>(StatusCodes.Status201Created)
            .ProducesProblemOf(StatusCodes.Status409Conflict)
            .RequireScope(ApiScopes.Write);
        group.MapPut("{id:guid}", UpdatePartnershipAgreement).WithName(nameof(UpdatePartnershipAgreement))
            .AcceptsJson<UpdatePartnershipAgreementCommand>()
            .Produces<PartnershipAgreementDto>()
            .RequiresIfMatch()
            .ProducesProblemOf(StatusCodes.Status404NotFound)
            .ProducesProblemOf(StatusCodes.Status409Conflict)
            .RequireScope(ApiScopes.Write);
        group.MapDelete("{id:guid}", DeletePartnershipAgreement).WithName(nameof(DeletePartnershipAgreement))
            .Produces(StatusCodes.Status204NoContent)
            .RequiresIfMatch()
            .ProducesProblemOf(StatusCodes.Status404NotFound)
            .ProducesProblemOf(StatusCodes.Status409Conflict)
            .RequireScope(ApiScopes.Write);
        group.MapPost("{id:guid}/status", ChangePartnershipAgreementStatus).WithName(nameof(ChangePartnershipAgreementStatus))
            .AcceptsJson<ChangePartnershipAgreementStatusCommand>()
            .Produces<PartnershipAgreementDto>()
            .RequiresIfMatch()
            .ProducesProblemOf(StatusCodes.Status404NotFound)
            .ProducesProblemOf(StatusCodes.Status409Conflict)
            .RequireScope(ApiScopes.Write);
        group.MapGet("{id:guid}/commitments", ListPartnershipCommitments).WithName(nameof(ListPartnershipCommitments))
            .Produces<IReadOnlyList<PartnershipCommitmentDto>>()
            .ProducesProblemOf(StatusCodes.Status404NotFound)
            .RequireScope(ApiScopes.Read);
        group.MapPost("{id:guid}/commitments", AddPartnershipCommitment).WithName(nameof(AddPartnershipCommitment))
            .AcceptsJson<AddPartnershipCommitmentCommand>()
            .Produces<PartnershipCommitmentDto>(StatusCodes.Status201Created)
            .ProducesProblemOf(StatusCodes.Status404NotFound)
            .ProducesProblemOf(StatusCodes.Status409Conflict)
            .RequireScope(ApiScopes.Write);
        group.MapPut("{id:guid}/commitments/{commitmentId:guid}", UpdatePartnershipCommitment).WithName(nameof(UpdatePartnershipCommitment))
            .AcceptsJson<UpdatePartnershipCommitmentCommand>()
            .Produces<PartnershipCommitmentDto>()
            .RequiresIfMatch()
            .ProducesProblemOf(StatusCodes.Status404NotFound)
            .ProducesProblemOf(StatusCodes.Status409Conflict)
            .RequireScope(ApiScopes.Write);
        group.MapDelete("{id:guid}/commitments/{commitmentId:guid}", DeletePartnershipCommitment).WithName(nameof(DeletePartnershipCommitment))
            .Produces(StatusCodes.Status204NoContent)
            .RequiresIfMatch()
            .ProducesProblemOf(StatusCodes.Status404NotFound)
            .ProducesProblemOf(StatusCodes.Status409Conflict)
            .RequireScope(ApiScopes.Write);
        group.MapGet("{id:guid}/reviews", ListPartnershipReviews).WithName(nameof(ListPartnershipReviews))
            .Produces<IReadOnlyList<PartnershipReviewDto>>()
            .ProducesProblemOf(StatusCodes.Status404NotFound)
            .RequireScope(ApiScopes.Read);
        group.MapPost("{id:guid}/reviews", RecordPartnershipReview).WithName(nameof(RecordPartnershipReview))
            .AcceptsJson<RecordPartnershipReviewCommand>()
            .Produces<PartnershipReviewDto>(StatusCodes.Status201Created)
            .ProducesProblemOf(StatusCodes.Status404NotFound)
            .ProducesProblemOf(StatusCodes.Status409Conflict)
            .RequireScope(ApiScopes.Write);
        group.MapGet("{id:guid}/progress", GetPartnershipProgress).WithName(nameof(GetPartnershipProgress))
            .Produces<PartnershipProgressDto>()
            .ProducesProblemOf(StatusCodes.Status404NotFound)
            .RequireScope(ApiScopes.Read);

        var statistics = app.MapApiGroup("api/v1/statistics/partnerships", "Statistics");
        statistics.MapGet("", PartnershipStatistics).WithName(nameof(PartnershipStatistics))
            .WithMetadata(new QueryParametersMetadata(typeof(GetPartnershipStatisticsQuery)))
            .Produces<PartnershipStatisticsDto>()
            .ProducesFieldErrors()
            .RequireStatisticsRead();
    }

    /// <summary>List partnership programmes, filtered and paged.</summary>
    /// <remarks>
    /// Filters combine with AND: <c>provinceCode</c>; <c>status</c> and <c>partyKind</c> (repeatable, any
    /// of the values; partyKind: a party of that kind); <c>year</c>: the period covers it; <c>q</c>:
    /// words of the title or a party's name, ignoring case and diacritics. Newest signing first.
    /// Example: <c>GET /api/v1/partnership-agreements?provinceCode=24&amp;partyKind=youthUnion&amp;year=2024</c>
    /// </remarks>
    /// <param name="parameters">The query string.</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">One page of programmes and the total number that match.</response>
    /// <response code="400">A parameter is unknown, repeated or invalid.</response>
    public static async Task<IResult> ListPartnershipAgreements(ListPartnershipAgreementsParameters parameters, IMediator mediator,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(parameters.Query, ct));

    /// <summary>Get one partnership programme with its commitments, reviews and amendments.</summary>
    /// <remarks>The <c>ETag</c> is the programme's version (commitments and reviews included).</remarks>
    /// <param name="id">Identifier of the programme.</param>
    /// <param name="http">The exchange.</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The programme.</response>
    /// <response code="304">Unchanged since the ETag named in If-None-Match.</response>
    /// <response code="404">No programme has this id.</response>
    public static async Task<IResult> GetPartnershipAgreement(Guid id, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var agreement = await mediator.Send(new GetPartnershipAgreementQuery(id), ct);
        var etag = EntityTags.For(agreement.Version);
        http.Response.Headers.ETag = etag;
        return EntityTags.AnyMatches(http.Request.Headers.IfNoneMatch, etag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(agreement);
    }

    /// <summary>Record a partnership programme (as a draft).</summary>
    /// <remarks>
    /// At least two parties (distinct names); every signatory signs for one of them
    /// (<c>signatories[i].party.notAParty</c>); the period lasts at most 10 years and the signing is
    /// not after it. It starts as a <c>draft</c>: activate it with <c>POST …/{id}/status</c>.
    /// </remarks>
    /// <param name="command">The programme's terms.</param>
    /// <param name="http">The exchange.</param>
    /// <param name="mediator">Sends the command.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="201">Recorded; <c>Location</c> points at it.</response>
    /// <response code="400">A field is missing or invalid.</response>
    /// <response code="403">The credential may not write in the programme's province.</response>
    /// <response code="409">A rule refuses it.</response>
    public static async Task<IResult> CreatePartnershipAgreement([FromBody] CreatePartnershipAgreementCommand command, HttpContext http,
        IMediator mediator, CancellationToken ct)
    {
        var created = await mediator.Send(command, ct);
        http.Response.Headers.ETag = EntityTags.For(created.Version);
        return TypedResults.Created(PublicLinks.To(http, $"/{Route}/{created.Id}"), created);
    }

    /// <summary>Replace the terms of a programme (a draft freely, an active one by amendment).</summary>
    /// <remarks>
    /// A draft takes any valid terms (leave <c>amendment</c> out). An active programme changes only by
    /// amendment: send <c>amendment</c> (<c>amendedOn</c>, <c>reference</c>, <c>reason</c>); only
    /// <c>periodEndYear</c>, <c>signatories</c>, <c>policyReferences</c> and <c>contentAreas</c> (new ones
    /// appended) may differ (409 <c>partnershipAgreement.notAmendable</c> names the others); each
    /// amendment is kept in <c>amendments</c> with the values before and after. A completed or
    /// terminated programme takes nothing (409 <c>partnershipAgreement.closed</c>). <c>If-Match</c> required.
    /// </remarks>
    /// <param name="id">Identifier of the programme.</param>
    /// <param name="command">The new terms.</param>
    /// <param name="ifMatch">ETag of the version you read (required).</param>
    /// <param name="http">The exchange.</param>
    /// <param name="mediator">Sends the command.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">Updated.</response>
    /// <response code="400">A field is missing or invalid, or If-Match is not an ETag of this API.</response>
    /// <response code="403">The credential may not write there.</response>
    /// <response code="404">No programme has this id.</response>
    /// <response code="409">Closed, not amendable, or an amendment is missing.</response>
    /// <response code="412">The programme changed since that version.</response>
    /// <response code="428">If-Match is missing.</response>
    public static Task<IResult> UpdatePartnershipAgreement(Guid id, [FromBody] UpdatePartnershipAgreementCommand command,
        [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, IMediator mediator, CancellationToken ct) =>
        SendAsync(http, mediator, ifMatch, version => command with { Id = id, ExpectedVersion = version }, ct);

    /// <summary>Delete a draft programme recorded in error.</summary>
    /// <remarks>Only a draft (else 409 <c>partnershipAgreement.notDraft</c>). <c>If-Match</c> required.</remarks>
    /// <param name="id">Identifier of the programme.</param>
    /// <param name="ifMatch">ETag of the version you read (required).</param>
    /// <param name="mediator">Sends the command.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="204">Deleted.</response>
    /// <response code="400">If-Match is not an ETag of this API.</response>
    /// <response code="403">The credential may not write there.</response>
    /// <response code="404">No programme has this id.</response>
    /// <response code="409">Not a draft.</response>
    /// <response code="412">The programme changed since that version.</response>
    /// <response code="428">If-Match is missing.</response>
    public static async Task<IResult> DeletePartnershipAgreement(Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator,
        CancellationToken ct)
    {
        await mediator.Send(new DeletePartnershipAgreementCommand(id, EntityTags.RequireIfMatch(ifMatch)), ct);
        return TypedResults.NoContent();
    }

    /// <summary>Change a programme's status.</summary>
    /// <remarks>
    /// <c>{"status": "active", "effectiveOn": "2023-03-09", "reason": "…"}</c>. draft → active (on or
    /// after signing) → completed (in or after the end year) | terminated; anything else is 409
    /// <c>partnershipAgreement.transitionNotAllowed</c> (the same status: <c>partnershipAgreement.statusUnchanged</c>).
    /// The final review completes a programme too.
    /// </remarks>
    /// <param name="id">Identifier of the programme.</param>
    /// <param name="command">Status, date, reason.</param>
    /// <param name="ifMatch">ETag of the version you read (required).</param>
    /// <param name="http">The exchange.</param>
    /// <param name="mediator">Sends the command.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">Changed.</response>
    /// <response code="400">A field is missing or invalid.</response>
    /// <response code="403">The credential may not write there.</response>
    /// <response code="404">No programme has this id.</response>
    /// <response code="409">The move is not allowed, or the date is out of order.</response>
    /// <response code="412">The programme changed since that version.</response>
    /// <response code="428">If-Match is missing.</response>
    public static Task<IResult> ChangePartnershipAgreementStatus(Guid id, [FromBody] ChangePartnershipAgreementStatusCommand command,
        [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, IMediator mediator, CancellationToken ct) =>
        SendAsync(http, mediator, ifMatch, version => command with { Id = id, ExpectedVersion = version }, ct);

    /// <summary>List a programme's commitments.</summary>
    /// <remarks>In the order recorded. The <c>ETag</c> is the programme's version.</remarks>
    /// <param name="id">Identifier of the programme.</param>
    /// <param name="http">The exchange.</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The commitments.</response>
    /// <response code="404">No programme has this id.</response>
    public static async Task<IResult> ListPartnershipCommitments(Guid id, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var agreement = await mediator.Send(new GetPartnershipAgreementQuery(id), ct);
        http.Response.Headers.ETag = EntityTags.For(agreement.Version);
        return TypedResults.Ok(agreement.Commitments);
    }

    /// <summary>Add a commitment to a programme.</summary>
    /// <remarks>
    /// To a draft, or as an addendum to an active programme. <c>contentArea</c> is the index (from 0)
    /// of one of the programme's content areas (400 <c>contentArea.unknown</c>); <c>responsibleParty</c>
    /// one of its parties. With <c>registerMeasure</c> the values come from the register, not from
    /// reviews. The programme's version moves; the response's <c>ETag</c> is its new one.
    /// </remarks>
    /// <param name="id">Identifier of the programme.</param>
    /// <param name="command">The commitment.</param>
    /// <param name="http">The exchange.</param>
    /// <param name="mediator">Sends the command.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="201">Added.</response>
    /// <response code="400">A field is missing or invalid.</response>
    /// <response code="403">The credential may not write there.</response>
    /// <response code="404">No programme has this id.</response>
    /// <response code="409">The programme is closed, or a concurrent change won.</response>
    public static async Task<IResult> AddPartnershipCommitment(Guid id, [FromBody] AddPartnershipCommitmentCommand command, HttpContext http,
        IMediator mediator, CancellationToken ct)
    {
        var result = await mediator.Send(command with { AgreementId = id }, ct);
        http.Response.Headers.ETag = EntityTags.For(result.AgreementVersion);
        return TypedResults.Created(PublicLinks.To(http, $"/{Route}/{id}/commitments/{result.Commitment.Id}"), result.Commitment);
    }

    /// <summary>Replace a commitment of a draft programme.</summary>
    /// <remarks>Only while the programme is a draft (409 <c>partnershipCommitment.notDraft</c>). <c>If-Match</c>: the programme's ETag.</remarks>
    /// <param name="id">Identifier of the programme.</param>
    /// <param name="commitmentId">Identifier of the commitment.</param>
    /// <param name="command">The new fields.</param>
    /// <param name="ifMatch">The programme's ETag (required).</param>
    /// <param name="http">The exchange.</param>
    /// <param name="mediator">Sends the command.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">Updated; <c>ETag</c> is the programme's new version.</response>
    /// <response code="400">A field is missing or invalid.</response>
    /// <response code="403">The credential may not write there.</response>
    /// <response code="404">No such programme or commitment.</response>
    /// <response code="409">The programme is not a draft.</response>
    /// <response code="412">The programme changed since that version.</response>
    /// <response code="428">If-Match is missing.</response>
    public static async Task<IResult> UpdatePartnershipCommitment(Guid id, Guid commitmentId, [FromBody] UpdatePartnershipCommitmentCommand command,
        [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var version = EntityTags.RequireIfMatch(ifMatch);
        var result = await mediator.Send(command with { AgreementId = id, CommitmentId = commitmentId, ExpectedVersion = version }, ct);
        http.Response.Headers.ETag = EntityTags.For(result.AgreementVersion);
        return TypedResults.Ok(result.Commitment);
    }

    /// <summary>Remove a commitment of a draft programme.</summary>
    /// <remarks>Only while the programme is a draft (409 <c>partnershipCommitment.notDraft</c>). <c>If-Match</c>: the programme's ETag.</remarks>
    /// <param name="id">Identifier of the programme.</param>
    /// <param name="commitmentId">Identifier of the commitment.</param>
    /// <param name="ifMatch">The programme's ETag (required).</param>
    /// <param name="mediator">Sends the command.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="204">Removed.</response>
    /// <response code="400">If-Match is not an ETag of this API.</response>
    /// <response code="403">The credential may not write there.</response>
    /// <response code="404">No such programme or commitment.</response>
    /// <response code="409">The programme is not a draft.</response>
    /// <response code="412">The programme changed since that version.</response>
    /// <response code="428">If-Match is missing.</response>
    public static async Task<IResult> DeletePartnershipCommitment(Guid id, Guid commitmentId, [FromHeader(Name = "If-Match")] string? ifMatch,
        IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DeletePartnershipCommitmentCommand(id, commitmentId, EntityTags.RequireIfMatch(ifMatch)), ct);
        return TypedResults.NoContent();
    }

    /// <summary>List a programme's reviews, by year.</summary>
    /// <remarks>The <c>ETag</c> is the programme's version.</remarks>
    /// <param name="id">Identifier of the programme.</param>
    /// <param name="http">The exchange.</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The reviews.</response>
    /// <response code="404">No programme has this id.</response>
    public static async Task<IResult> ListPartnershipReviews(Guid id, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var agreement = await mediator.Send(new GetPartnershipAgreementQuery(id), ct);
        http.Response.Headers.ETag = EntityTags.For(agreement.Version);
        return TypedResults.Ok(agreement.Reviews);
    }

    /// <summary>Record an annual or the final review of an active programme.</summary>
    /// <remarks>
    /// Annual (sơ kết): a year of the period (409 <c>partnershipReview.yearOutsidePeriod</c>), one per
    /// year (409 <c>partnershipReview.yearAlreadyReviewed</c>). Final (tổng kết): the end year
    /// (409 <c>partnershipReview.finalNotEndYear</c>), held in or after it (409
    /// <c>partnershipReview.finalBeforeEndYear</c>); it completes the programme. <c>results</c> give the
    /// value achieved in the year per commitment (commitments measured from the register are not
    /// reported: 400 <c>results.measuredFromRegister</c>).
    /// </remarks>
    /// <param name="id">Identifier of the programme.</param>
    /// <param name="command">The review.</param>
    /// <param name="http">The exchange.</param>
    /// <param name="mediator">Sends the command.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="201">Recorded; <c>ETag</c> is the programme's new version.</response>
    /// <response code="400">A field is missing or invalid, or a result names an unknown commitment.</response>
    /// <response code="403">The credential may not write there.</response>
    /// <response code="404">No programme has this id.</response>
    /// <response code="409">Not active, a year outside the period, a year reviewed already, or a final review too early.</response>
    public static async Task<IResult> RecordPartnershipReview(Guid id, [FromBody] RecordPartnershipReviewCommand command, HttpContext http,
        IMediator mediator, CancellationToken ct)
    {
        var result = await mediator.Send(command with { AgreementId = id }, ct);
        http.Response.Headers.ETag = EntityTags.For(result.AgreementVersion);
        return TypedResults.Created(PublicLinks.To(http, $"/{Route}/{id}/reviews"), result.Review);
    }

    /// <summary>The computed progress of a programme.</summary>
    /// <remarks>
    /// Per commitment and year of the period: achieved, expected, state (<c>achieved</c>, <c>onTrack</c>,
    /// <c>behind</c>, <c>missed</c>, <c>notDue</c>); per programme the share of the due commitments that
    /// are achieved or on track. Computed on every request from the reviews (and, for commitments
    /// with <c>registerMeasure</c>, from the register's organizations founded in the programme's
    /// province), never stored. The rules at the edges are in docs/domain.md.
    /// </remarks>
    /// <param name="id">Identifier of the programme.</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The progress.</response>
    /// <response code="404">No programme has this id.</response>
    public static async Task<IResult> GetPartnershipProgress(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetPartnershipProgressQuery(id), ct));

    /// <summary>Partnership programmes counted.</summary>
    /// <remarks>
    /// Programmes per status and parties per kind (SQL aggregates), commitments per state (computed
    /// by the progress rules); zeros included. <c>provinceCode</c>: one province; <c>year</c>: the
    /// programmes whose period covers it, and each commitment's state in that year (without:
    /// every programme and the commitments' overall states).
    /// Example: <c>GET /api/v1/statistics/partnerships?provinceCode=24&amp;year=2024</c>
    /// </remarks>
    /// <param name="parameters">The query string.</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The counts.</response>
    /// <response code="400">A parameter is unknown or invalid.</response>
    public static async Task<IResult> PartnershipStatistics(PartnershipStatisticsParameters parameters, IMediator mediator, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return TypedResults.Ok(await mediator.Send(parameters.Query, ct));
    }

    private static async Task<IResult> SendAsync(HttpContext http, IMediator mediator, string? ifMatch,
        Func<int?, IRequest<PartnershipAgreementDto>> command, CancellationToken ct)
    {
        var version = EntityTags.RequireIfMatch(ifMatch);
        var updated = await mediator.Send(command(version), ct);
        http.Response.Headers.ETag = EntityTags.For(updated.Version);
        return TypedResults.Ok(updated);
    }
}
