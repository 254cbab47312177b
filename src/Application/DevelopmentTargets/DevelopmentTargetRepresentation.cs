using CoopApi.Application.Common.Interfaces;
using CoopApi.Domain.DevelopmentTargets;

namespace CoopApi.Application.DevelopmentTargets;

/// <summary>A development target as <c>GET /api/v1/development-targets/{id}</c> returns it (the change feed's <c>data</c>).</summary>
public sealed class DevelopmentTargetRepresentation : ResourceRepresentation<DevelopmentTarget, DevelopmentTargetDto>
{
    /// <summary>Route of the targets.</summary>
    public const string Route = "api/v1/development-targets";

    /// <inheritdoc />
    public override string EntityType => DevelopmentTarget.Type;

    /// <inheritdoc />
    public override string PathOf(Guid id) => $"/{Route}/{id}";

    /// <inheritdoc />
    protected override DevelopmentTargetDto Represent(DevelopmentTarget aggregate) => aggregate.ToDto();
}
