using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace CoopApi.IntegrationTests.Contract;

/// <summary>One request derived from the document, and whether the document calls it invalid.</summary>
/// <param name="Operation">operationId.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Target">Path and query, escaped.</param>
/// <param name="Body">Raw body, or null.</param>
/// <param name="ContentType">Content-Type of the body, or null for none.</param>
/// <param name="Headers">Extra request headers.</param>
/// <param name="Description">What was varied.</param>
/// <param name="Invalid">The document's schemas say this request is invalid (so it must get a 4xx).</param>
public sealed record Variation(string Operation, string Method, string Target, string? Body, string? ContentType,
    IReadOnlyDictionary<string, string> Headers, string Description, bool Invalid)
{
    /// <summary>Stands in the target for the identifier of an existing record, filled in when sent.</summary>
    public const string RecordId = "RECORD-ID";

    /// <summary>Stands in a header for the current ETag of that record (a required If-Match), filled in when sent.</summary>
    public const string RecordETag = "RECORD-ETAG";

    /// <summary>A write to an existing record: it gets a record of its own, so that variations do not race or mask each other.</summary>
    public bool NeedsOwnRecord => Method != "GET" && Target.Contains(RecordId, StringComparison.Ordinal);

    /// <summary>The body as raw bytes (invalid UTF-8, NUL bytes), sent instead of <see cref="Body"/> when set.</summary>
    public byte[]? RawBody { get; init; }

    /// <summary>The fields of the body given a generated value other than their valid one (generated runs).</summary>
    public IReadOnlyList<string> Mutated { get; init; } = [];

    private const int LargeBody = 64 << 10;

    public HttpRequestMessage ToRequest(string recordId, string recordETag)
    {
        var target = Target.Replace(RecordId, recordId, StringComparison.Ordinal);
        var request = new HttpRequestMessage(new HttpMethod(Method), new Uri(target.TrimStart('/'), UriKind.Relative));
        if (RawBody is not null || Body is not null)
        {
            var bytes = RawBody ?? Encoding.UTF8.GetBytes(Body!);
            request.Content = new ByteArrayContent(bytes);

            // A large body (over 64 KiB: more than the sockets surely buffer) goes as curl sends a
            // big one: headers first, the body only after the server's "100 Continue". A server may
            // refuse before reading the body (our own 413; Kestrel's 400 for a NUL in the path,
            // which also closes the connection), and a client still writing then gets a broken pipe
            // or a reset instead of the answer: the run would measure the race between the two
            // sockets, not the server's answer. The server reads the body as before once it asks.
            request.Headers.ExpectContinue = bytes.Length > LargeBody ? true : null;
            if (ContentType is not null && MediaTypeHeaderValue.TryParse(ContentType, out var mediaType))
            {
                request.Content.Headers.ContentType = mediaType;
            }
            else if (ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType); // a malformed one, on purpose
            }
        }

        foreach (var (name, value) in Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value == RecordETag ? recordETag : value);
        }

        return request;
    }
}

