using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CoopApi.Domain.ApiKeys;
using CoopApi.IntegrationTests.Contract;
using CoopApi.IntegrationTests.Support;
using Xunit.Abstractions;
using static CoopApi.IntegrationTests.Security.SecurityApi;

namespace CoopApi.IntegrationTests.Security;

/// <summary>
/// Every operation of the OpenAPI document declares who may call it, and the server holds to it.
/// Both facts are read from the document, so an endpoint added later is checked without an edit
/// here: its path parameters are filled with a real record (made through the POST of its
/// collection, from the document's examples), its body is the document's valid example, and its
/// required scopes come from the operation's <c>x-required-scopes</c>. The matrix, per operation:
/// no credential, bad or revoked or expired keys, bad or expired tokens → 401; a key or token
/// without the scope → 403 <c>scopeMissing</c>; a write with the scope in another province → 403
/// <c>provinceNotGranted</c>; none of these writes anything (no row, no event, no idempotency
/// record); the right scope in the right province → neither 401 nor 403.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AuthorizationMatrixTests(ApiFixture fixture, ITestOutputHelper output)
{
    private const string RequiredScopes = "x-required-scopes";

    /// <summary>
    /// Operations the matrix cannot build from the document alone, each with the reason. Empty:
    /// every operation is generated. Add a row only with a reason a reviewer can check.
    /// </summary>
    private static readonly Dictionary<string, string> Exceptions = new(StringComparer.Ordinal)
    {
        ["createImport"] = "its body is a file (CSV or a JSON array of rows, each with its own province), which the matrix cannot build; "
            + "ImportTests checks it: 401 without a key, 403 scopeMissing without write, 403 provinceNotGranted for a row of another province",
    };

    /// <summary>
    /// Collections whose records are made under a parent, not by a POST of their own: the nested
    /// collection (with <c>{id}</c> standing for a parent made by its own collection's POST).
    /// </summary>
    private static readonly Dictionary<string, string> NestedMakers = new(StringComparer.Ordinal)
    {
        ["/api/v1/steering-activities"] = "/api/v1/steering-committees/{id}/activities",
    };

    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head"];

    /// <summary>Scopes whose writes belong to a province and are checked against the caller's provinces.</summary>
    private static readonly string[] ProvinceScopes = [ApiScopes.Write, ApiScopes.Classify];

    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);

    [Fact]
    public async Task EveryOperationOfTheDocument_DeclaresItsAuthorizationRule()
    {
        var document = await DocumentAsync();

        var missing = OperationsWithoutACompleteRule(document);

        Assert.True(Operations(document).Count() >= 14, "the document lists fewer operations than the API has");
        Assert.True(missing.Count == 0, "operations without a complete authorization rule:\n" + string.Join('\n', missing));
    }

    /// <summary>
    /// Every operation of <paramref name="document"/> that lacks a complete rule (security
    /// requirement of bearer and apiKey, known scopes in <c>x-required-scopes</c>, 401 and 403
    /// documented), each with what is missing. UnruledEndpointTests shows it names an endpoint
    /// mapped without a rule.
    /// </summary>
    internal static List<string> OperationsWithoutACompleteRule(JsonNode document)
    {
        var missing = new List<string>();
        foreach (var (path, method, operation) in Operations(document))
        {
            var name = $"{method.ToUpperInvariant()} {path} ({(string?)operation["operationId"]})";
            var security = operation["security"]?.AsArray();
            if (security is null || security.Count == 0)
            {
                missing.Add($"{name}: no security requirement (the endpoint declares no rule: add .RequireScope(...) or .RequireStatisticsRead())");
                continue;
            }

            var schemes = security.SelectMany(r => r!.AsObject().Select(p => p.Key)).ToHashSet();
            if (!schemes.SetEquals(["bearer", "apiKey"]))
            {
                missing.Add($"{name}: security offers {string.Join(", ", schemes)}, not bearer and apiKey");
            }

            var scopes = ScopesOf(operation);
            if (scopes.Count == 0 || !scopes.All(ApiScopes.IsKnown))
            {
                missing.Add($"{name}: {RequiredScopes} is missing or names an unknown scope");
            }

            foreach (var status in new[] { "401", "403" })
            {
                if (operation["responses"]?[status] is null)
                {
                    missing.Add($"{name}: {status} is not documented");
                }
            }
        }

        return missing;
    }

    [Fact]
    public async Task TheMatrix_ScopeByProvinceByOperation_HoldsForEveryOperation()
    {
        var document = await DocumentAsync();
        using var admin = fixture.CreateAdminClient();
        using var bare = fixture.CreateAnonymousClient(); // each request carries the credential of its cell, and no other
        var fuzzer = new ContractFuzzer(document);
        var valid = fuzzer.Variations().Where(v => v.Description == "valid request from the document's examples")
            .ToDictionary(v => v.Operation, StringComparer.Ordinal);
        var badCredentials = await BadCredentialsAsync(bare);
        var failures = new List<string>();
        var rows = 0;

        foreach (var (path, method, operation) in Operations(document))
        {
            var id = (string)operation["operationId"]!;
            var name = $"{method.ToUpperInvariant()} {path} ({id})";
            if (Exceptions.TryGetValue(id, out var reason))
            {
                output.WriteLine($"{name}: skipped, {reason}");
                continue;
            }

            if (!valid.TryGetValue(id, out var request))
            {
                failures.Add($"{name}: no valid request can be built from the document (add it to Exceptions with a reason)");
                continue;
            }

            var needsRecord = path.Contains('{', StringComparison.Ordinal) && request.Target.Contains(Variation.RecordId, StringComparison.Ordinal);
            var provinceScoped = ScopesOf(operation).Any(s => ProvinceScopes.Contains(s));
            var record = !needsRecord ? (Id: "", ETag: "", Province: (string?)null)
                // A read is refused or allowed before its record is looked up: any id serves (404 is a pass).
                : !provinceScoped && !HasMaker(document, path) ? (Id: Guid.NewGuid().ToString(), ETag: "\"1\"", Province: (string?)null)
                : await CreateRecordForAsync(admin, fuzzer, document, path, failures, name);
            if (record.Id is null)
            {
                continue;
            }

            var scopes = ScopesOf(operation);
            var province = record.Province ?? (request.Body is null ? null : (string?)JsonNode.Parse(request.Body)?["provinceCode"]);
            var provinceWrite = scopes.Any(s => ProvinceScopes.Contains(s));
            if (provinceWrite && province is null)
            {
                failures.Add($"{name}: a write whose province the matrix cannot find (neither its record nor its body has provinceCode)");
                continue;
            }

            var publicRead = operation["security"]!.AsArray().Any(r => r!.AsObject().Count == 0);
            var otherScopes = ApiScopes.All.Except(scopes).ToArray();
            var missingScopeKey = await KeyAsync(bare, otherScopes, ["*"]);
            var missingScopeToken = fixture.Issuer.Mint(scope: "openid " + string.Join(' ', otherScopes), provinces: ["*"]);
            var elsewhere = province == "24" ? "20" : "24";
            var otherProvinceKey = provinceWrite ? await KeyAsync(bare, [.. scopes], [elsewhere]) : "";
            var otherProvinceToken = fixture.Issuer.Mint(scope: "openid " + string.Join(' ', scopes), provinces: [elsewhere]);
            var rightKey = await KeyAsync(bare, [.. scopes], provinceWrite ? [province!] : ["*"]);
            var before = await WrittenSoFarAsync();
            var seen = new List<string>();

            async Task<HttpResponseMessage> SendAsync(Action<HttpRequestMessage> credential)
            {
                var message = request.ToRequest(record.Id, record.ETag);
                if (method == "post")
                {
                    message.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString()); // a refusal must not be remembered either
                }

                credential(message);
                return await bare.SendAsync(message);
            }

            async Task ExpectAsync(string what, Action<HttpRequestMessage> credential, HttpStatusCode expected, string? code = null)
            {
                using var response = await SendAsync(credential);
                seen.Add($"{what}={(int)response.StatusCode}");
                rows++;
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != expected)
                {
                    failures.Add($"{name}, {what}: expected {(int)expected}, got {(int)response.StatusCode} {Shorten(body)}");
                }
                else if (code is not null && (string?)JsonNode.Parse(body)?["code"] != code)
                {
                    failures.Add($"{name}, {what}: expected code {code}, got {Shorten(body)}");
                }
            }

            if (!publicRead)
            {
                await ExpectAsync("no credential", _ => { }, HttpStatusCode.Unauthorized, "unauthorized");
            }

            foreach (var (what, credential) in badCredentials)
            {
                await ExpectAsync(what, credential, HttpStatusCode.Unauthorized);
            }

            await ExpectAsync("key without the scope", m => m.Headers.Add("X-Api-Key", missingScopeKey), HttpStatusCode.Forbidden, "scopeMissing");
            await ExpectAsync("token without the scope", m => m.Headers.Authorization = new("Bearer", missingScopeToken),
                HttpStatusCode.Forbidden, "scopeMissing");

            if (provinceWrite)
            {
                await ExpectAsync($"key for province {elsewhere} only", m => m.Headers.Add("X-Api-Key", otherProvinceKey),
                    HttpStatusCode.Forbidden, "provinceNotGranted");
                await ExpectAsync($"token for province {elsewhere} only", m => m.Headers.Authorization = new("Bearer", otherProvinceToken),
                    HttpStatusCode.Forbidden, "provinceNotGranted");
            }

            var after = await WrittenSoFarAsync();
            if (after != before)
            {
                failures.Add($"{name}: refused requests wrote something (rows of domain_events, idempotency_records, api_keys: {before} → {after})");
            }

            using (var allowed = await SendAsync(m => m.Headers.Add("X-Api-Key", rightKey)))
            {
                rows++;
                var status = (int)allowed.StatusCode;
                seen.Add($"right scope and province={status}");
                if (status is 401 or 403 or >= 500)
                {
                    failures.Add($"{name}, the right scope{(provinceWrite ? " and province " + province : "")}: got {status} {Shorten(await allowed.Content.ReadAsStringAsync())}");
                }
            }

            output.WriteLine($"{name} needs {string.Join('+', scopes)}{(provinceWrite ? $" in {province}" : "")}: {string.Join(", ", seen)}");
        }

        output.WriteLine($"{rows} requests");
        Assert.True(rows >= 14 * 9, $"only {rows} requests in the matrix");
        Assert.True(failures.Count == 0, $"{failures.Count} cells of the matrix do not hold:\n" + string.Join('\n', failures));
    }

    private async Task<JsonNode> DocumentAsync()
    {
        using var anonymous = fixture.CreateAnonymousClient();
        using var response = await anonymous.GetAsync("swagger/v1/swagger.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the document itself is open
        return (await response.ReadNodeAsync())!;
    }

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(op => Methods.Contains(op.Key))
            .Select(op => (path.Key, op.Key, op.Value!.AsObject())));

    private static List<string> ScopesOf(JsonObject operation) =>
        operation[RequiredScopes]?.AsArray().Select(s => (string)s!).ToList() ?? [];

    /// <summary>
    /// The record an item operation works on: made through the POST of its collection (the path
    /// up to the identifier) with the admin key, from the document's own example. Null id (and a
    /// failure) when the collection has no such POST.
    /// </summary>
    private static async Task<(string? Id, string ETag, string? Province)> CreateRecordForAsync(HttpClient admin, ContractFuzzer fuzzer,
        JsonNode document, string path, List<string> failures, string name)
    {
        var collection = path[..path.IndexOf("/{", StringComparison.Ordinal)];
        if (document["paths"]![collection]?["post"] is null)
        {
            if (!NestedMakers.TryGetValue(collection, out var maker))
            {
                failures.Add($"{name}: no POST {collection} to make the record it works on (add it to NestedMakers or Exceptions with a reason)");
                return (null, "", null);
            }

            // The record is made under a parent: the parent first (its own collection's POST), then the child.
            var parent = await CreateRecordForAsync(admin, fuzzer, document, maker, failures, name);
            if (parent.Id is null)
            {
                return parent;
            }

            var child = await PostAsync(admin, fuzzer, maker, maker.Replace("{id}", parent.Id, StringComparison.Ordinal), failures, name);
            return child.Id is null ? child : (child.Id, child.ETag, child.Province ?? parent.Province);
        }

        return await PostAsync(admin, fuzzer, collection, collection, failures, name);
    }

    /// <summary>POSTs the document's example body of <paramref name="template"/> to <paramref name="target"/>; the new record's id, ETag and province.</summary>
    private static async Task<(string? Id, string ETag, string? Province)> PostAsync(HttpClient admin, ContractFuzzer fuzzer,
        string template, string target, List<string> failures, string name)
    {
        using var created = await admin.PostAsJsonAsync(target.TrimStart('/'), fuzzer.ValidBody(template, "post"));
        var body = await created.Content.ReadAsStringAsync();
        if (created.StatusCode != HttpStatusCode.Created || created.Headers.Location is null)
        {
            failures.Add($"{name}: the document's example for POST {template} was refused: {(int)created.StatusCode} {Shorten(body)}");
            return (null, "", null);
        }

        var id = created.Headers.Location.OriginalString.TrimEnd('/').Split('/')[^1];
        return (id, created.Headers.ETag?.Tag ?? "\"1\"", (string?)JsonNode.Parse(body)?["provinceCode"]);
    }

    /// <summary>Whether a record of the path's collection can be made (its own POST, or a nested maker).</summary>
    private static bool HasMaker(JsonNode document, string path)
    {
        var collection = path[..path.IndexOf("/{", StringComparison.Ordinal)];
        return document["paths"]![collection]?["post"] is not null || NestedMakers.ContainsKey(collection);
    }

    /// <summary>Credentials that must never get past authentication.</summary>
    private async Task<List<(string What, Action<HttpRequestMessage> Credential)>> BadCredentialsAsync(HttpClient bare)
    {
        var (revoked, revokedMetadata) = await CreateKeyAsync(fixture, bare, scopes: [.. ApiScopes.All], provinces: ["*"], name: "matrix: revoked");
        using (var revoke = await bare.SendAsync(WithApiKey(HttpMethod.Delete, $"{Keys}/{(string)revokedMetadata["id"]!}", fixture.AdminKey)))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        var (expired, expiredMetadata) = await CreateKeyAsync(fixture, bare, scopes: [.. ApiScopes.All], provinces: ["*"],
            expiresAt: DateTimeOffset.UtcNow.AddDays(1), name: "matrix: expired");
        // Time passes: the expiry is moved into the past in the database.
        await fixture.ScalarAsync<int>("WITH u AS (UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1 RETURNING 1) SELECT count(*)::int FROM u",
            Guid.Parse((string)expiredMetadata["id"]!));
        var unknown = "coop_" + RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyz23456789", 8) + "_" + new string('A', 43);
        var wrongSecret = fixture.AdminKey[..14] + new string('B', fixture.AdminKey.Length - 14);
        var all = "openid " + string.Join(' ', ApiScopes.All);
        using var otherKey = RSA.Create(2048);
        var forgedToken = fixture.Issuer.Mint(scope: all, provinces: ["*"], signWith: otherKey);
        var expiredToken = fixture.Issuer.Mint(scope: all, provinces: ["*"], expires: DateTime.UtcNow.AddMinutes(-5), notBefore: DateTime.UtcNow.AddMinutes(-10));
        var otherAudience = fixture.Issuer.Mint(scope: all, provinces: ["*"], audience: "another-api");
        return
        [
            ("revoked key", m => m.Headers.Add("X-Api-Key", revoked)),
            ("expired key", m => m.Headers.Add("X-Api-Key", expired)),
            ("unknown key", m => m.Headers.Add("X-Api-Key", unknown)),
            ("known prefix, wrong secret", m => m.Headers.TryAddWithoutValidation("Authorization", "ApiKey " + wrongSecret)),
            ("malformed key", m => m.Headers.Add("X-Api-Key", "not-a-key")),
            ("token signed by another key", m => m.Headers.Authorization = new("Bearer", forgedToken)),
            ("expired token", m => m.Headers.Authorization = new("Bearer", expiredToken)),
            ("token for another audience", m => m.Headers.Authorization = new("Bearer", otherAudience)),
        ];
    }

    /// <summary>A key with exactly these scopes and provinces (one per combination).</summary>
    private async Task<string> KeyAsync(HttpClient bare, string[] scopes, string[] provinces)
    {
        var name = $"matrix: {string.Join('+', scopes)} in {string.Join(',', provinces)}";
        if (!_keys.TryGetValue(name, out var key))
        {
            (key, _) = await CreateKeyAsync(fixture, bare, scopes: scopes, provinces: provinces, name: name);
            _keys[name] = key;
        }

        return key;
    }

    /// <summary>What writes leave behind: events (every accepted change), idempotency records, keys.</summary>
    private Task<string> WrittenSoFarAsync() => fixture.ScalarAsync<string>(
        "SELECT (SELECT count(*) FROM domain_events) || ', ' || (SELECT count(*) FROM idempotency_records) || ', ' || (SELECT count(*) FROM api_keys)");

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
