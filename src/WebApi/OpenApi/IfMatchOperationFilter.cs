using System.Text.Json.Nodes;
using CoopApi.WebApi.Infrastructure;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CoopApi.WebApi.OpenApi;

/// <summary>Marks an endpoint whose writes require <c>If-Match</c> (see <c>EndpointConventions.RequiresIfMatch</c>).</summary>
internal sealed class IfMatchRequiredMetadata;

/// <summary>
/// Documents <c>If-Match</c> as a required header on the operations that require it, with an
/// example and where its value comes from, so that a person using "Try it out" knows to copy the
/// <c>ETag</c> of a GET into it.
/// </summary>
internal sealed class IfMatchOperationFilter : IOperationFilter
{
    /// <summary>Name of the header.</summary>
    public const string Header = "If-Match";

    /// <summary>What the header is and where its value comes from.</summary>
    public const string Description =
        "Required. The `ETag` of the version you are changing, exactly as a `GET` of this record (or the response of your last write) returned it, "
        + "e.g. `\"4711\"` (with the quotes). If the record changed since, the answer is 412 and nothing is written; without this header, 428. "
        + "`*` is refused (428): it would overwrite changes you have not seen.";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IfMatchRequiredMetadata>().Any())
        {
            return;
        }

        operation.Parameters ??= [];
        var existing = operation.Parameters.FirstOrDefault(p => p.In == ParameterLocation.Header
            && string.Equals(p.Name, Header, StringComparison.OrdinalIgnoreCase));
        if (existing is not null)
        {
            operation.Parameters.Remove(existing);
        }

        operation.Parameters.Insert(0, new OpenApiParameter
        {
            Name = Header,
            In = ParameterLocation.Header,
            Required = true,
            Description = Description,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^(W/)?\"[0-9]+\"$", MaxLength = 20 },
            Example = JsonValue.Create(EntityTags.Example),
        });
    }
}
