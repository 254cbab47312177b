using CoopApi.Domain.ApiKeys;
using CoopApi.WebApi.Security;
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
                + "Scopes come from the token's scope (or scp) claim, provinces from its province claim. "
                + "An API key (coop_…) pasted here works too.",
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

/// <summary>
/// Adds "bearer or apiKey" to every operation whose endpoint requires authorization (and, on a
/// statistics endpoint while <c>Auth:PublicStatistics</c> is on, the empty requirement: anonymous
/// too); says on 401 and 403 what they mean for this operation, with examples naming its scope
/// and, for a write, the province refusal.
/// </summary>
internal sealed class SecurityRequirementsOperationFilter(IServiceProvider services) : IOperationFilter
{
    /// <summary>The operation's extension that lists the scopes it needs (all of them), e.g. <c>["write"]</c>.</summary>
    public const string RequiredScopesExtension = "x-required-scopes";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        if (!metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<IAllowAnonymous>().Any())
        {
            return;
        }

        var publicStatistics = services.GetService<AuthenticationSetup.Settings>()?.PublicStatistics == true
            && metadata.OfType<StatisticsReadMetadata>().Any();
        operation.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemes.Bearer, context.Document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemes.ApiKey, context.Document)] = [] },
        ];
        if (publicStatistics)
        {
            operation.Security.Add(new OpenApiSecurityRequirement()); // anonymous is allowed too
        }

        var scopes = metadata.OfType<IAuthorizeData>().Select(a => a.Policy)
            .Select(p => p == ScopePolicies.StatisticsRead ? ScopePolicies.For(ApiScopes.Read) : p)
            .Where(p => p?.StartsWith("scope:", StringComparison.Ordinal) == true).Select(p => p!["scope:".Length..]).Distinct().ToList();
        var scopeText = scopes.Count > 0 ? string.Join("' and '", scopes) : null;
        if (scopes.Count > 0)
        {
            // For programs (and the test that runs every operation with every kind of credential): the scopes this operation needs.
            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            operation.Extensions[RequiredScopesExtension] = new JsonNodeExtension(new System.Text.Json.Nodes.JsonArray([.. scopes.Select(s => System.Text.Json.Nodes.JsonValue.Create(s))]));
        }

        // Writes of the register (and assessments) are the ones checked against the caller's provinces.
        var write = scopes.Contains(ApiScopes.Write) || scopes.Contains(ApiScopes.Classify);
        var path = "/" + (context.ApiDescription.RelativePath ?? "").Split('?')[0];

        if (scopeText is not null)
        {
            var rule = $"**Authorization:** the scope `{scopeText.Replace("' and '", "` and `", StringComparison.Ordinal)}`"
                + (write ? ", in a province the credential holds" : "")
                + (publicStatistics ? "; open to anonymous callers on this server (`Auth:PublicStatistics`)" : "") + ".";
            operation.Description = string.IsNullOrEmpty(operation.Description) ? rule : operation.Description + "\n\n" + rule;
        }

        if (operation.Responses?.TryGetValue("401", out var unauthorized) == true && unauthorized is OpenApiResponse response)
        {
            response.Description = "No credential, or a bad one (unknown, revoked or expired API key; a token with a bad signature, another issuer or audience, or expired)."
                + (publicStatistics ? " Only a bad credential: this statistics endpoint is open to anonymous callers (Auth:PublicStatistics)." : "");
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers["WWW-Authenticate"] = new OpenApiHeader
            {
                Description = "The schemes to authenticate with, e.g. `ApiKey realm=\"coopapi\"`, `Bearer realm=\"coopapi\"`; "
                    + "after a refused token, `Bearer error=\"invalid_token\"` with a description.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
        }

        if (operation.Responses?.TryGetValue("403", out var forbidden) == true && forbidden is OpenApiResponse refusal)
        {
            refusal.Description = (scopeText is null ? "The credential does not allow this." : $"The credential lacks the scope '{scopeText}' (`scopeMissing`).")
                + (write ? " A write to a record of a province the credential does not hold (its current province, or the one it would move to) is refused too (`provinceNotGranted`)." : "");
            foreach (var media in refusal.Content?.Values ?? [])
            {
                var examples = new Dictionary<string, IOpenApiExample>();
                if (scopeText is not null)
                {
                    examples["scopeMissing"] = new OpenApiExample
                    {
                        Summary = "The credential lacks the scope",
                        Value = ProblemExamples.Problem(path, 403, "Not allowed.",
                            $"This needs the scope '{scopeText}', which your credential does not have.", "scopeMissing"),
                    };
                }

                if (write)
                {
                    examples["provinceNotGranted"] = new OpenApiExample
                    {
                        Summary = "The record belongs to a province the credential may not write in",
                        Value = ProblemExamples.Problem(path, 403, "Not allowed.", "Your credential may not write in province 24.", "provinceNotGranted"),
                    };
                }

                if (examples.Count > 0 && media is OpenApiMediaType concrete)
                {
                    concrete.Examples = examples;
                }
            }
        }
    }
}
