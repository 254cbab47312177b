using Microsoft.Extensions.DependencyInjection;
using CoopApi.Application.Changes;
using CoopApi.Application.Changes.Queries.ListChanges;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Cooperatives;
using CoopApi.Tests.Common;

namespace CoopApi.Application.UnitTests.Validators;

public class ListChangesQueryValidatorTests
{
    private readonly ListChangesQueryValidator _validator = new(SmallMap.Instance, [new CooperativeRepresentation()]);

    [Theory]
    [InlineData(0UL, 0L, "0-0")]
    [InlineData(7421UL, 1033L, "7421-1033")]
    [InlineData(ulong.MaxValue, long.MaxValue, "18446744073709551615-9223372036854775807")]
    public void Cursor_IsWrittenAndReadBack(ulong xact, long id, string text)
    {
        Assert.Equal(text, new ChangeCursor(xact, id).ToString());
        Assert.True(ChangeCursor.TryParse(text, out var parsed));
        Assert.Equal(new ChangeCursor(xact, id), parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("7421")]
    [InlineData("7421-")]
    [InlineData("-1033")]
    [InlineData("07421-1033")]
    [InlineData("7421-01033")]
    [InlineData("+7421-1033")]
    [InlineData("7421-+1033")]
    [InlineData("7421--1033")]
    [InlineData("7421-1033-1")]
    [InlineData(" 7421-1033")]
    [InlineData("7421-1033 ")]
    [InlineData("7421_1033")]
    [InlineData("٧٤٢١-١٠٣٣")] // digits of another script
    [InlineData("18446744073709551616-1")] // xact beyond 64 bits
    [InlineData("1-9223372036854775808")] // id beyond bigint
    public void Cursor_NotIssuedByTheFeed_IsRefused(string text)
    {
        Assert.False(ChangeCursor.TryParse(text, out _));
        Assert.False(_validator.Validate(new ListChangesQuery { After = text }).IsValid);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(1000, true)]
    [InlineData(0, false)]
    [InlineData(1001, false)]
    public void Limit_IsBetweenOneAndAThousand(int limit, bool valid)
    {
        Assert.Equal(valid, _validator.Validate(new ListChangesQuery { Limit = limit }).IsValid);
    }

    [Theory]
    [InlineData("cooperative", true)]
    [InlineData("Cooperative", false)]
    [InlineData("committee", false)]
    public void EntityType_IsOneTheFeedCarries(string type, bool valid)
    {
        Assert.Equal(valid, _validator.Validate(new ListChangesQuery { EntityType = type }).IsValid);
    }

    [Fact]
    public void TheRegisteredRepresentation_NamesTheTypeItsAggregateStoresAndItsRoute()
    {
        using var services = new ServiceCollection().AddApplication()
            .AddSingleton<IVietnamCalendar, Fakes.FixedCalendar>().BuildServiceProvider();
        var all = services.GetServices<IResourceRepresentation>().ToList();
        var representation = Assert.Single(all, r => r.EntityType == "cooperative");
        var cooperative = Mapping.CooperativeMapperTests.SampleCooperative();

        Assert.Equal(["annualReport", "apiKey", "classification", "classificationScheme", "cooperative", "developmentTarget", "ocopProduct", "partnershipAgreement", "steeringActivity", "steeringCommittee"],
            all.Select(r => r.EntityType).Order(StringComparer.Ordinal));
        Assert.False(all.Single(r => r.EntityType == "apiKey").InChangeFeed);

        Assert.Equal(cooperative.AggregateType, representation.EntityType);
        Assert.Equal(cooperative.GetType(), representation.AggregateClrType);
        Assert.Equal(cooperative.ToDto(), representation.Represent(cooperative));
        Assert.Equal($"/api/v1/cooperatives/{cooperative.Id}", representation.PathOf(cooperative.Id));
    }
}
