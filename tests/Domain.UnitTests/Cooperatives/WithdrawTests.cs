using CoopApi.Tests.Common;
using CoopApi.Domain.Common;
using CoopApi.Domain.Cooperatives;
using static CoopApi.Domain.UnitTests.Cooperatives.Samples;

namespace CoopApi.Domain.UnitTests.Cooperatives;

/// <summary>Withdrawing an entry made in error: only while the history holds nothing but the registration.</summary>
public class WithdrawTests
{
    private static readonly DateTimeOffset Later = Now.AddHours(3);

    [Fact]
    public void Withdraw_OfAFreshRegistration_RaisesCooperativeDeleted_WithTheLastRecordedValues()
    {
        var cooperative = Registered();
        cooperative.UpdateDetails(Details() with { MemberCount = 40 }, Today, Now, SmallMap.Instance);
        cooperative.ClearDomainEvents();

        cooperative.Withdraw(Later);

        var deleted = Assert.IsType<CooperativeDeleted>(Assert.Single(cooperative.DomainEvents));
        Assert.Equal(cooperative.Id, deleted.AggregateId);
        Assert.Equal(Later, deleted.OccurredAt);
        Assert.Equal(OrganizationStatus.Active, deleted.Status);
        Assert.Equal("4900123456", deleted.Details.RegistrationCode);
        Assert.Equal(40, deleted.Details.MemberCount);
        Assert.Equal(Details().Name, deleted.Details.Name);
    }

    [Fact]
    public void Withdraw_OfAGroupWithoutRegistrationCode_IsAllowed()
    {
        var cooperative = Registered(Details(OrganizationKind.CooperativeGroup) with { MemberCount = 2 });
        cooperative.ClearDomainEvents();

        cooperative.Withdraw(Later);

        Assert.Null(Assert.IsType<CooperativeDeleted>(Assert.Single(cooperative.DomainEvents)).Details.RegistrationCode);
    }

    public static TheoryData<OrganizationStatus[]> Histories() => new()
    {
        new[] { OrganizationStatus.Suspended },
        new[] { OrganizationStatus.Suspended, OrganizationStatus.Active },
        new[] { OrganizationStatus.AwaitingDissolution },
        new[] { OrganizationStatus.AwaitingDissolution, OrganizationStatus.Dissolved },
    };

    [Theory]
    [MemberData(nameof(Histories))]
    public void Withdraw_AfterAnyStatusChange_IsRefusedWithHasHistory_AndRaisesNothing(OrganizationStatus[] steps)
    {
        var cooperative = Registered();
        var effective = Founded;
        foreach (var step in steps)
        {
            effective = effective.AddYears(1);
            cooperative.ChangeStatus(step, effective, "Quyết định số 125/QĐ-UBND", Today, Now);
        }

        cooperative.ClearDomainEvents();

        var refused = Assert.Throws<BusinessRuleViolationException>(() => cooperative.Withdraw(Later));

        Assert.Equal("cooperative.hasHistory", refused.Code);
        Assert.Contains("status", refused.Message, StringComparison.Ordinal);
        Assert.Empty(cooperative.DomainEvents);
    }
}
