using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace CoopApi.IntegrationTests.Contract;

/// <summary>
/// The generated half of the fuzzer: random requests to every write operation of the document,
/// drawn with CsCheck from a seed (the same seed draws the same requests). Every field of a body
/// gets, request after request, its valid value, a boundary, a value of another type, null,
/// nothing, a huge text, SQL and script fragments, odd Unicode or a NUL; whole bodies are also
/// cut short, corrupted byte by byte, made invalid UTF-8, or sent with another content type;
/// path identifiers, If-Match and Idempotency-Key vary too.
/// </summary>
public sealed partial class ContractFuzzer
{
    /// <summary>Replaced, in the serialized body, by bytes that are not UTF-8.</summary>
    private const string InvalidUtf8Marker = "\u0001INVALID-UTF8\u0001";

    private static readonly string[] Hostile =
    [
        "'; DROP TABLE cooperatives; --", "' OR '1'='1", "1; SELECT pg_sleep(10)--", "\\x00", "%00", "$1", "?", "::text",
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "{{7*7}}", "${jndi:ldap://x}",
        "\u202eRTL override", "e\u0301\u0301\u0301", "\ud83d\ude00\ud83d\ude00", "\ud800", "\udfff", "\u0000", "a\u0000b", "\t\r\n",
        "   ", "", "null", "NaN", "-0", "1e309", "0x10", "Hợp tác xã", new string('\u00a0', 3), "../../etc/passwd", "\u2028\u2029",
    ];

    private static readonly string[] WrongContentTypes =
    [
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
        "application/json; charset=utf-16", "application/json; charset=latin1", "application/merge-patch+json", "application/json",
        "application/*", "garbage",
    ];

    private static readonly byte[][] InvalidUtf8 =
    [
        [0xC3, 0x28], [0xFF], [0xFE, 0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xE2, 0x82], [0x00],
    ];

    /// <summary>The write operations of the document (PUT, POST, PATCH, DELETE), with what a generated request needs.</summary>
    private sealed record WriteOperation(string Id, string Path, string Method, JsonObject? Body, string BodyType,
        IReadOnlyList<JsonObject> PathParameters, IReadOnlyList<JsonObject> QueryParameters, bool IfMatch);

    /// <summary>The write operations the generated run covers.</summary>
    public IReadOnlyList<string> WriteOperationIds => WriteOperations().Select(o => o.Id).ToList();

    /// <summary>Every (operation, field) pair of the write operations' bodies: what "every field" means.</summary>
    public IReadOnlyList<string> WriteFields => WriteOperations()
        .SelectMany(o => o.Body?["properties"]?.AsObject().Select(p => $"{o.Id}.{p.Key}") ?? []).ToList();

    /// <summary>A fresh seed for <see cref="Generated"/>, in CsCheck's seed notation.</summary>
    public static string NewSeed() => new PCG((uint)Random.Shared.Next(1, 1000), (ulong)Random.Shared.NextInt64()).ToString();

    /// <summary>
    /// <paramref name="count"/> random requests to the write operations, drawn from
    /// <paramref name="seed"/>: the same seed gives the same requests (the run prints it; replay it
    /// with the environment variable the test names).
    /// </summary>
    public IEnumerable<Variation> Generated(string seed, int count)
    {
        var operations = WriteOperations().ToList();
        var gen = Gen.Int[0, operations.Count - 1].SelectMany(i => RequestGen(operations[i]));
        var pcg = PCG.Parse(seed);
        for (var i = 0; i < count; i++)
        {
            yield return gen.Generate(pcg, null, out _);
        }
    }

    private IEnumerable<WriteOperation> WriteOperations()
    {
        foreach (var (path, method, operation) in Operations().Where(o => o.Method is "put" or "post" or "patch" or "delete"))
        {
            var parameters = operation["parameters"]?.AsArray().Select(p => p!.AsObject()).ToList() ?? [];
            yield return new WriteOperation((string)operation["operationId"]!, path, method.ToUpperInvariant(), BodySchema(operation),
                operation["requestBody"]?["content"] is JsonObject content && content.Count > 0
                    ? content.ContainsKey(BodyMediaType(operation)) ? BodyMediaType(operation) : content.First().Key
                    : "application/json",
                parameters.Where(p => (string)p["in"]! == "path").ToList(),
                parameters.Where(p => (string)p["in"]! == "query").ToList(),
                parameters.Any(p => (string)p["in"]! == "header" && (string)p["name"]! == "If-Match"));
        }
    }

