using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CoopApi.WebApi.OpenApi;

/// <summary>
/// The two ways in, as OpenAPI security schemes (Swagger UI shows an Authorize button for both):
/// <c>bearer</c> (an OpenID Connect access token, JWT) and <c>apiKey</c> (header <c>X-Api-Key</c>;
/// <c>Authorization: ApiKey &lt;key&gt;</c> works too). An operation whose endpoint requires
/// authorization gets a security requirement of either scheme.
/// </summary>
internal static class SecuritySchemes
{
    public const string Bearer = "bearer";

    public const string ApiKey = "apiKey";

    public static void AddCoopSecuritySchemes(this SwaggerGenOptions options)
    {
        options.AddSecurityDefinition(Bearer, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An access token from the OpenID Connect provider (Auth:Oidc:Authority), with this API as audience. "
                + "Scopes come from the token's scope (or scp) claim, provinces from its province claim.",
        });
        options.AddSecurityDefinition(ApiKey, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "X-Api-Key",
            Description = "An API key (coop_…), made by POST /api/v1/api-keys or by the create-admin-key command. "
                + "Also accepted as Authorization: ApiKey <key>.",
        });
        options.OperationFilter<SecurityRequirementsOperationFilter>();
    }
}

/// <summary>Adds "bearer or apiKey" to every operation whose endpoint requires authorization.</summary>
internal sealed class SecurityRequirementsOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        if (!metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<IAllowAnonymous>().Any())
        {
            return;
        }

        operation.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemes.Bearer, context.Document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemes.ApiKey, context.Document)] = [] },
        ];
        if (operation.Responses?.TryGetValue("401", out var unauthorized) == true && unauthorized is OpenApiResponse response)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers["WWW-Authenticate"] = new OpenApiHeader
            {
                Description = "The schemes to authenticate with, e.g. `ApiKey realm=\"coopapi\"`, `Bearer realm=\"coopapi\"`; "
                    + "after a refused token, `Bearer error=\"invalid_token\"` with a description.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
        }
    }
}
