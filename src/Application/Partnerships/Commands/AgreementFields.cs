using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Validation;
using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.Partnerships;
using FluentValidation;

namespace CoopApi.Application.Partnerships.Commands;

/// <summary>A party as a client sends it.</summary>
[PublicName("PartyInput")]
public sealed record PartyInput
{
    /// <summary>Name (required, at most 255 characters; distinct among the parties).</summary>
    /// <example>Liên minh Hợp tác xã tỉnh Bắc Giang</example>
    [FieldRules(Required = true, MaxLength = PartnershipRules.NameMaxLength)]
    public string? Name { get; init; }

    /// <summary>Kind (required).</summary>
    /// <example>cooperativeAlliance</example>
    [FieldRules(Required = true)]
    public PartyKind? Kind { get; init; }
}

/// <summary>A signatory as a client sends it.</summary>
[PublicName("SignatoryInput")]
public sealed record SignatoryInput
{
    /// <summary>Full name (required).</summary>
    /// <example>Nguyễn Đức Hiền</example>
    [FieldRules(Required = true, MaxLength = PartnershipRules.NameMaxLength)]
    public string? FullName { get; init; }

    /// <summary>Title (position).</summary>
    /// <example>Chủ tịch Liên minh Hợp tác xã tỉnh</example>
    [FieldRules(MaxLength = PartnershipRules.NameMaxLength)]
    public string? Title { get; init; }

    /// <summary>Name of the party signed for: one of <c>parties</c> (required).</summary>
    /// <example>Liên minh Hợp tác xã tỉnh Bắc Giang</example>
    [FieldRules(Required = true, MaxLength = PartnershipRules.NameMaxLength)]
    public string? Party { get; init; }
}

/// <summary>A policy reference as a client sends it.</summary>
[PublicName("PolicyReferenceInput")]
public sealed record PolicyReferenceInput
{
    /// <summary>Number and symbol (required).</summary>
    /// <example>20-NQ/TW</example>
    [FieldRules(Required = true, MaxLength = PartnershipRules.NumberMaxLength)]
    public string? Number { get; init; }

    /// <summary>Date of the document, yyyy-MM-dd.</summary>
    /// <example>2022-06-16</example>
    [FieldRules(EarliestDate = "1945-01-01")]
    public DateOnly? IssuedOn { get; init; }

    /// <summary>What it is.</summary>
    /// <example>Nghị quyết về tiếp tục đổi mới, phát triển và nâng cao hiệu quả kinh tế tập thể trong giai đoạn mới</example>
    [FieldRules(MaxLength = PartnershipRules.TextMaxLength)]
    public string? Title { get; init; }
}

/// <summary>The terms of a programme, sent to create it or to replace them.</summary>
public abstract record AgreementFields
{
    /// <summary>Title (required, at most 1000 characters).</summary>
    /// <example>Chương trình phối hợp về tuyên truyền, phát triển kinh tế tập thể, hợp tác xã giai đoạn 2023 – 2025</example>
    [FieldRules(Required = true, MaxLength = PartnershipRules.TextMaxLength)]
    public string? Title { get; init; }

    /// <summary>Document number, if any.</summary>
    /// <example>01/CTPH</example>
    [FieldRules(MaxLength = PartnershipRules.NumberMaxLength)]
    public string? Reference { get; init; }

    /// <summary>The parties: at least two, names distinct.</summary>
    /// <example>[{"name": "Liên minh Hợp tác xã tỉnh Bắc Giang", "kind": "cooperativeAlliance"}, {"name": "Tỉnh đoàn Bắc Giang", "kind": "youthUnion"}]</example>
    [FieldRules(Required = true, MaxItems = PartnershipRules.MaxItems)]
    public IReadOnlyList<PartyInput?>? Parties { get; init; }

    /// <summary>Who signed, each for one of the parties.</summary>
    /// <example>[{"fullName": "Nguyễn Đức Hiền", "title": "Chủ tịch Liên minh Hợp tác xã tỉnh", "party": "Liên minh Hợp tác xã tỉnh Bắc Giang"}, {"fullName": "Thân Trung Kiên", "title": "Bí thư Tỉnh đoàn", "party": "Tỉnh đoàn Bắc Giang"}]</example>
    [FieldRules(MaxItems = PartnershipRules.MaxItems)]
    public IReadOnlyList<SignatoryInput?>? Signatories { get; init; }

