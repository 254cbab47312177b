using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Security;

namespace CoopApi.Application.UnitTests.Security;

public class ProvinceRightsTests
{
    private sealed record User(bool IsAuthenticated, params string[] Grants) : ICurrentUser
    {
        public string? Id => IsAuthenticated ? "u" : null;

        public string? Name => null;

        public string? ClientId => null;

        public IReadOnlySet<string> Scopes { get; } = new HashSet<string>();

        public IReadOnlySet<string> Provinces => Grants.ToHashSet();
    }

    [Fact]
    public void AProvincialCaller_WritesOnlyInItsProvinces()
    {
        var user = new User(true, "24", "01");

        Assert.True(user.CanWriteIn("24"));
        Assert.False(user.CanWriteIn("79"));
        Assert.False(user.IsNational());
        var refused = Assert.Throws<ForbiddenException>(() => user.EnsureCanWriteIn("24", "79"));
        Assert.Equal("provinceNotGranted", refused.Code);
        Assert.Contains("79", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANationalCaller_WritesEverywhere()
    {
        var user = new User(true, "*");

        Assert.True(user.IsNational());
        user.EnsureCanWriteIn("24", "79", "01");
    }

    [Fact]
    public void AnAnonymousCaller_WritesNowhere()
    {
        Assert.False(new User(false, "*").CanWriteIn("24"));
    }
}
