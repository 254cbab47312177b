using System.Text.Json.Nodes;
using CoopApi.Application.DevelopmentTargets.Commands.ReplaceDevelopmentTarget;
using CoopApi.WebApi.Endpoints;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CoopApi.WebApi.OpenApi;

/// <summary>
/// The merge patch of a development target as the server reads it: every member optional, <c>null</c>
/// allowed only on the source document (<see cref="DevelopmentTargetMergePatch.RequiredMembers"/>);
/// and a small example (a new horizon) on its PATCH body instead of the register's.
/// </summary>
internal sealed class DevelopmentTargetPatchDocumentation : ISchemaFilter, IOperationFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (context.Type != typeof(DevelopmentTargetPatch) || schema is not OpenApiSchema concrete || concrete.Properties is null)
        {
            return;
        }

        concrete.Required = new HashSet<string>();
        foreach (var (name, property) in concrete.Properties)
        {
            if (DevelopmentTargetMergePatch.RequiredMembers.Contains(name) && property is OpenApiSchema member && member.Type is { } type)
            {
                member.Type = type & ~JsonSchemaType.Null;
            }
        }
    }

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.HttpMethod == "PATCH"
            && (context.ApiDescription.RelativePath ?? "").StartsWith("api/v1/development-targets/", StringComparison.Ordinal)
            && operation.RequestBody?.Content is { } content
            && content.TryGetValue(DevelopmentTargetMergePatch.MediaType, out var media) && media is OpenApiMediaType concrete)
        {
            concrete.Example = new JsonObject { ["horizonYear"] = 2030, ["title"] = "Mục tiêu phát triển kinh tế tập thể tỉnh Lạng Sơn đến năm 2030" };
        }
    }
}
