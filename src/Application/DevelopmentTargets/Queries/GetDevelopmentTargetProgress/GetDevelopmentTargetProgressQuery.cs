using CoopApi.Application.Classifications.Queries;
using CoopApi.Application.Classifications.Queries.GetClassificationDistribution;
using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using CoopApi.Application.Common.Validation;
using CoopApi.Domain.Common;
using CoopApi.Domain.DevelopmentTargets;
using FluentValidation;
using MediatR;

namespace CoopApi.Application.DevelopmentTargets.Queries.GetDevelopmentTargetProgress;

/// <summary>Progress of a target on a date: per goal the target, the value measured, the straight line, the state, and a value per year's end.</summary>
/// <param name="Id">The target.</param>
public sealed record GetDevelopmentTargetProgressQuery(Guid Id) : IQuery<DevelopmentTargetProgressDto>
{
    /// <summary>The date (yyyy-MM-dd); default today in Vietnam; not before the baseline date, not in the future.</summary>
    public DateOnly? AsOf { get; init; }
}

/// <summary>Validates the date against today (the baseline is checked once the target is read).</summary>
public sealed class GetDevelopmentTargetProgressQueryValidator : AbstractValidator<GetDevelopmentTargetProgressQuery>
{
    /// <summary>Creates the rules.</summary>
    public GetDevelopmentTargetProgressQueryValidator(IVietnamCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        RuleFor(x => x.AsOf).Satisfies((_, d) => d > calendar.Today ? ProgressErrors.AsOfInFuture : null);
    }
}

/// <summary>The texts of the progress query's rules.</summary>
public static class ProgressErrors
{
    /// <summary>A date after today.</summary>
    public static DomainError AsOfInFuture { get; } = new("asOf", "asOf.inFuture",
        "asOf may not be in the future: progress is measured, not forecast.", "asOf không được ở tương lai: tiến độ được đo, không dự báo.");

    /// <summary>A date before the target's baseline.</summary>
    public static DomainError AsOfBeforeBaseline(DateOnly baseline) => new("asOf", "asOf.beforeBaseline",
        $"asOf may not be before the target's baseline date ({baseline:yyyy-MM-dd}).",
        $"asOf không được trước ngày mốc của mục tiêu ({baseline:yyyy-MM-dd}).");
}

