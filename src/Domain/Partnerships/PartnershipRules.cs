using System.Globalization;
using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.Common;

namespace CoopApi.Domain.Partnerships;

/// <summary>
/// The rules of partnership programmes, their commitments and reviews, each once: limits, checks
/// and (in <see cref="Errors"/>) stable codes and texts. Validators report the field checks; the
/// aggregate enforces them again and owns the rules that depend on its state.
/// </summary>
public static class PartnershipRules
{
    /// <summary>Longest title, content area, description or indicator (trimmed).</summary>
    public const int TextMaxLength = 1000;

    /// <summary>Longest name or title of a person or party (trimmed).</summary>
    public const int NameMaxLength = 255;

    /// <summary>Longest document number or unit (trimmed).</summary>
    public const int NumberMaxLength = 100;

    /// <summary>Longest summary, reason or notes (trimmed).</summary>
    public const int LongTextMaxLength = 4000;

    /// <summary>Most parties, signatories, policy references or content areas.</summary>
    public const int MaxItems = 50;

    /// <summary>Longest period, in years (first and last included).</summary>
    public const int MaxPeriodYears = 10;

    /// <summary>Earliest year accepted anywhere.</summary>
    public const int EarliestYear = 1945;

    /// <summary>Latest year accepted anywhere.</summary>
    public const int LatestYear = 2100;

    /// <summary>Largest target or achieved value.</summary>
    public const decimal MaxValue = 1_000_000_000m;

    /// <summary>Earliest date accepted anywhere.</summary>
    public static readonly DateOnly EarliestDate = new(EarliestYear, 1, 1);

