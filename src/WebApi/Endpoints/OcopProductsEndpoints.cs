using CoopApi.Application.Common.Models;
using CoopApi.Application.OcopProducts;
using CoopApi.Application.OcopProducts.Commands.CorrectOcopProduct;
using CoopApi.Application.OcopProducts.Commands.DeleteOcopProduct;
using CoopApi.Application.OcopProducts.Commands.RecordOcopProduct;
using CoopApi.Application.OcopProducts.Queries.GetOcopProduct;
using CoopApi.Application.OcopProducts.Queries.ListCooperativeOcopProducts;
using CoopApi.Application.OcopProducts.Queries.ListOcopProducts;
using CoopApi.WebApi.Infrastructure;
using CoopApi.WebApi.Security;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace CoopApi.WebApi.Endpoints;

/// <summary>
/// OCOP-rated products (One Commune One Product, Mỗi xã một sản phẩm) of the organizations: 3 to 5
/// stars, recognized by the province (3–4★) or the central level (5★), valid 36 months; whether a
/// certificate is active is computed for a date. Also a list across the register for statistics.
/// </summary>
internal sealed class OcopProductsEndpoints : IEndpointGroup
{
    private const string Route = "api/v1/cooperatives/{id:guid}/ocop-products";

    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup(Route, "OcopProducts");
        group.MapGet("", ListCooperativeOcopProducts).WithName(nameof(ListCooperativeOcopProducts))
            .RequireScope(Domain.ApiKeys.ApiScopes.Read)
            .WithMetadata(new QueryParametersMetadata(typeof(ListCooperativeOcopProductsQuery)))
            .Produces<IReadOnlyList<OcopProductDto>>()
            .ProducesFieldErrors()
            .ProducesProblemOf(StatusCodes.Status404NotFound);
        group.MapPost("", RecordOcopProduct).WithName(nameof(RecordOcopProduct))
            .RequireScope(Domain.ApiKeys.ApiScopes.Write)
            .AcceptsJson<RecordOcopProductCommand>()
            .Produces<OcopProductDto>(StatusCodes.Status201Created)
            .ProducesProblemOf(StatusCodes.Status404NotFound)
            .ProducesProblemOf(StatusCodes.Status409Conflict);
        group.MapGet("{productId:guid}", GetCooperativeOcopProduct).WithName(nameof(GetCooperativeOcopProduct))
            .RequireScope(Domain.ApiKeys.ApiScopes.Read)
            .WithMetadata(new QueryParametersMetadata(typeof(GetOcopProductQuery)))
            .Produces<OcopProductDto>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesFieldErrors()
            .ProducesProblemOf(StatusCodes.Status404NotFound);
        group.MapPut("{productId:guid}", CorrectOcopProduct).WithName(nameof(CorrectOcopProduct))
            .RequireScope(Domain.ApiKeys.ApiScopes.Write)
            .AcceptsJson<CorrectOcopProductCommand>()
            .Produces<OcopProductDto>()
            .RequiresIfMatch()
            .ProducesProblemOf(StatusCodes.Status404NotFound)
            .ProducesProblemOf(StatusCodes.Status409Conflict);
        group.MapDelete("{productId:guid}", DeleteOcopProduct).WithName(nameof(DeleteOcopProduct))
            .RequireScope(Domain.ApiKeys.ApiScopes.Write)
            .Produces(StatusCodes.Status204NoContent)
            .RequiresIfMatch()
            .ProducesProblemOf(StatusCodes.Status404NotFound);