/// <summary>
/// Handles <see cref="GetDevelopmentTargetProgressQuery"/>: the register's figures from one SQL aggregate
/// of the target's read model; the shares from the classification distribution (its read model and its
/// definition of the shares, not a second one); the states by <see cref="DevelopmentTargetRules"/>.
/// </summary>
public sealed class GetDevelopmentTargetProgressQueryHandler(IDevelopmentTargetReadModel reads, IClassificationReadModel classifications,
    IVietnamCalendar calendar) : IRequestHandler<GetDevelopmentTargetProgressQuery, DevelopmentTargetProgressDto>
{
    /// <inheritdoc />
    public async Task<DevelopmentTargetProgressDto> Handle(GetDevelopmentTargetProgressQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = await reads.FindAsync(request.Id, cancellationToken)
            ?? throw new NotFoundException("Development target", "mục tiêu phát triển", request.Id);
        var asOf = request.AsOf ?? calendar.Today;
        if (asOf < target.BaselineDate)
        {
            throw ProgressErrors.AsOfBeforeBaseline(target.BaselineDate).AsValidation();
        }

        var measuredOn = DevelopmentTargetRules.MeasuredOn(target.HorizonYear, asOf);
        var yearEnds = Enumerable.Range(target.BaselineDate.Year, measuredOn.Year - target.BaselineDate.Year + 1)
            .Select(y => new DateOnly(y, 12, 31)).Where(d => d <= measuredOn).ToList();
        var dates = yearEnds.Append(target.BaselineDate).Append(measuredOn).Distinct().Order().ToList();

        var figures = target.Metrics.Any(m => !DevelopmentTargetRules.IsShare(m.Metric))
            ? (await reads.MeasureAsync(target.ProvinceCode, target.BaselineDate, dates, cancellationToken)).ToDictionary(f => f.Date)
            : [];
        var shares = target.Metrics.Any(m => DevelopmentTargetRules.IsShare(m.Metric))
            ? await SharesAsync(target.ProvinceCode, target.BaselineDate.Year, measuredOn.Year, cancellationToken)
            : [];

        var horizonEnded = DevelopmentTargetRules.HorizonEnded(target.HorizonYear, asOf);
        var metrics = new List<MetricProgressDto>();
        foreach (var goal in target.Metrics)
        {
            decimal? baseline, actual;
            int? actualYear = null;
            List<ProgressPointDto> series;
            if (DevelopmentTargetRules.IsShare(goal.Metric))
            {
                decimal? ShareOf(int year) => shares.TryGetValue(year, out var item)
                    ? goal.Metric == TargetMetric.WeakShare ? item.WeakShare : item.FairOrBetterShare
                    : null;
                baseline = ShareOf(target.BaselineDate.Year);
                // After the horizon, the horizon year's own assessments decide; before, the latest year assessed.
                actualYear = horizonEnded
                    ? (ShareOf(target.HorizonYear) is null ? null : target.HorizonYear)
                    : Enumerable.Range(target.BaselineDate.Year, measuredOn.Year - target.BaselineDate.Year + 1).Reverse()
                        .Where(y => ShareOf(y) is not null).Select(y => (int?)y).FirstOrDefault();
                actual = actualYear is { } year ? ShareOf(year) : null;
                series = yearEnds.Select(d => new ProgressPointDto { Date = d, Value = ShareOf(d.Year) }).ToList();
            }
            else
            {
                baseline = DevelopmentTargetRules.IsCountSinceBaseline(goal.Metric) ? 0 : ValueOf(goal.Metric, figures[target.BaselineDate]);
                actual = ValueOf(goal.Metric, figures[measuredOn]);
                series = yearEnds.Select(d => new ProgressPointDto { Date = d, Value = ValueOf(goal.Metric, figures[d]) }).ToList();
            }

            var expected = DevelopmentTargetRules.Expected(baseline, goal.Value, target.BaselineDate, target.HorizonYear, measuredOn);
            metrics.Add(new MetricProgressDto
            {
                Metric = goal.Metric,
                Comparison = goal.Comparison,
                Target = goal.Value,
                Baseline = baseline,
                Actual = actual,
                ActualYear = actualYear,
                Expected = DevelopmentTargetRules.Normalize(expected),
                State = DevelopmentTargetRules.StateOf(goal.Comparison, goal.Value, actual, expected, target.HorizonYear, asOf),
                Series = series,
            });
        }

        return new DevelopmentTargetProgressDto
        {
            TargetId = target.Id,
            ProvinceCode = target.ProvinceCode,
            BaselineDate = target.BaselineDate,
            HorizonYear = target.HorizonYear,
            AsOf = asOf,
            MeasuredOn = measuredOn,
            HorizonEnded = horizonEnded,
            Metrics = metrics,
            Version = target.Version,
        };
    }

    /// <summary>The distribution's line per year of the province (its shares as the distribution defines them).</summary>
    private async Task<Dictionary<int, ClassificationDistributionItemDto>> SharesAsync(string provinceCode, int fromYear, int toYear,
        CancellationToken ct)
    {
        var query = new GetClassificationDistributionQuery
        {
            FromYear = Math.Max(fromYear, toYear - GetClassificationDistributionQuery.MaxYears + 1),
            ToYear = toYear,
            ProvinceCode = provinceCode,
        };
        var counts = await classifications.CountAsync(query, ct);
        return counts.Select(GetClassificationDistributionQueryHandler.Item).ToDictionary(i => i.Year);
    }

    private static decimal ValueOf(TargetMetric metric, RegisterFigures f) => metric switch
    {
        TargetMetric.NewCooperatives => f.NewCooperatives,
        TargetMetric.NewCooperativeGroups => f.NewCooperativeGroups,
        TargetMetric.NewUnions => f.NewUnions,
        TargetMetric.ActiveCooperatives => f.ActiveCooperatives,
        TargetMetric.TotalMembers => f.TotalMembers,
        TargetMetric.TotalCharterCapital => f.TotalCharterCapital,
        TargetMetric.YouthCooperatives => f.YouthCooperatives,
        _ => throw new ArgumentOutOfRangeException(nameof(metric)),
    };
}
