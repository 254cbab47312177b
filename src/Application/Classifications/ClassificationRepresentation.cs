using CoopApi.Application.Common.Interfaces;
using CoopApi.Domain.Classifications;

namespace CoopApi.Application.Classifications;

/// <summary>
/// A classification as <c>GET /api/v1/cooperatives/{id}/classifications/{year}</c> returns it (the
/// change feed stores the same, under the type <c>classification</c>).
/// </summary>
public sealed class ClassificationRepresentation : ResourceRepresentation<Classification, ClassificationDto>
{
    /// <summary>Stored type name of classifications.</summary>
    public const string Type = "classification";

    /// <summary>Route of the classifications across the register.</summary>
    public const string Route = "api/v1/classifications";

    /// <inheritdoc />
    public override string EntityType => Type;

    /// <summary>A classification by its id (<c>GET /api/v1/classifications/{id}</c>).</summary>
    public override string PathOf(Guid id) => $"/{Route}/{id}";

    /// <inheritdoc />
    protected override ClassificationDto Represent(Classification aggregate) => aggregate.ToDto();
}
