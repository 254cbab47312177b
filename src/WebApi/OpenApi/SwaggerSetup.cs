using System.Reflection;
using CoopApi.Domain.Common;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CoopApi.WebApi.OpenApi;

/// <summary>
/// The OpenAPI document, the contract an integrator generates a client from: XML docs of every
/// layer, enumerations with their labels, public schema names and operation ids
/// (<see cref="ContractNames"/>), what the server enforces on each field
/// (<see cref="FieldRulesSchemaFilter"/>, <see cref="FieldRulesParameterFilter"/>), every error
/// response with its problem schema and example, response headers
/// (<see cref="ProblemResponsesOperationFilter"/>), and schemas true to the wire
/// (<see cref="WireShapeDocumentFilter"/>), and a description on each tag from its endpoint
/// group's summary (<see cref="EndpointGroupTagsDocumentFilter"/>). The filters work on
/// ApiExplorer descriptions, so controllers and minimal-API endpoints are documented alike.
/// </summary>
internal static class SwaggerSetup
{
    private static readonly string[] DocumentedAssemblies = ["CoopApi.WebApi", "CoopApi.Application", "CoopApi.Domain"];

    public static IServiceCollection AddCoopSwagger(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "CoopApi — Register of the collective economy",
                Version = "v1",
                Description = "Sổ đăng ký tổ chức kinh tế tập thể: hợp tác xã, tổ hợp tác, liên hiệp hợp tác xã. "
                    + "Errors are RFC 9457 problem details (application/problem+json); send Accept-Language: vi for Vietnamese messages. "
                    + "Enumerations with their Vietnamese labels: GET /api/v1/reference/enums.",
            });
            foreach (var assembly in DocumentedAssemblies)
            {
                var xml = Path.Combine(AppContext.BaseDirectory, assembly + ".xml");
                if (File.Exists(xml))
                {
                    options.IncludeXmlComments(xml, includeControllerXmlComments: true);
                }
            }

            options.SupportNonNullableReferenceTypes();
            options.UseAllOfToExtendReferenceSchemas();
            options.DescribeAllParametersInCamelCase();
            options.CustomSchemaIds(ContractNames.SchemaId);
            options.CustomOperationIds(ContractNames.OperationId);
            options.SchemaFilter<FieldRulesSchemaFilter>();
            options.ParameterFilter<FieldRulesParameterFilter>();
            options.SchemaFilter<EnumLabelsSchemaFilter>();
            options.OperationFilter<AcceptLanguageOperationFilter>();
            options.OperationFilter<IfMatchOperationFilter>();
            options.SchemaFilter<MergePatchSchemaFilter>();
            options.OperationFilter<MergePatchExampleOperationFilter>();
            options.SchemaFilter<DevelopmentTargetPatchDocumentation>();
            options.OperationFilter<DevelopmentTargetPatchDocumentation>();
            options.OperationFilter<ClassificationSchemeExampleOperationFilter>();
            options.SchemaFilter<ProblemSchemaFilter>();
            options.OperationFilter<IdempotencyKeyOperationFilter>();
            options.OperationFilter<Statistics.StatisticsOperationFilter>();
            options.OperationFilter<ProblemResponsesOperationFilter>();
            options.DocumentFilter<WireShapeDocumentFilter>();
            options.DocumentFilter<EndpointGroupTagsDocumentFilter>();
            options.AddCoopSecuritySchemes();
        });
        services.AddOptions<SwaggerGenOptions>().Configure<IConfiguration>((options, configuration) =>
            options.AddServer(new OpenApiServer
            {
                Url = configuration["Api:PublicBaseUrl"] is { Length: > 0 } url ? url : "/",
                Description = "This server (Api:PublicBaseUrl when set).",
            }));
        return services;
    }
}

/// <summary>Adds each enumeration value's Vietnamese and English label to its schema description.</summary>
internal sealed class EnumLabelsSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Type) ?? context.Type;
        if (!type.IsEnum || schema is not OpenApiSchema concrete)
        {
            return;
        }

        var lines = type.GetFields(BindingFlags.Public | BindingFlags.Static).Select(field =>
        {
            var label = field.GetCustomAttribute<LabelAttribute>();
            var name = char.ToLowerInvariant(field.Name[0]) + field.Name[1..];
            return label is null ? $"- `{name}`" : $"- `{name}`: {label.Vietnamese} ({label.English})";
        });
        concrete.Description = string.Join("\n", new[] { concrete.Description }.Where(d => !string.IsNullOrEmpty(d)).Concat(lines));
    }
}

/// <summary>Documents <c>Accept-Language</c> on every operation: it picks the language of error messages.</summary>
internal sealed class AcceptLanguageOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "Accept-Language",
            In = ParameterLocation.Header,
            Required = false,
            Description = "Language of messages in error bodies: `vi` (Vietnamese) or `en` (English, default).",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = ["vi", "en"] },
        });
    }
}
