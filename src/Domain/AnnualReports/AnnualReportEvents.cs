using CoopApi.Domain.Common;
using CoopApi.Domain.Cooperatives;

namespace CoopApi.Domain.AnnualReports;

/// <summary>An organization's figures for a year were filed for the first time.</summary>
/// <param name="AggregateId">The report.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="CooperativeId">The organization.</param>
/// <param name="Year">The year.</param>
/// <param name="Figures">The figures as filed.</param>
/// <param name="SizeClass">The size class computed from them (null for a cooperative group).</param>
public sealed record AnnualReportFiled(Guid AggregateId, DateTimeOffset OccurredAt, Guid CooperativeId, int Year,
    AnnualReportFigures Figures, SizeClass? SizeClass) : IDomainEvent
{
    /// <inheritdoc />
    public ChangeKind Kind => ChangeKind.Created;
}

/// <summary>The figures of a year were replaced (a replacement that changes nothing raises no event).</summary>
/// <param name="AggregateId">The report.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Changes">Each changed field, in the order of the resource's fields.</param>
public sealed record AnnualReportRevised(Guid AggregateId, DateTimeOffset OccurredAt, IReadOnlyList<FieldChange> Changes) : IDomainEvent
{
    /// <inheritdoc />
    public ChangeKind Kind => ChangeKind.Updated;
}

/// <summary>A report filed in error (e.g. under the wrong year) was removed; carries what it held.</summary>
/// <param name="AggregateId">The report.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="CooperativeId">The organization.</param>
/// <param name="Year">The year.</param>
/// <param name="Figures">The figures it held.</param>
public sealed record AnnualReportDeleted(Guid AggregateId, DateTimeOffset OccurredAt, Guid CooperativeId, int Year,
    AnnualReportFigures Figures) : IDomainEvent
{
    /// <inheritdoc />
    public ChangeKind Kind => ChangeKind.Deleted;
}
