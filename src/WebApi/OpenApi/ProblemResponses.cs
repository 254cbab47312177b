using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CoopApi.WebApi.OpenApi;

/// <summary>
/// The problem bodies (RFC 9457) as the server writes them: <c>type</c>, <c>title</c>,
/// <c>status</c>, <c>detail</c>, a stable <c>code</c>, <c>traceId</c>, and <c>errors</c> (field →
/// messages) for validation problems. Replaces the framework's loose schema of
/// <see cref="ProblemDetails"/> and its subclasses.
/// </summary>
internal sealed class ProblemSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || !typeof(ProblemDetails).IsAssignableFrom(context.Type))
        {
            return;
        }

        var validation = typeof(ValidationProblemDetails).IsAssignableFrom(context.Type)
            || typeof(HttpValidationProblemDetails).IsAssignableFrom(context.Type);
        concrete.Description = validation
            ? "A request with invalid fields (RFC 9457 problem details): `errors` names each field and what was expected."
            : "An error (RFC 9457 problem details). `code` is stable and meant for programs; `title` and `detail` are for people, in the language of Accept-Language.";
        concrete.Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = Text("URI of the problem type: `urn:coopapi:problem:{code}`, or an RFC 9110 status URI.", "uri-reference"),
            ["title"] = Text("Short summary of the problem type, in the caller's language."),
            ["status"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Integer, Format = "int32", Minimum = "400", Maximum = "599",
                Description = "The HTTP status code.",
            },
            ["detail"] = Text("What went wrong with this request and what to do, in the caller's language."),
            ["instance"] = Text("Path of the request.", "uri-reference"),
            ["code"] = Text("Stable machine-readable code, e.g. `validation`, `notFound`, `duplicate`, `status.transitionNotAllowed`."),
            ["traceId"] = Text("Identifier of this request in the server's logs; quote it when reporting a problem."),
            ["field"] = Text("The field a conflict is about (e.g. `registrationCode` for a duplicate), when there is one."),
        };
        concrete.Required = new HashSet<string> { "type", "title", "status", "traceId" };
        if (validation)
        {
            concrete.Properties["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Each invalid field (camelCase, as sent; `body` for the body as a whole) with its messages.",
                AdditionalProperties = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = new OpenApiSchema { Type = JsonSchemaType.String },
                },
            };
            concrete.Required.Add("errors");
        }

        // RFC 9457 lets problem types add members; clients must ignore those they do not know.
        concrete.AdditionalPropertiesAllowed = true;
        concrete.AdditionalProperties = null;
    }

    private static OpenApiSchema Text(string description, string? format = null) =>
        new() { Type = JsonSchemaType.String, Description = description, Format = format };
}

/// <summary>
/// Documents on every operation the responses that can occur whatever its handler does, and
/// their headers, from what the operation's description shows (path parameters, a body, the
/// schema returned): 400 (any parameter or body, unknown query parameters), 404 (path
/// parameters), 413 and 415 (a body), 429 (the client's rate limit) and 503, both with
/// <c>Retry-After</c>, and 500; <c>ETag</c> on success
/// responses of versioned records, <c>Location</c> on 201. Every error response gets the
/// problem schema and a real example.
/// </summary>
internal sealed class ProblemResponsesOperationFilter : IOperationFilter
{
    private const string ProblemJson = "application/problem+json";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        operation.Responses ??= new OpenApiResponses();
        var responses = operation.Responses;
        var path = "/" + (context.ApiDescription.RelativePath ?? "").Split('?')[0];
        var hasPathParameters = path.Contains('{', StringComparison.Ordinal);
        var hasBody = operation.RequestBody is not null;

        Ensure(responses, "400", "The request is invalid: a parameter, a header or the body; `errors` names each field.");
        if (hasPathParameters)
        {
            Ensure(responses, "404", "Nothing has this identifier.");
        }

        if (hasBody)
        {
            Ensure(responses, "413", "The body is larger than the server accepts (1 MB by default).");
            Ensure(responses, "415", "The body is not sent as `application/json`.");
        }

        Ensure(responses, "429", "This client sent too many requests (limits per actor or, anonymous, per IP address); retry after `Retry-After` seconds.");
        Ensure(responses, "500", "An unexpected error; it was logged. Quote the `traceId` when reporting it.");
        Ensure(responses, "503", "The register's database is unavailable for the moment; retry after `Retry-After` seconds.");

