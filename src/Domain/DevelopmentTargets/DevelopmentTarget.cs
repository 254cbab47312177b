using CoopApi.Domain.Common;

namespace CoopApi.Domain.DevelopmentTargets;

/// <summary>
/// A development target of a province (mục tiêu phát triển kinh tế tập thể): what is to be reached by
/// the end of a horizon year, measured from a baseline date, with the document that set it. Its own
/// aggregate with its own version; it belongs to its province. Progress is computed when read, never
/// stored.
/// </summary>
public sealed class DevelopmentTarget : AggregateRoot, IBelongsToProvince
{
    /// <summary>Stored type name (the change feed's <c>entityType</c>).</summary>
    public const string Type = "developmentTarget";

    private readonly List<TargetMetricGoal> _metrics = [];

    private DevelopmentTarget() { } // for EF Core

    /// <inheritdoc />
    public override string AggregateType => Type;

    /// <summary>Province the target is set for.</summary>
    public string ProvinceCode { get; private set; } = "";

    /// <summary>Title.</summary>
    public string Title { get; private set; } = "";

    /// <summary>Date progress is measured from.</summary>
    public DateOnly BaselineDate { get; private set; }

    /// <summary>Year by whose end the target is to be reached.</summary>
    public int HorizonYear { get; private set; }

    /// <summary>Number of the document that set the target, if known.</summary>
    public string? SourceNumber { get; private set; }

    /// <summary>Date of that document.</summary>
    public DateOnly? SourceDate { get; private set; }

    /// <summary>Its issuer.</summary>
    public string? SourceIssuer { get; private set; }

    /// <summary>The goals, in the order they were sent.</summary>
    public IReadOnlyList<TargetMetricGoal> Metrics => _metrics;

    /// <summary>When recorded (UTC).</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When last changed (UTC).</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The fields as recorded.</summary>
    public TargetFields Fields() => new(ProvinceCode, Title, BaselineDate, HorizonYear,
        SourceNumber is null ? null : new SourceDocument(SourceNumber, SourceDate!.Value, SourceIssuer),
        _metrics.OrderBy(m => m.Position).Select(m => m.Goal).ToList());

    /// <summary>Sets a target. The caller has checked that the province exists.</summary>
    /// <exception cref="DomainValidationException">A field breaks a rule of <see cref="DevelopmentTargetRules"/>.</exception>
    public static DevelopmentTarget Set(TargetFields fields, DateOnly today, DateTimeOffset now)
    {
        var target = new DevelopmentTarget { CreatedAt = Microseconds(now) };
        target.Apply(fields, today);
        target.UpdatedAt = target.CreatedAt;
        target.Raise(new DevelopmentTargetSet(target.Id, now, target.Fields()));
        return target;
    }

    /// <summary>Replaces the fields; raises <see cref="DevelopmentTargetChanged"/>, or nothing when nothing changed.</summary>
    /// <exception cref="DomainValidationException">A field breaks a rule of <see cref="DevelopmentTargetRules"/>.</exception>
    public void Replace(TargetFields fields, DateOnly today, DateTimeOffset now)
    {
        var before = Fields();
        Apply(fields, today);
        var after = Fields();
        if (before.SameAs(after))
        {
            return;
        }

        UpdatedAt = Microseconds(now);
        Raise(new DevelopmentTargetChanged(Id, now, before, after));
    }

    /// <summary>Removes a target recorded in error; raises <see cref="DevelopmentTargetDeleted"/>.</summary>
    public void Delete(DateTimeOffset now) => Raise(new DevelopmentTargetDeleted(Id, now, Fields()));

    private void Apply(TargetFields fields, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var trimmed = fields with
        {
            Title = FreeText.Normalize(fields.Title) ?? "",
            SourceDocument = fields.SourceDocument is { } d ? d with { Issuer = FreeText.Normalize(d.Issuer) } : null,
            Metrics = (fields.Metrics ?? []).Select(g => g with { Value = DevelopmentTargetRules.Normalize(g.Value) }).ToList(),
        };
        if (DevelopmentTargetRules.Check(trimmed, today) is { } error)
        {
            throw error.AsValidation();
        }

        ProvinceCode = trimmed.ProvinceCode;
        Title = trimmed.Title;
        BaselineDate = trimmed.BaselineDate;
        HorizonYear = trimmed.HorizonYear;
        SourceNumber = trimmed.SourceDocument?.Number;
        SourceDate = trimmed.SourceDocument?.Date;
        SourceIssuer = trimmed.SourceDocument?.Issuer;
        if (!trimmed.Metrics.SequenceEqual(_metrics.OrderBy(m => m.Position).Select(m => m.Goal)))
        {
            _metrics.Clear();
            _metrics.AddRange(trimmed.Metrics.Select((g, i) => new TargetMetricGoal(Id, i, g)));
        }
    }

    private static DateTimeOffset Microseconds(DateTimeOffset instant) => instant.AddTicks(-(instant.Ticks % TimeSpan.TicksPerMicrosecond));
}

/// <summary>One goal of a target (a child row; its metric is unique within the target).</summary>
public sealed class TargetMetricGoal : Entity
{
    private TargetMetricGoal() { } // for EF Core

    internal TargetMetricGoal(Guid targetId, int position, MetricGoal goal)
    {
        TargetId = targetId;
        Position = position;
        Metric = goal.Metric;
        Comparison = goal.Comparison;
        Value = DevelopmentTargetRules.Normalize(goal.Value);
    }

    /// <summary>The target.</summary>
    public Guid TargetId { get; private set; }

    /// <summary>Position in the list, from 0.</summary>
    public int Position { get; private set; }

    /// <summary>What is measured.</summary>
    public TargetMetric Metric { get; private set; }

    /// <summary>How it is compared.</summary>
    public TargetComparison Comparison { get; private set; }

    /// <summary>The target value.</summary>
    public decimal Value { get; private set; }

    /// <summary>As a value.</summary>
    public MetricGoal Goal => new(Metric, Comparison, Value);
}
