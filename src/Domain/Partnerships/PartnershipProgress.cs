namespace CoopApi.Domain.Partnerships;

/// <summary>Where a commitment stands in one year of the period.</summary>
/// <param name="Year">The year.</param>
/// <param name="Achieved">Value achieved in the year (null: not reported, or not due).</param>
/// <param name="Cumulative">Total achieved from the first year through this one (null when not due).</param>
/// <param name="Expected">What the year asks: the target (perYear) or the pro-rata cumulative target (byPeriodEnd).</param>
/// <param name="State">The state in that year.</param>
public sealed record YearProgress(int Year, decimal? Achieved, decimal? Cumulative, decimal Expected, ProgressState State);

/// <summary>The situation of a programme a progress computation needs, besides the values achieved.</summary>
/// <param name="PeriodStartYear">First year.</param>
/// <param name="PeriodEndYear">Last year.</param>
/// <param name="CurrentYear">The current year (Vietnam's calendar).</param>
/// <param name="ReviewedYears">Years a review was held for (a review closes its year).</param>
/// <param name="ClosedThroughYear">For a completed or terminated programme, the year it closed; null otherwise.</param>
/// <param name="Terminated">True when the programme was terminated (later years are never due).</param>
public sealed record ProgressContext(int PeriodStartYear, int PeriodEndYear, int CurrentYear, IReadOnlySet<int> ReviewedYears,
    int? ClosedThroughYear, bool Terminated);

/// <summary>
/// The progress rules (docs/domain.md, "Progress"), computed, never stored. A year is <em>due</em>
/// when it has begun (and, for a terminated programme, is not after the termination); it is
/// <em>closed</em> when it is over, reviewed, or the programme closed in or after it.
/// perYear: a due year is achieved when the year's value reaches the target, missed when it is closed
/// without, on track while open. byPeriodEnd: the cumulative value against the target; achieved as
/// soon as it is reached (and in every later year), missed when the final year closed without it;
/// otherwise on track when the cumulative value reaches the pro-rata target due by then (the
/// year's own for a closed year, the previous year's for the open one), behind when not.
/// </summary>
public static class PartnershipProgress
{
    /// <summary>The state of each year of the period and the commitment's overall state.</summary>
    /// <param name="kind">How the target is read.</param>
    /// <param name="target">The target.</param>
    /// <param name="achieved">Value achieved per year (years missing: nothing reported).</param>
    /// <param name="context">The programme's situation.</param>
    public static (IReadOnlyList<YearProgress> Years, ProgressState Overall) Evaluate(TargetKind kind, decimal target,
        IReadOnlyDictionary<int, decimal> achieved, ProgressContext context)
    {
        ArgumentNullException.ThrowIfNull(achieved);
        ArgumentNullException.ThrowIfNull(context);
        var start = context.PeriodStartYear;
        var end = context.PeriodEndYear;
        var lastDue = Math.Min(end, context.CurrentYear);
        if (context.Terminated && context.ClosedThroughYear is { } terminatedIn)
        {
            lastDue = Math.Min(lastDue, terminatedIn);
        }

        var finalYear = context.Terminated && context.ClosedThroughYear is { } t ? Math.Min(end, t) : end;
        var years = new List<YearProgress>();
        decimal cumulative = 0;
        for (var year = start; year <= end; year++)
        {
            var due = year <= lastDue;
            var closed = year < context.CurrentYear || context.ReviewedYears.Contains(year)
                || (context.ClosedThroughYear is { } c && year <= c);
            decimal? value = achieved.TryGetValue(year, out var v) ? v : null;
            if (!due)
            {
                years.Add(new YearProgress(year, null, null, Expected(kind, target, start, end, year), ProgressState.NotDue));
                continue;
            }

            cumulative += value ?? 0;
            var state = kind == TargetKind.PerYear
                ? PerYear(value ?? 0, target, closed)
                : ByPeriodEnd(cumulative, target, closed, year == finalYear,
                    closed ? Expected(kind, target, start, end, year) : Expected(kind, target, start, end, year - 1));
            years.Add(new YearProgress(year, value, cumulative, Expected(kind, target, start, end, year), state));
        }

        var dueYears = years.Where(y => y.State != ProgressState.NotDue).ToList();
        ProgressState overall;
        if (dueYears.Count == 0)
        {
            overall = ProgressState.NotDue;
        }
        else if (kind == TargetKind.ByPeriodEnd)
        {
            overall = dueYears[^1].State;
        }
        else if (dueYears.Any(y => y.State == ProgressState.Missed))
        {
            overall = ProgressState.Missed;
        }
        else
        {
            var nothingLeft = dueYears[^1].Year == finalYear && years.First(y => y.Year == finalYear).State == ProgressState.Achieved;
            overall = dueYears.All(y => y.State == ProgressState.Achieved) && nothingLeft ? ProgressState.Achieved : ProgressState.OnTrack;
        }

        return (years, overall);
    }

    /// <summary>Share (0–100, 2 decimals) of the due commitments that are achieved or on track; null when none is due.</summary>
    public static decimal? Share(IEnumerable<ProgressState> overallStates)
    {
        var due = overallStates.Where(s => s != ProgressState.NotDue).ToList();
        return due.Count == 0
            ? null
            : Math.Round(100m * due.Count(s => s is ProgressState.Achieved or ProgressState.OnTrack) / due.Count, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>What year <paramref name="year"/> asks: the target (perYear), or target × years elapsed ÷ years of the period (byPeriodEnd, 2 decimals).</summary>
    public static decimal Expected(TargetKind kind, decimal target, int start, int end, int year) =>
        kind == TargetKind.PerYear ? target
        : year < start ? 0
        : Math.Round(target * (year - start + 1) / (end - start + 1), 2, MidpointRounding.AwayFromZero);

    private static ProgressState PerYear(decimal value, decimal target, bool closed) =>
        value >= target ? ProgressState.Achieved
        : closed ? ProgressState.Missed
        : ProgressState.OnTrack;

    private static ProgressState ByPeriodEnd(decimal cumulative, decimal target, bool closed, bool finalYear, decimal dueByNow) =>
        cumulative >= target ? ProgressState.Achieved
        : closed && finalYear ? ProgressState.Missed
        : cumulative >= dueByNow ? ProgressState.OnTrack
        : ProgressState.Behind;
}
