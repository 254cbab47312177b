using System.Globalization;
using CoopApi.Domain.Common;

namespace CoopApi.Domain.DevelopmentTargets;

/// <summary>A document that set a target (e.g. the official letter 538/UBND-KTTH of 11 June 2019).</summary>
/// <param name="Number">Number and symbol, e.g. <c>538/UBND-KTTH</c>.</param>
/// <param name="Date">Date of the document.</param>
/// <param name="Issuer">Who issued it, if known.</param>
public sealed record SourceDocument(string Number, DateOnly Date, string? Issuer);

/// <summary>One measurable goal of a target: a metric, how it is compared, and the value.</summary>
/// <param name="Metric">What is measured.</param>
/// <param name="Comparison">How the measured value is compared with <paramref name="Value"/>.</param>
/// <param name="Value">The target value: percent for shares, a count or VND otherwise.</param>
public sealed record MetricGoal(TargetMetric Metric, TargetComparison Comparison, decimal Value);

/// <summary>The fields of a development target as a client sets them.</summary>
/// <param name="ProvinceCode">Province the target is set for.</param>
/// <param name="Title">Title.</param>
/// <param name="BaselineDate">Date progress is measured from ("new" counts start the day after).</param>
/// <param name="HorizonYear">Year by whose end the target is to be reached.</param>
/// <param name="SourceDocument">Document that set it, if known.</param>
/// <param name="Metrics">Goals, each metric at most once.</param>
public sealed record TargetFields(string ProvinceCode, string Title, DateOnly BaselineDate, int HorizonYear, SourceDocument? SourceDocument,
    IReadOnlyList<MetricGoal> Metrics)
{
    /// <summary>Whether two sets of fields are the same (metrics compared in order).</summary>
    public bool SameAs(TargetFields other) =>
        other is not null && this with { Metrics = [] } == other with { Metrics = [] } && Metrics.SequenceEqual(other.Metrics);
}

/// <summary>
/// The rules of development targets: the fields' limits, the value range of each metric, and how
/// progress is judged (the state of a metric on a date; decision in docs/decisions, "development
/// targets"). Each rule once, with its stable code and its text in English and Vietnamese.
/// </summary>
public static class DevelopmentTargetRules
{
    /// <summary>Longest title (trimmed).</summary>
    public const int TitleMaxLength = 500;

    /// <summary>Longest document number.</summary>
    public const int NumberMaxLength = 100;

    /// <summary>Longest issuer name (trimmed).</summary>
    public const int IssuerMaxLength = 255;

    /// <summary>Most metrics of a target: each of the metrics once.</summary>
    public const int MaxMetrics = 9;

    /// <summary>Latest horizon year accepted.</summary>
    public const int LatestHorizonYear = 2100;

    /// <summary>Largest value of a count or amount metric (far above any province; stops typing errors).</summary>
    public const decimal MaxCount = 1_000_000_000_000_000m;

    /// <summary>Earliest baseline date accepted.</summary>
    public static readonly DateOnly EarliestBaseline = new(2000, 1, 1);

    /// <summary>The value without trailing zeros (100.00 → 100), as stored values read back and as sent compare and print alike.</summary>
    public static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    /// <summary>True for the metrics that are percentages (0–100, two decimals).</summary>
    public static bool IsShare(TargetMetric metric) => metric is TargetMetric.FairOrBetterShare or TargetMetric.WeakShare;

    /// <summary>True for the metrics that count what was founded after the baseline (their straight line starts at 0).</summary>
    public static bool IsCountSinceBaseline(TargetMetric metric) =>
        metric is TargetMetric.NewCooperatives or TargetMetric.NewCooperativeGroups or TargetMetric.NewUnions;

    /// <summary>The last day of the horizon year: the day the target is judged on.</summary>
    public static DateOnly HorizonEnd(int horizonYear) => new(horizonYear, 12, 31);

    /// <summary>The horizon year has ended on <paramref name="asOf"/>: from 1 January of the following year.</summary>
    public static bool HorizonEnded(int horizonYear, DateOnly asOf) => asOf > HorizonEnd(horizonYear);

    /// <summary>The date a target is measured on for <paramref name="asOf"/>: that date, but never after the horizon's end.</summary>
    public static DateOnly MeasuredOn(int horizonYear, DateOnly asOf) => asOf < HorizonEnd(horizonYear) ? asOf : HorizonEnd(horizonYear);

    /// <summary>Whether <paramref name="actual"/> satisfies the comparison with <paramref name="target"/> (equal is enough for atLeast and atMost only).</summary>
    public static bool Holds(TargetComparison comparison, decimal actual, decimal target) => comparison switch
    {
        TargetComparison.AtLeast => actual >= target,
        TargetComparison.AtMost => actual <= target,
        TargetComparison.GreaterThan => actual > target,
        TargetComparison.LessThan => actual < target,
        _ => throw new ArgumentOutOfRangeException(nameof(comparison)),
    };

