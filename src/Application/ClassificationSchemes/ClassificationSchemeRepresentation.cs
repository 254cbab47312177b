using CoopApi.Application.Common.Interfaces;
using CoopApi.Domain.Classifications;

namespace CoopApi.Application.ClassificationSchemes;

/// <summary>A scheme version as <c>GET /api/v1/classification-schemes/{code}</c> returns it (the change feed stores the same).</summary>
public sealed class ClassificationSchemeRepresentation : ResourceRepresentation<ClassificationScheme, ClassificationSchemeDto>
{
    /// <summary>Stored type name of schemes.</summary>
    public const string Type = "classificationScheme";

    /// <summary>Route of the schemes.</summary>
    public const string Route = "api/v1/classification-schemes";

    /// <inheritdoc />
    public override string EntityType => Type;

    /// <summary>A scheme is addressed by its code or by its id (<c>GET /api/v1/classification-schemes/{codeOrId}</c>).</summary>
    public override string PathOf(Guid id) => $"/{Route}/{id}";

    /// <inheritdoc />
    protected override ClassificationSchemeDto Represent(ClassificationScheme aggregate) => aggregate.ToDto();
}
