using CoopApi.Domain.Common;
using CoopApi.Domain.Cooperatives;
using static CoopApi.Domain.UnitTests.Cooperatives.Samples;

namespace CoopApi.Domain.UnitTests.Cooperatives;

public class ChangeStatusTests
{
    private const string Reason = "Quyết định số 125/QĐ-UBND";

    public static TheoryData<OrganizationStatus, OrganizationStatus> AllowedTransitions()
    {
        var data = new TheoryData<OrganizationStatus, OrganizationStatus>();
        foreach (var from in Enum.GetValues<OrganizationStatus>())
        {
            foreach (var to in StatusTransitions.From(from))
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    /// <summary>Every pair of the 4×4 matrix that the law does not allow, staying put included.</summary>
    public static TheoryData<OrganizationStatus, OrganizationStatus> ForbiddenPairs()
    {
        var data = new TheoryData<OrganizationStatus, OrganizationStatus>();
        foreach (var from in Enum.GetValues<OrganizationStatus>())
        {
            foreach (var to in Enum.GetValues<OrganizationStatus>())
            {
                if (!AllowedByTheLaw.Contains((from, to)))
                {
                    data.Add(from, to);
                }
            }
        }

        return data;
    }

    [Fact]
    public void TheoryData_CoversTheWholeMatrix()
    {
        Assert.Equal(6, AllowedTransitions().Count);
        Assert.Equal(10, ForbiddenPairs().Count);
    }

    [Theory]
    [MemberData(nameof(AllowedTransitions))]
    public void ChangeStatus_AllowedTransition_IsRecorded(OrganizationStatus from, OrganizationStatus to)
    {
        var cooperative = InStatus(from);
        var before = cooperative.StatusHistory.Count;

        var change = cooperative.ChangeStatus(to, Today, Reason, Today, Now);

        Assert.Equal(to, cooperative.Status);
        Assert.Equal(before + 1, cooperative.StatusHistory.Count);
        Assert.Same(change, cooperative.StatusHistory[^1]);
        Assert.Equal(from, change.FromStatus);
        Assert.Equal(to, change.ToStatus);
        Assert.Equal(Today, change.EffectiveOn);
        Assert.Equal(Reason, change.Reason);
        Assert.Equal(Now, change.RecordedAt);
        Assert.Equal(cooperative.Id, change.CooperativeId);
        Assert.Equal(before, change.Sequence);
        Assert.Equal(7, change.Id.Version);
    }

    [Theory]
    [MemberData(nameof(ForbiddenPairs))]
    public void ChangeStatus_ForbiddenPair_IsRefusedAndChangesNothing(OrganizationStatus from, OrganizationStatus to)
    {
        var cooperative = InStatus(from);
        var history = cooperative.StatusHistory.ToList();

        var ex = Assert.Throws<BusinessRuleViolationException>(() => cooperative.ChangeStatus(to, Today, Reason, Today, Now));

        Assert.Equal(from == to ? "status.unchanged" : "status.transitionNotAllowed", ex.Code);
        Assert.False(string.IsNullOrWhiteSpace(ex.VietnameseMessage));
        Assert.Equal(from, cooperative.Status);
        Assert.Equal(history, cooperative.StatusHistory);
    }

    [Theory]
    [InlineData(OrganizationStatus.Active)]
    [InlineData(OrganizationStatus.Suspended)]
    [InlineData(OrganizationStatus.AwaitingDissolution)]
    public void ChangeStatus_FromDissolved_IsRefused(OrganizationStatus to)
    {
        var cooperative = InStatus(OrganizationStatus.Dissolved);

        var ex = Assert.Throws<BusinessRuleViolationException>(() => cooperative.ChangeStatus(to, Today, Reason, Today, Now));

        Assert.Equal("status.transitionNotAllowed", ex.Code);
        Assert.Contains("final", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangeStatus_NotAllowed_MessageNamesTheAllowedTargets()
    {
        var cooperative = InStatus(OrganizationStatus.Active);

        var ex = Assert.Throws<BusinessRuleViolationException>(() =>
            cooperative.ChangeStatus(OrganizationStatus.Dissolved, Today, Reason, Today, Now));

        Assert.Contains("Suspended", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Awaiting dissolution", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Tạm ngừng hoạt động", ex.VietnameseMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangeStatus_EffectiveTomorrow_IsRefused()
    {
        var cooperative = Registered();

        var ex = Assert.Throws<BusinessRuleViolationException>(() =>
            cooperative.ChangeStatus(OrganizationStatus.Suspended, Today.AddDays(1), Reason, Today, Now));

        Assert.Equal("status.effectiveInFuture", ex.Code);
        Assert.Equal(OrganizationStatus.Active, cooperative.Status);
        Assert.Single(cooperative.StatusHistory);
    }

    [Fact]
    public void ChangeStatus_EffectiveBeforeFoundingDate_IsRefused()
    {
        var cooperative = Registered();

        var ex = Assert.Throws<BusinessRuleViolationException>(() =>
            cooperative.ChangeStatus(OrganizationStatus.Suspended, Founded.AddDays(-1), Reason, Today, Now));

        Assert.Equal("status.effectiveBeforePrevious", ex.Code);
        Assert.Single(cooperative.StatusHistory);
    }

    [Fact]
    public void ChangeStatus_EffectiveOnFoundingDate_IsAccepted()
    {
        var cooperative = Registered();

        var change = cooperative.ChangeStatus(OrganizationStatus.Suspended, Founded, Reason, Today, Now);

        Assert.Equal(Founded, change.EffectiveOn);
    }

    [Fact]
    public void ChangeStatus_EffectiveBeforePreviousChange_IsRefused()
    {
        var cooperative = Registered();
        var previous = new DateOnly(2023, 6, 30);
        cooperative.ChangeStatus(OrganizationStatus.Suspended, previous, Reason, Today, Now);

        var ex = Assert.Throws<BusinessRuleViolationException>(() =>
            cooperative.ChangeStatus(OrganizationStatus.Active, previous.AddDays(-1), Reason, Today, Now));

        Assert.Equal("status.effectiveBeforePrevious", ex.Code);
        Assert.Contains("2023-06-30", ex.Message, StringComparison.Ordinal);
        Assert.Equal(OrganizationStatus.Suspended, cooperative.Status);
        Assert.Equal(2, cooperative.StatusHistory.Count);
    }

    [Fact]
    public void ChangeStatus_SameDayAsPreviousChange_IsAccepted()
    {
        var cooperative = Registered();
        var day = new DateOnly(2023, 6, 30);
        cooperative.ChangeStatus(OrganizationStatus.Suspended, day, Reason, Today, Now);

        cooperative.ChangeStatus(OrganizationStatus.Active, day, Reason, Today, Now);

        Assert.Equal(OrganizationStatus.Active, cooperative.Status);
        Assert.Equal(3, cooperative.StatusHistory.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ChangeStatus_WithoutReason_IsRefused(string? reason)
    {
        var cooperative = Registered();

        var ex = Assert.Throws<DomainValidationException>(() =>
            cooperative.ChangeStatus(OrganizationStatus.Suspended, Today, reason!, Today, Now));

        Assert.Equal("reason", ex.Field);
        Assert.Equal("reason.required", ex.Code);
        Assert.Equal(OrganizationStatus.Active, cooperative.Status);
    }

    [Fact]
    public void ChangeStatus_Reason1001Characters_IsRefused()
    {
        var cooperative = Registered();

        var ex = Assert.Throws<DomainValidationException>(() =>
            cooperative.ChangeStatus(OrganizationStatus.Suspended, Today, new string('x', 1001), Today, Now));

        Assert.Equal("reason", ex.Field);
        Assert.Equal("reason.tooLong", ex.Code);
        Assert.Single(cooperative.StatusHistory);
    }

    [Fact]
    public void ChangeStatus_Reason1000CharactersWithSurroundingSpaces_IsAcceptedTrimmed()
    {
        var cooperative = Registered();
        var reason = new string('x', OrganizationRules.ReasonMaxLength);

        var change = cooperative.ChangeStatus(OrganizationStatus.Suspended, Today, "  " + reason + "\n", Today, Now);

        Assert.Equal(reason, change.Reason);
    }

    [Fact]
    public void ChangeStatus_SeveralChanges_HistoryGrowsWithIncreasingSequence()
    {
        var cooperative = Registered();

        cooperative.ChangeStatus(OrganizationStatus.Suspended, new DateOnly(2020, 1, 1), "Tạm ngừng 6 tháng", Today, Now);
        cooperative.ChangeStatus(OrganizationStatus.Active, new DateOnly(2020, 7, 1), "Hoạt động trở lại", Today, Now);
        cooperative.ChangeStatus(OrganizationStatus.AwaitingDissolution, new DateOnly(2024, 1, 1), "Chờ giải thể", Today, Now);
        cooperative.ChangeStatus(OrganizationStatus.Dissolved, new DateOnly(2024, 12, 31), "Giải thể", Today, Now);

        var history = cooperative.StatusHistory;
        Assert.Equal([0, 1, 2, 3, 4], history.Select(h => h.Sequence));
        Assert.Equal(
            [null, OrganizationStatus.Active, OrganizationStatus.Suspended, OrganizationStatus.Active, OrganizationStatus.AwaitingDissolution],
            history.Select(h => h.FromStatus));
        Assert.Equal(
            [OrganizationStatus.Active, OrganizationStatus.Suspended, OrganizationStatus.Active, OrganizationStatus.AwaitingDissolution, OrganizationStatus.Dissolved],
            history.Select(h => h.ToStatus));
        for (var i = 1; i < history.Count; i++)
        {
            Assert.Equal(history[i - 1].ToStatus, history[i].FromStatus);
            Assert.True(history[i].EffectiveOn >= history[i - 1].EffectiveOn);
        }

        Assert.Equal(OrganizationStatus.Dissolved, cooperative.Status);
        Assert.All(history, h => Assert.Equal(cooperative.Id, h.CooperativeId));
        Assert.Equal(history.Count, history.Select(h => h.Id).Distinct().Count());
    }

    [Fact]
    public void ChangeStatus_Revived_FromAwaitingDissolutionBackToActive()
    {
        var cooperative = InStatus(OrganizationStatus.AwaitingDissolution);

        cooperative.ChangeStatus(OrganizationStatus.Active, Today, "Hoạt động trở lại", Today, Now);

        Assert.Equal(OrganizationStatus.Active, cooperative.Status);
    }
}