        var problem = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
        var validationProblem = context.SchemaGenerator.GenerateSchema(typeof(ValidationProblemDetails), context.SchemaRepository);
        var bodyProperties = BodyProperties(operation, context);
        foreach (var (status, response) in responses)
        {
            if (response is not OpenApiResponse concrete || !int.TryParse(status, out var code))
            {
                continue;
            }

            if (code >= 400)
            {
                concrete.Content = new Dictionary<string, IOpenApiMediaType>
                {
                    [ProblemJson] = new OpenApiMediaType
                    {
                        Schema = code is 400 or 428 ? validationProblem : problem,
                        Examples = ProblemExamples.For(code, path, bodyProperties),
                    },
                };
            }

            if (code is 429 or 503)
            {
                AddHeader(concrete, "Retry-After", "Seconds to wait before retrying.", new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "0" });
            }

            if (code is 200 or 201 or 304 && (code == 304 || IsVersionedRecord(concrete, context)))
            {
                AddHeader(concrete, "ETag", "Version of the record, e.g. `\"4711\"`: send it in `If-Match` to update only that version, or in `If-None-Match` to get 304 while it is current.",
                    new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^(W/)?\"[^\"]*\"$" });
            }

            if (code == 201)
            {
                AddHeader(concrete, "Location", "URL of the new record.", new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference" });
            }
        }
    }

    private static void Ensure(OpenApiResponses responses, string status, string description)
    {
        if (!responses.ContainsKey(status))
        {
            responses[status] = new OpenApiResponse { Description = description };
        }
    }

    private static void AddHeader(OpenApiResponse response, string name, string description, OpenApiSchema schema)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers[name] = new OpenApiHeader { Description = description, Schema = schema };
    }

    /// <summary>A success response is a versioned record when its schema has a <c>version</c> property (the ETag's source).</summary>
    private static bool IsVersionedRecord(OpenApiResponse response, OperationFilterContext context) =>
        response.Content?.Values.Any(media => media.Schema is OpenApiSchemaReference { Reference.Id: { } id }
            && context.SchemaRepository.Schemas.TryGetValue(id, out var schema)
            && schema.Properties?.ContainsKey("version") == true) == true;

    private static HashSet<string> BodyProperties(OpenApiOperation operation, OperationFilterContext context)
    {
        var schema = operation.RequestBody?.Content?.Values.Select(m => m.Schema).FirstOrDefault();
        if (schema is OpenApiSchemaReference { Reference.Id: { } id } && context.SchemaRepository.Schemas.TryGetValue(id, out var resolved))
        {
            schema = resolved;
        }

        return schema?.Properties?.Keys.ToHashSet() ?? [];
    }
}

