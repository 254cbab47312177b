using CoopApi.Domain.DevelopmentTargets;

namespace CoopApi.Application.DevelopmentTargets;

/// <summary>
/// Aggregate → DTO of development targets. Written by hand: the source document is three columns of
/// the aggregate that form one optional object, and the goals are child rows in order.
/// </summary>
public static class DevelopmentTargetMapper
{
    /// <summary>The target as the API shows it.</summary>
    public static DevelopmentTargetDto ToDto(this DevelopmentTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var fields = target.Fields();
        return new DevelopmentTargetDto
        {
            Id = target.Id,
            ProvinceCode = fields.ProvinceCode,
            Title = fields.Title,
            BaselineDate = fields.BaselineDate,
            HorizonYear = fields.HorizonYear,
            SourceDocument = fields.SourceDocument is { } d ? new SourceDocumentDto { Number = d.Number, Date = d.Date, Issuer = d.Issuer } : null,
            Metrics = fields.Metrics.Select(ToDto).ToList(),
            CreatedAt = target.CreatedAt,
            UpdatedAt = target.UpdatedAt,
            Version = target.Version,
        };
    }

    /// <summary>One goal as the API shows it.</summary>
    public static MetricGoalDto ToDto(this MetricGoal goal)
    {
        ArgumentNullException.ThrowIfNull(goal);
        return new MetricGoalDto { Metric = goal.Metric, Comparison = goal.Comparison, Value = DevelopmentTargetRules.Normalize(goal.Value) };
    }
}
