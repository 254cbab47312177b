using CoopApi.Domain.DevelopmentTargets;

namespace CoopApi.Application.DevelopmentTargets;

/// <summary>The document that set a target.</summary>
public sealed record SourceDocumentDto
{
    /// <summary>Number and symbol.</summary>
    /// <example>538/UBND-KTTH</example>
    public required string Number { get; init; }

    /// <summary>Date of the document.</summary>
    /// <example>2019-06-11</example>
    public required DateOnly Date { get; init; }

    /// <summary>Who issued it, if known.</summary>
    /// <example>Ủy ban nhân dân tỉnh Lạng Sơn</example>
    public string? Issuer { get; init; }
}

/// <summary>One goal of a target.</summary>
public sealed record MetricGoalDto
{
    /// <summary>What is measured.</summary>
    /// <example>newCooperatives</example>
    public required TargetMetric Metric { get; init; }

    /// <summary>How the measured value is compared with <c>value</c>.</summary>
    /// <example>atLeast</example>
    public required TargetComparison Comparison { get; init; }

    /// <summary>The target value: percent (0–100) for shares, a whole number (count or VND) otherwise.</summary>
    /// <example>100</example>
    public required decimal Value { get; init; }
}

/// <summary>A development target, as the API returns it.</summary>
public sealed record DevelopmentTargetDto
{
    /// <summary>Server-assigned identifier (UUID v7).</summary>
    /// <example>019a1b2c-3d4e-7f00-8a9b-0c1d2e3f4a60</example>
    public required Guid Id { get; init; }

    /// <summary>Province the target is set for (2 digits).</summary>
    /// <example>20</example>
    public required string ProvinceCode { get; init; }

    /// <summary>Title.</summary>
    /// <example>Mục tiêu phát triển hợp tác xã tỉnh Lạng Sơn giai đoạn 2021–2025 (ví dụ)</example>
    public required string Title { get; init; }

    /// <summary>Date progress is measured from: "new" counts what was founded after it; other lines start at its value.</summary>
    /// <example>2019-06-11</example>
    public required DateOnly BaselineDate { get; init; }

    /// <summary>Year by whose end (31 December) the target is to be reached.</summary>
    /// <example>2025</example>
    public required int HorizonYear { get; init; }

    /// <summary>The document that set the target, if recorded.</summary>
    public SourceDocumentDto? SourceDocument { get; init; }

    /// <summary>The goals, each metric at most once, in the order sent.</summary>
    public required IReadOnlyList<MetricGoalDto> Metrics { get; init; }

    /// <summary>When recorded (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When last changed (UTC).</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Version of the record, also its <c>ETag</c>: send it in <c>If-Match</c> to change or delete it.</summary>
    /// <example>1</example>
    public required int Version { get; init; }
}

/// <summary>The value of a metric at one year's end (a point of the chart).</summary>
public sealed record ProgressPointDto
{
    /// <summary>The date measured (31 December of the year).</summary>
    /// <example>2024-12-31</example>
    public required DateOnly Date { get; init; }

    /// <summary>The value then; for a share, the share of that year's classifications (absent when nothing was rated that year).</summary>
    /// <example>42</example>
    public decimal? Value { get; init; }
}

/// <summary>Progress of one goal.</summary>
public sealed record MetricProgressDto
{
    /// <summary>What is measured.</summary>
    /// <example>newCooperatives</example>
    public required TargetMetric Metric { get; init; }

    /// <summary>How it is compared.</summary>
    /// <example>atLeast</example>
    public required TargetComparison Comparison { get; init; }

    /// <summary>The target value.</summary>
    /// <example>100</example>
    public required decimal Target { get; init; }

    /// <summary>The value on the baseline date where the straight line starts (0 for "new" counts; absent for a share whose baseline year has no rated assessment).</summary>
    /// <example>0</example>
    public decimal? Baseline { get; init; }

    /// <summary>
    /// The value measured on <c>measuredOn</c>, computed from the register and the classifications.
    /// For a share: the share of the latest year up to <c>measuredOn</c> with rated assessments
    /// (after the horizon: of the horizon year only); absent when there is none.
    /// </summary>
    /// <example>57</example>
    public decimal? Actual { get; init; }

    /// <summary>For a share: the year whose classifications gave <c>actual</c>.</summary>
    /// <example>2025</example>
    public int? ActualYear { get; init; }

    /// <summary>Where the straight line from the baseline to the target stands on <c>measuredOn</c> (two decimals).</summary>
    /// <example>68.21</example>
    public required decimal Expected { get; init; }

    /// <summary>met, onTrack, atRisk or missed (rules in docs/domain.md, Development targets).</summary>
    /// <example>atRisk</example>
    public required TargetState State { get; init; }

    /// <summary>The value at each year's end from the baseline's year up to <c>measuredOn</c>, oldest first.</summary>
    public required IReadOnlyList<ProgressPointDto> Series { get; init; }
}

/// <summary>Progress of a development target on a date.</summary>
public sealed record DevelopmentTargetProgressDto
{
    /// <summary>The target.</summary>
    /// <example>019a1b2c-3d4e-7f00-8a9b-0c1d2e3f4a60</example>
    public required Guid TargetId { get; init; }

    /// <summary>Province.</summary>
    /// <example>20</example>
    public required string ProvinceCode { get; init; }

    /// <summary>Baseline date.</summary>
    /// <example>2019-06-11</example>
    public required DateOnly BaselineDate { get; init; }

    /// <summary>Horizon year.</summary>
    /// <example>2025</example>
    public required int HorizonYear { get; init; }

    /// <summary>The date asked for (default: today in Vietnam).</summary>
    /// <example>2024-06-30</example>
    public required DateOnly AsOf { get; init; }

    /// <summary>The date the values are measured on: <c>asOf</c>, or 31 December of the horizon year when <c>asOf</c> is later.</summary>
    /// <example>2024-06-30</example>
    public required DateOnly MeasuredOn { get; init; }

    /// <summary>Whether the horizon year had ended on <c>asOf</c> (from then on a goal not met is missed).</summary>
    /// <example>false</example>
    public required bool HorizonEnded { get; init; }

    /// <summary>Progress of each goal, in the target's order.</summary>
    public required IReadOnlyList<MetricProgressDto> Metrics { get; init; }

    /// <summary>Version of the target the progress is for.</summary>
    /// <example>1</example>
    public required int Version { get; init; }
}