    /// <summary>How names of parties are compared: trimmed, inner white space collapsed, case ignored.</summary>
    public static string NameKey(string? name) =>
        string.Join(' ', (name ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    /// <summary>Every broken field rule of the terms of a programme (nothing when they are valid).</summary>
    public static IEnumerable<DomainError> CheckTerms(string? title, string? reference, IReadOnlyList<Party?>? parties,
        IReadOnlyList<Signatory?>? signatories, DateOnly? signedOn, int? start, int? end, string? provinceCode,
        IReadOnlyList<PolicyReference?>? policies, IReadOnlyList<string?>? contentAreas, DateOnly today, IAdministrativeUnits units)
    {
        ArgumentNullException.ThrowIfNull(units);
        if (Required("title", title, TextMaxLength) is { } t) yield return t;
        if (FreeText.Check("reference", reference, NumberMaxLength) is { } r) yield return r;
        if (CheckParties(parties) is { } p) yield return p;
        if (CheckSignatories(signatories, parties) is { } s) yield return s;
        if (CheckPastDate("signedOn", signedOn, today) is { } d) yield return d;
        if (CheckPeriod(start, end) is { } period) yield return period;
        else if (signedOn is { } signed && signed.Year > end) yield return Errors.SignedAfterPeriod;
        if ((ProvinceCode.CheckFormat(provinceCode) ?? ProvinceCode.CheckExists(provinceCode!, units)) is { } province) yield return province;
        if (CheckPolicies(policies, today) is { } policy) yield return policy;
        if (CheckTextList("contentAreas", contentAreas, TextMaxLength) is { } areas) yield return areas;
    }

    /// <summary>A required free text.</summary>
    public static DomainError? Required(string field, string? value, int maxLength) =>
        FreeText.CheckRequired(field, value, maxLength, Errors.Required(field));

    /// <summary>A required date, not before 1945, not after <paramref name="today"/>.</summary>
    public static DomainError? CheckPastDate(string field, DateOnly? date, DateOnly today) =>
        date is not { } d ? Errors.Required(field)
        : d < EarliestDate ? Errors.TooEarly(field)
        : d > today ? Errors.InFuture(field)
        : null;

    /// <summary>A period: both years present, within 1945–2100, end not before start, at most <see cref="MaxPeriodYears"/> years.</summary>
    public static DomainError? CheckPeriod(int? start, int? end) =>
        start is not { } s ? Errors.Required("periodStartYear")
        : end is not { } e ? Errors.Required("periodEndYear")
        : s is < EarliestYear or > LatestYear ? Errors.YearRange("periodStartYear")
        : e is < EarliestYear or > LatestYear ? Errors.YearRange("periodEndYear")
        : e < s ? Errors.PeriodReversed
        : e - s + 1 > MaxPeriodYears ? Errors.PeriodTooLong
        : null;

    /// <summary>At least two parties, each named and of a kind, names distinct.</summary>
    public static DomainError? CheckParties(IReadOnlyList<Party?>? parties)
    {
        if (parties is null || parties.Count < 2)
        {
            return Errors.TooFewParties;
        }

        if (parties.Count > MaxItems)
        {
            return Errors.TooManyItems("parties");
        }

        for (var i = 0; i < parties.Count; i++)
        {
            var field = $"parties[{i}]";
            if (parties[i] is not { } party)
            {
                return Errors.Required(field);
            }

            if (Required(field + ".name", party.Name, NameMaxLength) is { } name)
            {
                return name;
            }

            if (!Enum.IsDefined(party.Kind))
            {
                return Errors.Required(field + ".kind");
            }
        }

        return parties.Select(p => NameKey(p!.Name)).Distinct().Count() != parties.Count ? Errors.DuplicateParty : null;
    }

    /// <summary>Signatories: each named, and signing for one of the parties.</summary>
    public static DomainError? CheckSignatories(IReadOnlyList<Signatory?>? signatories, IReadOnlyList<Party?>? parties)
    {
        if (signatories is null)
        {
            return null;
        }

        if (signatories.Count > MaxItems)
        {
            return Errors.TooManyItems("signatories");
        }

        var names = (parties ?? []).Where(p => p is not null).Select(p => NameKey(p!.Name)).ToHashSet();
        for (var i = 0; i < signatories.Count; i++)
        {
            var field = $"signatories[{i}]";
            if (signatories[i] is not { } s)
            {
                return Errors.Required(field);
            }

            var error = Required(field + ".fullName", s.FullName, NameMaxLength)
                ?? FreeText.Check(field + ".title", s.Title, NameMaxLength)
                ?? Required(field + ".party", s.Party, NameMaxLength);
            if (error is not null)
            {
                return error;
            }

            if (!names.Contains(NameKey(s.Party)))
            {
                return Errors.UnknownParty(field + ".party");
            }
        }

        return null;
    }

    /// <summary>Policy references: each with a number, dated (when dated) in the past.</summary>
    public static DomainError? CheckPolicies(IReadOnlyList<PolicyReference?>? policies, DateOnly today)
    {
        if (policies is null)
        {
            return null;
        }

        if (policies.Count > MaxItems)
        {
            return Errors.TooManyItems("policyReferences");
        }

        for (var i = 0; i < policies.Count; i++)
        {
            var field = $"policyReferences[{i}]";
            if (policies[i] is not { } p)
            {
                return Errors.Required(field);
            }

            var error = Required(field + ".number", p.Number, NumberMaxLength)
                ?? FreeText.Check(field + ".title", p.Title, TextMaxLength)
                ?? (p.IssuedOn is null ? null : CheckPastDate(field + ".issuedOn", p.IssuedOn, today));
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    /// <summary>A list of non-blank texts, at most <see cref="MaxItems"/>.</summary>
    public static DomainError? CheckTextList(string field, IReadOnlyList<string?>? items, int itemMaxLength)
    {
        if (items is null)
        {
            return null;
        }

        if (items.Count > MaxItems)
        {
            return Errors.TooManyItems(field);
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (Required($"{field}[{i}]", items[i], itemMaxLength) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    /// <summary>Every broken field rule of a commitment that does not need the agreement.</summary>
    public static IEnumerable<DomainError> CheckCommitment(string? description, int? contentArea, string? indicator, string? unit,
        decimal? target, TargetKind? targetKind, string? responsibleParty, RegisterMeasure? measure)
    {
        if (Required("description", description, TextMaxLength) is { } d) yield return d;
        if (contentArea is null) yield return Errors.Required("contentArea");
        else if (contentArea < 0) yield return Errors.UnknownContentArea;
        if (Required("indicator", indicator, TextMaxLength) is { } i) yield return i;
        if (Required("unit", unit, NumberMaxLength) is { } u) yield return u;
        if (target is null) yield return Errors.Required("target");
        else if (target <= 0 || target > MaxValue) yield return Errors.ValueRange("target");
        if (targetKind is null || !Enum.IsDefined(targetKind.Value)) yield return Errors.Required("targetKind");
        if (FreeText.Check("responsibleParty", responsibleParty, NameMaxLength) is { } p) yield return p;
        if (measure is { } m && !Enum.IsDefined(m)) yield return Errors.Required("registerMeasure");
    }

    /// <summary>Every broken field rule of a review that does not need the agreement.</summary>
    public static IEnumerable<DomainError> CheckReview(ReviewKind? kind, int? year, DateOnly? heldOn, string? summary,
        IReadOnlyList<ReviewResult?>? results, DateOnly today)
    {
        if (kind is null || !Enum.IsDefined(kind.Value)) yield return Errors.Required("kind");
        if (year is null) yield return Errors.Required("year");
        else if (year is < EarliestYear or > LatestYear) yield return Errors.YearRange("year");
        if (CheckPastDate("heldOn", heldOn, today) is { } h) yield return h;
        else if (year is { } y && heldOn!.Value.Year < y) yield return Errors.HeldBeforeYear;
        if (FreeText.Check("summary", summary, LongTextMaxLength) is { } s) yield return s;
        if (results is null)
        {
            yield break;
        }

        if (results.Count > 500)
        {
            yield return Errors.TooManyItems("results");
            yield break;
        }

        for (var i = 0; i < results.Count; i++)
        {
            var field = $"results[{i}]";
            if (results[i] is not { } r)
            {
                yield return Errors.Required(field);
                continue;
            }

            if (r.CommitmentId == Guid.Empty) yield return Errors.Required(field + ".commitmentId");
            if (r.Achieved < 0 || r.Achieved > MaxValue) yield return Errors.ValueRange(field + ".achieved");
            if (FreeText.Check(field + ".notes", r.Notes, LongTextMaxLength) is { } n) yield return n;
        }

        if (results.Where(r => r is not null).GroupBy(r => r!.CommitmentId).Any(g => g.Count() > 1))
        {
            yield return Errors.DuplicateResult;
        }
    }

    /// <summary>Texts of the rules.</summary>
    public static class Errors
    {
        /// <summary>A required field is missing or blank.</summary>
        public static DomainError Required(string field) => new(field, $"{field}.required",
            $"{field} is required.", $"{field} là bắt buộc.");

        /// <summary>A date before 1945.</summary>
        public static DomainError TooEarly(string field) => new(field, $"{field}.tooEarly",
            $"{field} must not be before {EarliestDate:yyyy-MM-dd}.", $"{field} không được trước ngày {EarliestDate:dd/MM/yyyy}.");

        /// <summary>A date in the future.</summary>
        public static DomainError InFuture(string field) => new(field, $"{field}.inFuture",
            $"{field} must not be in the future.", $"{field} không được là ngày trong tương lai.");

        /// <summary>A year outside 1945–2100.</summary>
        public static DomainError YearRange(string field) => new(field, $"{field}.outOfRange",
            $"{field} must be between {EarliestYear} and {LatestYear}.", $"{field} phải trong khoảng {EarliestYear}–{LatestYear}.");

        /// <summary>A number out of range.</summary>
        public static DomainError ValueRange(string field) => new(field, $"{field}.outOfRange",
            $"{field} must be greater than 0 (achieved values: at least 0) and at most {MaxValue:0}.",
            $"{field} phải lớn hơn 0 (giá trị đạt được: từ 0) và không quá {MaxValue:0}.");

        /// <summary>Too many items in a list.</summary>
        public static DomainError TooManyItems(string field) => new(field, $"{field}.tooMany",
            $"{field} holds too many items.", $"{field} có quá nhiều mục.");

        /// <summary>Fewer than two parties.</summary>
        public static readonly DomainError TooFewParties = new("parties", "parties.tooFew",
            "A programme has at least two parties.", "Chương trình phối hợp phải có ít nhất hai bên.");

        /// <summary>Two parties of the same name.</summary>
        public static readonly DomainError DuplicateParty = new("parties", "parties.duplicate",
            "Two parties have the same name.", "Có hai bên trùng tên.");

        /// <summary>A name that is not one of the parties.</summary>
        public static DomainError UnknownParty(string field) => new(field, $"{field.Split('.')[^1]}.notAParty",
            $"{field} must be the name of one of the parties.", $"{field} phải là tên của một trong các bên tham gia.");

        /// <summary>End year before start year.</summary>
        public static readonly DomainError PeriodReversed = new("periodEndYear", "periodEndYear.beforeStart",
            "periodEndYear must not be before periodStartYear.", "periodEndYear không được trước periodStartYear.");

        /// <summary>A period longer than allowed.</summary>
        public static readonly DomainError PeriodTooLong = new("periodEndYear", "periodEndYear.tooLong",
            $"A period lasts at most {MaxPeriodYears} years.", $"Giai đoạn kéo dài tối đa {MaxPeriodYears} năm.");

        /// <summary>Signed after the period ended.</summary>
        public static readonly DomainError SignedAfterPeriod = new("signedOn", "signedOn.afterPeriod",
            "signedOn must not be after the last year of the period.", "signedOn không được sau năm cuối của giai đoạn.");

        /// <summary>A review held before the year it reviews.</summary>
        public static readonly DomainError HeldBeforeYear = new("heldOn", "heldOn.beforeYear",
            "A review cannot be held before the year it reviews begins.", "Không thể sơ kết, tổng kết trước năm được đánh giá.");

        /// <summary>A content area index that does not exist.</summary>
        public static readonly DomainError UnknownContentArea = new("contentArea", "contentArea.unknown",
            "contentArea must be the index (from 0) of one of the agreement's content areas.",
            "contentArea phải là số thứ tự (từ 0) của một nội dung phối hợp của chương trình.");

        /// <summary>Two results for one commitment.</summary>
        public static readonly DomainError DuplicateResult = new("results", "results.duplicate",
            "A review reports each commitment at most once.", "Mỗi cam kết chỉ được báo cáo một lần trong một kỳ đánh giá.");

        /// <summary>A result for a commitment the agreement does not have.</summary>
        public static DomainError UnknownCommitment(Guid id) => new("results", "results.unknownCommitment",
            $"The agreement has no commitment {id}.", $"Chương trình không có cam kết {id}.");

        /// <summary>A result for a commitment measured from the register.</summary>
        public static DomainError MeasuredFromRegister(Guid id) => new("results", "results.measuredFromRegister",
            $"Commitment {id} is counted from the register: a review does not report it.",
            $"Cam kết {id} được tính từ sổ đăng ký: kỳ đánh giá không báo cáo cam kết này.");

        /// <summary>A status change that is not allowed.</summary>
        public static DomainError TransitionNotAllowed(AgreementStatus from, AgreementStatus to) => new("status", "partnershipAgreement.transitionNotAllowed",
            $"A programme cannot go from {EnumLabels.ApiName(from)} to {EnumLabels.ApiName(to)} (draft → active → completed | terminated).",
            $"Chương trình không thể chuyển từ {EnumLabels.Of(from).Vietnamese} sang {EnumLabels.Of(to).Vietnamese} (dự thảo → đang thực hiện → hoàn thành | chấm dứt).");

        /// <summary>The status asked for is the current one.</summary>
        public static readonly DomainError StatusUnchanged = new("status", "partnershipAgreement.statusUnchanged",
            "The programme already has this status.", "Chương trình đã ở trạng thái này.");

        /// <summary>Activation dated before signing.</summary>
        public static readonly DomainError ActiveBeforeSigned = new("effectiveOn", "partnershipAgreement.activeBeforeSigned",
            "A programme takes effect on or after its signing date.", "Chương trình có hiệu lực từ ngày ký trở đi.");

        /// <summary>Completion before the end year.</summary>
        public static readonly DomainError CompletedBeforeEnd = new("effectiveOn", "partnershipAgreement.completedBeforeEndYear",
            "A programme is completed only in or after the last year of its period.",
            "Chương trình chỉ hoàn thành trong hoặc sau năm cuối của giai đoạn.");

        /// <summary>A status date before the previous one.</summary>
        public static readonly DomainError StatusDateOutOfOrder = new("effectiveOn", "partnershipAgreement.dateBeforeLastChange",
            "effectiveOn must not be before the programme's last status change or review.",
            "effectiveOn không được trước lần chuyển trạng thái hoặc kỳ đánh giá gần nhất.");

        /// <summary>A completed or terminated programme takes no change.</summary>
        public static readonly DomainError Closed = new("", "partnershipAgreement.closed",
            "The programme is completed or terminated; it can no longer be changed.",
            "Chương trình đã hoàn thành hoặc chấm dứt, không thể thay đổi.");

        /// <summary>Only a draft can be deleted.</summary>
        public static readonly DomainError NotDraft = new("", "partnershipAgreement.notDraft",
            "Only a draft programme can be changed this way or deleted.", "Chỉ chương trình ở trạng thái dự thảo mới được sửa theo cách này hoặc xóa.");

        /// <summary>A field that an amendment cannot change.</summary>
        public static DomainError NotAmendable(IEnumerable<string> fields) => new("", "partnershipAgreement.notAmendable",
            $"An active programme changes only by amendment of periodEndYear, signatories, policyReferences or contentAreas (appended); not: {string.Join(", ", fields)}.",
            $"Chương trình đang thực hiện chỉ được sửa đổi periodEndYear, signatories, policyReferences hoặc bổ sung contentAreas; không được sửa: {string.Join(", ", fields)}.");

        /// <summary>A change of an active programme without an amendment.</summary>
        public static readonly DomainError AmendmentRequired = new("amendment", "partnershipAgreement.amendmentRequired",
            "An active programme changes only by an amendment: send amendment (amendedOn, reference, reason).",
            "Chương trình đang thực hiện chỉ thay đổi bằng văn bản sửa đổi: gửi amendment (amendedOn, reference, reason).");

        /// <summary>An amendment sent for a draft.</summary>
        public static readonly DomainError AmendmentOfDraft = new("amendment", "partnershipAgreement.draftNeedsNoAmendment",
            "A draft is edited directly: leave amendment out.", "Dự thảo được sửa trực tiếp: bỏ trống amendment.");

        /// <summary>Content areas of an active programme edited or removed.</summary>
        public static readonly DomainError ContentAreasAppendOnly = new("contentAreas", "partnershipAgreement.contentAreasAppendOnly",
            "An amendment may add content areas at the end, never change or remove one.",
            "Văn bản sửa đổi chỉ được bổ sung nội dung phối hợp vào cuối, không được sửa hay bỏ nội dung đã có.");

        /// <summary>The period made to end before a reviewed year.</summary>
        public static readonly DomainError EndBeforeReviews = new("periodEndYear", "partnershipAgreement.endBeforeReviews",
            "The period cannot end before a year already reviewed.", "Giai đoạn không được kết thúc trước năm đã sơ kết.");

        /// <summary>The period start moved while commitments exist… (only drafts move it; kept for symmetry).</summary>
        public static readonly DomainError ContentAreaInUse = new("contentAreas", "partnershipAgreement.contentAreaInUse",
            "A commitment refers to a content area that would no longer exist.",
            "Có cam kết thuộc nội dung phối hợp sẽ không còn tồn tại.");

        /// <summary>A commitment's content area index outside the list.</summary>
        public static readonly DomainError CommitmentContentArea = new("contentArea", "contentArea.unknown",
            "contentArea must be the index (from 0) of one of the agreement's content areas.",
            "contentArea phải là số thứ tự (từ 0) của một nội dung phối hợp của chương trình.");

        /// <summary>A commitment changed or removed after the draft.</summary>
        public static readonly DomainError CommitmentFrozen = new("", "partnershipCommitment.notDraft",
            "Once a programme is active its commitments are never changed or removed (new ones may be added).",
            "Khi chương trình đã thực hiện, các cam kết không được sửa hay xóa (chỉ được bổ sung cam kết mới).");

        /// <summary>A review of a programme that is not active.</summary>
        public static readonly DomainError ReviewNotActive = new("", "partnershipReview.agreementNotActive",
            "Only an active programme is reviewed.", "Chỉ chương trình đang thực hiện mới được sơ kết, tổng kết.");

        /// <summary>A review of a year outside the period.</summary>
        public static DomainError YearOutsidePeriod(int start, int end) => new("year", "partnershipReview.yearOutsidePeriod",
            $"The year reviewed must lie in the programme's period ({start.ToString(CultureInfo.InvariantCulture)}–{end.ToString(CultureInfo.InvariantCulture)}).",
            $"Năm được đánh giá phải nằm trong giai đoạn của chương trình ({start.ToString(CultureInfo.InvariantCulture)}–{end.ToString(CultureInfo.InvariantCulture)}).");

        /// <summary>A second review of one year.</summary>
        public static readonly DomainError YearAlreadyReviewed = new("year", "partnershipReview.yearAlreadyReviewed",
            "This year has been reviewed already.", "Năm này đã được sơ kết.");

        /// <summary>A final review of another year than the end year.</summary>
        public static readonly DomainError FinalNotEndYear = new("year", "partnershipReview.finalNotEndYear",
            "The final review reviews the last year of the period.", "Tổng kết là đánh giá năm cuối của giai đoạn.");

        /// <summary>A final review held before the end year.</summary>
        public static readonly DomainError FinalBeforeEndYear = new("heldOn", "partnershipReview.finalBeforeEndYear",
            "The final review is held in or after the last year of the period.",
            "Hội nghị tổng kết được tổ chức trong hoặc sau năm cuối của giai đoạn.");

        /// <summary>A review dated before the programme took effect.</summary>
        public static readonly DomainError ReviewBeforeActive = new("heldOn", "partnershipReview.beforeEffective",
            "A review cannot be held before the programme took effect.", "Không thể sơ kết trước khi chương trình có hiệu lực.");
    }
}
