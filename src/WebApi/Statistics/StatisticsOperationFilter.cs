using System.Text.Json.Nodes;
using CoopApi.WebApi.Security;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CoopApi.WebApi.Statistics;

/// <summary>
/// Documents the conventions of <see cref="StatisticsConventions"/> on every statistics operation
/// (those marked by <see cref="ScopePolicies.RequireStatisticsRead{TBuilder}"/>): the <c>format</c>
/// parameter, <c>If-None-Match</c>, the <c>text/csv</c> representation of the 200 answer, its
/// <c>ETag</c> and <c>Cache-Control</c>, and the 304 answer.
/// </summary>
internal sealed class StatisticsOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<StatisticsReadMetadata>().Any())
        {
            return;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = StatisticsConventions.FormatParameter,
            In = ParameterLocation.Query,
            Required = false,
            Description = "`csv` for `text/csv` (UTF-8 with BOM, RFC 4180; one row per item of the answer's list, the top-level figures "
                + "and filters repeated as leading columns, a `section` column when the answer has several lists), `json` (default). "
                + "Wins over `Accept`; `Accept: text/csv` does the same.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("json"), JsonValue.Create("csv")] },
        });
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "If-None-Match",
            In = ParameterLocation.Header,
            Required = false,
            Description = "The `ETag` of an earlier answer: 304 without a body while the figures (and the format) are unchanged.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
        });

        operation.Responses ??= [];
        if (operation.Responses.TryGetValue("200", out var ok) && ok is OpenApiResponse success)
        {
            success.Content ??= new Dictionary<string, IOpenApiMediaType>();
            success.Content[StatisticsConventions.CsvMediaType] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "CSV, UTF-8 with a byte order mark." },
            };
            success.Headers ??= new Dictionary<string, IOpenApiHeader>();
            success.Headers["ETag"] = new OpenApiHeader
            {
                Description = "A hash of this answer's bytes: send it in `If-None-Match` to get 304 while nothing changed.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^(W/)?\"[^\"]*\"$" },
            };
            success.Headers["Cache-Control"] = new OpenApiHeader
            {
                Description = $"`private, max-age={StatisticsConventions.MaxAgeSeconds}` (`public` when statistics are open to anonymous callers).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
        }

        if (!operation.Responses.ContainsKey("304"))
        {
            operation.Responses["304"] = new OpenApiResponse { Description = "Unchanged since the ETag named in If-None-Match." };
        }
    }
}
