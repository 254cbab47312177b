using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CoopApi.WebApi.OpenApi;

/// <summary>
/// Makes the document true to the wire. The server writes every member of its records, null
/// included, so every property of a schema that only responses use is <c>required</c> (its
/// nullability says whether it can be null). Request bodies accept no member their schema does
/// not define (<c>additionalProperties: false</c>). Schemas no operation uses are dropped.
/// </summary>
internal sealed class WireShapeDocumentFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        var schemas = swaggerDoc.Components?.Schemas;
        if (schemas is null)
        {
            return;
        }

        var requests = new HashSet<string>();
        var responses = new HashSet<string>();
        foreach (var operation in swaggerDoc.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            foreach (var media in operation.RequestBody?.Content?.Values ?? [])
            {
                Collect(media.Schema, schemas, requests);
            }

            foreach (var parameter in operation.Parameters ?? [])
            {
                Collect(parameter.Schema, schemas, requests);
            }

            foreach (var (status, response) in operation.Responses ?? [])
            {
                if (status.StartsWith('2'))
                {
                    foreach (var media in response.Content?.Values ?? [])
                    {
                        Collect(media.Schema, schemas, responses);
                    }
                }
                else
                {
                    foreach (var media in response.Content?.Values ?? [])
                    {
                        Collect(media.Schema, schemas, requests); // problems: used, but shaped by their own filter
                    }
                }
            }
        }

        foreach (var id in schemas.Keys.Where(id => !requests.Contains(id) && !responses.Contains(id)).ToList())
        {
            schemas.Remove(id);
        }

        foreach (var id in responses.Where(id => !requests.Contains(id)))
        {
            if (schemas[id] is OpenApiSchema { Properties.Count: > 0 } schema)
            {
                schema.Required = new HashSet<string>(schema.Properties.Keys);
            }
        }

        foreach (var schema in schemas.Values)
        {
            foreach (var property in schema.Properties?.Values ?? [])
            {
                TypeNullableReference(property, schemas);
            }
        }

        foreach (var operation in swaggerDoc.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            foreach (var media in operation.RequestBody?.Content?.Values ?? [])
            {
                if (media.Schema is OpenApiSchemaReference { Reference.Id: { } id } && schemas.TryGetValue(id, out var body)
                    && body is OpenApiSchema { Properties.Count: > 0 } concrete)
                {
                    concrete.AdditionalPropertiesAllowed = false;
                    concrete.AdditionalProperties = null;
                }
            }
        }
    }

    /// <summary>
    /// A nullable reference (<c>nullable: true</c> beside <c>allOf: [$ref]</c>) also names the
    /// referenced schema's type: OpenAPI 3.0 defines <c>nullable</c> only together with <c>type</c>.
    /// </summary>
    private static void TypeNullableReference(IOpenApiSchema property, IDictionary<string, IOpenApiSchema> schemas)
    {
        if (property is OpenApiSchema { Type: JsonSchemaType.Null, AllOf: [OpenApiSchemaReference { Reference.Id: { } id }] } nullable
            && schemas.TryGetValue(id, out var target) && target.Type is { } type)
        {
            nullable.Type = type | JsonSchemaType.Null;
        }
    }

    private static void Collect(IOpenApiSchema? schema, IDictionary<string, IOpenApiSchema> schemas, HashSet<string> seen)
    {
        if (schema is null)
        {
            return;
        }

        if (schema is OpenApiSchemaReference { Reference.Id: { } id })
        {
            if (!seen.Add(id) || !schemas.TryGetValue(id, out var target))
            {
                return;
            }

            schema = target;
        }

        foreach (var property in schema.Properties?.Values ?? [])
        {
            Collect(property, schemas, seen);
        }

        Collect(schema.Items, schemas, seen);
        Collect(schema.AdditionalProperties, schemas, seen);
        foreach (var part in (schema.AllOf ?? []).Concat(schema.OneOf ?? []).Concat(schema.AnyOf ?? []))
        {
            Collect(part, schemas, seen);
        }
    }
}
