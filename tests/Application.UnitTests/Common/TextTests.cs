using System.Globalization;
using CoopApi.Application.Common.Localization;
using CoopApi.Application.UnitTests.Fakes;

namespace CoopApi.Application.UnitTests.Common;

public class TextTests
{
    [Theory]
    [InlineData("vi")]
    [InlineData("vi-VN")]
    public void Pick_VietnameseUiCulture_ReturnsVietnamese(string culture)
    {
        using var _ = new UiCulture(culture);

        Assert.True(Text.IsVietnamese);
        Assert.Equal("Tên là bắt buộc.", Text.Pick("The name is required.", "Tên là bắt buộc."));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("en-US")]
    [InlineData("fr-FR")]
    [InlineData("")]
    public void Pick_OtherUiCulture_ReturnsEnglish(string culture)
    {
        using var _ = new UiCulture(culture);

        Assert.False(Text.IsVietnamese);
        Assert.Equal("The name is required.", Text.Pick("The name is required.", "Tên là bắt buộc."));
    }

    [Fact]
    public void Pick_FollowsUiCultureNotFormattingCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("vi-VN");
            using var _ = new UiCulture("en-US");

            Assert.Equal("en", Text.Pick("en", "vi"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void UiCulture_IsRestoredAfterwards()
    {
        var before = CultureInfo.CurrentUICulture;
        using (new UiCulture("vi-VN"))
        {
            Assert.Equal("vi-VN", CultureInfo.CurrentUICulture.Name);
        }

        Assert.Equal(before, CultureInfo.CurrentUICulture);
    }
}