    /// <summary>
    /// The value the straight line from <paramref name="start"/> on the baseline date to
    /// <paramref name="target"/> on the horizon's last day has reached on <paramref name="date"/>
    /// (two decimals). Without a start value (a share with no assessments in the baseline year) the
    /// line is the target itself.
    /// </summary>
    public static decimal Expected(decimal? start, decimal target, DateOnly baselineDate, int horizonYear, DateOnly date)
    {
        var total = HorizonEnd(horizonYear).DayNumber - baselineDate.DayNumber;
        if (start is not { } from || total <= 0)
        {
            return target;
        }

        var elapsed = Math.Clamp(date.DayNumber - baselineDate.DayNumber, 0, total);
        return Math.Round(from + ((target - from) * elapsed / total), 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// The state of a goal on <paramref name="asOf"/>: <see cref="TargetState.Met"/> when the comparison
    /// holds for <paramref name="actual"/> (measured on <see cref="MeasuredOn"/>); otherwise
    /// <see cref="TargetState.Missed"/> once the horizon year has ended; before that
    /// <see cref="TargetState.OnTrack"/> when <paramref name="actual"/> is on the target's side of the
    /// straight line or on it (<paramref name="expected"/>), else <see cref="TargetState.AtRisk"/>. An
    /// unknown value (a share with no rated assessment) is never met: at risk, then missed.
    /// </summary>
    public static TargetState StateOf(TargetComparison comparison, decimal target, decimal? actual, decimal expected, int horizonYear, DateOnly asOf)
    {
        if (actual is { } value && Holds(comparison, value, target))
        {
            return TargetState.Met;
        }

        if (HorizonEnded(horizonYear, asOf))
        {
            return TargetState.Missed;
        }

        if (actual is not { } measured)
        {
            return TargetState.AtRisk;
        }

        var upward = comparison is TargetComparison.AtLeast or TargetComparison.GreaterThan;
        return (upward ? measured >= expected : measured <= expected) ? TargetState.OnTrack : TargetState.AtRisk;
    }

    /// <summary>The title: required free text.</summary>
    public static DomainError? CheckTitle(string? title) =>
        FreeText.CheckRequired("title", title, TitleMaxLength, Errors.Required("title"));

    /// <summary>The baseline date: required, from 2000, not in the future.</summary>
    public static DomainError? CheckBaselineDate(DateOnly? date, DateOnly today) =>
        date is null ? Errors.Required("baselineDate")
        : date < EarliestBaseline ? Errors.BaselineTooEarly
        : date > today ? Errors.InFuture("baselineDate")
        : null;

    /// <summary>The horizon year: required, not before the baseline's year, at most 2100.</summary>
    public static DomainError? CheckHorizonYear(int? year, DateOnly? baselineDate) =>
        year is null ? Errors.Required("horizonYear")
        : year > LatestHorizonYear || (baselineDate is { } b && year < b.Year) || year < EarliestBaseline.Year
            ? Errors.HorizonOutOfRange
            : null;

    /// <summary>The source document, when sent: number required (exact), date not in the future, issuer free text.</summary>
    public static DomainError? CheckSourceDocument(string? number, DateOnly? date, string? issuer, DateOnly today) =>
        (string.IsNullOrWhiteSpace(number) ? Errors.Required("sourceDocument.number") : null)
        ?? FreeText.Check("sourceDocument.number", number, NumberMaxLength)
        ?? (date is null ? Errors.Required("sourceDocument.date") : date > today ? Errors.InFuture("sourceDocument.date") : null)
        ?? FreeText.Check("sourceDocument.issuer", issuer, IssuerMaxLength);

    /// <summary>The value of one goal: the range of its metric, and a comparison that can hold at all.</summary>
    public static DomainError? CheckValue(string field, TargetMetric metric, TargetComparison comparison, decimal? value)
    {
        if (value is not { } v)
        {
            return Errors.Required(field);
        }

        if (IsShare(metric))
        {
            if (v is < 0 or > 100 || decimal.Round(v, 2) != v)
            {
                return Errors.ShareOutOfRange(field);
            }

            return (comparison == TargetComparison.GreaterThan && v == 100) || (comparison == TargetComparison.LessThan && v == 0)
                ? Errors.Unreachable(field)
                : null;
        }

        if (v < 0 || v > MaxCount || decimal.Truncate(v) != v)
        {
            return Errors.CountOutOfRange(field);
        }

        return comparison == TargetComparison.LessThan && v == 0 ? Errors.Unreachable(field) : null;
    }

    /// <summary>The goals: 1 to 9, each metric once, each value in its metric's range.</summary>
    public static DomainError? CheckMetrics(IReadOnlyList<MetricGoal>? metrics)
    {
        if (metrics is null || metrics.Count == 0)
        {
            return Errors.Required("metrics");
        }

        if (metrics.Count > MaxMetrics)
        {
            return Errors.TooManyMetrics;
        }

        var seen = new HashSet<TargetMetric>();
        for (var i = 0; i < metrics.Count; i++)
        {
            var goal = metrics[i];
            var field = string.Create(CultureInfo.InvariantCulture, $"metrics[{i}]");
            if (!Enum.IsDefined(goal.Metric))
            {
                return Errors.Required(field + ".metric");
            }

            if (!Enum.IsDefined(goal.Comparison))
            {
                return Errors.Required(field + ".comparison");
            }

            if (!seen.Add(goal.Metric))
            {
                return Errors.DuplicateMetric(field + ".metric", goal.Metric);
            }

            if (CheckValue(field + ".value", goal.Metric, goal.Comparison, goal.Value) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    /// <summary>Every rule of a target's fields (the first broken one); the province's existence is checked by the caller.</summary>
    public static DomainError? Check(TargetFields fields, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return CheckTitle(fields.Title)
            ?? CheckBaselineDate(fields.BaselineDate, today)
            ?? CheckHorizonYear(fields.HorizonYear, fields.BaselineDate)
            ?? (fields.SourceDocument is { } d ? CheckSourceDocument(d.Number, d.Date, d.Issuer, today) : null)
            ?? CheckMetrics(fields.Metrics);
    }

    /// <summary>The catalogue of the targets' rules: stable code and text, in English and Vietnamese.</summary>
    public static class Errors
    {
        /// <summary>A required value is missing.</summary>
        public static DomainError Required(string field) => new(field, $"{field}.required",
            $"{field} is required.", $"{field} là bắt buộc.");

        /// <summary>A date in the future.</summary>
        public static DomainError InFuture(string field) => new(field, $"{field}.inFuture",
            $"{field} may not be in the future.", $"{field} không được ở tương lai.");

        /// <summary>A baseline before 2000.</summary>
        public static DomainError BaselineTooEarly { get; } = new("baselineDate", "baselineDate.tooEarly",
            $"The baseline date may not be before {EarliestBaseline:yyyy-MM-dd}.",
            $"Ngày mốc không được trước {EarliestBaseline:yyyy-MM-dd}.");

        /// <summary>A horizon before the baseline's year or after 2100.</summary>
        public static DomainError HorizonOutOfRange { get; } = new("horizonYear", "horizonYear.outOfRange",
            $"The horizon year must not be before the year of the baseline date, and at most {LatestHorizonYear}.",
            $"Năm mục tiêu không được trước năm của ngày mốc và tối đa là {LatestHorizonYear}.");

        /// <summary>More than one goal per metric allowed.</summary>
        public static DomainError TooManyMetrics { get; } = new("metrics", "metrics.tooMany",
            $"A target has at most {MaxMetrics} metrics, each metric once.",
            $"Một mục tiêu có tối đa {MaxMetrics} chỉ tiêu, mỗi chỉ tiêu một lần.");

        /// <summary>The same metric twice.</summary>
        public static DomainError DuplicateMetric(string field, TargetMetric metric) => new(field, "metrics.duplicate",
            $"The metric {EnumLabels.ApiName(metric)} appears more than once: each metric at most once per target.",
            $"Chỉ tiêu {EnumLabels.ApiName(metric)} xuất hiện nhiều lần: mỗi chỉ tiêu chỉ một lần trong một mục tiêu.");

        /// <summary>A share outside 0–100 or with more than two decimals.</summary>
        public static DomainError ShareOutOfRange(string field) => new(field, "metrics.value.shareOutOfRange",
            "A share is a percentage from 0 to 100 with at most two decimals.",
            "Tỷ lệ là phần trăm từ 0 đến 100, tối đa hai chữ số thập phân.");

        /// <summary>A count or amount that is negative, fractional or absurdly large.</summary>
        public static DomainError CountOutOfRange(string field) => new(field, "metrics.value.countOutOfRange",
            $"A count or amount is a whole number from 0 to {MaxCount:0}.",
            $"Số lượng hoặc số tiền là số nguyên từ 0 đến {MaxCount:0}.");

        /// <summary>A comparison no value can satisfy (less than 0, more than 100 %).</summary>
        public static DomainError Unreachable(string field) => new(field, "metrics.value.unreachable",
            "No value can satisfy this comparison (below 0, or above 100 %).",
            "Không giá trị nào có thể thỏa mãn so sánh này (dưới 0 hoặc trên 100 %).");
    }
}
