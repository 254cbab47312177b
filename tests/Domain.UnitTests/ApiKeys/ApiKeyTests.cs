using CoopApi.Domain.ApiKeys;
using CoopApi.Domain.Common;

namespace CoopApi.Domain.UnitTests.ApiKeys;

public class ApiKeyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Issuing_RaisesOneEvent_WithWhatTheKeyGrants_ButNotItsSecret()
    {
        var (key, secret) = ApiKey.Issue("Bắc Ninh", ["read"], ["24"], null, "t", Now);

        var issued = Assert.IsType<ApiKeyIssued>(Assert.Single(key.DomainEvents));
        Assert.Equal((key.Id, "Bắc Ninh", key.Prefix), (issued.AggregateId, issued.Name, issued.Prefix));
        Assert.Equal(["24"], issued.Provinces);
        Assert.DoesNotContain(secret, issued.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Revoking_RaisesAnEventOnce()
    {
        var (key, _) = ApiKey.Issue("k", ["read"], ["*"], null, "t", Now);
        key.ClearDomainEvents();

        key.Revoke(Now.AddMinutes(1));
        key.Revoke(Now.AddMinutes(2));

        var revoked = Assert.IsType<ApiKeyRevoked>(Assert.Single(key.DomainEvents));
        Assert.Equal(Now.AddMinutes(1), revoked.OccurredAt);
        Assert.Equal(Now.AddMinutes(1), key.RevokedAt);
    }

    [Fact]
    public void Issue_KeepsOnlyTheHash_AndTheKeyMatchesIt()
    {
        var (key, secret) = ApiKey.Issue("Bắc Ninh", ["write", "read"], ["24"], null, "apikey:coop_abcdefgh", Now);

        Assert.Equal(ApiKeySecret.KeyLength, secret.Length);
        Assert.Equal(secret[..ApiKeySecret.PrefixLength], key.Prefix);
        Assert.Equal(32, key.Hash.Length);
        Assert.True(ApiKeySecret.Matches(secret, key.Hash));
        Assert.False(ApiKeySecret.Matches(secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A'), key.Hash));
        Assert.Equal(["read", "write"], key.Scopes); // in the fixed order of ApiScopes.All
        Assert.Equal("apikey:" + key.Prefix, key.ActorId);
    }

    [Fact]
    public void Issue_MakesADifferentKeyEachTime()
    {
        var keys = Enumerable.Range(0, 50).Select(_ => ApiKey.Issue("k", ["read"], ["*"], null, "t", Now).Secret).ToHashSet();

        Assert.Equal(50, keys.Count);
    }

    [Theory]
    [InlineData("superuser", "24")]
    [InlineData("read", "*,24")]
    public void Issue_RefusesWhatTheValidatorRefuses(string scopes, string provinces)
    {
        Assert.Throws<DomainValidationException>(() =>
            ApiKey.Issue("k", scopes.Split(','), provinces.Split(','), null, "t", Now));
    }

    [Fact]
    public void Issue_RefusesAnExpiryInThePast()
    {
        Assert.Throws<DomainValidationException>(() => ApiKey.Issue("k", ["read"], ["24"], Now.AddSeconds(-1), "t", Now));
    }

    [Fact]
    public void Revoke_IsIdempotent_KeepingTheFirstTime()
    {
        var (key, _) = ApiKey.Issue("k", ["read"], ["24"], Now.AddDays(1), "t", Now);

        key.Revoke(Now.AddHours(1));
        key.Revoke(Now.AddHours(2));

        Assert.Equal(Now.AddHours(1), key.RevokedAt);
        Assert.False(key.IsActiveAt(Now.AddHours(1)));
    }

    [Fact]
    public void IsActiveAt_EndsAtTheExpiry()
    {
        var (key, _) = ApiKey.Issue("k", ["read"], ["24"], Now.AddDays(1), "t", Now);

        Assert.True(key.IsActiveAt(Now.AddDays(1).AddTicks(-1)));
        Assert.False(key.IsActiveAt(Now.AddDays(1)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("coop_abcdefgh")]
    [InlineData("coop_abcdefgh-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("coop_ABCDEFGH_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("xxxx_abcdefgh_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void PrefixOf_AnythingNotShapedLikeAKey_IsNull(string? key)
    {
        Assert.Null(ApiKeySecret.PrefixOf(key));
    }

    [Fact]
    public void PrefixOf_AKey_IsItsVisibleStart()
    {
        var (key, prefix, _) = ApiKeySecret.Generate();

        Assert.Equal(prefix, ApiKeySecret.PrefixOf(key));
    }
}