    private Gen<Variation> RequestGen(WriteOperation op)
    {
        var target = PathGen(op).Select(QueryGen(op), (path, query) => query.Length == 0 ? path : path + "?" + query);
        var headers = HeadersGen(op);
        var body = BodyGen(op);
        return Gen.Select(target, headers, body, (t, h, b) => new Variation(op.Id, op.Method, t, b.Text, b.ContentType, h, b.Description, Invalid: false)
        {
            RawBody = b.Raw,
            Mutated = b.Mutated,
        });
    }

    private Gen<string> PathGen(WriteOperation op)
    {
        Gen<string> path = Gen.Const(op.Path);
        foreach (var parameter in op.PathParameters)
        {
            var name = (string)parameter["name"]!;
            var schema = Resolve(parameter["schema"]!);
            var good = PathValue(parameter, Variation.RecordId);
            var value = Gen.Frequency(
                (12, Gen.Const(good)),
                (1, Gen.Const(Guid.NewGuid().ToString())),
                (1, Gen.OneOf(Hostile).Select(h => Uri.EscapeDataString(h.Length == 0 ? "x" : h))),
                (1, ScalarGen(schema).Select(v => Uri.EscapeDataString(v is JsonValue j && j.TryGetValue<string>(out var s) ? (s.Length == 0 ? "x" : s) : v?.ToJsonString() ?? "null"))));
            path = path.Select(value, (p, v) => p.Replace("{" + name + "}", v, StringComparison.Ordinal));
        }

        return path;
    }

    private static Gen<string> QueryGen(WriteOperation op)
    {
        var names = op.QueryParameters.Select(p => (string)p["name"]!).Append("unknownParameter").ToArray();
        var pair = Gen.OneOf(names).Select(Gen.Frequency((3, Gen.OneOf("true", "false", "1", "")), (1, Gen.OneOf(Hostile))),
            (n, v) => n + "=" + Uri.EscapeDataString(v));
        return Gen.Frequency((8, Gen.Const("")), (2, pair.Array[1, 3].Select(p => string.Join('&', p))));
    }

    private static Gen<IReadOnlyDictionary<string, string>> HeadersGen(WriteOperation op)
    {
        var ifMatch = op.IfMatch
            ? Gen.Frequency((12, Gen.Const((string?)Variation.RecordETag)), (1, Gen.Const((string?)null)),
                (1, Gen.OneOf<string?>("*", "\"0\"", "\"999999999999\"", "W/\"1\"", "garbage", "\"1\", \"2\"", new string('9', 400))))
            : Gen.Const((string?)null);
        var idempotency = op.Method == "POST"
            ? Gen.Frequency((8, Gen.Const((string?)"fresh")), (2, Gen.Const((string?)null)),
                (1, Gen.OneOf<string?>("fuzz-reused-key", new string('k', 300), "k\u007f", "a b")))
            : Gen.Const((string?)null);
        return Gen.Select(ifMatch, idempotency, (m, k) =>
        {
            var headers = new Dictionary<string, string>(StringComparer.Ordinal);
            if (m is not null)
            {
                headers["If-Match"] = m;
            }

            if (k is not null)
            {
                headers["Idempotency-Key"] = k == "fresh" ? Guid.NewGuid().ToString() : k;
            }

            return (IReadOnlyDictionary<string, string>)headers;
        });
    }

    /// <summary>A body: text (or raw bytes), its content type, and what was varied.</summary>
    private sealed record GeneratedBody(string? Text, byte[]? Raw, string? ContentType, string Description, IReadOnlyList<string> Mutated);

