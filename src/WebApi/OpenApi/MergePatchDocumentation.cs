using System.Text.Json.Nodes;
using CoopApi.Application.Cooperatives.Commands.UpdateCooperative;
using CoopApi.WebApi.Endpoints;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CoopApi.WebApi.OpenApi;

/// <summary>
/// The merge patch schema as the server reads it: every member optional, and <c>null</c> allowed
/// only on the members a full update does not require (the server refuses to remove the others),
/// from the same list the server uses (<see cref="CooperativeMergePatch.RequiredMembers"/>).
/// </summary>
internal sealed class MergePatchSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (context.Type != typeof(CooperativePatch) || schema is not OpenApiSchema concrete || concrete.Properties is null)
        {
            return;
        }

        concrete.Required = new HashSet<string>();
        foreach (var (name, property) in concrete.Properties)
        {
            if (CooperativeMergePatch.RequiredMembers.Contains(name) && property is OpenApiSchema member && member.Type is { } type)
            {
                member.Type = type & ~JsonSchemaType.Null;
            }
        }
    }
}

/// <summary>
/// A small example on merge patch bodies, so that "Try it out" in Swagger UI starts from a patch
/// that changes two fields rather than from every field of the record.
/// </summary>
internal sealed class MergePatchExampleOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.RequestBody?.Content is { } content
            && content.TryGetValue(CooperativeMergePatch.MediaType, out var media) && media is OpenApiMediaType concrete)
        {
            concrete.Example = new JsonObject { ["memberCount"] = 42, ["charterCapital"] = 1_800_000_000L };
        }
    }
}
