using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.Common;

namespace CoopApi.Domain.SteeringCommittees;

/// <summary>
/// The rules of steering committees, their members and activities, each once: its limit, its
/// check and (in <see cref="Errors"/>) its stable code and text. Validators report the field
/// checks; the aggregates enforce them again and own the rules that depend on their state.
/// </summary>
public static class SteeringRules
{
    /// <summary>Longest name, title, organization, agency or issuer (trimmed).</summary>
    public const int NameMaxLength = 255;

    /// <summary>Longest decision or document number (trimmed).</summary>
    public const int NumberMaxLength = 100;

    /// <summary>Longest activity title, location, topic or document title (trimmed).</summary>
    public const int TextMaxLength = 500;

    /// <summary>Longest reason or outcome (trimmed).</summary>
    public const int LongTextMaxLength = 4000;

    /// <summary>Most items in a list of an activity (topics, bodies, visited organizations, documents).</summary>
    public const int MaxItems = 50;

    /// <summary>Largest attendee count accepted.</summary>
    public const int MaxAttendees = 1_000_000;

    /// <summary>Earliest date accepted anywhere; anything before is a typing error.</summary>
    public static readonly DateOnly EarliestDate = new(1945, 1, 1);

    /// <summary>
    /// The first day without districts (Resolution 202/2025/QH15 and the Law on Organization of
    /// Local Government 2025): no district committee may be established on or after it.
    /// </summary>
    public static readonly DateOnly DistrictsAbolishedOn = new(2025, 7, 1);

    /// <summary>A pre-reform district code: 3 digits (the General Statistics Office's list of 2004–2025).</summary>
    public const string DistrictCodePattern = "^[0-9]{3}$";

    /// <summary>Required free text.</summary>
    public static DomainError? CheckRequiredText(string field, string? value, int maxLength) =>
        FreeText.CheckRequired(field, value, maxLength, Errors.Required(field));

    /// <summary>A required date: present, not before <see cref="EarliestDate"/>, not after <paramref name="today"/>.</summary>
    public static DomainError? CheckPastDate(string field, DateOnly? date, DateOnly today) =>
        date is not { } d ? Errors.Required(field)
        : d < EarliestDate ? Errors.TooEarly(field)
        : d > today ? Errors.InFuture(field)
        : null;