    private Gen<GeneratedBody> BodyGen(WriteOperation op)
    {
        if (op.Body is null)
        {
            // No object schema (a DELETE, a file upload): no body, or junk of some kind.
            return Gen.Frequency(
                (6, Gen.Const(new GeneratedBody(null, null, null, "no body", []))),
                (1, Gen.OneOf(Hostile).Select(h => new GeneratedBody(h, null, op.BodyType, "a hostile text as the body", []))),
                (1, Gen.Byte.Array[0, 200].Select(b => new GeneratedBody(null, b, op.BodyType, "random bytes", []))),
                (1, Gen.OneOf(WrongContentTypes).Select(t => new GeneratedBody("registrationCode,name\n1,a", null, t, "a small CSV as " + t, []))));
        }

        var fields = ObjectGen(op.Body, depth: 0);
        var contentType = Gen.Frequency((14, Gen.Const(op.BodyType)), (1, Gen.OneOf(WrongContentTypes)), (1, Gen.Const((string)null!)));
        var structured = Gen.Select(fields, contentType, (f, t) => new GeneratedBody(f.Body.ToJsonString(), null, t,
            $"generated body ({f.Mutated.Count} fields varied) as {t ?? "no content type"}", f.Mutated));
        var malformed = fields.Select(Gen.Int[0, 1000], Gen.Int[0, 3], (f, cut, how) =>
        {
            var text = f.Body.ToJsonString();
            var at = cut % Math.Max(1, text.Length);
            return how switch
            {
                0 => new GeneratedBody(text[..at], null, op.BodyType, $"cut after {at} characters", f.Mutated),
                1 => new GeneratedBody(text[..at] + "\"" + text[at..], null, op.BodyType, $"a quote inserted at {at}", f.Mutated),
                2 => new GeneratedBody(text + text, null, op.BodyType, "two bodies in a row", f.Mutated),
                _ => new GeneratedBody(text.Replace(":", "=", StringComparison.Ordinal), null, op.BodyType, "colons replaced", f.Mutated),
            };
        });
        var notUtf8 = fields.Select(Gen.OneOf(InvalidUtf8), Gen.Int[0, 1000], (f, bad, pick) =>
        {
            var names = f.Body.Select(p => p.Key).ToList();
            var body = f.Body.DeepClone().AsObject();
            var name = names.Count == 0 ? "name" : names[pick % names.Count];
            body[name] = "x" + InvalidUtf8Marker + "y";
            var bytes = Encoding.UTF8.GetBytes(body.ToJsonString(new System.Text.Json.JsonSerializerOptions
            {
                Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            }));
            var marker = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(InvalidUtf8Marker)[1..^1]);
            var index = bytes.AsSpan().IndexOf(marker);
            var raw = index < 0 ? bytes : [.. bytes[..index], .. bad, .. bytes[(index + marker.Length)..]];
            return new GeneratedBody(null, raw, op.BodyType, $"invalid UTF-8 ({Convert.ToHexString(bad)}) in {name}", [.. f.Mutated, name]);
        });
        var huge = fields.Select(Gen.Int[50_000, 400_000], Gen.Int[0, 1000], (f, size, pick) =>
        {
            var names = f.Body.Select(p => p.Key).ToList();
            var body = f.Body.DeepClone().AsObject();
            var name = names.Count == 0 ? "name" : names[pick % names.Count];
            body[name] = new string('ệ', size);
            return new GeneratedBody(body.ToJsonString(), null, op.BodyType, $"{size:N0} characters in {name}", [.. f.Mutated, name]);
        });
        var odd = Gen.OneOf(
            new GeneratedBody(new string('[', 3000) + new string(']', 3000), null, op.BodyType, "deep nesting", []),
            new GeneratedBody("[" + string.Join(',', Enumerable.Repeat("{}", 20_000)) + "]", null, op.BodyType, "a large array", []),
            new GeneratedBody(null, [0x7B, 0x00, 0x7D], op.BodyType, "NUL byte", []),
            new GeneratedBody(null, [0xEF, 0xBB, 0xBF, 0x7B, 0x7D], op.BodyType, "BOM and an empty object", []),
            new GeneratedBody("", null, op.BodyType, "empty body", []),
            new GeneratedBody("{\"a\":1}" + new string(' ', 1_100_000), null, op.BodyType, "over 1 MiB", []));
        return Gen.Frequency((14, structured), (2, malformed), (2, notUtf8), (1, huge), (1, odd));
    }

    /// <summary>An object of a schema: each property valid, varied, null or left out; sometimes a member the schema does not know.</summary>
    private Gen<(JsonObject Body, IReadOnlyList<string> Mutated)> ObjectGen(JsonObject schema, int depth)
    {
        var properties = schema["properties"]?.AsObject().ToList() ?? [];
        var parts = properties.Select(p =>
        {
            var resolved = Resolve(p.Value!);
            var valid = ValidGen(resolved, depth);
            var choice = Gen.Frequency(
                (10, valid.Select(v => (Set: true, Value: v, Mutated: false))),
                (4, ValueGen(resolved, depth).Select(v => (Set: true, Value: v, Mutated: true))),
                (1, Gen.Const((Set: false, Value: (JsonNode?)null, Mutated: true))));
            return (Name: p.Key, Gen: choice);
        }).ToList();
        var extra = Gen.Frequency((10, Gen.Const((string?)null)), (1, Gen.OneOf<string?>("unknownMember", "status", "id", "version", "__proto__")));
        Gen<(JsonObject, IReadOnlyList<string>)> result = extra.Select(e =>
        {
            var o = new JsonObject();
            if (e is not null)
            {
                o[e] = "x";
            }

            return (o, (IReadOnlyList<string>)[]);
        });
        foreach (var (name, gen) in parts)
        {
            result = result.Select(gen, (acc, part) =>
            {
                var (body, mutated) = acc;
                if (part.Set)
                {
                    body[name] = part.Value?.DeepClone();
                }

                return (body, part.Mutated ? [.. mutated, name] : mutated);
            });
        }

        return result.Select(r => (KeepUnique(r.Item1, r.Item2), r.Item2));
    }

    /// <summary>A valid registration code and name are made unique (see <see cref="FreshCodes"/>); varied ones stay as drawn.</summary>
    private static JsonObject KeepUnique(JsonObject body, IReadOnlyList<string> mutated)
    {
        var fresh = FreshCodes(new JsonObject
        {
            ["registrationCode"] = body.ContainsKey("registrationCode") ? "0" : null,
            ["name"] = body["name"] is JsonValue name && name.TryGetValue<string>(out var text) ? text : null,
        });
        foreach (var field in new[] { "registrationCode", "name" })
        {
            if (body.ContainsKey(field) && !mutated.Contains(field) && fresh[field] is JsonValue value && value.TryGetValue<string>(out _))
            {
                body[field] = value.DeepClone();
            }
        }

        return body;
    }

    /// <summary>A valid value of a schema: its example, an enumeration value, or a well-formed value of its type.</summary>
    private Gen<JsonNode?> ValidGen(JsonObject schema, int depth)
    {
        if (schema["example"] is { } example)
        {
            return Gen.Const<JsonNode?>(() => example.DeepClone());
        }

        if (schema["enum"] is JsonArray values)
        {
            return Gen.OneOf(values.Select(v => (string)v!).ToArray()).Select(v => (JsonNode?)v);
        }

        return ((string?)schema["type"]) switch
        {
            "object" when depth < 3 && schema["properties"] is not null => ObjectGen(schema, depth + 1).Select(o => (JsonNode?)o.Body),
            "array" when depth < 3 => ValidGen(Items(schema), depth + 1).Array[0, 3].Select(a => (JsonNode?)new JsonArray(a.Select(x => x?.DeepClone()).ToArray())),
            _ => Gen.Const<JsonNode?>(() => ValidValue(schema)),
        };
    }

    /// <summary>Any value for a field of this schema: boundaries, other types, hostile texts, nested junk.</summary>
    private Gen<JsonNode?> ValueGen(JsonObject schema, int depth)
    {
        var anything = Gen.Frequency(
            (1, Gen.Const((JsonNode?)null)),
            (1, Gen.Bool.Select(b => (JsonNode?)b)),
            (1, Gen.Long.Select(l => (JsonNode?)l)),
            (1, Gen.Double.Select(d => double.IsFinite(d) ? (JsonNode?)d : "Infinity")),
            (2, Gen.OneOf(Hostile).Select(h => (JsonNode?)h)),
            (1, Gen.Const<JsonNode?>(() => new JsonObject { ["a"] = 1 })),
            (1, Gen.Const<JsonNode?>(() => new JsonArray(1, "a", null))));
        var specific = ((string?)schema["type"]) switch
        {
            "object" when depth < 3 && schema["properties"] is not null => ObjectGen(schema, depth + 1).Select(o => (JsonNode?)o.Body),
            "array" => Gen.Frequency(
                (3, ValueGen(Items(schema), depth + 1).Array[0, 4].Select(a => (JsonNode?)new JsonArray(a.Select(x => x?.DeepClone()).ToArray()))),
                (1, Gen.Int[0, 300].Select(n => (JsonNode?)new JsonArray(Enumerable.Range(0, n).Select(i => (JsonNode?)("item " + i)).ToArray())))),
            _ => ScalarGen(schema),
        };
        return Gen.Frequency((3, specific), (1, anything));
    }

    /// <summary>Values of a scalar schema around its stated rules: lengths, bounds, formats, patterns, enumerations.</summary>
    private static Gen<JsonNode?> ScalarGen(JsonObject schema)
    {
        if (schema["enum"] is JsonArray values)
        {
            var names = values.Select(v => (string)v!).ToArray();
            return Gen.Frequency(
                (3, Gen.OneOf(names).Select(v => (JsonNode?)v)),
                (1, Gen.OneOf(names).Select(v => (JsonNode?)v.ToUpperInvariant())),
                (1, Gen.OneOf(names).Select(v => (JsonNode?)(" " + v))),
                (1, Gen.Int[-1, 20].Select(i => (JsonNode?)i)),
                (1, Gen.OneOf(Hostile).Select(h => (JsonNode?)h)));
        }

        switch ((string?)schema["type"], (string?)schema["format"])
        {
            case ("integer" or "number", var format):
                var min = schema["minimum"]?.GetValue<decimal>() ?? (format == "int32" ? int.MinValue : long.MinValue);
                var max = schema["maximum"]?.GetValue<decimal>() ?? (format == "int32" ? int.MaxValue : long.MaxValue);
                decimal[] edges = [min, max, min - 1, max + 1, 0, -1, 1, int.MaxValue, (decimal)int.MaxValue + 1, long.MaxValue, (decimal)long.MaxValue + 1, decimal.MaxValue];
                return Gen.Frequency(
                    (3, Gen.OneOf(edges).Select(d => (JsonNode?)d)),
                    (2, Gen.Long[(long)Math.Max(min, long.MinValue), (long)Math.Min(max, long.MaxValue)].Select(l => (JsonNode?)l)),
                    (1, Gen.Double[-1e6, 1e6].Select(d => (JsonNode?)Math.Round(d, 3))),
                    (1, Gen.OneOf("1e400", "-0", "1.0", "0.1e1", "12.000").Select(n => JsonNode.Parse(n))),
                    (1, Gen.Long.Select(l => (JsonNode?)l.ToString(CultureInfo.InvariantCulture))));
            case ("boolean", _):
                return Gen.OneOf<JsonNode?>(true, false, "true", 0, 1, "yes");
            case ("string", "date"):
                return Gen.Frequency(
                    (3, Gen.Int[1, 3_652_058].Select(d => (JsonNode?)DateOnly.FromDayNumber(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
                    (1, Gen.OneOf<JsonNode?>("2021-02-29", "2020-13-01", "2020-1-1", "20200101", "2020-01-01T00:00:00Z", "01/02/2020", "0000-00-00", "9999-12-31", "0001-01-01")));
            case ("string", "uuid"):
                return Gen.Frequency((2, Gen.Guid.Select(g => (JsonNode?)g.ToString())), (1, Gen.OneOf<JsonNode?>("00000000-0000-0000-0000-000000000000", "not-a-guid", "{" + Guid.Empty + "}")));
            case ("string", _):
                var maxLength = schema["maxLength"]?.GetValue<int>() ?? 300;
                var minLength = schema["minLength"]?.GetValue<int>() ?? 0;
                var example = schema["example"] is JsonValue e && e.TryGetValue<string>(out var s) ? s : "a";
                return Gen.Frequency(
                    (2, Gen.Int[0, maxLength + 2].Select(n => (JsonNode?)Fill(example, n))),
                    (1, Gen.OneOf(minLength, Math.Max(0, minLength - 1), maxLength, maxLength + 1).Select(n => (JsonNode?)Fill(example, n))),
                    (2, Gen.String[0, 40].Select(t => (JsonNode?)t)),
                    (2, Gen.OneOf(Hostile).Select(h => (JsonNode?)h)),
                    (1, Gen.OneOf(Hostile).Select(h => (JsonNode?)(example + h))),
                    (1, Gen.Const<JsonNode?>(() => example + "\n")));
            default:
                return Gen.OneOf<JsonNode?>(null, "x", 1);
        }
    }
}
