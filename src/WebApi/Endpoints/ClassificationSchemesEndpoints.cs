using CoopApi.Application.ClassificationSchemes;
using CoopApi.Application.ClassificationSchemes.Commands.CreateClassificationScheme;
using CoopApi.Application.ClassificationSchemes.Queries.GetClassificationScheme;
using CoopApi.Application.ClassificationSchemes.Queries.ListClassificationSchemes;
using CoopApi.WebApi.Infrastructure;
using CoopApi.WebApi.Security;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace CoopApi.WebApi.Endpoints;

/// <summary>
/// Classification schemes as data (bộ tiêu chí đánh giá, phân loại): the criteria tree, bands,
/// kinds and validity of each regulation version. Read with the read scope; added by an admin.
/// </summary>
internal sealed class ClassificationSchemesEndpoints : IEndpointGroup
{
    private const string Route = "api/v1/classification-schemes";

    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup(Route, "ClassificationSchemes");
        group.MapGet("", ListClassificationSchemes).WithName(nameof(ListClassificationSchemes))
            .RequireScope(Domain.ApiKeys.ApiScopes.Read)
            .Produces<IReadOnlyList<ClassificationSchemeDto>>();
        group.MapGet("{code}", GetClassificationScheme).WithName(nameof(GetClassificationScheme))
            .RequireScope(Domain.ApiKeys.ApiScopes.Read)
            .Produces<ClassificationSchemeDto>()
            .ProducesProblemOf(StatusCodes.Status404NotFound);
        group.MapPost("", CreateClassificationScheme).WithName(nameof(CreateClassificationScheme))
            .RequireScope(Domain.ApiKeys.ApiScopes.Admin)
            .AcceptsJson<CreateClassificationSchemeCommand>()
            .Produces<ClassificationSchemeDto>(StatusCodes.Status201Created)
            .ProducesProblemOf(StatusCodes.Status409Conflict);
    }

    /// <summary>List the classification schemes.</summary>
    /// <remarks>
    /// Every scheme version, newest validity first. <c>circular-01-2020</c> (Circular 01/2020/TT-BKHĐT:
    /// 15 criteria in three groups, 100 points; good ≥ 80, fair ≥ 65, average ≥ 50, weak below;
    /// cooperatives and unions, people's credit funds excluded) ships with the API.
    /// </remarks>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The schemes, each with its criteria tree.</response>
    /// <response code="401">No valid credential.</response>
    /// <response code="403">The credential lacks the read scope.</response>
    public static async Task<IResult> ListClassificationSchemes(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListClassificationSchemesQuery(), ct));

    /// <summary>Get one classification scheme.</summary>
    /// <remarks>By its code (<c>circular-01-2020</c>) or its id: the criteria tree (groups → criteria with their maxima), the bands, the kinds it rates and its validity.</remarks>
    /// <param name="code">Code or id of the scheme version.</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The scheme.</response>
    /// <response code="401">No valid credential.</response>
    /// <response code="403">The credential lacks the read scope.</response>
    /// <response code="404">No scheme has this code.</response>
    public static async Task<IResult> GetClassificationScheme(string code, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetClassificationSchemeQuery(code), ct));

    /// <summary>Add a classification scheme version (admin).</summary>
    /// <remarks>
    /// For a new regulation, without a code change: a new code, its criteria tree (camelCase codes,
    /// unique in the scheme; maxima above 0, at most two decimals; their sum is the scheme's total),
    /// bands descending and not above the total, the kinds it rates and its validity. A version never
    /// changes once added. Validity periods of different versions may overlap (a transition year):
    /// each assessment names the version it uses, which must be in force in its year.
    /// </remarks>
    /// <param name="command">The scheme.</param>
    /// <param name="http">The exchange (Location, ETag).</param>
    /// <param name="mediator">Sends the command.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="201">Added; <c>Location</c> points at it.</response>
    /// <response code="400">A field is missing or invalid; <c>errors</c> lists each one.</response>
    /// <response code="401">No valid credential.</response>
    /// <response code="403">The credential lacks the admin scope.</response>
    /// <response code="409">A scheme with this code exists.</response>
    /// <response code="413">The body is larger than 1 MB.</response>
    /// <response code="415">The body is not sent as application/json.</response>
    public static async Task<IResult> CreateClassificationScheme([FromBody] CreateClassificationSchemeCommand command, HttpContext http,
        IMediator mediator, CancellationToken ct)
    {
        var created = await mediator.Send(command, ct);
        http.Response.Headers.ETag = EntityTags.For(created.Version);
        return TypedResults.Created(PublicLinks.To(http, $"/{Route}/{created.Code}"), created);
    }
}