        var register = app.MapApiGroup("api/v1/ocop-products", "OcopProducts");
        register.MapGet("", ListOcopProducts).WithName(nameof(ListOcopProducts))
            .RequireScope(Domain.ApiKeys.ApiScopes.Read)
            .WithMetadata(new QueryParametersMetadata(typeof(ListOcopProductsQuery)))
            .Produces<PagedList<OcopProductDto>>()
            .ProducesFieldErrors();
        register.MapGet("{productId:guid}", GetOcopProduct).WithName(nameof(GetOcopProduct))
            .RequireScope(Domain.ApiKeys.ApiScopes.Read)
            .WithMetadata(new QueryParametersMetadata(typeof(GetOcopProductQuery)))
            .Produces<OcopProductDto>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesFieldErrors()
            .ProducesProblemOf(StatusCodes.Status404NotFound);
    }

    /// <summary>The OCOP products of an organization, newest certification first.</summary>
    /// <remarks>Each with its <c>status</c> on <c>asOf</c> (default: today in Vietnam). Example: <c>?asOf=2026-03-15</c>.</remarks>
    /// <param name="id">Identifier of the organization.</param>
    /// <param name="parameters">The query string (<c>asOf</c>).</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The products (empty when none).</response>
    /// <response code="400">asOf is not a date (yyyy-MM-dd), or a parameter is unknown or repeated.</response>
    /// <response code="401">No valid credential.</response>
    /// <response code="403">The credential lacks the read scope.</response>
    /// <response code="404">No organization has this id.</response>
    public static async Task<IResult> ListCooperativeOcopProducts(Guid id, OcopAsOfParameters parameters, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListCooperativeOcopProductsQuery(id) { AsOf = parameters?.AsOf }, ct));

    /// <summary>Record an OCOP rating of a product of the organization.</summary>
    /// <remarks>
    /// Stars 3 to 5; <c>certifiedBy</c> must be <c>province</c> for 3 and 4 stars and <c>central</c>
    /// for 5 stars; <c>certifiedOn</c> not before 2018-05-07 (the national programme) nor in the
    /// future. The server computes <c>expiresOn</c> (36 months later) and <c>status</c>. The same
    /// product under the same certificate number is recorded once per organization (409). A product
    /// rated again after its certificate expired is a new record. Needs the <c>write</c> scope and
    /// the organization's province. Example body:
    /// <c>{ "productName": "Na Chi Lăng", "stars": 4, "certifiedOn": "2023-03-15", "certifiedBy": "province", "certificateNumber": "456/QĐ-UBND" }</c>
    /// </remarks>
    /// <param name="id">Identifier of the organization.</param>
    /// <param name="command">The rating.</param>
    /// <param name="http">The exchange (Location, ETag).</param>
    /// <param name="mediator">Sends the command.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="201">Recorded; <c>Location</c> points at the record.</response>
    /// <response code="400">A field is missing or invalid, or the certifier does not match the stars.</response>
    /// <response code="401">No valid credential.</response>
    /// <response code="403">The credential lacks the write scope or the organization's province.</response>
    /// <response code="404">No organization has this id.</response>
    /// <response code="409">This product is already recorded under this certificate number, or a concurrent write won.</response>
    /// <response code="413">The body is larger than 1 MB.</response>
    /// <response code="415">The body is not sent as application/json.</response>
    public static async Task<IResult> RecordOcopProduct(Guid id, [FromBody] RecordOcopProductCommand command, HttpContext http,
        IMediator mediator, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var created = await mediator.Send(command with { CooperativeId = id }, ct);
        http.Response.Headers.ETag = EntityTags.For(created.Version);
        return TypedResults.Created(PublicLinks.To(http, $"/api/v1/cooperatives/{id}/ocop-products/{created.Id}"), created);
    }

    /// <summary>One OCOP product of an organization.</summary>
    /// <remarks>The <c>ETag</c> header carries the record's version; <c>status</c> is computed for <c>asOf</c> (default: today).</remarks>
    /// <param name="id">Identifier of the organization.</param>
    /// <param name="productId">Identifier of the product record.</param>
    /// <param name="parameters">The query string (<c>asOf</c>).</param>
    /// <param name="http">The exchange (ETag, If-None-Match).</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The product.</response>
    /// <response code="304">Unchanged since the ETag named in If-None-Match.</response>
    /// <response code="400">asOf is not a date (yyyy-MM-dd), or a parameter is unknown or repeated.</response>
    /// <response code="401">No valid credential.</response>
    /// <response code="403">The credential lacks the read scope.</response>
    /// <response code="404">The organization has no product with this id.</response>
    public static async Task<IResult> GetCooperativeOcopProduct(Guid id, Guid productId, OcopAsOfParameters parameters, HttpContext http,
        IMediator mediator, CancellationToken ct) =>
        WithETag(http, await mediator.Send(new GetOcopProductQuery(productId, id) { AsOf = parameters?.AsOf }, ct));

    /// <summary>Correct a recorded OCOP rating.</summary>
    /// <remarks>
    /// Replaces every field (same rules as recording). <c>If-Match</c> is required: send the
    /// <c>ETag</c> of your last read (428 without, 412 when stale).
    /// </remarks>
    /// <param name="id">Identifier of the organization.</param>
    /// <param name="productId">Identifier of the product record.</param>
    /// <param name="command">The corrected rating.</param>
    /// <param name="ifMatch">ETag of the version you read (required).</param>
    /// <param name="http">The exchange (ETag).</param>
    /// <param name="mediator">Sends the command.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">Corrected; the body is the record as stored now.</response>
    /// <response code="400">A field is missing or invalid, or If-Match is not an ETag of this API.</response>
    /// <response code="401">No valid credential.</response>
    /// <response code="403">The credential lacks the write scope or the organization's province.</response>
    /// <response code="404">The organization has no product with this id.</response>
    /// <response code="409">The corrected product and certificate are already recorded, or a concurrent write won.</response>
    /// <response code="412">The record changed since the version named in If-Match.</response>
    /// <response code="413">The body is larger than 1 MB.</response>
    /// <response code="415">The body is not sent as application/json.</response>
    /// <response code="428">If-Match is missing (or <c>*</c>): send the ETag of your last GET.</response>
    public static async Task<IResult> CorrectOcopProduct(Guid id, Guid productId, [FromBody] CorrectOcopProductCommand command,
        [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var version = EntityTags.RequireIfMatch(ifMatch);
        var updated = await mediator.Send(command with { CooperativeId = id, ProductId = productId, ExpectedVersion = version }, ct);
        http.Response.Headers.ETag = EntityTags.For(updated.Version);
        return TypedResults.Ok(updated);
    }

    /// <summary>Delete an OCOP rating recorded in error.</summary>
    /// <remarks>The removal is recorded (audit trail, change feed). <c>If-Match</c> is required.</remarks>
    /// <param name="id">Identifier of the organization.</param>
    /// <param name="productId">Identifier of the product record.</param>
    /// <param name="ifMatch">ETag of the version you read (required).</param>
    /// <param name="mediator">Sends the command.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="204">Deleted; GET now answers 404.</response>
    /// <response code="400">If-Match is not an ETag of this API.</response>
    /// <response code="401">No valid credential.</response>
    /// <response code="403">The credential lacks the write scope or the organization's province.</response>
    /// <response code="404">The organization has no product with this id.</response>
    /// <response code="412">The record changed since the version named in If-Match.</response>
    /// <response code="428">If-Match is missing (or <c>*</c>): send the ETag of your last GET.</response>
    public static async Task<IResult> DeleteOcopProduct(Guid id, Guid productId, [FromHeader(Name = "If-Match")] string? ifMatch,
        IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DeleteOcopProductCommand(id, productId, EntityTags.RequireIfMatch(ifMatch)), ct);
        return TypedResults.NoContent();
    }

    /// <summary>OCOP products across the register, filtered and paged.</summary>
    /// <remarks>
    /// Filters combine with AND: <c>stars</c> (3, 4 or 5), <c>provinceCode</c> (the organization's
    /// province), <c>activeOn</c> (certificate valid on that date: certified on or before it,
    /// expiring after it; statuses are then computed for that date). Pages are ordered by record
    /// id (stable). Example: <c>GET /api/v1/ocop-products?provinceCode=24&amp;stars=4&amp;activeOn=2025-12-31</c>
    /// </remarks>
    /// <param name="parameters">The query string.</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">One page of products and the total number that match.</response>
    /// <response code="400">A parameter is unknown, repeated or invalid.</response>
    /// <response code="401">No valid credential.</response>
    /// <response code="403">The credential lacks the read scope.</response>
    public static async Task<IResult> ListOcopProducts(ListOcopProductsParameters parameters, IMediator mediator, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return TypedResults.Ok(await mediator.Send(parameters.Query, ct));
    }

    /// <summary>One OCOP product by its identifier (the change feed's link).</summary>
    /// <remarks>The same representation as under its organization; <c>status</c> computed for <c>asOf</c> (default: today).</remarks>
    /// <param name="productId">Identifier of the product record.</param>
    /// <param name="parameters">The query string (<c>asOf</c>).</param>
    /// <param name="http">The exchange (ETag, If-None-Match).</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The product.</response>
    /// <response code="304">Unchanged since the ETag named in If-None-Match.</response>
    /// <response code="400">asOf is not a date (yyyy-MM-dd), or a parameter is unknown or repeated.</response>
    /// <response code="401">No valid credential.</response>
    /// <response code="403">The credential lacks the read scope.</response>
    /// <response code="404">No product has this id.</response>
    public static async Task<IResult> GetOcopProduct(Guid productId, OcopAsOfParameters parameters, HttpContext http, IMediator mediator,
        CancellationToken ct) =>
        WithETag(http, await mediator.Send(new GetOcopProductQuery(productId, null) { AsOf = parameters?.AsOf }, ct));

    private static IResult WithETag(HttpContext http, OcopProductDto product)
    {
        var etag = EntityTags.For(product.Version);
        http.Response.Headers.ETag = etag;
        return EntityTags.AnyMatches(http.Request.Headers[HeaderNames.IfNoneMatch], etag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(product);
    }
}