    /// <summary>Signing date, yyyy-MM-dd (required, not in the future, not after the period).</summary>
    /// <example>2023-03-09</example>
    [FieldRules(Required = true, EarliestDate = "1945-01-01")]
    public DateOnly? SignedOn { get; init; }

    /// <summary>First year of the period (required).</summary>
    /// <example>2023</example>
    [FieldRules(Required = true, Minimum = PartnershipRules.EarliestYear, Maximum = PartnershipRules.LatestYear)]
    public int? PeriodStartYear { get; init; }

    /// <summary>Last year of the period (required; at most 10 years in all).</summary>
    /// <example>2025</example>
    [FieldRules(Required = true, Minimum = PartnershipRules.EarliestYear, Maximum = PartnershipRules.LatestYear)]
    public int? PeriodEndYear { get; init; }

    /// <summary>Province the programme belongs to (required, a current province code).</summary>
    /// <example>24</example>
    [FieldRules(Required = true, Pattern = "^[0-9]{2}$")]
    public string? ProvinceCode { get; init; }

    /// <summary>Policy documents it implements.</summary>
    /// <example>[{"number": "20-NQ/TW", "issuedOn": "2022-06-16", "title": "Nghị quyết về tiếp tục đổi mới, phát triển và nâng cao hiệu quả kinh tế tập thể trong giai đoạn mới"}]</example>
    [FieldRules(MaxItems = PartnershipRules.MaxItems)]
    public IReadOnlyList<PolicyReferenceInput?>? PolicyReferences { get; init; }

    /// <summary>Content areas, in order (commitments name them by index from 0).</summary>
    /// <example>["Đẩy mạnh công tác tuyên truyền về kinh tế tập thể trong thanh niên", "Phối hợp tập huấn sáng lập viên hợp tác xã"]</example>
    [FieldRules(MaxItems = PartnershipRules.MaxItems, ItemMaxLength = PartnershipRules.TextMaxLength)]
    public IReadOnlyList<string?>? ContentAreas { get; init; }

    /// <summary>The terms for the domain (call after validation).</summary>
    internal AgreementTerms ToTerms() => new(Title!, Reference,
        Parties!.Select(p => new Party(p!.Name!, p.Kind!.Value)).ToList(),
        (Signatories ?? []).Select(s => new Signatory(s!.FullName!, s.Title, s.Party!)).ToList(),
        SignedOn!.Value, PeriodStartYear!.Value, PeriodEndYear!.Value, ProvinceCode!,
        (PolicyReferences ?? []).Select(p => new PolicyReference(p!.Number!, p.IssuedOn, p.Title)).ToList(),
        (ContentAreas ?? []).Select(a => a!).ToList());

    /// <summary>Every broken field rule (the domain's own checks).</summary>
    internal IEnumerable<Domain.Common.DomainError> Check(DateOnly today, IAdministrativeUnits units)
    {
        var parties = Parties?.Select(p => p is null ? null : new Party(p.Name!, p.Kind ?? (PartyKind)0)).ToList();
        var signatories = Signatories?.Select(s => s is null ? null : new Signatory(s.FullName!, s.Title, s.Party!)).ToList();
        var policies = PolicyReferences?.Select(p => p is null ? null : new PolicyReference(p.Number!, p.IssuedOn, p.Title)).ToList();
        return PartnershipRules.CheckTerms(Title, Reference, parties, signatories, SignedOn, PeriodStartYear, PeriodEndYear, ProvinceCode,
            policies, ContentAreas, today, units);
    }
}

/// <summary>Field rules shared by create and update, each the domain's (<see cref="PartnershipRules"/>).</summary>
public abstract class AgreementFieldsValidator<T> : AbstractValidator<T> where T : AgreementFields
{
    /// <summary>Creates the rules.</summary>
    protected AgreementFieldsValidator(IAdministrativeUnits units, IVietnamCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(calendar);
        RuleFor(x => x.Title).SatisfiesAll((x, _) => x.Check(calendar.Today, units));
    }
}