/// <summary>Problem bodies as the server sends them, for the examples of error responses.</summary>
internal static partial class ProblemExamples
{
    private const string TraceId = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    public static Dictionary<string, IOpenApiExample> For(int status, string path, ISet<string> bodyProperties)
    {
        var examples = new Dictionary<string, IOpenApiExample>();
        switch (status)
        {
            case 400 when bodyProperties.Count > 0:
                var field = bodyProperties.Contains("name") ? "name" : bodyProperties.First();
                Add(examples, "validation", "A field is invalid", Validation(path, field,
                    field == "name" ? "The name must be at most 255 characters." : $"The field {field} is required."));
                Add(examples, "unknownMember", "A member the schema does not define", Validation(path, "dissolvedOn",
                    "Unknown member dissolvedOn: this request does not accept it."));
                break;
            case 400:
                Add(examples, "validation", "A parameter is invalid", Validation(path, "pageSize",
                    "pageSize must be a whole number from 1 to 200."));
                break;
            case 401:
                Add(examples, "unauthorized", "No credentials", Problem(path, 401, "Authentication is required.",
                    "Authenticate: send Authorization: Bearer <token>, Authorization: ApiKey <key> or X-Api-Key: <key>.", "unauthorized"));
                Add(examples, "apiKeyRevoked", "A revoked API key", Problem(path, 401, "Authentication is required.",
                    "The API key was revoked.", "apiKeyRevoked"));
                Add(examples, "tokenExpired", "An expired token", Problem(path, 401, "Authentication is required.",
                    "The token has expired.", "tokenExpired"));
                break;
            case 403:
                Add(examples, "scopeMissing", "The credential lacks the scope", Problem(path, 403, "Not allowed.",
                    "This needs the scope 'admin', which your credential does not have.", "scopeMissing"));
                break;
            case 404:
                Add(examples, "notFound", "Not found", Problem(path, 404, "Not found.", "Cooperative '019a1b2c-3d4e-7f00-8a9b-0c1d2e3f4a5b' was not found.", "notFound"));
                break;
            case 409:
                if (bodyProperties.Contains("registrationCode"))
                {
                    var duplicate = Problem(path, 409, "The request conflicts with the current state of the register.",
                        "Registration code 4900123456 is already used by another organization.", "duplicate");
                    duplicate["field"] = "registrationCode";
                    Add(examples, "duplicate", "The registration code is taken", duplicate);
                }

                if (bodyProperties.Contains("status"))
                {
                    Add(examples, "transitionNotAllowed", "The status cannot move this way", Problem(path, 409,
                        "The request conflicts with the current state of the register.",
                        "A dissolved organization cannot change status; dissolution is final.", "status.transitionNotAllowed"));
                }

                Add(examples, "concurrentUpdate", "A concurrent write won", Problem(path, 409,
                    "The request conflicts with the current state of the register.",
                    "Someone else changed the record at the same time. Read it again and retry.", "concurrentUpdate"));
                break;
            case 412:
                Add(examples, "preconditionFailed", "Changed since the ETag in If-Match", Problem(path, 412,
                    "The record was changed by someone else.",
                    "The record changed since the version named in If-Match. Read it again (GET) and retry with its new ETag.", "preconditionFailed"));
                break;
            case 422:
                Add(examples, "idempotencyKeyReused", "The Idempotency-Key was used for another request", Problem(path, 422,
                    "The request could not be processed.",
                    "The Idempotency-Key '5f0c6a8e-2b1d-4c3e-9a7f-1e2d3c4b5a69' was already used with a different body. A retry must repeat its request exactly; use a new key for a new request.",
                    "idempotencyKey.reused"));
                break;
            case 428:
                var required = Problem(path, 428, "The request must name the version it changes (If-Match).",
                    "This request changes a record, so it must say which version it is based on: send the ETag from your last GET of the record in If-Match, e.g. If-Match: \"4711\".",
                    "precondition.required");
                required["errors"] = new JsonObject
                {
                    ["If-Match"] = new JsonArray("This request changes a record, so it must say which version it is based on: send the ETag from your last GET of the record in If-Match, e.g. If-Match: \"4711\"."),
                };
                Add(examples, "preconditionRequired", "If-Match is missing", required);
                break;
            case 413:
                Add(examples, "payloadTooLarge", "Too large", Problem(path, 413, "The request body is too large.",
                    "The body may be at most 1048576 bytes.", "payloadTooLarge"));
                break;
            case 415:
                Add(examples, "unsupportedMediaType", "Not JSON", Problem(path, 415, "Unsupported media type.",
                    "Send the body as application/json.", "unsupportedMediaType"));
                break;
            case 429:
                Add(examples, "rateLimited", "Too many requests", Problem(path, 429, "Too many requests.",
                    "Too many requests from this client; retry after 17 seconds.", "rateLimited"));
                break;
            case 503:
                Add(examples, "databaseUnavailable", "Database unavailable", Problem(path, 503, "The service is unavailable.",
                    "The register's database cannot be reached; retry in a few seconds.", "databaseUnavailable"));
                break;
            default:
                Add(examples, "unexpected", "Unexpected error", Problem(path, status, "An unexpected error occurred.",
                    "The error was logged; quote the traceId when you report it.", status >= 500 ? "unexpected" : "error"));
                break;
        }

        return examples;
    }

    private static void Add(Dictionary<string, IOpenApiExample> examples, string key, string summary, JsonObject value) =>
        examples[key] = new OpenApiExample { Summary = summary, Value = value };

    internal static JsonObject Problem(string path, int status, string title, string detail, string code) => new()
    {
        ["type"] = $"urn:coopapi:problem:{code}",
        ["title"] = title,
        ["status"] = status,
        ["detail"] = detail,
        ["instance"] = Instance(path),
        ["code"] = code,
        ["traceId"] = TraceId,
    };

    private static JsonObject Validation(string path, string field, string message)
    {
        var problem = Problem(path, 400, "The request is invalid.", "One or more fields are invalid; see errors.", "validation");
        problem["errors"] = new JsonObject { [field] = new JsonArray(message) };
        return problem;
    }

    /// <summary>
    /// The concrete path a request would have had: each route parameter (with or without a
    /// constraint, <c>{id:guid}</c>) becomes a real value, so <c>instance</c> is a URI reference
    /// as the server writes it, and a trailing slash (a group's root route) is dropped.
    /// </summary>
    private static string Instance(string path)
    {
        var concrete = RouteParameter().Replace(path, m => m.Groups["name"].Value switch
        {
            "id" => "019a1b2c-3d4e-7f00-8a9b-0c1d2e3f4a5b",
            "code" => "24",
            _ => "1",
        });
        return concrete.Length > 1 ? concrete.TrimEnd('/') : concrete;
    }

    [GeneratedRegex(@"\{(?<name>[^}:?=*]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
