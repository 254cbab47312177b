using CoopApi.Domain.Cooperatives;

namespace CoopApi.Domain.UnitTests.Cooperatives;

public class SectorGroupsTests
{
    [Theory]
    [InlineData(Sector.AgricultureForestryFishery, false)]
    [InlineData(Sector.Credit, false)]
    [InlineData(Sector.IndustryHandicraft, true)]
    [InlineData(Sector.Construction, true)]
    [InlineData(Sector.TradeServices, true)]
    [InlineData(Sector.Transport, true)]
    [InlineData(Sector.Environment, true)]
    [InlineData(Sector.Other, true)]
    public void IsNonAgricultural_EverythingButAgricultureAndCredit(Sector sector, bool expected)
    {
        Assert.Equal(expected, sector.IsNonAgricultural());
    }

    [Fact]
    public void Sectors_AreTheEightOfTheContract()
    {
        Assert.Equal(
            ["agricultureForestryFishery", "industryHandicraft", "construction", "tradeServices", "transport", "environment", "credit", "other"],
            Enum.GetValues<Sector>().Select(s => CoopApi.Domain.Common.EnumLabels.ApiName(s)).ToArray());
    }
}
