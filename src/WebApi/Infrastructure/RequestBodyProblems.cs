using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using CoopApi.Application.Common.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CoopApi.WebApi.Infrastructure;

/// <summary>
/// Explains why the framework could not read a request (minimal APIs throw
/// <see cref="BadHttpRequestException"/> for it): which field of the body was wrong and what it
/// expected, which member is unknown, that the body is missing or not JSON, that it is too large,
/// or that it was not sent as JSON. Field names and expectations come from the endpoint's body
/// type, so a new endpoint needs no new message.
/// </summary>
internal static partial class RequestBodyProblems
{
    public static ProblemDetails For(HttpContext http, BadHttpRequestException bad)
    {
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ProblemFactory.Create(http, StatusCodes.Status413PayloadTooLarge, null, "payloadTooLarge");
        }

        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            // Bodies are JSON; a merge patch (PATCH) is application/merge-patch+json: say which one this endpoint takes.
            var accepted = Accepts(http)?.ContentTypes is { Count: > 0 } types ? types[0] : null;
            var detail = accepted is null || accepted == "application/json" ? null : Text.Pick(
                $"Send the body with the header Content-Type: {accepted}.", $"Hãy gửi nội dung với header Content-Type: {accepted}.");
            return ProblemFactory.Create(http, StatusCodes.Status415UnsupportedMediaType, detail, "unsupportedMediaType");
        }

        if (bad.InnerException is JsonException json)
        {
            var (field, message) = Explain(BodyType(http), json);
            return ProblemFactory.Validation(http, new Dictionary<string, string[]> { [field] = [message] });
        }

        return ProblemFactory.Validation(http, new Dictionary<string, string[]>
        {
            ["body"] = [Text.Pick("The request body is missing or empty: send a JSON object.",
                "Thiếu nội dung yêu cầu: hãy gửi một đối tượng JSON.")],
        });
    }

    private static Type? BodyType(HttpContext http) => Accepts(http)?.RequestType;

    private static Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata? Accepts(HttpContext http)
    {
        var endpoint = http.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? http.GetEndpoint();
        return endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>();
    }

    private static (string Field, string Message) Explain(Type? bodyType, JsonException json)
    {
        if (json is JsonValueRejectedException rejected)
        {
            return (FieldNames.ToApi(json.Path ?? ""), Text.Pick(rejected.English, rejected.Vietnamese));
        }

        if (IsSyntaxError(json))
        {
            var where = json.LineNumber is { } line ? $" (line {line + 1}, byte {json.BytePositionInLine + 1})" : "";
            return ("body", Text.Pick($"The request body is not valid JSON{where}.",
                $"Nội dung yêu cầu không phải JSON hợp lệ{where.Replace("line", "dòng", StringComparison.Ordinal).Replace("byte", "byte", StringComparison.Ordinal)}."));
        }

        var segments = Segments(json.Path);
        var type = bodyType;
        for (var i = 0; i < segments.Count && type is not null; i++)
        {
            var segment = segments[i];
            if (segment is null)
            {
                type = ElementType(type);
                continue;
            }

            var property = JsonProperties(type).FirstOrDefault(p => p.Name == segment);
            if (property.Type is null)
            {
                var allowed = string.Join(", ", JsonProperties(type).Select(p => p.Name));
                var field = (json.Path ?? "").StartsWith("$.", StringComparison.Ordinal) ? json.Path![2..] : json.Path ?? "body";
                return (field, Text.Pick($"Unknown property '{segment}'. Allowed here: {allowed}.",
                    $"Thuộc tính '{segment}' không tồn tại. Các thuộc tính hợp lệ: {allowed}."));
            }

            type = property.Type;
        }

        var name = FieldNames.ToApi(json.Path ?? "");
        return (name, type is null ? Text.Pick("The value could not be read.", "Không đọc được giá trị.") : ExpectedValues.For(type));
    }

    private static bool IsSyntaxError(JsonException json) =>
        json.GetType().Name == "JsonReaderException" || json.InnerException?.GetType().Name == "JsonReaderException";

    /// <summary>Property names and array indexes (as null) of a path such as <c>$.mainProducts[2]</c>.</summary>
    private static List<string?> Segments(string? path)
    {
        var result = new List<string?>();
        foreach (Match m in PathSegment().Matches(path ?? ""))
        {
            result.Add(m.Groups["name"].Success ? m.Groups["name"].Value
                : m.Groups["quoted"].Success ? m.Groups["quoted"].Value : null);
        }

        return result;
    }

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ?.GetGenericArguments()[0];

    private static IEnumerable<(string Name, Type Type)> JsonProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null && p.CanWrite)
            .Select(p => (p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name),
                p.PropertyType));

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<quoted>[^']*)'\]|\[\d+\]")]
    private static partial Regex PathSegment();
}
