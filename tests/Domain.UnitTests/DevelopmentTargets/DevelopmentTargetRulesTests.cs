using CoopApi.Domain.Common;
using CoopApi.Domain.DevelopmentTargets;

namespace CoopApi.Domain.UnitTests.DevelopmentTargets;

/// <summary>The rules of development targets: states at their edges, the straight line, value ranges, the aggregate's events.</summary>
public sealed class DevelopmentTargetRulesTests
{
    private static readonly DateOnly Baseline = new(2020, 1, 1);
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 3, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(TargetComparison.AtLeast, 100, true)]
    [InlineData(TargetComparison.AtMost, 100, true)]
    [InlineData(TargetComparison.GreaterThan, 100, false)]
    [InlineData(TargetComparison.LessThan, 100, false)]
    [InlineData(TargetComparison.GreaterThan, 100.01, true)]
    [InlineData(TargetComparison.LessThan, 99.99, true)]
    [InlineData(TargetComparison.AtLeast, 99.99, false)]
    [InlineData(TargetComparison.AtMost, 100.01, false)]
    public void The_comparison_holds_at_the_target_value_only_for_atLeast_and_atMost(TargetComparison comparison, decimal actual, bool holds) =>
        Assert.Equal(holds, DevelopmentTargetRules.Holds(comparison, actual, 100));

    [Fact]
    public void Met_wins_over_everything_else_also_after_the_horizon()
    {
        Assert.Equal(TargetState.Met, DevelopmentTargetRules.StateOf(TargetComparison.AtLeast, 100, 100, 100, 2025, new DateOnly(2027, 1, 1)));
        Assert.Equal(TargetState.Met, DevelopmentTargetRules.StateOf(TargetComparison.LessThan, 10, 9.99m, 50, 2025, new DateOnly(2021, 1, 1)));
    }

    [Fact]
    public void Not_met_is_missed_from_the_first_day_after_the_horizon_year_and_open_on_its_last_day()
    {
        Assert.False(DevelopmentTargetRules.HorizonEnded(2025, new DateOnly(2025, 12, 31)));
        Assert.True(DevelopmentTargetRules.HorizonEnded(2025, new DateOnly(2026, 1, 1)));
        Assert.Equal(TargetState.AtRisk, DevelopmentTargetRules.StateOf(TargetComparison.AtLeast, 100, 99, 100, 2025, new DateOnly(2025, 12, 31)));
        Assert.Equal(TargetState.Missed, DevelopmentTargetRules.StateOf(TargetComparison.AtLeast, 100, 99, 100, 2025, new DateOnly(2026, 1, 1)));
        Assert.Equal(new DateOnly(2025, 12, 31), DevelopmentTargetRules.MeasuredOn(2025, new DateOnly(2026, 6, 1)));
        Assert.Equal(new DateOnly(2025, 6, 1), DevelopmentTargetRules.MeasuredOn(2025, new DateOnly(2025, 6, 1)));
    }

    [Theory]
    [InlineData(TargetComparison.AtLeast, 50, TargetState.OnTrack)]     // on the line
    [InlineData(TargetComparison.AtLeast, 49.99, TargetState.AtRisk)]   // just behind it
    [InlineData(TargetComparison.GreaterThan, 50, TargetState.OnTrack)]
    [InlineData(TargetComparison.AtMost, 50, TargetState.OnTrack)]
    [InlineData(TargetComparison.AtMost, 50.01, TargetState.AtRisk)]
    [InlineData(TargetComparison.LessThan, 50.01, TargetState.AtRisk)]
    public void Before_the_horizon_keeping_the_straight_line_is_on_track_and_falling_behind_it_at_risk(TargetComparison comparison, decimal actual,
        TargetState state)
    {
        // Upward goals aim at 100, downward ones at 0; the line stands at 50 on the date.
        var target = comparison is TargetComparison.AtLeast or TargetComparison.GreaterThan ? 100m : 0m;
        Assert.Equal(state, DevelopmentTargetRules.StateOf(comparison, target, actual, 50, 2030, new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public void An_unknown_value_is_never_met_at_risk_before_the_horizon_and_missed_after()
    {
        Assert.Equal(TargetState.AtRisk, DevelopmentTargetRules.StateOf(TargetComparison.LessThan, 10, null, 10, 2025, new DateOnly(2025, 6, 1)));
        Assert.Equal(TargetState.Missed, DevelopmentTargetRules.StateOf(TargetComparison.LessThan, 10, null, 10, 2025, new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void The_straight_line_runs_from_the_baseline_value_on_the_baseline_date_to_the_target_on_the_horizons_last_day()
    {
        var end = new DateOnly(2029, 12, 31); // 3,652 days after 2020-01-01
        Assert.Equal(0m, DevelopmentTargetRules.Expected(0, 100, Baseline, 2029, Baseline));
        Assert.Equal(100m, DevelopmentTargetRules.Expected(0, 100, Baseline, 2029, end));
        Assert.Equal(50m, DevelopmentTargetRules.Expected(0, 100, Baseline, 2029, Baseline.AddDays(1826)));
        Assert.Equal(14.5m, DevelopmentTargetRules.Expected(19, 10, Baseline, 2029, Baseline.AddDays(1826))); // a share falling from 19 % to 10 %
        Assert.Equal(45m, DevelopmentTargetRules.Expected(null, 45, Baseline, 2029, Baseline.AddDays(100))); // no start: the line is the target
    }

    [Theory]
    [InlineData(TargetMetric.FairOrBetterShare, TargetComparison.AtLeast, 100, null)]
    [InlineData(TargetMetric.FairOrBetterShare, TargetComparison.AtLeast, 100.01, "metrics.value.shareOutOfRange")]
    [InlineData(TargetMetric.WeakShare, TargetComparison.AtMost, 0, null)]
    [InlineData(TargetMetric.WeakShare, TargetComparison.AtMost, 9.995, "metrics.value.shareOutOfRange")]
    [InlineData(TargetMetric.WeakShare, TargetComparison.LessThan, 0, "metrics.value.unreachable")]
    [InlineData(TargetMetric.FairOrBetterShare, TargetComparison.GreaterThan, 100, "metrics.value.unreachable")]
    [InlineData(TargetMetric.NewCooperatives, TargetComparison.AtLeast, 0, null)]
    [InlineData(TargetMetric.NewCooperatives, TargetComparison.AtLeast, 1.5, "metrics.value.countOutOfRange")]
    [InlineData(TargetMetric.TotalCharterCapital, TargetComparison.AtLeast, -1, "metrics.value.countOutOfRange")]
    [InlineData(TargetMetric.ActiveCooperatives, TargetComparison.LessThan, 0, "metrics.value.unreachable")]
    public void Each_metric_has_its_value_range(TargetMetric metric, TargetComparison comparison, decimal value, string? code) =>
        Assert.Equal(code, DevelopmentTargetRules.CheckValue("metrics[0].value", metric, comparison, value)?.Code);

    [Fact]
    public void The_aggregate_refuses_a_metric_twice_and_raises_set_changed_and_deleted()
    {
        var goals = new List<MetricGoal> { new(TargetMetric.NewUnions, TargetComparison.AtLeast, 5), new(TargetMetric.NewUnions, TargetComparison.AtLeast, 8) };
        var twice = Assert.Throws<DomainValidationException>(() => DevelopmentTarget.Set(Fields(goals), Today, Now));
        Assert.Equal("metrics.duplicate", twice.Code);

        var target = DevelopmentTarget.Set(Fields([new(TargetMetric.NewUnions, TargetComparison.AtLeast, 5.00m)]), Today, Now);
        Assert.IsType<DevelopmentTargetSet>(Assert.Single(target.DomainEvents));
        target.ClearDomainEvents();
        target.Replace(Fields([new(TargetMetric.NewUnions, TargetComparison.AtLeast, 5)]), Today, Now); // 5.00 and 5 are the same value
        Assert.Empty(target.DomainEvents);
        target.Replace(Fields([new(TargetMetric.NewUnions, TargetComparison.AtLeast, 8)]), Today, Now);
        Assert.IsType<DevelopmentTargetChanged>(Assert.Single(target.DomainEvents));
        target.Delete(Now);
        Assert.Equal(ChangeKind.Deleted, target.DomainEvents[^1].Kind);
    }

    private static TargetFields Fields(IReadOnlyList<MetricGoal> goals) =>
        new("20", "Mục tiêu 2025", Baseline, 2025, new SourceDocument("538/UBND-KTTH", new DateOnly(2019, 6, 11), null), goals);
}
