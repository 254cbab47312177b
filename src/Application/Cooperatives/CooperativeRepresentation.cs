using CoopApi.Application.Common.Interfaces;
using CoopApi.Domain.Cooperatives;

namespace CoopApi.Application.Cooperatives;

/// <summary>An organization as <c>GET /api/v1/cooperatives/{id}</c> returns it (the change feed stores the same).</summary>
public sealed class CooperativeRepresentation : ResourceRepresentation<Cooperative, CooperativeDto>
{
    /// <summary>Stored type name of organizations.</summary>
    public const string Type = "cooperative";

    /// <summary>Route of the register (the WebApi maps its endpoints under it).</summary>
    public const string Route = "api/v1/cooperatives";

    /// <inheritdoc />
    public override string EntityType => Type;

    /// <inheritdoc />
    public override string PathOf(Guid id) => $"/{Route}/{id}";

    /// <inheritdoc />
    protected override CooperativeDto Represent(Cooperative aggregate) => aggregate.ToDto();
}
