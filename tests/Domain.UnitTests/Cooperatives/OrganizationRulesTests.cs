using CoopApi.Domain.Cooperatives;

namespace CoopApi.Domain.UnitTests.Cooperatives;

public class OrganizationRulesTests
{
    [Theory]
    [InlineData(OrganizationKind.Cooperative, 5)]
    [InlineData(OrganizationKind.CooperativeUnion, 3)]
    [InlineData(OrganizationKind.CooperativeGroup, 2)]
    public void MinimumMembers_PerKind_FollowsTheLaw(OrganizationKind kind, int expected)
    {
        Assert.Equal(expected, OrganizationRules.MinimumMembers(kind));
    }

    [Fact]
    public void MinimumMembers_UnknownKind_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OrganizationRules.MinimumMembers((OrganizationKind)0));
    }

    [Theory]
    [InlineData(OrganizationKind.Cooperative, true)]
    [InlineData(OrganizationKind.CooperativeUnion, true)]
    [InlineData(OrganizationKind.CooperativeGroup, false)]
    public void RequiresRegistrationCode_OnlyGroupsMayHaveNone(OrganizationKind kind, bool expected)
    {
        Assert.Equal(expected, OrganizationRules.RequiresRegistrationCode(kind));
    }

    [Theory]
    [InlineData("4900123456")]
    [InlineData("0100109106")]
    [InlineData("4900123456-001")]
    [InlineData("4900123456-999")]
    public void IsValidRegistrationCode_TenDigitsWithOptionalBranch_IsTrue(string code)
    {
        Assert.True(OrganizationRules.IsValidRegistrationCode(code));
    }

    [Theory]
    [InlineData("")]
    [InlineData("490012345")]
    [InlineData("49001234567")]
    [InlineData("490012345X")]
    [InlineData("4900123456-")]
    [InlineData("4900123456-01")]
    [InlineData("4900123456-0001")]
    [InlineData("4900123456-ABC")]
    [InlineData("4900123456001")]
    [InlineData(" 4900123456")]
    [InlineData("4900123456 ")]
    public void IsValidRegistrationCode_Malformed_IsFalse(string code)
    {
        Assert.False(OrganizationRules.IsValidRegistrationCode(code));
    }

    [Theory]
    [InlineData("20")]
    [InlineData("01")]
    [InlineData("96")]
    public void IsValidProvinceCode_TwoDigits_IsTrue(string code)
    {
        Assert.True(OrganizationRules.IsValidProvinceCode(code));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2")]
    [InlineData("020")]
    [InlineData("2O")]
    [InlineData(" 20")]
    public void IsValidProvinceCode_Malformed_IsFalse(string code)
    {
        Assert.False(OrganizationRules.IsValidProvinceCode(code));
    }

    [Theory]
    [InlineData("06427")]
    [InlineData("00004")]
    public void IsValidCommuneCode_FiveDigits_IsTrue(string code)
    {
        Assert.True(OrganizationRules.IsValidCommuneCode(code));
    }

    [Theory]
    [InlineData("")]
    [InlineData("6427")]
    [InlineData("064270")]
    [InlineData("0642a")]
    [InlineData("06-427")]
    public void IsValidCommuneCode_Malformed_IsFalse(string code)
    {
        Assert.False(OrganizationRules.IsValidCommuneCode(code));
    }

    // The three patterns are written "^\d{n}$": in .NET, "$" also matches before a final "\n"
    // and "\d" matches every Unicode decimal digit (Arabic-Indic, full-width, …). Codes in the
    // register are ASCII digits only.

    [Theory]
    [InlineData("4900123456\n")]
    [InlineData("4900123456-001\n")]
    [InlineData("４９００１２３４５６")]
    [InlineData("٤٩٠٠١٢٣٤٥٦")]
    public void IsValidRegistrationCode_NewlineOrNonAsciiDigits_IsFalse(string code)
    {
        Assert.False(OrganizationRules.IsValidRegistrationCode(code));
    }

    [Theory]
    [InlineData("20\n")]
    [InlineData("２０")]
    [InlineData("٢٠")]
    public void IsValidProvinceCode_NewlineOrNonAsciiDigits_IsFalse(string code)
    {
        Assert.False(OrganizationRules.IsValidProvinceCode(code));
    }

    [Theory]
    [InlineData("06427\n")]
    [InlineData("０６４２７")]
    public void IsValidCommuneCode_NewlineOrNonAsciiDigits_IsFalse(string code)
    {
        Assert.False(OrganizationRules.IsValidCommuneCode(code));
    }
}
