using CoopApi.Application.AdministrativeUnits;
using CoopApi.Application.AdministrativeUnits.Queries.ListCommunes;
using CoopApi.Application.AdministrativeUnits.Queries.ListProvinces;
using CoopApi.Application.AdministrativeUnits.Queries.LookupPreReformCode;
using CoopApi.WebApi.Security;
using MediatR;

namespace CoopApi.WebApi.Endpoints;

/// <summary>
/// Provinces and communes after the reform of 1 July 2025 (34 provinces, 3,321 communes, no
/// district level), and what pre-reform codes became.
/// </summary>
internal sealed class AdministrativeUnitsEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("api/v1/administrative-units", "AdministrativeUnits").RequireScope(Domain.ApiKeys.ApiScopes.Read);
        group.MapGet("provinces", Provinces).WithName(nameof(Provinces))
            .Produces<IReadOnlyList<ProvinceDto>>();
        group.MapGet("provinces/{code}/communes", Communes).WithName(nameof(Communes))
            .Produces<IReadOnlyList<CommuneDto>>()
            .ProducesProblemOf(StatusCodes.Status404NotFound);
        group.MapGet("pre-reform/{code}", PreReform).WithName(nameof(PreReform))
            .Produces<PreReformCodeDto>()
            .ProducesProblemOf(StatusCodes.Status404NotFound);
    }

    /// <summary>All provinces.</summary>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The 34 provinces and centrally governed cities, by code.</response>
    public static async Task<IResult> Provinces(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListProvincesQuery(), ct));

    /// <summary>Communes of a province.</summary>
    /// <param name="code">2-digit province code, e.g. <c>20</c> (Lạng Sơn).</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">Its communes, wards and special zones, by code.</response>
    /// <response code="404">No province has this code.</response>
    public static async Task<IResult> Communes(string code, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListCommunesQuery(code), ct));

    /// <summary>What a pre-reform province or commune code is now.</summary>
    /// <remarks>
    /// A 2-digit code is looked up among the 63 pre-reform provinces, a 5-digit code among the
    /// pre-reform communes (e.g. <c>06418</c>, Nhật Tiến, is now part of <c>06415</c>, Vân Nham).
    /// A commune split between several new ones lists each. The merge tables are a best-effort
    /// compilation, not law.
    /// </remarks>
    /// <param name="code">The pre-reform code.</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The current unit(s).</response>
    /// <response code="404">No pre-reform unit had this code.</response>
    public static async Task<IResult> PreReform(string code, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new LookupPreReformCodeQuery(code), ct));
}
