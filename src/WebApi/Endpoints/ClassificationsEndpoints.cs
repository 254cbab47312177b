using CoopApi.Application.Classifications;
using CoopApi.Application.Classifications.Commands.RecordClassification;
using CoopApi.Application.Classifications.Queries.GetClassification;
using CoopApi.Application.Classifications.Queries.GetClassificationDistribution;
using CoopApi.Application.Classifications.Queries.ListClassifications;
using CoopApi.Application.Classifications.Queries.ListCooperativeClassifications;
using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Models;
using CoopApi.WebApi.Infrastructure;
using CoopApi.WebApi.Security;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace CoopApi.WebApi.Endpoints;

/// <summary>
/// Yearly classification (đánh giá, phân loại): assessments of an organization (classify scope,
/// in the organization's province), the list across the register and the distribution of ratings.
/// </summary>
internal sealed class ClassificationsEndpoints : IEndpointGroup
{
    private const string CooperativesRoute = "api/v1/cooperatives";
    private const string Route = "api/v1/classifications";

    public void Map(IEndpointRouteBuilder app)
    {
        var ofCooperative = app.MapApiGroup(CooperativesRoute, "Classifications");
        ofCooperative.MapPost("{id:guid}/classifications", RecordClassification).WithName(nameof(RecordClassification))
            .RequireScope(Domain.ApiKeys.ApiScopes.Classify)
            .AcceptsJson<RecordClassificationCommand>()
            .Produces<ClassificationDto>(StatusCodes.Status201Created)
            .Produces<ClassificationDto>()
            .ProducesProblemOf(StatusCodes.Status404NotFound)
            .ProducesProblemOf(StatusCodes.Status409Conflict)
            .ProducesProblemOf(StatusCodes.Status412PreconditionFailed)
            .Produces<ValidationProblemDetails>(StatusCodes.Status428PreconditionRequired, "application/problem+json");
        ofCooperative.MapGet("{id:guid}/classifications", ListCooperativeClassifications).WithName(nameof(ListCooperativeClassifications))
            .RequireScope(Domain.ApiKeys.ApiScopes.Read)
            .WithMetadata(new QueryParametersMetadata(typeof(ClassificationHistoryParameters)))
            .Produces<IReadOnlyList<ClassificationDto>>()
            .ProducesFieldErrors()
            .ProducesProblemOf(StatusCodes.Status404NotFound);
        ofCooperative.MapGet("{id:guid}/classifications/{year:int}", GetCooperativeClassification).WithName(nameof(GetCooperativeClassification))
            .RequireScope(Domain.ApiKeys.ApiScopes.Read)
            .WithMetadata(new QueryParametersMetadata(typeof(ClassificationHistoryParameters)))
            .Produces<ClassificationDto>()
            .ProducesFieldErrors()
            .ProducesProblemOf(StatusCodes.Status404NotFound);

        var all = app.MapApiGroup(Route, "Classifications");
        all.MapGet("", ListClassifications).WithName(nameof(ListClassifications))
            .RequireScope(Domain.ApiKeys.ApiScopes.Read)
            .WithMetadata(new QueryParametersMetadata(typeof(ListClassificationsQuery)))
            .Produces<PagedList<ClassificationSummaryDto>>()
            .ProducesFieldErrors();
        all.MapGet("{classificationId:guid}", GetClassification).WithName(nameof(GetClassification))
            .RequireScope(Domain.ApiKeys.ApiScopes.Read)
            .WithMetadata(new QueryParametersMetadata(typeof(ClassificationHistoryParameters)))
            .Produces<ClassificationDto>()
            .ProducesFieldErrors()
            .ProducesProblemOf(StatusCodes.Status404NotFound);

        var statistics = app.MapApiGroup("api/v1/statistics", "Statistics");
        statistics.MapGet("classifications", GetClassificationDistribution).WithName(nameof(GetClassificationDistribution))
            .RequireStatisticsRead()
            .WithMetadata(new QueryParametersMetadata(typeof(ClassificationDistributionParameters)))
            .Produces<ClassificationDistributionDto>()
            .ProducesFieldErrors();
    }

