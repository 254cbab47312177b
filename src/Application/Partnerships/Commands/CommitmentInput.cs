using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Validation;
using CoopApi.Domain.Partnerships;
using FluentValidation;

namespace CoopApi.Application.Partnerships.Commands;

/// <summary>The fields of a commitment, sent to add or replace one.</summary>
public abstract record CommitmentInput
{
    /// <summary>What is promised (required, at most 1000 characters).</summary>
    /// <example>Mỗi năm phối hợp tổ chức ít nhất 01 lớp tập huấn sáng lập viên hoặc 01 lớp bồi dưỡng nguồn nhân lực cho cán bộ HTX</example>
    [FieldRules(Required = true, MaxLength = PartnershipRules.TextMaxLength)]
    public string? Description { get; init; }

    /// <summary>Index (from 0) of the agreement's content area it belongs to (required; 400 <c>contentArea.unknown</c> when the agreement has no such area).</summary>
    /// <example>0</example>
    [FieldRules(Required = true, Minimum = 0, Maximum = PartnershipRules.MaxItems - 1)]
    public int? ContentArea { get; init; }

    /// <summary>What is counted (required).</summary>
    /// <example>Lớp tập huấn sáng lập viên, bồi dưỡng cán bộ HTX</example>
    [FieldRules(Required = true, MaxLength = PartnershipRules.TextMaxLength)]
    public string? Indicator { get; init; }

    /// <summary>Unit (required).</summary>
    /// <example>lớp</example>
    [FieldRules(Required = true, MaxLength = PartnershipRules.NumberMaxLength)]
    public string? Unit { get; init; }

    /// <summary>Target (required, greater than 0).</summary>
    /// <example>1</example>
    [FieldRules(Required = true, Minimum = 0, Maximum = 1_000_000_000)]
    public decimal? Target { get; init; }

    /// <summary>perYear: at least the target every year of the period; byPeriodEnd: the cumulative total by the end year (required).</summary>
    /// <example>perYear</example>
    [FieldRules(Required = true)]
    public TargetKind? TargetKind { get; init; }

    /// <summary>Party responsible: the name of one of the agreement's parties.</summary>
    /// <example>Liên minh Hợp tác xã tỉnh Bắc Giang</example>
    [FieldRules(MaxLength = PartnershipRules.NameMaxLength)]
    public string? ResponsibleParty { get; init; }

    /// <summary>
    /// Measured from the register instead of reviews: organizations of that kind founded in the
    /// agreement's province in each year of the period (reviews then do not report it).
    /// </summary>
    public RegisterMeasure? RegisterMeasure { get; init; }

    /// <summary>The fields for the domain (call after validation).</summary>
    internal CommitmentFields ToFields() => new(Description!, ContentArea!.Value, Indicator!, Unit!, Target!.Value, TargetKind!.Value,
        ResponsibleParty, RegisterMeasure);
}

/// <summary>The field rules of a commitment (the domain's own; the content area and party are checked against the agreement).</summary>
public abstract class CommitmentInputValidator<T> : AbstractValidator<T> where T : CommitmentInput
{
    /// <summary>Creates the rules.</summary>
    protected CommitmentInputValidator() =>
        RuleFor(x => x.Description).SatisfiesAll((x, _) => PartnershipRules.CheckCommitment(x.Description, x.ContentArea, x.Indicator, x.Unit, x.Target,
            x.TargetKind, x.ResponsibleParty, x.RegisterMeasure));
}
