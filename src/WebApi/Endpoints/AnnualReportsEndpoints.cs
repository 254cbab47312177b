using CoopApi.Application.AnnualReports;
using CoopApi.Application.AnnualReports.Commands.DeleteAnnualReport;
using CoopApi.Application.AnnualReports.Commands.PutAnnualReport;
using CoopApi.Application.AnnualReports.Queries.GetAnnualReport;
using CoopApi.Application.AnnualReports.Queries.ListAnnualReports;
using CoopApi.WebApi.Infrastructure;
using CoopApi.WebApi.Security;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace CoopApi.WebApi.Endpoints;

/// <summary>
/// Yearly figures of an organization (báo cáo tình hình hoạt động năm): revenue, profit, capital,
/// members, employees, income and the share of members' needs served, one report per year, with the
/// size class the server computes from them (Decree 113/2024/NĐ-CP).
/// </summary>
internal sealed class AnnualReportsEndpoints : IEndpointGroup
{
    private const string Route = "api/v1/cooperatives/{id:guid}/annual-reports";

    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup(Route, "AnnualReports");
        group.MapGet("", ListAnnualReports).WithName(nameof(ListAnnualReports))
            .RequireScope(Domain.ApiKeys.ApiScopes.Read)
            .Produces<IReadOnlyList<AnnualReportDto>>()
            .ProducesProblemOf(StatusCodes.Status404NotFound);
        group.MapGet("{year:int}", GetAnnualReport).WithName(nameof(GetAnnualReport))
            .RequireScope(Domain.ApiKeys.ApiScopes.Read)
            .Produces<AnnualReportDto>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblemOf(StatusCodes.Status404NotFound);
        group.MapPut("{year:int}", PutAnnualReport).WithName(nameof(PutAnnualReport))
            .RequireScope(Domain.ApiKeys.ApiScopes.Write)
            .AcceptsJson<PutAnnualReportCommand>()
            .Produces<AnnualReportDto>()
            .Produces<AnnualReportDto>(StatusCodes.Status201Created)
            .ProducesProblemOf(StatusCodes.Status404NotFound)
            .ProducesProblemOf(StatusCodes.Status409Conflict)
            .ProducesProblemOf(StatusCodes.Status412PreconditionFailed)
            .Produces<ValidationProblemDetails>(StatusCodes.Status428PreconditionRequired, "application/problem+json");
        group.MapDelete("{year:int}", DeleteAnnualReport).WithName(nameof(DeleteAnnualReport))
            .RequireScope(Domain.ApiKeys.ApiScopes.Write)
            .Produces(StatusCodes.Status204NoContent)
            .RequiresIfMatch()
            .ProducesProblemOf(StatusCodes.Status404NotFound);

