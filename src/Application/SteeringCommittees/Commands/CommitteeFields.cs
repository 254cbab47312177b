using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Validation;
using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.SteeringCommittees;
using FluentValidation;

namespace CoopApi.Application.SteeringCommittees.Commands;

/// <summary>A founding decision as a client sends it.</summary>
[PublicName("FoundingDecisionInput")]
public sealed record FoundingDecisionInput
{
    /// <summary>Number and symbol (required, at most 100 characters).</summary>
    /// <example>1234/QĐ-UBND</example>
    [FieldRules(Required = true, MaxLength = SteeringRules.NumberMaxLength)]
    public string? Number { get; init; }

    /// <summary>Date, yyyy-MM-dd (required, not in the future).</summary>
    /// <example>2019-05-20</example>
    [FieldRules(Required = true, EarliestDate = "1945-01-01")]
    public DateOnly? Date { get; init; }

    /// <summary>Who issued it (at most 255 characters).</summary>
    /// <example>Ủy ban nhân dân tỉnh Lạng Sơn</example>
    [FieldRules(MaxLength = SteeringRules.NameMaxLength)]
    public string? Issuer { get; init; }
}

/// <summary>The descriptive fields of a committee, sent to create or fully update one.</summary>
public abstract record CommitteeFields
{
    /// <summary>Full name (required, at most 255 characters).</summary>
    /// <example>Ban chỉ đạo đổi mới, phát triển doanh nghiệp và nâng cao hiệu quả kinh tế tập thể tỉnh Lạng Sơn</example>
    [FieldRules(Required = true, MaxLength = SteeringRules.NameMaxLength)]
    public string? Name { get; init; }

    /// <summary>Level (required). <c>district</c> only for committees established before 1 July 2025.</summary>
    /// <example>provincial</example>
    [FieldRules(Required = true)]
    public CommitteeLevel? Level { get; init; }

    /// <summary>
    /// Area matching the level: a current province code (provincial, 2 digits), a current commune
    /// code (commune, 5 digits), a pre-reform district code (district, 3 digits); absent for national.
    /// </summary>
    /// <example>20</example>
    [FieldRules(Pattern = "^[0-9]{2,5}$")]
    public string? AreaCode { get; init; }

    /// <summary>
    /// The current province the committee belongs to: required for a district committee (the
    /// province its district lies in today); implied by the area otherwise (may be left out, and
    /// when sent must agree); absent for national.
    /// </summary>
    /// <example>20</example>
    [FieldRules(Pattern = "^[0-9]{2}$")]
    public string? ProvinceCode { get; init; }

    /// <summary>Date established, yyyy-MM-dd (required, not in the future; before 2025-07-01 for a district committee).</summary>
    /// <example>2019-06-11</example>
    [FieldRules(Required = true, EarliestDate = "1945-01-01")]
    public DateOnly? EstablishedOn { get; init; }

    /// <summary>The founding decision, when known.</summary>
    public FoundingDecisionInput? FoundingDecision { get; init; }

    /// <summary>The fields for the domain (call after validation).</summary>
    internal CommitteeDetails ToDetails() => new(Name!, Level!.Value, AreaCode, ProvinceCode, EstablishedOn!.Value,
        FoundingDecision?.Number, FoundingDecision?.Date, FoundingDecision?.Issuer);
}

/// <summary>Field rules shared by create and update, each the domain's (<see cref="SteeringRules"/>).</summary>
public abstract class CommitteeFieldsValidator<T> : AbstractValidator<T> where T : CommitteeFields
{
    /// <summary>Creates the rules.</summary>
    protected CommitteeFieldsValidator(IAdministrativeUnits units, IVietnamCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(calendar);
        RuleFor(x => x.Name).Satisfies((_, v) => SteeringRules.CheckRequiredText("name", v, SteeringRules.NameMaxLength));
        RuleFor(x => x.Level).Satisfies((x, v) => v is null ? SteeringRules.Errors.Required("level") : null);
        RuleFor(x => x.AreaCode).Satisfies((x, v) => x.Level is null ? null : SteeringRules.CheckArea(x.Level, v, x.ProvinceCode, units));
        RuleFor(x => x.EstablishedOn).Satisfies((x, v) => SteeringRules.CheckEstablishment(x.Level, v, calendar.Today));
        RuleFor(x => x.FoundingDecision)
            .Satisfies((_, d) => SteeringRules.CheckDecision(d!.Number, d.Date, d.Issuer, calendar.Today))
            .When(x => x.FoundingDecision is not null);
    }
}
