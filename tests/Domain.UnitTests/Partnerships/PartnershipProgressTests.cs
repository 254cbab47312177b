using CoopApi.Domain.Partnerships;

namespace CoopApi.Domain.UnitTests.Partnerships;

/// <summary>The progress rules at their edges, without a database.</summary>
public sealed class PartnershipProgressTests
{
    private static ProgressContext Context(int currentYear, int[]? reviewed = null, int? closedIn = null, bool terminated = false) =>
        new(2023, 2025, currentYear, (reviewed ?? []).ToHashSet(), closedIn, terminated);

    private static Dictionary<int, decimal> Values(params (int Year, decimal Value)[] values) => values.ToDictionary(v => v.Year, v => v.Value);

    private static List<ProgressState> States(IReadOnlyList<YearProgress> years) => years.Select(y => y.State).ToList();

    [Fact]
    public void A_perYear_commitment_missed_in_one_closed_year_is_missed_overall_though_the_other_years_are_achieved()
    {
        var (years, overall) = PartnershipProgress.Evaluate(TargetKind.PerYear, 1, Values((2023, 1), (2024, 0), (2025, 3)), Context(2026));
        Assert.Equal([ProgressState.Achieved, ProgressState.Missed, ProgressState.Achieved], States(years));
        Assert.Equal(ProgressState.Missed, overall);
    }

    [Fact]
    public void A_perYear_commitment_in_the_open_current_year_is_on_track_until_the_year_is_reviewed_or_over()
    {
        var open = PartnershipProgress.Evaluate(TargetKind.PerYear, 2, Values((2023, 2), (2024, 1)), Context(2024));
        Assert.Equal([ProgressState.Achieved, ProgressState.OnTrack, ProgressState.NotDue], States(open.Years));
        Assert.Equal(ProgressState.OnTrack, open.Overall);

        var reviewed = PartnershipProgress.Evaluate(TargetKind.PerYear, 2, Values((2023, 2), (2024, 1)), Context(2024, [2023, 2024]));
        Assert.Equal(ProgressState.Missed, reviewed.Years[1].State);
    }

    [Fact]
    public void A_byPeriodEnd_commitment_reached_early_is_achieved_from_that_year_on_even_with_nothing_reported_later()
    {
        var (years, overall) = PartnershipProgress.Evaluate(TargetKind.ByPeriodEnd, 6, Values((2023, 2), (2024, 5)), Context(2026));
        Assert.Equal([ProgressState.OnTrack, ProgressState.Achieved, ProgressState.Achieved], States(years));
        Assert.Equal(ProgressState.Achieved, overall);
        Assert.Equal(7, years[2].Cumulative);
    }

    [Fact]
    public void A_byPeriodEnd_commitment_is_measured_against_the_pro_rata_target_and_missed_when_the_end_year_closes_short()
    {
        var (years, overall) = PartnershipProgress.Evaluate(TargetKind.ByPeriodEnd, 6, Values((2023, 2), (2024, 1), (2025, 2)), Context(2026));
        Assert.Equal([2m, 4m, 6m], years.Select(y => y.Expected));
        // 2 of 2 expected: on track; 3 of 4: behind; 5 of 6 with the period over: missed.
        Assert.Equal([ProgressState.OnTrack, ProgressState.Behind, ProgressState.Missed], States(years));
        Assert.Equal(ProgressState.Missed, overall);
    }

    [Fact]
    public void In_the_open_current_year_a_byPeriodEnd_commitment_is_held_to_what_was_due_by_the_end_of_last_year()
    {
        var onTrack = PartnershipProgress.Evaluate(TargetKind.ByPeriodEnd, 6, Values((2023, 2)), Context(2024, [2023]));
        Assert.Equal(ProgressState.OnTrack, onTrack.Years[1].State); // 2 ≥ 2 due by the end of 2023
        var behind = PartnershipProgress.Evaluate(TargetKind.ByPeriodEnd, 6, Values((2023, 1)), Context(2024, [2023]));
        Assert.Equal(ProgressState.Behind, behind.Years[1].State);
        Assert.Equal(ProgressState.Behind, behind.Overall);
    }

    [Fact]
    public void Before_the_period_every_year_is_not_due_and_no_share_is_computed()
    {
        var (years, overall) = PartnershipProgress.Evaluate(TargetKind.PerYear, 1, Values(), Context(2022));
        Assert.All(years, y => Assert.Equal(ProgressState.NotDue, y.State));
        Assert.Equal(ProgressState.NotDue, overall);
        Assert.Null(PartnershipProgress.Share([overall]));
    }

    [Fact]
    public void After_a_termination_the_later_years_are_not_due_and_a_byPeriodEnd_target_short_at_termination_is_missed()
    {
        var (years, overall) = PartnershipProgress.Evaluate(TargetKind.ByPeriodEnd, 6, Values((2023, 1)), Context(2026, closedIn: 2024, terminated: true));
        Assert.Equal([ProgressState.Behind, ProgressState.Missed, ProgressState.NotDue], States(years));
        Assert.Equal(ProgressState.Missed, overall);
    }

    [Fact]
    public void The_share_counts_achieved_and_on_track_among_the_due_commitments_to_two_decimals()
    {
        Assert.Equal(66.67m, PartnershipProgress.Share([ProgressState.Achieved, ProgressState.OnTrack, ProgressState.Behind, ProgressState.NotDue]));
        Assert.Equal(0m, PartnershipProgress.Share([ProgressState.Missed]));
        Assert.Equal(100m, PartnershipProgress.Share([ProgressState.Achieved]));
    }
}