/// <summary>
/// Derives request variations from an OpenAPI 3.0 document: for every operation a valid request
/// built from the schemas' examples, then one variation per rule the schemas state (and a few
/// hostile inputs that no schema allows or forbids: NUL characters, malformed JSON, odd headers).
/// </summary>
public sealed partial class ContractFuzzer(JsonNode document)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head"];
    private readonly JsonObject _schemas = document["components"]!["schemas"]!.AsObject();
    // Shared by every instance (the contract fuzzer and the authorization matrix fill one database): codes never repeat within a run.
    private static int _codes;

    public int OperationCount => Operations().Count();

    private IEnumerable<(string Path, string Method, JsonObject Operation)> Operations() =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(op => Methods.Contains(op.Key))
            .Select(op => (path.Key, op.Key, op.Value!.AsObject())));

    /// <summary>A valid body for an operation, from the examples of its request schema.</summary>
    public JsonObject? ValidBody(string path, string method)
    {
        var operation = document["paths"]![path]![method]!.AsObject();
        return BodySchema(operation) is { } schema ? FreshCodes(ValidObject(schema)) : null;
    }

    public IEnumerable<Variation> Variations()
    {
        foreach (var (path, method, operation) in Operations())
        {
            var id = (string)operation["operationId"]!;
            var parameters = operation["parameters"]?.AsArray().Select(p => p!.AsObject()).ToList() ?? [];
            var pathValues = parameters.Where(p => (string)p["in"]! == "path")
                .ToDictionary(p => (string)p["name"]!, p => PathValue(p, Variation.RecordId));
            var query = parameters.Where(p => (string)p["in"]! == "query").ToList();
            var bodySchema = BodySchema(operation);
            var bodyType = BodyMediaType(operation);
            // A required If-Match (writes to a record) gets the record's current ETag unless a variation is about the header.
            var requiredHeaders = parameters.Where(p => (string)p["in"]! == "header" && (bool?)p["required"] == true)
                .ToDictionary(p => (string)p["name"]!, _ => Variation.RecordETag);

            Variation Make(string description, bool invalid, IDictionary<string, string>? pathOverride = null,
                string? queryString = null, string? body = null, string? contentType = null,
                IReadOnlyDictionary<string, string>? headers = null, bool noBody = false, bool noContentType = false)
            {
                contentType = noContentType ? null : contentType ?? bodyType;
                var target = path;
                foreach (var (name, value) in pathValues)
                {
                    var chosen = pathOverride is not null && pathOverride.TryGetValue(name, out var o) ? o : value;
                    target = target.Replace("{" + name + "}", chosen, StringComparison.Ordinal);
                }

                if (!string.IsNullOrEmpty(queryString))
                {
                    target += "?" + queryString;
                }

                var sent = noBody ? null : body ?? (bodySchema is null ? null : FreshCodes(ValidObject(bodySchema)).ToJsonString());
                var sentHeaders = new Dictionary<string, string>(requiredHeaders);
                foreach (var (name, value) in headers ?? new Dictionary<string, string>())
                {
                    sentHeaders[name] = value;
                }

                return new Variation(id, method.ToUpperInvariant(), target, sent, sent is null ? null : contentType,
                    sentHeaders, description, invalid);
            }

            yield return Make("valid request from the document's examples", invalid: false);

            foreach (var parameter in parameters.Where(p => (string)p["in"]! == "path"))
            {
                var name = (string)parameter["name"]!;
                var schema = Resolve(parameter["schema"]!);
                foreach (var (value, _, what) in ValueVariations(schema).Where(v => v.Value is JsonValue))
                {
                    var text = ToQueryText(value!);
                    if (text.Length == 0)
                    {
                        continue;
                    }

                    yield return Make($"path {name} = {what}", !IsValidText(schema, text),
                        new Dictionary<string, string> { [name] = Escape(text) });
                }
            }

            foreach (var parameter in query)
            {
                var name = (string)parameter["name"]!;
                var schema = Resolve(parameter["schema"]!);
                var isArray = (string?)schema["type"] == "array";
                foreach (var (value, _, what) in ValueVariations(schema))
                {
                    if (value is null)
                    {
                        continue;
                    }

                    // A query string carries text: a value is valid when its text is.
                    var texts = isArray && value is JsonArray items
                        ? items.Select(item => item is null ? "" : ToQueryText(item)).ToList()
                        : [ToQueryText(value)];
                    var itemSchema = isArray ? Items(schema) : schema;
                    var invalid = texts.Any(text => !IsValidText(itemSchema, text))
                        || (isArray && schema["maxItems"] is { } maxItems && texts.Count > maxItems.GetValue<int>());
                    var pairs = texts.Select(text => $"{name}={Escape(text)}");
                    yield return Make($"query {name} = {what}", invalid, queryString: string.Join('&', pairs));
                }

                yield return Make($"query {name} repeated", invalid: false, queryString: $"{name}=1&{name}=2");
                yield return Make($"query {name} empty", invalid: false, queryString: $"{name}=");
            }

            yield return Make("unknown query parameter", invalid: false, queryString: "provinceCod=24");

            foreach (var header in parameters.Where(p => (string)p["in"]! == "header"))
            {
                var name = (string)header["name"]!;
                if ((bool?)header["required"] == true)
                {
                    var without = new Dictionary<string, string>(requiredHeaders);
                    without.Remove(name);
                    yield return Make($"without required header {name}", invalid: true) with { Headers = without };
                }

                foreach (var value in new[] { "garbage", "\"1\"", "W/\"x\"", "*", "\"\"", new string('9', 300), "\"a\", \"b\"" })
                {
                    yield return Make($"header {name}: {Shorten(value)}", invalid: false,
                        headers: new Dictionary<string, string> { [name] = value });
                }
            }

            if (bodySchema is null)
            {
                continue;
            }

            foreach (var (description, body, invalid) in BodyVariations(bodySchema))
            {
                yield return Make("body " + description, invalid, body: body);
            }

            yield return Make("no body", invalid: true, noBody: true);
            yield return Make("body as text/plain", invalid: true, body: FreshCodes(ValidObject(bodySchema)).ToJsonString(), contentType: "text/plain");
            yield return Make("body without Content-Type", invalid: true, body: FreshCodes(ValidObject(bodySchema)).ToJsonString(), noContentType: true);
            if (bodyType != "application/json")
            {
                yield return Make("body as application/json", invalid: true, body: FreshCodes(ValidObject(bodySchema)).ToJsonString(), contentType: "application/json");
            }
        }
    }

    private IEnumerable<(string Description, string Body, bool Invalid)> BodyVariations(JsonObject schema)
    {
        var properties = schema["properties"]!.AsObject();
        var required = schema["required"]?.AsArray().Select(r => (string)r!).ToHashSet() ?? [];

        foreach (var (name, propertySchema) in properties)
        {
            var resolved = Resolve(propertySchema!);
            if (required.Contains(name))
            {
                var without = FreshCodes(ValidObject(schema));
                without.Remove(name);
                yield return ($"without required {name}", without.ToJsonString(), true);
            }

            foreach (var (value, invalid, what) in ValueVariations(resolved))
            {
                var body = FreshCodes(ValidObject(schema));
                body[name] = value?.DeepClone();
                yield return ($"{name} = {what}", body.ToJsonString(), invalid);
            }
        }

        var unknown = FreshCodes(ValidObject(schema));
        unknown["dissolvedOn"] = "2020-01-01";
        yield return ("with an unknown member", unknown.ToJsonString(), (bool?)schema["additionalProperties"] == false);
        var status = FreshCodes(ValidObject(schema));
        status["status"] ??= "dissolved";
        yield return ("with a member another operation owns (status)", status.ToJsonString(), !properties.ContainsKey("status"));
        yield return ("empty object", "{}", required.Count > 0);
        yield return ("array", "[]", true);
        yield return ("string", "\"x\"", true);
        yield return ("null", "null", true);
        yield return ("malformed JSON", "{\"name\": ", true);
        yield return ("trailing garbage", FreshCodes(ValidObject(schema)).ToJsonString() + "x", true);
        yield return ("duplicate member", "{\"name\":\"a\",\"name\":\"b\"}", true);
        yield return ("deep nesting", new string('[', 5000) + new string(']', 5000), true);
        yield return ("NUL byte outside strings", "{\u0000}", true);
        yield return ("comment", "/* c */ " + FreshCodes(ValidObject(schema)).ToJsonString(), true);
    }

    /// <summary>Values for one schema: a few valid (boundaries) and one per rule broken.</summary>
    private IEnumerable<(JsonNode? Value, bool Invalid, string What)> ValueVariations(JsonObject schema)
    {
        var type = (string?)schema["type"];
        var nullable = (bool?)schema["nullable"] == true;
        yield return (null, !nullable, "null");

        if (schema["enum"] is JsonArray values)
        {
            var first = (string)values[0]!;
            yield return ("bogus", true, "unknown enumeration value");
            yield return (first.ToUpperInvariant(), true, "enumeration value in upper case");
            yield return (first + " ", true, "enumeration value with a trailing space");
            yield return (string.Join(',', values.Take(2).Select(v => (string)v!)), true, "two enumeration values joined by a comma");
            yield return (1, true, "enumeration value as a number");
            yield return ("1", true, "enumeration value as a numeric string");
            yield return ("a\u0000b", true, "NUL character");
            yield break;
        }

        switch (type)
        {
            case "string":
                foreach (var v in StringVariations(schema))
                {
                    yield return v;
                }

                yield return (12345, true, "a number");
                yield return (true, true, "a boolean");
                yield return (new JsonObject(), true, "an object");
                yield return (new JsonArray(), true, "an array");
                break;
            case "integer":
            case "number":
                var minimum = schema["minimum"] is { } min ? (decimal?)min.GetValue<decimal>() : null;
                var maximum = schema["maximum"] is { } max ? (decimal?)max.GetValue<decimal>() : null;
                if (minimum is { } lo)
                {
                    yield return (lo, false, "the minimum");
                    yield return (lo - 1, true, "one below the minimum");
                }

                if (maximum is { } hi)
                {
                    yield return (hi, false, "the maximum");
                    yield return (hi + 1, true, "one above the maximum");
                }

                var format = (string?)schema["format"];
                yield return (format == "int32" ? 2147483648m : 9223372036854775808m, true, "one past the format's range");
                yield return (-9223372036854775809m, true, "far below any range");
                yield return (JsonNode.Parse("1e400"), true, "a number beyond double");
                if (type == "integer")
                {
                    yield return (1.5, true, "a fraction");
                }

                yield return ("12", true, "a numeric string");
                yield return ("abc", true, "a word");
                yield return (true, true, "a boolean");
                break;
            case "boolean":
                yield return ("true", true, "a string");
                yield return ("maybe", true, "a word");
                yield return (1, true, "a number");
                break;
            case "array":
                var items = Items(schema);
                var valid = ValidValue(items);
                if (schema["maxItems"] is { } maxItems)
                {
                    yield return (Repeat(valid, maxItems.GetValue<int>() + 1), true, "one item too many");
                }

                foreach (var (value, invalid, what) in ValueVariations(items).Where(v => v.Value is JsonValue))
                {
                    yield return (new JsonArray(value!.DeepClone()), invalid, "an item: " + what);
                }

                yield return (new JsonArray(valid?.DeepClone(), null), true, "a null item");
                yield return ("x", true, "a string");
                yield return (new JsonObject(), true, "an object");
                break;
            case "object":
                yield return ("x", true, "a string");
                yield return (new JsonArray(), true, "an array");
                break;
        }
    }

    private static IEnumerable<(JsonNode? Value, bool Invalid, string What)> StringVariations(JsonObject schema)
    {
        var format = (string?)schema["format"];
        var pattern = (string?)schema["pattern"];
        var example = ValidValue(schema) is JsonValue v && v.TryGetValue<string>(out var s) ? s : "a";
        if (schema["maxLength"] is { } maxLength)
        {
            var max = maxLength.GetValue<int>();
            yield return (Fill(example, max + 1), true, $"{max + 1} characters (one past maxLength)");
            if (pattern is null)
            {
                yield return (Fill(example, max), false, $"{max} characters (maxLength)");
            }
        }

        yield return (example + "\u0000x", pattern is not null || format is "date" or "uuid" or "email" or "date-time", "a NUL character");
        yield return (new string('x', 100_000), pattern is not null || format is not null || schema["maxLength"] is not null, "100,000 characters");
        yield return ("\u200b\ud83d\ude00 ' \" ; -- <script>", pattern is not null || format is not null, "odd characters and markup");
        if (pattern is not null)
        {
            yield return ("x", true, "a text that breaks the pattern");
            yield return (example + "\n", true, "a valid value with a trailing newline");
            yield return ("٠١٢٣٤٥٦٧٨٩", true, "non-ASCII digits");
        }

        switch (format)
        {
            case "date":
                yield return ("2020-13-45", true, "an impossible date");
                yield return ("2021-02-29", true, "29 February of a common year");
                yield return ("0001-01-01", false, "year 1");
                yield return ("9999-12-31", false, "year 9999");
                yield return ("12/03/2015", true, "a date in another format");
                break;
            case "uuid":
                yield return ("not-a-guid", true, "not a UUID");
                yield return (Guid.NewGuid().ToString(), false, "an unknown UUID");
                break;
            case "email":
                yield return ("not-an-email", true, "not an e-mail address");
                break;
        }
    }

    /// <summary>The schema of the body, sent as JSON or as a JSON Merge Patch.</summary>
    private JsonObject? BodySchema(JsonObject operation) =>
        operation["requestBody"]?["content"]?[BodyMediaType(operation)]?["schema"] is { } schema
            && Resolve(schema) is var resolved && resolved["properties"] is not null
            ? resolved
            : null; // a body that is not an object (an import's file) is not generated

    private static string BodyMediaType(JsonObject operation) =>
        operation["requestBody"]?["content"]?["application/merge-patch+json"] is not null ? "application/merge-patch+json" : "application/json";

    /// <summary>The schema behind a <c>$ref</c> or a single-<c>allOf</c> wrapper, with the wrapper's own keywords.</summary>
    private JsonObject Resolve(JsonNode schema)
    {
        if (schema["$ref"] is { } reference)
        {
            return Resolve(_schemas[((string)reference!).Split('/')[^1]]!);
        }

        if (schema["allOf"] is JsonArray { Count: 1 } allOf)
        {
            var merged = Resolve(allOf[0]!).DeepClone().AsObject();
            foreach (var (key, value) in schema.AsObject().Where(p => p.Key != "allOf" && p.Key != "type"))
            {
                merged[key] = value?.DeepClone();
            }

            return merged;
        }

        return schema.AsObject();
    }

    private JsonObject Items(JsonObject arraySchema) => Resolve(arraySchema["items"]!);

    private JsonObject ValidObject(JsonObject schema)
    {
        var body = new JsonObject();
        foreach (var (name, property) in schema["properties"]!.AsObject())
        {
            if (ValidValue(Resolve(property!)) is { } value)
            {
                body[name] = value;
            }
        }

        return body;
    }

    private static JsonNode? ValidValue(JsonObject schema) =>
        schema["example"]?.DeepClone()
        ?? (schema["enum"] is JsonArray values ? values[0]!.DeepClone() : null)
        ?? ((string?)schema["type"], (string?)schema["format"]) switch
        {
            ("string", "date") => "2020-01-01",
            ("string", "uuid") => Guid.NewGuid().ToString(),
            ("string", _) when schema["pattern"] is null => "a",
            ("integer" or "number", _) => schema["minimum"]?.DeepClone() ?? 1,
            ("boolean", _) => false,
            ("array", _) => new JsonArray(),
            _ => null,
        };

    /// <summary>
    /// Registration codes are unique: each request gets a fresh one, so that variations are not all
    /// 409s; and a fresh name, so that the register is not filled with copies of a real record.
    /// </summary>
    private static JsonObject FreshCodes(JsonObject body)
    {
        var n = Interlocked.Increment(ref _codes);
        if (body.ContainsKey("registrationCode"))
        {
            body["registrationCode"] = (7_100_000_000L + (Environment.ProcessId % 1000 * 100_000) + n).ToString(CultureInfo.InvariantCulture);
        }

        // The document's example name is a real organization of the demo register; hundreds of
        // copies of it would bury the original for every other test of the shared database.
        if (body["name"] is JsonValue name && name.TryGetValue<string>(out var text))
        {
            body["name"] = $"{text} (fuzz {n.ToString(CultureInfo.InvariantCulture)})";
        }

        return body;
    }

    private string PathValue(JsonObject parameter, string recordId)
    {
        var schema = Resolve(parameter["schema"]!);
        return (string?)schema["format"] == "uuid" ? recordId
            : schema["example"] is { } example ? ToQueryText(example)
            : parameter["example"] is { } parameterExample ? ToQueryText(parameterExample)
            : "24";
    }

    /// <summary>Whether a parameter's text is valid for its schema (type, format, enum, length, pattern, bounds).</summary>
    private static bool IsValidText(JsonObject schema, string text)
    {
        if (schema["enum"] is JsonArray values)
        {
            return values.Any(v => (string?)v == text);
        }

        if (schema["maxLength"] is { } maxLength && text.Length > maxLength.GetValue<int>())
        {
            return false;
        }

        if (schema["pattern"] is { } pattern
            && !System.Text.RegularExpressions.Regex.IsMatch(text, (string)pattern!, System.Text.RegularExpressions.RegexOptions.ECMAScript))
        {
            return false;
        }

        switch ((string?)schema["type"], (string?)schema["format"])
        {
            case ("integer", _) or ("number", _):
                if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | (schema["type"]!.GetValue<string>() == "number" ? NumberStyles.AllowDecimalPoint : 0),
                        CultureInfo.InvariantCulture, out var number))
                {
                    return false;
                }

                var (lo, hi) = (string?)schema["format"] == "int32" ? (int.MinValue, (decimal)int.MaxValue) : (long.MinValue, (decimal)long.MaxValue);
                return number >= lo && number <= hi
                    && (schema["minimum"] is not { } min || number >= min.GetValue<decimal>())
                    && (schema["maximum"] is not { } max || number <= max.GetValue<decimal>());
            case ("boolean", _):
                return text is "true" or "false";
            case ("string", "date"):
                return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
            case ("string", "uuid"):
                return Guid.TryParseExact(text, "D", out _);
            default:
                return true;
        }
    }

    private static string ToQueryText(JsonNode value) => value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value.ToJsonString();

    private static string Escape(string text) => Uri.EscapeDataString(text);

    private static string Fill(string seed, int length)
    {
        var builder = new StringBuilder(length);
        while (builder.Length < length)
        {
            builder.Append(seed.Length == 0 ? "x" : seed);
        }

        // Free text is trimmed by the server: a value that ends in white space would be shorter than asked.
        var text = builder.ToString(0, length);
        return text.Length > 0 && char.IsWhiteSpace(text[^1]) ? text[..^1] + "x" : text;
    }

    private static JsonArray Repeat(JsonNode? value, int count)
    {
        var array = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            array.Add(value?.DeepClone() ?? "x");
        }

        return array;
    }

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
