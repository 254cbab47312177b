using CoopApi.Domain.AnnualReports;
using CoopApi.Domain.Cooperatives;

namespace CoopApi.Domain.UnitTests.AnnualReports;

/// <summary>
/// Size classes (Decree 113/2024/NĐ-CP): a class needs its member threshold AND its revenue OR
/// its capital threshold. Every edge of every sector group: exactly at the threshold, and one
/// below on each criterion.
/// </summary>
public class SizeClassRulesTests
{
    private const long Billion = 1_000_000_000L;

    /// <summary>One sector of each group.</summary>
    public static TheoryData<Sector> OneSectorPerGroup => new() { Sector.AgricultureForestryFishery, Sector.Construction, Sector.TradeServices };

    /// <summary>Every threshold row of every group.</summary>
    public static TheoryData<Sector, SizeClass, int, long, long> EveryThreshold()
    {
        var data = new TheoryData<Sector, SizeClass, int, long, long>();
        foreach (var sector in new[] { Sector.AgricultureForestryFishery, Sector.Construction, Sector.TradeServices })
        {
            foreach (var t in SizeClassRules.TableOf(SizeClassRules.GroupOf(sector)).Thresholds)
            {
                data.Add(sector, t.Class, t.MinOfficialMembers, t.MinRevenue, t.MinTotalCapital);
            }
        }

        return data;
    }

    private static SizeClass? Classify(Sector sector, int members, long revenue, long capital) =>
        SizeClassRules.Classify(OrganizationKind.Cooperative, sector, members, revenue, capital);

    private static SizeClass Below(SizeClass c) => c switch
    {
        SizeClass.Large => SizeClass.Medium,
        SizeClass.Medium => SizeClass.Small,
        _ => SizeClass.Micro,
    };

    [Theory]
    [MemberData(nameof(EveryThreshold))]
    public void ExactlyAtTheMemberAndRevenueThresholds_IsThatClass(Sector sector, SizeClass expected, int members, long revenue, long _)
    {
        Assert.Equal(expected, Classify(sector, members, revenue, 0));
    }

    [Theory]
    [MemberData(nameof(EveryThreshold))]
    public void ExactlyAtTheMemberAndCapitalThresholds_IsThatClass_WithoutTheRevenue(Sector sector, SizeClass expected, int members, long _,
        long capital)
    {
        Assert.Equal(expected, Classify(sector, members, 0, capital));
    }

    [Theory]
    [MemberData(nameof(EveryThreshold))]
    public void OneMemberBelow_IsTheClassBelow_WhateverTheMoney(Sector sector, SizeClass expected, int members, long revenue, long capital)
    {
        Assert.Equal(Below(expected), Classify(sector, members - 1, revenue * 100, capital * 100));
    }

    [Theory]
    [MemberData(nameof(EveryThreshold))]
    public void OneDongBelowBothRevenueAndCapital_IsTheClassBelow(Sector sector, SizeClass expected, int members, long revenue, long capital)
    {
        Assert.Equal(Below(expected), Classify(sector, members, revenue - 1, capital - 1));
    }

    [Theory]
    [MemberData(nameof(OneSectorPerGroup))]
    public void TheDecreesFigures_LargeMediumSmall(Sector sector)
    {
        Assert.Equal(SizeClass.Large, Classify(sector, 300, 50 * Billion, 0));
        Assert.Equal(SizeClass.Large, Classify(sector, 300, 0, 10 * Billion));
        Assert.Equal(SizeClass.Medium, Classify(sector, 299, 50 * Billion, 10 * Billion));
        Assert.Equal(SizeClass.Medium, Classify(sector, 200, 10 * Billion, 0));
        Assert.Equal(SizeClass.Medium, Classify(sector, 300, 50 * Billion - 1, 10 * Billion - 1));
        Assert.Equal(SizeClass.Small, Classify(sector, 50, 2 * Billion, 0));
        Assert.Equal(SizeClass.Small, Classify(sector, 50, 0, 1 * Billion));
        Assert.Equal(SizeClass.Micro, Classify(sector, 49, 2 * Billion, 1 * Billion));
        Assert.Equal(SizeClass.Micro, Classify(sector, 50, 2 * Billion - 1, 1 * Billion - 1));
        Assert.Equal(SizeClass.Micro, Classify(sector, 0, 0, 0));
    }

    [Theory]
    [InlineData(Sector.AgricultureForestryFishery, SizeSectorGroup.Agriculture)]
    [InlineData(Sector.IndustryHandicraft, SizeSectorGroup.IndustryConstruction)]
    [InlineData(Sector.Construction, SizeSectorGroup.IndustryConstruction)]
    [InlineData(Sector.Environment, SizeSectorGroup.IndustryConstruction)]
    [InlineData(Sector.TradeServices, SizeSectorGroup.TradeServicesOther)]
    [InlineData(Sector.Transport, SizeSectorGroup.TradeServicesOther)]
    [InlineData(Sector.Credit, SizeSectorGroup.TradeServicesOther)]
    [InlineData(Sector.Other, SizeSectorGroup.TradeServicesOther)]
    public void EverySector_HasItsGroup(Sector sector, SizeSectorGroup group)
    {
        Assert.Equal(group, SizeClassRules.GroupOf(sector));
    }

    [Fact]
    public void EveryGroup_HasLargeMediumSmall_LargestFirst_WithItsSource()
    {
        Assert.Equal(Enum.GetValues<SizeSectorGroup>(), SizeClassRules.Tables.Select(t => t.Group));
        Assert.All(SizeClassRules.Tables, table =>
        {
            Assert.Equal([SizeClass.Large, SizeClass.Medium, SizeClass.Small], table.Thresholds.Select(t => t.Class));
            Assert.False(string.IsNullOrWhiteSpace(table.Source));
            Assert.Contains("113/2024/NĐ-CP", table.Source, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void ACooperativeGroup_HasNoSizeClass()
    {
        Assert.Null(SizeClassRules.Classify(OrganizationKind.CooperativeGroup, Sector.AgricultureForestryFishery, 500, 100 * Billion, 0));
    }

    [Fact]
    public void AUnion_IsClassifiedLikeACooperative()
    {
        Assert.Equal(SizeClass.Small,
            SizeClassRules.Classify(OrganizationKind.CooperativeUnion, Sector.AgricultureForestryFishery, 50, 2 * Billion, 0));
    }
}