    /// <summary>An optional list of free texts: at most <see cref="MaxItems"/>, each non-blank and within <paramref name="itemMaxLength"/>.</summary>
    public static DomainError? CheckTextList(string field, IReadOnlyList<string>? items, int itemMaxLength)
    {
        if (items is null)
        {
            return null;
        }

        if (items.Count > MaxItems)
        {
            return Errors.TooManyItems(field);
        }

        foreach (var item in items)
        {
            if (FreeText.CheckRequired(field, item, itemMaxLength, Errors.BlankItem(field)) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    /// <summary>
    /// The level, its area code and the province the committee belongs to, checked together:
    /// national has no area; provincial: a current province code; commune: a current commune
    /// code; district: a pre-reform district code (3 digits; the project holds no list of the
    /// abolished districts, so only the format is checked) and the current province it lay in,
    /// given as <c>provinceCode</c>. For the other levels <c>provinceCode</c> may be left out, and
    /// when given must be the one the area implies.
    /// </summary>
    public static DomainError? CheckArea(CommitteeLevel? level, string? areaCode, string? provinceCode, IAdministrativeUnits units)
    {
        ArgumentNullException.ThrowIfNull(units);
        switch (level)
        {
            case null:
                return Errors.Required("level");
            case CommitteeLevel.National:
                return areaCode is not null ? Errors.AreaNotAllowed
                    : provinceCode is not null ? Errors.ProvinceNotAllowed
                    : null;
            case CommitteeLevel.Provincial:
                if (AsArea(ProvinceCode.CheckFormat(areaCode) ?? ProvinceCode.CheckExists(areaCode!, units)) is { } province)
                {
                    return province;
                }

                return provinceCode is not null && provinceCode != areaCode ? Errors.ProvinceMismatch(areaCode!) : null;
            case CommitteeLevel.Commune:
                if (AsArea(CommuneCode.CheckFormat(areaCode) ?? CommuneCode.CheckExists(areaCode!, units)) is { } commune)
                {
                    return commune;
                }

                var of = units.FindCommune(areaCode!)!.ProvinceCode;
                return provinceCode is not null && provinceCode != of ? Errors.ProvinceMismatch(of) : null;
            case CommitteeLevel.District:
                if (string.IsNullOrEmpty(areaCode))
                {
                    return Errors.AreaRequired;
                }

                if (FreeText.HasNul(areaCode))
                {
                    return FreeText.Errors.ContainsNul("areaCode");
                }

                if (areaCode.Length != 3 || !areaCode.All(char.IsAsciiDigit))
                {
                    return Errors.DistrictFormat;
                }

                return provinceCode is null ? Errors.DistrictNeedsProvince
                    : ProvinceCode.CheckFormat(provinceCode) ?? ProvinceCode.CheckExists(provinceCode, units);
            default:
                return Errors.Required("level");
        }
    }

    /// <summary>The province a committee with a valid area belongs to (null for a national one).</summary>
    public static string? ProvinceOf(CommitteeLevel level, string? areaCode, string? provinceCode, IAdministrativeUnits units)
    {
        ArgumentNullException.ThrowIfNull(units);
        return level switch
        {
            CommitteeLevel.National => null,
            CommitteeLevel.Provincial => areaCode,
            CommitteeLevel.Commune => units.FindCommune(areaCode!)?.ProvinceCode,
            _ => provinceCode,
        };
    }

    /// <summary>A district committee is historical: established before 1 July 2025.</summary>
    public static DomainError? CheckEstablishment(CommitteeLevel? level, DateOnly? establishedOn, DateOnly today) =>
        CheckPastDate("establishedOn", establishedOn, today)
        ?? (level == CommitteeLevel.District && establishedOn >= DistrictsAbolishedOn ? Errors.DistrictAfterReform : null);

    /// <summary>A founding decision, when given: number and date required, issuer optional.</summary>
    public static DomainError? CheckDecision(string? number, DateOnly? date, string? issuer, DateOnly today) =>
        CheckRequiredText("foundingDecision.number", number, NumberMaxLength)
        ?? CheckPastDate("foundingDecision.date", date, today)
        ?? FreeText.Check("foundingDecision.issuer", issuer, NameMaxLength);

    /// <summary>A term: <c>to</c>, when given, not before <c>from</c>.</summary>
    public static DomainError? CheckTerm(DateOnly? from, DateOnly? to) =>
        from is null ? Errors.Required("from")
        : from < EarliestDate ? Errors.TooEarly("from")
        : to is { } end && end < from ? Errors.EndBeforeStart("to", "from")
        : null;

    /// <summary>Two closed-or-open date ranges share at least one day.</summary>
    public static bool Overlap(DateOnly fromA, DateOnly? toA, DateOnly fromB, DateOnly? toB) =>
        fromA <= (toB ?? DateOnly.MaxValue) && fromB <= (toA ?? DateOnly.MaxValue);

    /// <summary>How a person's name is compared: trimmed, inner white space collapsed, case ignored.</summary>
    public static string PersonKey(string fullName)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        return string.Join(' ', fullName.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
    }

    private static DomainError? AsArea(DomainError? error) => error is null ? null
        : error with { Field = "areaCode", Code = "areaCode" + error.Code[error.Code.IndexOf('.', StringComparison.Ordinal)..] };

    /// <summary>Texts of the rules.</summary>
    public static class Errors
    {
        /// <summary>A required field is missing or blank.</summary>
        public static DomainError Required(string field) => new(field, $"{field}.required",
            $"{field} is required.", $"{field} là bắt buộc.");

        /// <summary>A date before 1945.</summary>
        public static DomainError TooEarly(string field) => new(field, $"{field}.tooEarly",
            $"{field} must not be before {EarliestDate:yyyy-MM-dd}.", $"{field} không được trước ngày {EarliestDate:dd/MM/yyyy}.");

        /// <summary>A date in the future (calendar of Vietnam).</summary>
        public static DomainError InFuture(string field) => new(field, $"{field}.inFuture",
            $"{field} must not be in the future.", $"{field} không được là ngày trong tương lai.");

        /// <summary>An end before its start.</summary>
        public static DomainError EndBeforeStart(string field, string start) => new(field, $"{field}.beforeStart",
            $"{field} must be on or after {start}.", $"{field} phải bằng hoặc sau {start}.");

        /// <summary>Too many items in a list.</summary>
        public static DomainError TooManyItems(string field) => new(field, $"{field}.tooMany",
            $"{field} may hold at most {MaxItems} items.", $"{field} chỉ được có tối đa {MaxItems} mục.");

        /// <summary>A blank item in a list.</summary>
        public static DomainError BlankItem(string field) => new(field, $"{field}.blankItem",
            $"{field} must not contain blank items.", $"{field} không được chứa mục trống.");

        /// <summary>A national committee with an area code.</summary>
        public static readonly DomainError AreaNotAllowed = new("areaCode", "areaCode.notAllowed",
            "A national committee has no areaCode.", "Ban chỉ đạo Trung ương không có areaCode.");

        /// <summary>A national committee with a province.</summary>
        public static readonly DomainError ProvinceNotAllowed = new("provinceCode", "provinceCode.notAllowed",
            "A national committee belongs to no province: leave provinceCode out.",
            "Ban chỉ đạo Trung ương không thuộc tỉnh nào: bỏ trống provinceCode.");

        /// <summary>Missing area code.</summary>
        public static readonly DomainError AreaRequired = new("areaCode", "areaCode.required",
            "areaCode is required for this level.", "areaCode là bắt buộc với cấp này.");

        /// <summary>Not a 3-digit district code.</summary>
        public static readonly DomainError DistrictFormat = new("areaCode", "areaCode.format",
            "A district committee's areaCode is the pre-reform district code: exactly 3 digits (e.g. 186).",
            "areaCode của Ban chỉ đạo cấp huyện là mã huyện trước sắp xếp: đúng 3 chữ số (ví dụ 186).");

        /// <summary>A district committee without its current province.</summary>
        public static readonly DomainError DistrictNeedsProvince = new("provinceCode", "provinceCode.required",
            "A district committee needs provinceCode: the current province its district lies in.",
            "Ban chỉ đạo cấp huyện cần provinceCode: mã tỉnh hiện nay mà huyện đó thuộc về.");

        /// <summary>provinceCode disagrees with the area.</summary>
        public static DomainError ProvinceMismatch(string expected) => new("provinceCode", "provinceCode.mismatch",
            $"provinceCode must be the province of the area ({expected}), or be left out.",
            $"provinceCode phải là tỉnh của địa bàn ({expected}), hoặc bỏ trống.");

        /// <summary>A district committee established on or after 1 July 2025.</summary>
        public static readonly DomainError DistrictAfterReform = new("establishedOn", "establishedOn.districtAbolished",
            "Districts were abolished on 1 July 2025: a district committee must be established before 2025-07-01.",
            "Cấp huyện đã kết thúc từ ngày 1/7/2025: Ban chỉ đạo cấp huyện phải được thành lập trước ngày 01/07/2025.");

        /// <summary>A dissolved committee takes no change.</summary>
        public static readonly DomainError Dissolved = new("", "steeringCommittee.dissolved",
            "The committee is dissolved; it can no longer be changed.", "Ban chỉ đạo đã giải thể, không thể thay đổi.");

        /// <summary>The status asked for is the current one.</summary>
        public static readonly DomainError StatusUnchanged = new("status", "steeringCommittee.statusUnchanged",
            "The committee already has this status.", "Ban chỉ đạo đã ở trạng thái này.");

        /// <summary>A dissolution dated before the committee existed.</summary>
        public static DomainError DissolvedBeforeEstablished(DateOnly established) => new("effectiveOn", "steeringCommittee.dissolvedBeforeEstablished",
            $"The dissolution cannot be before the committee was established ({established:yyyy-MM-dd}).",
            $"Ngày giải thể không được trước ngày thành lập ({established:dd/MM/yyyy}).");

        /// <summary>Terms or agency periods begin after the dissolution date.</summary>
        public static readonly DomainError StartsAfterDissolution = new("effectiveOn", "steeringCommittee.membersAfterDissolution",
            "Member terms or standing-agency periods begin after this date: dissolve on a later date or correct them first.",
            "Có nhiệm kỳ thành viên hoặc cơ quan thường trực bắt đầu sau ngày này: chọn ngày giải thể muộn hơn hoặc sửa chúng trước.");

        /// <summary>Activities took place after the dissolution date.</summary>
        public static readonly DomainError ActivitiesAfterDissolution = new("effectiveOn", "steeringCommittee.activitiesAfterDissolution",
            "Activities of the committee are dated after this date.",
            "Có hoạt động của Ban chỉ đạo diễn ra sau ngày này.");

        /// <summary>Moving the establishment after recorded terms, periods or activities.</summary>
        public static readonly DomainError EstablishedAfterRecords = new("establishedOn", "steeringCommittee.establishedAfterRecords",
            "Member terms, standing-agency changes or activities are dated before this establishment date.",
            "Có nhiệm kỳ thành viên, thay đổi cơ quan thường trực hoặc hoạt động trước ngày thành lập này.");

        /// <summary>Delete of a committee that has members or activities.</summary>
        public static readonly DomainError HasRecords = new("", "steeringCommittee.hasMembersOrActivities",
            "A committee with members or activities cannot be deleted: dissolve it instead.",
            "Không thể xóa Ban chỉ đạo đã có thành viên hoặc hoạt động: hãy chuyển sang trạng thái giải thể.");

        /// <summary>A term outside the committee's life.</summary>
        public static DomainError OutsideLife(DateOnly from, DateOnly? to) => new("from", "member.outsideCommitteeLife",
            $"A term must lie within the committee's life ({from:yyyy-MM-dd} to {(to is { } t ? t.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "today")}).",
            $"Nhiệm kỳ phải nằm trong thời gian tồn tại của Ban chỉ đạo (từ {from:dd/MM/yyyy}{(to is { } v ? " đến " + v.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) : "")}).");

        /// <summary>A second head at overlapping dates.</summary>
        public static DomainError HeadOverlap(string other) => new("role", "member.headOverlap",
            $"The committee has a head at these dates already ({other}): end that term first.",
            $"Ban chỉ đạo đã có Trưởng ban trong khoảng thời gian này ({other}): hãy kết thúc nhiệm kỳ đó trước.");

        /// <summary>The same person twice at overlapping dates.</summary>
        public static readonly DomainError PersonOverlap = new("fullName", "member.personOverlap",
            "This person already holds a term in the committee at overlapping dates.",
            "Người này đã có nhiệm kỳ trong Ban chỉ đạo trùng thời gian.");

        /// <summary>A term that has ended on or before the date given.</summary>
        public static readonly DomainError AlreadyEnded = new("to", "member.alreadyEnded",
            "The term has already ended on or before this date.", "Nhiệm kỳ đã kết thúc vào hoặc trước ngày này.");

        /// <summary>A new standing agency not after the current one.</summary>
        public static DomainError AgencyNotAfterCurrent(DateOnly current) => new("from", "standingAgency.notAfterCurrent",
            $"A new standing agency must take over after the current one began ({current:yyyy-MM-dd}).",
            $"Cơ quan thường trực mới phải bắt đầu sau ngày cơ quan hiện tại bắt đầu ({current:dd/MM/yyyy}).");

        /// <summary>The standing agency named is the current one.</summary>
        public static readonly DomainError AgencyUnchanged = new("agency", "standingAgency.unchanged",
            "This is the current standing agency already.", "Đây đã là cơ quan thường trực hiện tại.");

        /// <summary>An activity outside the committee's life.</summary>
        public static readonly DomainError ActivityOutsideLife = new("startDate", "activity.outsideCommitteeLife",
            "The activity must take place while the committee exists (from its establishment to its dissolution).",
            "Hoạt động phải diễn ra trong thời gian Ban chỉ đạo tồn tại (từ khi thành lập đến khi giải thể).");

        /// <summary>Visited organizations that are not in the register.</summary>
        public static DomainError UnknownOrganizations(IEnumerable<Guid> ids) => new("visitedOrganizationIds", "visitedOrganizationIds.unknown",
            $"Not in the register: {string.Join(", ", ids)}.", $"Không có trong sổ đăng ký: {string.Join(", ", ids)}.");
    }
}