        app.MapApiGroup("api/v1/annual-reports", "AnnualReports")
            .MapGet("{reportId:guid}", GetAnnualReportById).WithName(nameof(GetAnnualReportById))
            .RequireScope(Domain.ApiKeys.ApiScopes.Read)
            .Produces<AnnualReportDto>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblemOf(StatusCodes.Status404NotFound);
    }

    /// <summary>Every year's figures of an organization, oldest year first.</summary>
    /// <remarks>An organization that filed nothing answers an empty list; an unknown (or withdrawn) one 404.</remarks>
    /// <param name="id">Identifier of the organization.</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The reports, by year.</response>
    /// <response code="401">No valid credential.</response>
    /// <response code="403">The credential lacks the read scope.</response>
    /// <response code="404">No organization has this id.</response>
    public static async Task<IResult> ListAnnualReports(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListAnnualReportsQuery(id), ct));

    /// <summary>The figures of an organization for one year.</summary>
    /// <remarks>The <c>ETag</c> header carries the report's version: send it in <c>If-Match</c> to replace the figures.</remarks>
    /// <param name="id">Identifier of the organization.</param>
    /// <param name="year" example="2024">The year, e.g. 2024.</param>
    /// <param name="http">The exchange (ETag, If-None-Match).</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The figures.</response>
    /// <response code="304">Unchanged since the ETag named in If-None-Match.</response>
    /// <response code="401">No valid credential.</response>
    /// <response code="403">The credential lacks the read scope.</response>
    /// <response code="404">No organization has this id, or it filed no figures for that year.</response>
    public static async Task<IResult> GetAnnualReport(Guid id, int year, HttpContext http, IMediator mediator, CancellationToken ct) =>
        WithETag(http, await mediator.Send(new GetAnnualReportQuery(id, year), ct));

    /// <summary>One report by its own identifier (the change feed's link).</summary>
    /// <remarks>The same representation as <c>GET /api/v1/cooperatives/{id}/annual-reports/{year}</c>.</remarks>
    /// <param name="reportId">Identifier of the report.</param>
    /// <param name="http">The exchange (ETag, If-None-Match).</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The figures.</response>
    /// <response code="304">Unchanged since the ETag named in If-None-Match.</response>
    /// <response code="401">No valid credential.</response>
    /// <response code="403">The credential lacks the read scope.</response>
    /// <response code="404">No report has this id.</response>
    public static async Task<IResult> GetAnnualReportById(Guid reportId, HttpContext http, IMediator mediator, CancellationToken ct) =>
        WithETag(http, await mediator.Send(new GetAnnualReportQuery(Guid.Empty, 0, reportId), ct));

    /// <summary>File or replace the figures of an organization for one year.</summary>
    /// <remarks>
    /// Every figure is required; amounts are whole VND, ≥ 0 except the pre-tax profit (a loss is
    /// negative); the total capital is not below the equity; the share of members' needs served is a
    /// percentage from 0 to 100 with at most 2 decimals. The year may not be before the
    /// organization's founding year nor in the future. The server computes <c>sizeClass</c>.
    /// <br/>Filing (no figures yet for the year): send no precondition, or <c>If-None-Match: *</c>
    /// → 201. Replacing: send <c>If-Match</c> with the <c>ETag</c> of your last read → 200; without
    /// it 428, with a stale one 412. When two clients file the same year at once, one gets 201
    /// and the other 412: neither overwrites the other. Needs the <c>write</c> scope and the
    /// organization's province.
    /// </remarks>
    /// <param name="id">Identifier of the organization.</param>
    /// <param name="year" example="2024">The year, e.g. 2024.</param>
    /// <param name="command">The figures.</param>
    /// <param name="ifMatch">To replace existing figures: the ETag of your last read, e.g. "2".</param>
    /// <param name="ifNoneMatch">To file only (never replace): <c>*</c>.</param>
    /// <param name="http">The exchange (Location, ETag).</param>
    /// <param name="mediator">Sends the command.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">Replaced; the body is the report as stored now, with its new version.</response>
    /// <response code="201">Filed; <c>Location</c> points at the report.</response>
    /// <response code="400">A figure is missing or invalid, the year is before the founding year or in the future, or a precondition header is malformed.</response>
    /// <response code="401">No valid credential.</response>
    /// <response code="403">The credential lacks the write scope or the organization's province.</response>
    /// <response code="404">No organization has this id.</response>
    /// <response code="409">A concurrent write won.</response>
    /// <response code="412">The figures changed since the version named in If-Match, or were filed meanwhile (If-None-Match: * or a concurrent filing).</response>
    /// <response code="413">The body is larger than 1 MB.</response>
    /// <response code="415">The body is not sent as application/json.</response>
    /// <response code="428">Figures exist for this year: send If-Match with their ETag to replace them.</response>
    public static async Task<IResult> PutAnnualReport(Guid id, int year, [FromBody] PutAnnualReportCommand command,
        [FromHeader(Name = "If-Match")] string? ifMatch, [FromHeader(Name = "If-None-Match")] string? ifNoneMatch,
        HttpContext http, IMediator mediator, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        int? version = ifMatch is null ? null : EntityTags.RequireIfMatch(ifMatch);
        var createOnly = IsCreateOnly(ifNoneMatch, version is not null);
        var result = await mediator.Send(command with { CooperativeId = id, Year = year, ExpectedVersion = version, CreateOnly = createOnly }, ct);
        if (result.Report is not { } report)
        {
            // Figures exist and the client named no version: 428, telling it to send their ETag.
            _ = EntityTags.RequireIfMatch(null);
            return TypedResults.StatusCode(StatusCodes.Status428PreconditionRequired);
        }

        http.Response.Headers.ETag = EntityTags.For(report.Version);
        return result.Outcome == PutAnnualReportOutcome.Created
            ? TypedResults.Created(PublicLinks.To(http, $"/api/v1/cooperatives/{id}/annual-reports/{year}"), report)
            : TypedResults.Ok(report);
    }

    /// <summary>Delete the figures of a year filed in error.</summary>
    /// <remarks>
    /// For figures filed under the wrong year or for the wrong organization; to correct figures,
    /// replace them with <c>PUT</c>. The removal is recorded (audit trail, change feed).
    /// <c>If-Match</c> is required. Needs the <c>write</c> scope and the organization's province.
    /// </remarks>
    /// <param name="id">Identifier of the organization.</param>
    /// <param name="year" example="2024">The year.</param>
    /// <param name="ifMatch">ETag of the version you read (required).</param>
    /// <param name="mediator">Sends the command.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="204">Deleted; GET now answers 404.</response>
    /// <response code="400">If-Match is not an ETag of this API.</response>
    /// <response code="401">No valid credential.</response>
    /// <response code="403">The credential lacks the write scope or the organization's province.</response>
    /// <response code="404">No figures for this organization and year.</response>
    /// <response code="412">The figures changed since the version named in If-Match.</response>
    /// <response code="428">If-Match is missing (or <c>*</c>): send the ETag of your last GET.</response>
    public static async Task<IResult> DeleteAnnualReport(Guid id, int year, [FromHeader(Name = "If-Match")] string? ifMatch,
        IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DeleteAnnualReportCommand(id, year, EntityTags.RequireIfMatch(ifMatch)), ct);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// True for <c>If-None-Match: *</c> (file only). Any other value, or <c>*</c> together with
    /// <c>If-Match</c>, is refused with 400: it cannot mean anything for a write.
    /// </summary>
    private static bool IsCreateOnly(string? ifNoneMatch, bool hasIfMatch)
    {
        if (ifNoneMatch is null)
        {
            return false;
        }

        if (ifNoneMatch.Trim() == "*" && !hasIfMatch)
        {
            return true;
        }

        throw new RequestRejectedException(new Dictionary<string, string[]>
        {
            [HeaderNames.IfNoneMatch] = [Application.Common.Localization.Text.Pick(
                "On a PUT, If-None-Match may only be * (file the figures only if none exist), and not together with If-Match.",
                "Với PUT, If-None-Match chỉ có thể là * (chỉ nộp số liệu khi chưa có), và không dùng cùng If-Match.")],
        });
    }

    private static IResult WithETag(HttpContext http, AnnualReportDto report)
    {
        var etag = EntityTags.For(report.Version);
        http.Response.Headers.ETag = etag;
        return EntityTags.AnyMatches(http.Request.Headers[HeaderNames.IfNoneMatch], etag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(report);
    }
}
