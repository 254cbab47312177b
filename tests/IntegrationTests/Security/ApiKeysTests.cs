using System.Net;
using System.Text.RegularExpressions;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.Security.SecurityApi;

namespace CoopApi.IntegrationTests.Security;

/// <summary>
/// API keys: made by an admin and shown once, accepted in either header, stored only as hashes,
/// refused once revoked or expired; their admin endpoints need the admin scope.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed partial class ApiKeysTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateAnonymousClient();

    [GeneratedRegex("^coop_[a-z2-9]{8}_[A-Za-z0-9_-]{43}$")]
    private static partial Regex KeyShape();

    [Fact]
    public async Task Create_ShowsTheKeyOnce_AndReadsNeverShowIt()
    {
        using var response = await _client.SendAsync(WithApiKey(HttpMethod.Post, Keys, fixture.AdminKey,
            new { name = "Bắc Ninh provincial system", scopes = new[] { "read", "write" }, provinces = new[] { "24" } }));
        var created = await response.ReadNodeAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var key = (string)created["key"]!;
        Assert.Matches(KeyShape(), key);
        var id = (string)created["apiKey"]!["id"]!;
        Assert.Equal($"/{Keys}/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(key[..13], (string)created["apiKey"]!["prefix"]!);
        Assert.Equal(["read", "write"], created["apiKey"]!["scopes"]!.AsArray().Select(s => (string)s!));
        Assert.Equal("apikey:" + fixture.AdminKey[..13], (string)created["apiKey"]!["createdBy"]!);

        using var one = await _client.SendAsync(WithApiKey(HttpMethod.Get, $"{Keys}/{id}", fixture.AdminKey));
        using var all = await _client.SendAsync(WithApiKey(HttpMethod.Get, Keys, fixture.AdminKey));
        var oneText = await one.Content.ReadAsStringAsync();
        var allText = await all.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.DoesNotContain(key, oneText, StringComparison.Ordinal);
        Assert.DoesNotContain(key, allText, StringComparison.Ordinal);
        Assert.DoesNotContain("\"key\"", oneText, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", oneText, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(id, allText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AKey_WorksInAuthorizationAndInXApiKey(bool inXApiKey)
    {
        var (key, _) = await CreateKeyAsync(fixture, _client, scopes: ["admin"], provinces: ["*"]);

        using var response = await _client.SendAsync(WithApiKey(HttpMethod.Get, Keys, key, inXApiKey: inXApiKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AKeyWithoutTheAdminScope_Gets403()
    {
        var (key, _) = await CreateKeyAsync(fixture, _client, scopes: ["read", "write", "classify"]);

        using var response = await _client.SendAsync(WithApiKey(HttpMethod.Get, Keys, key));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("scopeMissing", (string)(await response.ReadNodeAsync())["code"]!);
    }

    [Fact]
    public async Task ARevokedKey_Gets401_AndRevokingAgainIsNoError()
    {
        var (key, metadata) = await CreateKeyAsync(fixture, _client, scopes: ["admin"]);
        var id = (string)metadata["id"]!;
        using (var before = await _client.SendAsync(WithApiKey(HttpMethod.Get, Keys, key)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var revoke = await _client.SendAsync(WithApiKey(HttpMethod.Delete, $"{Keys}/{id}", fixture.AdminKey));
        using var after = await _client.SendAsync(WithApiKey(HttpMethod.Get, Keys, key, inXApiKey: true));
        using var again = await _client.SendAsync(WithApiKey(HttpMethod.Delete, $"{Keys}/{id}", fixture.AdminKey));
        using var read = await _client.SendAsync(WithApiKey(HttpMethod.Get, $"{Keys}/{id}", fixture.AdminKey));

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("apiKeyRevoked", (string)(await after.ReadNodeAsync())["code"]!);
        Assert.Contains(after.Headers.WwwAuthenticate, h => h.Scheme == "ApiKey");
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.NotNull((string?)(await read.ReadNodeAsync())["revokedAt"]);
    }

    [Fact]
    public async Task AKeyRevokedElsewhere_IsRefusedWithinTheCacheLifetime()
    {
        var (key, metadata) = await CreateKeyAsync(fixture, _client, scopes: ["admin"]);
        using (var before = await _client.SendAsync(WithApiKey(HttpMethod.Get, Keys, key)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode); // now cached by this instance
        }

        // Another instance (or an operator with SQL) revokes it: this instance learns it by itself.
        await fixture.ScalarAsync<int>("WITH u AS (UPDATE api_keys SET revoked_at = now() WHERE id = $1 RETURNING 1) SELECT count(*)::int FROM u",
            Guid.Parse((string)metadata["id"]!));
        var deadline = DateTime.UtcNow + CoopApi.Application.ApiKeys.Queries.AuthenticateApiKey.ApiKeyValidationCache.Lifetime
            + TimeSpan.FromSeconds(2);
        HttpStatusCode status;
        do
        {
            await Task.Delay(500);
            using var response = await _client.SendAsync(WithApiKey(HttpMethod.Get, Keys, key));
            status = response.StatusCode;
        }
        while (status == HttpStatusCode.OK && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    /// <summary>The example of the OpenAPI document gives Vietnam's offset; before the fix it got a 500 (Npgsql takes UTC only).</summary>
    [Fact]
    public async Task AnExpiryWithAnOffset_IsAccepted_AsTheSameInstant()
    {
        var expiry = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(30), TimeSpan.Zero).ToOffset(TimeSpan.FromHours(7));

        using var response = await _client.SendAsync(WithApiKey(HttpMethod.Post, Keys, fixture.AdminKey,
            new { name = "offset expiry", scopes = new[] { "read" }, provinces = new[] { "24" }, expiresAt = expiry.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture) }));

        var body = await response.ReadNodeAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToJsonString());
        Assert.Equal(expiry, DateTimeOffset.Parse((string)body["apiKey"]!["expiresAt"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task AnExpiredKey_Gets401()
    {
        var (key, metadata) = await CreateKeyAsync(fixture, _client, scopes: ["admin"], expiresAt: DateTimeOffset.UtcNow.AddDays(1));
        // Time passes: the expiry is moved into the past in the database.
        await fixture.ScalarAsync<int>("WITH u AS (UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1 RETURNING 1) SELECT count(*)::int FROM u",
            Guid.Parse((string)metadata["id"]!));

        using var response = await _client.SendAsync(WithApiKey(HttpMethod.Get, Keys, key));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("apiKeyExpired", (string)(await response.ReadNodeAsync())["code"]!);
    }

    [Theory]
    [InlineData("wrong secret")]
    [InlineData("not a key")]
    [InlineData("")]
    public async Task AnUnknownOrMalformedKey_Gets401_NeverA500(string kind)
    {
        var (real, _) = await CreateKeyAsync(fixture, _client, scopes: ["admin"]);
        var key = kind switch
        {
            "wrong secret" => real[..14] + new string('A', 43),
            "not a key" => "coop_'; DROP TABLE api_keys; --",
            _ => "",
        };
        var request = new HttpRequestMessage(HttpMethod.Get, Keys);
        request.Headers.TryAddWithoutValidation("X-Api-Key", key);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("apiKeyInvalid", (string)(await response.ReadNodeAsync())["code"]!);
    }

    [Fact]
    public async Task AnotherAuthorizationScheme_Gets401_SayingWhichOnesWork()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Keys);
        request.Headers.TryAddWithoutValidation("Authorization", "Basic YWRtaW46YWRtaW4=");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("unsupportedAuthorization", (string)(await response.ReadNodeAsync())["code"]!);
    }

    [Fact]
    public async Task Use_IsRecordedAtMostOnceAMinute()
    {
        var (key, metadata) = await CreateKeyAsync(fixture, _client, scopes: ["admin"]);
        var id = Guid.Parse((string)metadata["id"]!);
        Assert.Null((string?)metadata["lastUsedAt"]);

        (await _client.SendAsync(WithApiKey(HttpMethod.Get, Keys, key))).Dispose();
        var first = await fixture.ScalarAsync<DateTime>("SELECT last_used_at FROM api_keys WHERE id = $1", id);
        (await _client.SendAsync(WithApiKey(HttpMethod.Get, Keys, key))).Dispose();
        var second = await fixture.ScalarAsync<DateTime>("SELECT last_used_at FROM api_keys WHERE id = $1", id);

        Assert.Equal(first, second);
        Assert.InRange(first, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task BadInput_Gets400_WithEachFieldsError()
    {
        using var response = await _client.SendAsync(WithApiKey(HttpMethod.Post, Keys, fixture.AdminKey, new
        {
            name = "  ",
            scopes = new[] { "read", "superuser" },
            provinces = new[] { "24", "99" },
            expiresAt = DateTimeOffset.UtcNow.AddDays(-1),
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadNodeAsync())["errors"]!;
        Assert.Contains("superuser", (string)errors["scopes"]![0]!, StringComparison.Ordinal);
        Assert.Contains("'99'", (string)errors["provinces"]![0]!, StringComparison.Ordinal);
        Assert.NotNull(errors["expiresAt"]);
        Assert.NotNull(errors["name"]);
    }

    [Fact]
    public async Task NationalMixedWithProvinces_Gets400()
    {
        using var response = await _client.SendAsync(WithApiKey(HttpMethod.Post, Keys, fixture.AdminKey,
            new { name = "mixed", scopes = new[] { "read" }, provinces = new[] { "*", "24" } }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadNodeAsync())["errors"]!["provinces"]);
    }

    [Fact]
    public async Task RevokingAnUnknownKey_Gets404()
    {
        using var response = await _client.SendAsync(WithApiKey(HttpMethod.Delete, $"{Keys}/{Guid.NewGuid()}", fixture.AdminKey));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheRegister_NeedsACredential_EvenToRead()
    {
        using var response = await _client.GetAsync(new Uri("api/v1/cooperatives?pageSize=1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("unauthorized", (string)(await response.ReadNodeAsync())["code"]!);
        Assert.Contains("ApiKey", response.Headers.WwwAuthenticate.Select(h => h.Scheme));
    }
}
