using CoopApi.Tests.Common;
using CoopApi.Domain.Common;
using CoopApi.Domain.Cooperatives;
using static CoopApi.Domain.UnitTests.Cooperatives.Samples;

namespace CoopApi.Domain.UnitTests.Cooperatives;

/// <summary>What the organization aggregate says happened to it (the write path stores it).</summary>
public class DomainEventsTests
{
    private static readonly DateTimeOffset Later = Now.AddHours(2);

    private static Cooperative RegisteredAndStored()
    {
        var cooperative = Registered();
        cooperative.ClearDomainEvents();
        return cooperative;
    }

    [Fact]
    public void Register_RaisesOneCooperativeRegistered_WithTheRecordedValues()
    {
        var cooperative = Registered(Details() with { Name = "  Hợp tác xã Cai Kinh  " });

        var registered = Assert.IsType<CooperativeRegistered>(Assert.Single(cooperative.DomainEvents));
        Assert.Equal(cooperative.Id, registered.AggregateId);
        Assert.Equal(Now, registered.OccurredAt);
        Assert.Equal(OrganizationStatus.Active, registered.Status);
        Assert.Equal("Hợp tác xã Cai Kinh", registered.Details.Name); // as recorded, not as sent
        Assert.Equal(35, registered.Details.MemberCount);
        Assert.Equal("cooperative", cooperative.AggregateType);
    }

    [Fact]
    public void UpdateDetails_TwoFieldsChanged_RaisesOneEventNamingExactlyThoseFields()
    {
        var cooperative = RegisteredAndStored();

        cooperative.UpdateDetails(Details() with { MemberCount = 40, Sector = Sector.TradeServices }, Today, Later, SmallMap.Instance);

        var changed = Assert.IsType<CooperativeDetailsChanged>(Assert.Single(cooperative.DomainEvents));
        Assert.Equal(cooperative.Id, changed.AggregateId);
        Assert.Equal(Later, changed.OccurredAt);
        Assert.Equal(
            [
                new FieldChange("sector", Sector.AgricultureForestryFishery, Sector.TradeServices),
                new FieldChange("memberCount", 35, 40),
            ],
            changed.Changes);
    }

    [Fact]
    public void UpdateDetails_NothingChanged_RaisesNothing()
    {
        var cooperative = RegisteredAndStored();

        // Same values, new instances (a PUT of what was read): white space the rules drop and an
        // equal list of products are no change.
        cooperative.UpdateDetails(Details() with { Name = Details().Name + " ", MainProducts = [.. Details().MainProducts] },
            Today, Later, SmallMap.Instance);

        Assert.Empty(cooperative.DomainEvents);
    }

    [Fact]
    public void UpdateDetails_OptionalFieldCleared_RecordsBeforeAndNull()
    {
        var cooperative = RegisteredAndStored();

        cooperative.UpdateDetails(Details() with { Email = null, MainProducts = ["Na Chi Lăng"] }, Today, Later, SmallMap.Instance);

        var changed = Assert.IsType<CooperativeDetailsChanged>(Assert.Single(cooperative.DomainEvents));
        Assert.Equal(["email", "mainProducts"], changed.Changes.Select(c => c.Field));
        Assert.Equal("htxcaikinh@example.vn", changed.Changes[0].Before);
        Assert.Null(changed.Changes[0].After);
        Assert.Equal(new[] { "Na Chi Lăng", "Dịch vụ vật tư nông nghiệp" }, (string[])changed.Changes[1].Before!);
        Assert.Equal(new[] { "Na Chi Lăng" }, (string[])changed.Changes[1].After!);
    }

    [Fact]
    public void ChangeStatus_RaisesOneCooperativeStatusChanged()
    {
        var cooperative = RegisteredAndStored();
        var on = new DateOnly(2024, 5, 1);

        cooperative.ChangeStatus(OrganizationStatus.Suspended, on, "  Quyết định 125/QĐ-UBND ", Today, Later);

        var changed = Assert.IsType<CooperativeStatusChanged>(Assert.Single(cooperative.DomainEvents));
        Assert.Equal(new CooperativeStatusChanged(cooperative.Id, Later, OrganizationStatus.Active,
            OrganizationStatus.Suspended, on, "Quyết định 125/QĐ-UBND", 1), changed);
    }

    [Fact]
    public void RejectedCommands_RaiseNothing()
    {
        var cooperative = RegisteredAndStored();

        Assert.Throws<BusinessRuleViolationException>(() =>
            cooperative.ChangeStatus(OrganizationStatus.Active, Today, "Không đổi", Today, Later));
        Assert.Throws<DomainValidationException>(() =>
            cooperative.UpdateDetails(Details() with { MemberCount = 1, Name = "Tên mới" }, Today, Later, SmallMap.Instance));

        Assert.Empty(cooperative.DomainEvents);
        Assert.Equal(35, cooperative.MemberCount);
    }

    [Fact]
    public void Events_AccumulateInOrder_UntilCleared()
    {
        var cooperative = Registered();
        cooperative.UpdateDetails(Details() with { MemberCount = 40 }, Today, Later, SmallMap.Instance);
        cooperative.ChangeStatus(OrganizationStatus.Suspended, new DateOnly(2024, 5, 1), "Tạm ngừng", Today, Later);

        Assert.Equal([typeof(CooperativeRegistered), typeof(CooperativeDetailsChanged), typeof(CooperativeStatusChanged)],
            cooperative.DomainEvents.Select(e => e.GetType()));

        cooperative.ClearDomainEvents();
        Assert.Empty(cooperative.DomainEvents);
    }
}
