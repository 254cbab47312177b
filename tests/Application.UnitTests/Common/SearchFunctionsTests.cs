using CoopApi.Application.Common.Search;

namespace CoopApi.Application.UnitTests.Common;

public class SearchFunctionsTests
{
    [Fact]
    public void LikeTerms_SplitsOnAnyWhitespace()
    {
        Assert.Equal(["cai", "kinh", "lạng", "sơn"], SearchFunctions.LikeTerms("  cai\tkinh\n lạng\u00A0sơn  "));
    }

    [Fact]
    public void LikeTerms_LowerCasesKeepingDiacritics()
    {
        // Diacritics are folded by the database function, not here.
        Assert.Equal(["hợp", "tác", "xã", "đồng"], SearchFunctions.LikeTerms("Hợp TÁC Xã ĐỒNG"));
    }

    [Theory]
    [InlineData("50%", @"50\%")]
    [InlineData("a_b", @"a\_b")]
    [InlineData(@"c:\x", @"c:\\x")]
    [InlineData(@"%_\", @"\%\_\\")]
    [InlineData(@"\%", @"\\\%")]
    public void LikeTerms_EscapesWildcardsAndTheEscapeCharacter(string query, string expected)
    {
        Assert.Equal([expected], SearchFunctions.LikeTerms(query));
    }

    [Fact]
    public void LikeTerms_OtherEscapeCharacter_IsUsed()
    {
        Assert.Equal(["50!%", "a!_b", "x!!"], SearchFunctions.LikeTerms("50% a_b x!", '!'));
    }

    [Fact]
    public void LikeTerms_RemovesDuplicatesAfterLowerCasing_KeepingFirstOrder()
    {
        Assert.Equal(["kinh", "cai"], SearchFunctions.LikeTerms("Kinh cai KINH Cai kinh"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    public void LikeTerms_BlankQuery_HasNoTerms(string query)
    {
        Assert.Empty(SearchFunctions.LikeTerms(query));
    }

    [Fact]
    public void LikeTerms_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => SearchFunctions.LikeTerms(null!));
    }

    [Fact]
    public void Fold_OutsideAQuery_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => SearchFunctions.Fold("Đồng"));

        Assert.Contains("database query", ex.Message, StringComparison.Ordinal);
    }

}
