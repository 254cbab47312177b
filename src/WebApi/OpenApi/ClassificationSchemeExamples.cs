using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CoopApi.Application.ClassificationSchemes;
using CoopApi.Infrastructure.Seeding;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CoopApi.WebApi.OpenApi;

/// <summary>
/// The scheme structure by example: the shipped Circular 01/2020/TT-BKHĐT scheme, from the same data
/// file the API seeds it from, as the body of <c>POST /api/v1/classification-schemes</c> and as what
/// <c>GET /api/v1/classification-schemes/{code}</c> returns.
/// </summary>
internal sealed class ClassificationSchemeExampleOperationFilter : IOperationFilter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    private static readonly Lazy<JsonNode> Request = new(() => JsonNode.Parse(DefaultSchemes.JsonOf(DefaultSchemes.Circular01Of2020))!);

    private static readonly Lazy<JsonNode> Response = new(() => JsonSerializer.SerializeToNode(
        DefaultSchemes.Define(DefaultSchemes.Circular01Of2020, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)).ToDto(), Json)!);

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var route = (context.ApiDescription.RelativePath ?? "").Split('?')[0].TrimEnd('/');
        switch ((context.ApiDescription.HttpMethod, route))
        {
            case ("POST", "api/v1/classification-schemes"):
                if (operation.RequestBody?.Content?.TryGetValue("application/json", out var body) == true && body is OpenApiMediaType request)
                {
                    request.Example = Request.Value.DeepClone();
                }

                SetResponse(operation, "201", Response.Value);
                break;
            case ("GET", "api/v1/classification-schemes/{code}"):
                SetResponse(operation, "200", Response.Value);
                break;
            case ("GET", "api/v1/classification-schemes"):
                SetResponse(operation, "200", new JsonArray(Response.Value.DeepClone()));
                break;
        }
    }

    private static void SetResponse(OpenApiOperation operation, string status, JsonNode example)
    {
        if (operation.Responses?.TryGetValue(status, out var response) == true
            && response.Content?.TryGetValue("application/json", out var media) == true && media is OpenApiMediaType concrete)
        {
            concrete.Example = example.DeepClone();
        }
    }
}
