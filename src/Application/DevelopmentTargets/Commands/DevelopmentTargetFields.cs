using System.Globalization;
using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Validation;
using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.Common;
using CoopApi.Domain.DevelopmentTargets;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CoopApi.Application.DevelopmentTargets.Commands;

/// <summary>The document that set a target, as a client sends it.</summary>
[PublicName("SourceDocumentInput")]
public sealed record SourceDocumentInput
{
    /// <summary>Number and symbol (required, at most 100 characters).</summary>
    /// <example>538/UBND-KTTH</example>
    [FieldRules(Required = true, MaxLength = DevelopmentTargetRules.NumberMaxLength)]
    public string? Number { get; init; }

    /// <summary>Date, yyyy-MM-dd (required, not in the future).</summary>
    /// <example>2019-06-11</example>
    [FieldRules(Required = true, EarliestDate = "1945-01-01")]
    public DateOnly? Date { get; init; }

    /// <summary>Who issued it (at most 255 characters).</summary>
    /// <example>Ủy ban nhân dân tỉnh Lạng Sơn</example>
    [FieldRules(MaxLength = DevelopmentTargetRules.IssuerMaxLength)]
    public string? Issuer { get; init; }
}

/// <summary>One goal as a client sends it.</summary>
[PublicName("MetricGoalInput")]
public sealed record MetricGoalInput
{
    /// <summary>What is measured (required; each metric at most once per target).</summary>
    /// <example>newCooperatives</example>
    [FieldRules(Required = true)]
    public TargetMetric? Metric { get; init; }

    /// <summary>How the measured value is compared with <c>value</c> (required).</summary>
    /// <example>atLeast</example>
    [FieldRules(Required = true)]
    public TargetComparison? Comparison { get; init; }

    /// <summary>
    /// The target value (required): for <c>fairOrBetterShare</c> and <c>weakShare</c> a percentage
    /// from 0 to 100 with at most two decimals; for the other metrics a whole number from 0 (a count,
    /// or VND for <c>totalCharterCapital</c>).
    /// </summary>
    /// <example>100</example>
    [FieldRules(Required = true, Minimum = 0, Maximum = 1_000_000_000_000_000)]
    public decimal? Value { get; init; }
}

/// <summary>The fields a client sends to set or replace a development target (nullable, so that a missing one is reported).</summary>
public abstract record DevelopmentTargetFields
{
    /// <summary>Province the target is set for (required, a current province code).</summary>
    /// <example>20</example>
    [FieldRules(Required = true, Pattern = "^[0-9]{2}$")]
    public string? ProvinceCode { get; init; }

    /// <summary>Title (required, at most 500 characters).</summary>
    /// <example>Mục tiêu phát triển hợp tác xã tỉnh Lạng Sơn giai đoạn 2021–2025 (ví dụ)</example>
    [FieldRules(Required = true, MaxLength = DevelopmentTargetRules.TitleMaxLength)]
    public string? Title { get; init; }

    /// <summary>Date progress is measured from, yyyy-MM-dd (required, from 2000-01-01, not in the future).</summary>
    /// <example>2019-06-11</example>
    [FieldRules(Required = true, EarliestDate = "2000-01-01")]
    public DateOnly? BaselineDate { get; init; }

    /// <summary>Year by whose end the target is to be reached (required; not before the baseline's year, at most 2100).</summary>
    /// <example>2025</example>
    [FieldRules(Required = true, Minimum = 2000, Maximum = DevelopmentTargetRules.LatestHorizonYear)]
    public int? HorizonYear { get; init; }

    /// <summary>The document that set the target (optional).</summary>
    public SourceDocumentInput? SourceDocument { get; init; }

    /// <summary>The goals (required, 1 to 9, each metric at most once).</summary>
    /// <example>[{"metric":"newCooperatives","comparison":"atLeast","value":100},{"metric":"fairOrBetterShare","comparison":"greaterThan","value":45},{"metric":"weakShare","comparison":"lessThan","value":10}]</example>
    [FieldRules(Required = true, MaxItems = DevelopmentTargetRules.MaxMetrics)]
    public IReadOnlyList<MetricGoalInput>? Metrics { get; init; }

    /// <summary>The fields as the domain takes them (after validation).</summary>
    public TargetFields ToFields() => new(ProvinceCode!, Title!, BaselineDate!.Value, HorizonYear!.Value,
        SourceDocument is { } d ? new Domain.DevelopmentTargets.SourceDocument(d.Number!, d.Date!.Value, d.Issuer) : null,
        Metrics!.Select(m => new MetricGoal(m.Metric!.Value, m.Comparison!.Value, m.Value!.Value)).ToList());
}

