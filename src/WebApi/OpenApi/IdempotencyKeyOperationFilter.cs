using System.Text.Json.Nodes;
using CoopApi.WebApi.Endpoints;
using CoopApi.WebApi.Infrastructure;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CoopApi.WebApi.OpenApi;

/// <summary>
/// Documents <c>Idempotency-Key</c> on every operation that honours it (every POST): the
/// optional header with its format and an example, 422 when the key was used for another
/// request, and <c>Idempotent-Replayed</c> on the success responses.
/// </summary>
internal sealed class IdempotencyKeyOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IdempotentPostMetadata>().Any())
        {
            return;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyFilter.HeaderName,
            In = ParameterLocation.Header,
            Required = false,
            // The example is in the text, not in `example`: Swagger UI would fill it in, and a
            // person's second "Try it out" with another body would then get 422.
            Description = "Optional. A key of your choosing (1 to 255 visible ASCII characters; a new UUID per request, "
                + "e.g. `5f0c6a8e-2b1d-4c3e-9a7f-1e2d3c4b5a69`) that makes "
                + "retrying this request safe: a retry with the same key and the same request gets the original response "
                + "(status, body, `Location`, `ETag`, plus `Idempotent-Replayed: true`) and changes nothing, also when retries run in parallel. "
                + "The same key with another body or on another operation gets 422. Keys are kept for at least 24 hours, per client. "
                + "Refused requests (4xx) and server errors are not remembered: correct the request and retry with the same key.",
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                MinLength = 1,
                MaxLength = IdempotencyFilter.MaxKeyLength,
                Pattern = $"^[!-~]{{1,{IdempotencyFilter.MaxKeyLength}}}$",
            },
        });

        operation.Responses ??= new OpenApiResponses();
        if (!operation.Responses.TryGetValue("422", out var unprocessable) || unprocessable is not OpenApiResponse concrete)
        {
            concrete = new OpenApiResponse();
            operation.Responses["422"] = concrete;
        }

        concrete.Description = "The `Idempotency-Key` was already used, by this client, for a different request (another body or another operation).";

        foreach (var (status, response) in operation.Responses)
        {
            if (status.StartsWith('2') && response is OpenApiResponse success)
            {
                success.Headers ??= new Dictionary<string, IOpenApiHeader>();
                success.Headers[IdempotencyFilter.ReplayedHeaderName] = new OpenApiHeader
                {
                    Description = "`true` when this is the stored response to an earlier request with the same `Idempotency-Key`; absent otherwise.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("true")] },
                };
            }
        }
    }
}
