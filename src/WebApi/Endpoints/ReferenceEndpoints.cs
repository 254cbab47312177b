using CoopApi.Application.Reference;
using CoopApi.Application.Reference.Queries.GetEnumerations;
using CoopApi.WebApi.Security;
using MediatR;

namespace CoopApi.WebApi.Endpoints;

/// <summary>Reference lists for clients: enumeration values and their labels.</summary>
internal sealed class ReferenceEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("api/v1/reference", "Reference").RequireScope(Domain.ApiKeys.ApiScopes.Read);
        group.MapGet("enums", Enumerations).WithName(nameof(Enumerations))
            .Produces<IReadOnlyDictionary<string, IReadOnlyList<EnumValueDto>>>();
    }

    /// <summary>Every enumeration, with Vietnamese and English labels.</summary>
    /// <remarks>Keys: organizationKind, sector, organizationStatus, provinceKind, communeKind, mergePart, changeOperation, committeeLevel, committeeStatus, committeeRole, activityKind.</remarks>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">Enumerations by name.</response>
    public static async Task<IResult> Enumerations(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetEnumerationsQuery(), ct));
}