/// <summary>Rules of <see cref="DevelopmentTargetFields"/>, reported field by field (400), with the domain's codes and texts.</summary>
public abstract class DevelopmentTargetFieldsValidator<T> : AbstractValidator<T> where T : DevelopmentTargetFields
{
    /// <summary>Creates the rules.</summary>
    protected DevelopmentTargetFieldsValidator(IVietnamCalendar calendar, IAdministrativeUnits units)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(units);
        RuleFor(x => x.ProvinceCode).Satisfies((_, c) => ProvinceCode.CheckFormat(c) ?? ProvinceCode.CheckExists(c!, units));
        RuleFor(x => x.Title).Satisfies((_, v) => DevelopmentTargetRules.CheckTitle(v));
        RuleFor(x => x.BaselineDate).Satisfies((_, v) => DevelopmentTargetRules.CheckBaselineDate(v, calendar.Today));
        RuleFor(x => x.HorizonYear).Satisfies((x, v) => DevelopmentTargetRules.CheckHorizonYear(v, x.BaselineDate));
        RuleFor(x => x.SourceDocument)
            .Satisfies((_, d) => DevelopmentTargetRules.CheckSourceDocument(d!.Number, d.Date, d.Issuer, calendar.Today))
            .When(x => x.SourceDocument is not null);
        RuleFor(x => x.Metrics).SatisfiesAll((_, m) => CheckMetrics(m));
    }

    /// <summary>Every broken rule of the goals, each under its item (<c>metrics[1].value</c>).</summary>
    private static IEnumerable<DomainError> CheckMetrics(IReadOnlyList<MetricGoalInput>? metrics)
    {
        if (metrics is null || metrics.Count == 0)
        {
            yield return DevelopmentTargetRules.Errors.Required("metrics");
            yield break;
        }

        if (metrics.Count > DevelopmentTargetRules.MaxMetrics)
        {
            yield return DevelopmentTargetRules.Errors.TooManyMetrics;
            yield break;
        }

        var seen = new HashSet<TargetMetric>();
        for (var i = 0; i < metrics.Count; i++)
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"metrics[{i}]");
            if (metrics[i] is not { } goal)
            {
                yield return DevelopmentTargetRules.Errors.Required(field);
                continue;
            }

            if (goal.Metric is not { } metric)
            {
                yield return DevelopmentTargetRules.Errors.Required(field + ".metric");
            }
            else if (!seen.Add(metric))
            {
                yield return DevelopmentTargetRules.Errors.DuplicateMetric(field + ".metric", metric);
            }

            if (goal.Comparison is null)
            {
                yield return DevelopmentTargetRules.Errors.Required(field + ".comparison");
            }

            if (goal.Value is null)
            {
                yield return DevelopmentTargetRules.Errors.Required(field + ".value");
            }
            else if (goal.Metric is { } m && goal.Comparison is { } c
                && DevelopmentTargetRules.CheckValue(field + ".value", m, c, goal.Value) is { } error)
            {
                yield return error;
            }
        }
    }
}

/// <summary>Loads and saves what the target commands change.</summary>
internal static class DevelopmentTargetLoader
{
    /// <summary>The tracked target with its goals, or 404.</summary>
    public static async Task<DevelopmentTarget> TargetAsync(IApplicationDbContext db, Guid id, CancellationToken ct) =>
        await db.Set<DevelopmentTarget>().Include(t => t.Metrics).FirstOrDefaultAsync(t => t.Id == id, ct)
        ?? throw new NotFoundException("Development target", "mục tiêu phát triển", id);

    /// <summary>412 when the client named another version than the stored one (checked after the province right, so no 412 leaks to other provinces).</summary>
    public static void EnsureVersion(DevelopmentTarget target, int expectedVersion)
    {
        if (target.Version != expectedVersion)
        {
            throw new ConcurrencyConflictException(clientPrecondition: true);
        }
    }

    /// <summary>Saves; a lost race is a failed precondition for a client that named the version it read.</summary>
    public static async Task SaveAsync(IApplicationDbContext db, bool clientNamedVersion, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (ConcurrencyConflictException) when (clientNamedVersion)
        {
            throw new ConcurrencyConflictException(clientPrecondition: true);
        }
    }
}