    /// <summary>Record (or correct) the assessment of an organization for a year.</summary>
    /// <remarks>
    /// Needs the <c>classify</c> scope and the organization's province. Send a score for every
    /// criterion of the scheme (<c>GET /api/v1/classification-schemes/{code}</c>), exactly once, 0 to
    /// its maximum, at most two decimals; the server computes the total and the rating (good ≥ 80,
    /// fair ≥ 65, average ≥ 50, weak below, for <c>circular-01-2020</c>). A rating sent by the client is
    /// refused like any unknown member. Not rated (<c>rating: notRated</c> with <c>notRatedReason</c>):
    /// kinds or sectors the scheme excludes (cooperative groups, people's credit funds), organizations
    /// founded after 1 January of the year (less than 12 months by its end), or suspended more than
    /// 90 days of the year (from the status history); for those, <c>scores</c> may be empty.
    /// The first assessment of a year answers 201. Posting again for the same year is a correction: a
    /// new revision becomes current, earlier ones are kept (<c>includeHistory=true</c>); it needs
    /// <c>If-Match</c> with the classification's ETag (428 without, 412 when stale).
    /// Example: <c>{ "year": 2024, "schemeCode": "circular-01-2020", "scores": [{ "criterion": "capital", "points": 6.5 }, …], "assessedOn": "2024-12-10", "approvedBy": "Chủ tịch UBND xã" }</c>
    /// </remarks>
    /// <param name="id">The organization.</param>
    /// <param name="command">The assessment.</param>
    /// <param name="ifMatch">ETag of the year's classification, for a correction (required then).</param>
    /// <param name="http">The exchange (Location, ETag).</param>
    /// <param name="mediator">Sends the command.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="201">The first assessment of the year; <c>Location</c> points at it.</response>
    /// <response code="200">A correction: the new current revision.</response>
    /// <response code="400">A field is missing or invalid, a criterion is missing, repeated, unknown or out of range (each named), or the scheme is unknown or not in force in the year.</response>
    /// <response code="401">No valid credential.</response>
    /// <response code="403">The credential lacks the classify scope or the organization's province.</response>
    /// <response code="404">No organization has this id.</response>
    /// <response code="409">Another assessment of the same year was recorded at the same moment.</response>
    /// <response code="412">The classification changed since the version named in If-Match (or does not exist).</response>
    /// <response code="413">The body is larger than 1 MB.</response>
    /// <response code="415">The body is not sent as application/json.</response>
    /// <response code="428">An assessment of the year exists: a correction must send its ETag in If-Match.</response>
    public static async Task<IResult> RecordClassification(Guid id, [FromBody] RecordClassificationCommand command,
        [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        int? expected = null;
        if (!string.IsNullOrWhiteSpace(ifMatch))
        {
            expected = EntityTags.RequireIfMatch(ifMatch);
        }
        else if (command.Year is { } year)
        {
            try
            {
                await mediator.Send(new GetClassificationQuery { CooperativeId = id, Year = year }, ct);
                EntityTags.RequireIfMatch(ifMatch); // one exists: a correction must name its version (428)
            }
            catch (NotFoundException)
            {
                // The first assessment of the year: nothing to name.
            }
        }

        var recorded = await mediator.Send(command with { CooperativeId = id, ExpectedVersion = expected }, ct);
        var classification = recorded.Classification;
        http.Response.Headers.ETag = EntityTags.For(classification.Version);
        return recorded.Created
            ? TypedResults.Created(PublicLinks.To(http, $"/{CooperativesRoute}/{id}/classifications/{classification.Year}"), classification)
            : TypedResults.Ok(classification);
    }

    /// <summary>Every year's classification of an organization.</summary>
    /// <remarks>Newest year first, each with its current revision; <c>includeHistory=true</c> adds every revision of each year.</remarks>
    /// <param name="id">The organization.</param>
    /// <param name="parameters">The query string.</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The classifications (empty when never assessed).</response>
    /// <response code="400">A parameter is unknown, repeated or invalid.</response>
    /// <response code="401">No valid credential.</response>
    /// <response code="403">The credential lacks the read scope.</response>
    /// <response code="404">No organization has this id.</response>
    public static async Task<IResult> ListCooperativeClassifications(Guid id, ClassificationHistoryParameters parameters, IMediator mediator,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return TypedResults.Ok(await mediator.Send(new ListCooperativeClassificationsQuery(id, parameters.IncludeHistory), ct));
    }

    /// <summary>The classification of an organization for one year.</summary>
    /// <remarks>Its <c>ETag</c> is what a correction sends in <c>If-Match</c>.</remarks>
    /// <param name="id">The organization.</param>
    /// <param name="year">The year.</param>
    /// <param name="parameters">The query string.</param>
    /// <param name="http">The exchange (ETag).</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The classification.</response>
    /// <response code="400">A parameter is unknown, repeated or invalid.</response>
    /// <response code="401">No valid credential.</response>
    /// <response code="403">The credential lacks the read scope.</response>
    /// <response code="404">The organization has no classification for this year.</response>
    public static async Task<IResult> GetCooperativeClassification(Guid id, int year, ClassificationHistoryParameters parameters,
        HttpContext http, IMediator mediator, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var found = await mediator.Send(new GetClassificationQuery { CooperativeId = id, Year = year, IncludeHistory = parameters.IncludeHistory }, ct);
        http.Response.Headers.ETag = EntityTags.For(found.Version);
        return TypedResults.Ok(found);
    }

    /// <summary>List classifications across the register.</summary>
    /// <remarks>
    /// Current classifications, newest year first, then in the order they were first recorded; filters combine with
    /// AND, a repeated <c>rating</c> or <c>sector</c> means any of its values. Province, commune and
    /// sector are the organization's when it was assessed.
    /// Example: <c>GET /api/v1/classifications?year=2024&amp;provinceCode=24&amp;rating=weak</c>
    /// </remarks>
    /// <param name="parameters">The query string.</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">One page and the total number that match.</response>
    /// <response code="400">A parameter is unknown, repeated or invalid.</response>
    /// <response code="401">No valid credential.</response>
    /// <response code="403">The credential lacks the read scope.</response>
    public static async Task<IResult> ListClassifications(ListClassificationsParameters parameters, IMediator mediator, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return TypedResults.Ok(await mediator.Send(parameters.Query, ct));
    }

    /// <summary>Get one classification by its id.</summary>
    /// <remarks>The address the change feed links to (entity type <c>classification</c>).</remarks>
    /// <param name="classificationId">The classification.</param>
    /// <param name="parameters">The query string.</param>
    /// <param name="http">The exchange (ETag).</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The classification.</response>
    /// <response code="400">A parameter is unknown, repeated or invalid.</response>
    /// <response code="401">No valid credential.</response>
    /// <response code="403">The credential lacks the read scope.</response>
    /// <response code="404">No classification has this id.</response>
    public static async Task<IResult> GetClassification(Guid classificationId, ClassificationHistoryParameters parameters, HttpContext http,
        IMediator mediator, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var found = await mediator.Send(new GetClassificationQuery { Id = classificationId, IncludeHistory = parameters.IncludeHistory }, ct);
        http.Response.Headers.ETag = EntityTags.For(found.Version);
        return TypedResults.Ok(found);
    }

    /// <summary>Distribution of ratings (statistics).</summary>
    /// <remarks>
    /// For <c>year</c>, or each year from <c>fromYear</c> to <c>toYear</c> (a time series), across the
    /// register or one <c>provinceCode</c>, optionally split by <c>groupBy=sector|commune</c>: counts per
    /// rating, not rated, and active organizations not yet assessed; shares in percent of the rated
    /// organizations only (not-rated excluded): <c>fairOrBetterShare</c> = (good + fair) ÷ rated,
    /// <c>weakShare</c> = weak ÷ rated. One SQL aggregate over indexed columns.
    /// Example: <c>GET /api/v1/statistics/classifications?fromYear=2020&amp;toYear=2025&amp;provinceCode=24</c>
    /// </remarks>
    /// <param name="parameters">The query string.</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">One line per year (and group).</response>
    /// <response code="400">A parameter is unknown, repeated or invalid, or the years are missing or reversed.</response>
    /// <response code="401">No valid credential.</response>
    /// <response code="403">The credential lacks the read scope.</response>
    public static async Task<IResult> GetClassificationDistribution(ClassificationDistributionParameters parameters, IMediator mediator,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return TypedResults.Ok(await mediator.Send(parameters.Query, ct));
    }
}
