using CoopApi.Application.ApiKeys.Commands.CreateApiKey;
using CoopApi.Application.UnitTests.Fakes;
using CoopApi.Tests.Common;

namespace CoopApi.Application.UnitTests.Validators;

public class CreateApiKeyCommandValidatorTests
{
    private static readonly CreateApiKeyCommand Valid = new()
    {
        Name = "Bắc Ninh provincial system",
        Scopes = ["read", "write"],
        Provinces = ["24"],
        ExpiresAt = null,
    };

    private readonly CreateApiKeyCommandValidator _validator = new(SmallMap.Instance, new FixedCalendar());

    [Fact]
    public void AValidRequest_IsValid()
    {
        Assert.True(_validator.Validate(Valid).IsValid);
        Assert.True(_validator.Validate(Valid with { Provinces = ["*"], ExpiresAt = new FixedCalendar().Now.AddDays(1) }).IsValid);
    }

    [Theory]
    [InlineData("scopes", "scopes.unknown")]
    [InlineData("noScopes", "scopes.invalid")]
    [InlineData("tooManyScopes", "scopes.invalid")]
    [InlineData("provinces", "provinces.unknown")]
    [InlineData("mixedNational", "provinces.invalid")]
    [InlineData("expiresAt", "expiresAt.notInFuture")]
    [InlineData("name", "name.required")]
    public void EachBrokenField_IsReportedWithItsCode(string broken, string code)
    {
        var request = broken switch
        {
            "scopes" => Valid with { Scopes = ["read", "root"] },
            "noScopes" => Valid with { Scopes = [] },
            "tooManyScopes" => Valid with { Scopes = ["read", "read", "write", "classify", "admin"] },
            "provinces" => Valid with { Provinces = ["24", "99"] },
            "mixedNational" => Valid with { Provinces = ["*", "24"] },
            "expiresAt" => Valid with { ExpiresAt = new FixedCalendar().Now },
            _ => Valid with { Name = "   " },
        };

        var result = _validator.Validate(request);

        Assert.Contains(result.Errors, e => e.ErrorCode == code);
    }
}
