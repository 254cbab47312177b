using CoopApi.Application.AdministrativeUnits;
using CoopApi.Application.AdministrativeUnits.Queries;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace CoopApi.WebApi.Controllers;

/// <summary>
/// Provinces and communes after the reform of 1 July 2025 (34 provinces, 3,321 communes, no
/// district level), and what pre-reform codes became.
/// </summary>
[ApiController]
[Route("api/v1/administrative-units")]
[Produces("application/json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status500InternalServerError, "application/problem+json")]
public sealed class AdministrativeUnitsController(IMediator mediator) : ControllerBase
{
    /// <summary>All provinces.</summary>
    /// <response code="200">The 34 provinces and centrally governed cities, by code.</response>
    [HttpGet("provinces")]
    [ProducesResponseType<IReadOnlyList<ProvinceDto>>(StatusCodes.Status200OK)]
    public async Task<ActionResult<IReadOnlyList<ProvinceDto>>> Provinces(CancellationToken ct) =>
        Ok(await mediator.Send(new ListProvincesQuery(), ct));

    /// <summary>Communes of a province.</summary>
    /// <param name="code">2-digit province code, e.g. <c>20</c> (Lạng Sơn).</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">Its communes, wards and special zones, by code.</response>
    /// <response code="404">No province has this code.</response>
    [HttpGet("provinces/{code}/communes")]
    [ProducesResponseType<IReadOnlyList<CommuneDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<IReadOnlyList<CommuneDto>>> Communes(string code, CancellationToken ct) =>
        Ok(await mediator.Send(new ListCommunesQuery(code), ct));

    /// <summary>What a pre-reform province or commune code is now.</summary>
    /// <remarks>
    /// A 2-digit code is looked up among the 63 pre-reform provinces, a 5-digit code among the
    /// pre-reform communes (e.g. <c>06418</c>, Nhật Tiến, is now part of <c>06415</c>, Vân Nham).
    /// A commune split between several new ones lists each. The merge tables are a best-effort
    /// compilation, not law.
    /// </remarks>
    /// <param name="code">The pre-reform code.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The current unit(s).</response>
    /// <response code="404">No pre-reform unit had this code.</response>
    [HttpGet("pre-reform/{code}")]
    [ProducesResponseType<PreReformCodeDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<PreReformCodeDto>> PreReform(string code, CancellationToken ct) =>
        await mediator.Send(new LookupPreReformCodeQuery(code), ct);
}
