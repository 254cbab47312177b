using CoopApi.Application.Reference.Queries;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace CoopApi.WebApi.Controllers;

/// <summary>Reference lists for clients: enumeration values and their labels.</summary>
[ApiController]
[Route("api/v1/reference")]
[Produces("application/json")]
public sealed class ReferenceController(IMediator mediator) : ControllerBase
{
    /// <summary>Every enumeration, with Vietnamese and English labels.</summary>
    /// <remarks>Keys: organizationKind, sector, organizationStatus, provinceKind, communeKind, mergePart.</remarks>
    /// <response code="200">Enumerations by name.</response>
    [HttpGet("enums")]
    [ProducesResponseType<IReadOnlyDictionary<string, IReadOnlyList<EnumValueDto>>>(StatusCodes.Status200OK)]
    public async Task<ActionResult<IReadOnlyDictionary<string, IReadOnlyList<EnumValueDto>>>> Enumerations(CancellationToken ct) =>
        Ok(await mediator.Send(new GetEnumerationsQuery(), ct));
}
