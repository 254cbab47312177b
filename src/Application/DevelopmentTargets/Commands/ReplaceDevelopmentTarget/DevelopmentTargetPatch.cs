using CoopApi.Application.Common.Contract;
using CoopApi.Domain.DevelopmentTargets;

namespace CoopApi.Application.DevelopmentTargets.Commands.ReplaceDevelopmentTarget;

/// <summary>
/// A JSON Merge Patch (RFC 7396) of a development target, sent as <c>application/merge-patch+json</c>.
/// Every member is optional: a member that is present sets the field, <c>null</c> removes the
/// source document (the other fields are required and cannot be removed), an absent member keeps
/// the field; <c>metrics</c> is replaced as a whole. The result must satisfy the rules of a full
/// replacement (<c>DevelopmentTargetReplacement</c>). This type is the contract only: the server
/// applies the patch to the stored target and sends the result as a full replacement.
/// </summary>
[PublicName("DevelopmentTargetPatch")]
public sealed record DevelopmentTargetPatch
{
    /// <summary>Province (a current province code); cannot be removed.</summary>
    /// <example>20</example>
    [FieldRules(Pattern = "^[0-9]{2}$")]
    public string? ProvinceCode { get; init; }

    /// <summary>Title (at most 500 characters); cannot be removed.</summary>
    /// <example>Mục tiêu phát triển hợp tác xã tỉnh Lạng Sơn giai đoạn 2021–2025 (ví dụ)</example>
    [FieldRules(MaxLength = DevelopmentTargetRules.TitleMaxLength)]
    public string? Title { get; init; }

    /// <summary>Baseline date, yyyy-MM-dd; cannot be removed.</summary>
    /// <example>2019-06-11</example>
    [FieldRules(EarliestDate = "2000-01-01")]
    public DateOnly? BaselineDate { get; init; }

    /// <summary>Horizon year; cannot be removed.</summary>
    /// <example>2025</example>
    [FieldRules(Minimum = 2000, Maximum = DevelopmentTargetRules.LatestHorizonYear)]
    public int? HorizonYear { get; init; }

    /// <summary>The source document as a whole; <c>null</c> removes it.</summary>
    public SourceDocumentInput? SourceDocument { get; init; }

    /// <summary>The goals, replaced as a whole (1 to 9, each metric once); cannot be removed.</summary>
    /// <example>[{"metric":"newCooperatives","comparison":"atLeast","value":100}]</example>
    [FieldRules(MaxItems = DevelopmentTargetRules.MaxMetrics)]
    public IReadOnlyList<MetricGoalInput>? Metrics { get; init; }
}
