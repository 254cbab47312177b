using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.Common;

namespace CoopApi.Domain.Cooperatives;

/// <summary>
/// The rules every organization in the register obeys, each once: its limit, its check and (in
/// <see cref="Errors"/>) its stable code and text. The aggregate enforces them; validators call
/// the same checks to report every broken field at once; the database CHECKs are generated from
/// the same limits.
/// </summary>
public static class OrganizationRules
{
    /// <summary>Longest name accepted (trimmed).</summary>
    public const int NameMaxLength = 255;

    /// <summary>Longest free-text reason for a status change (trimmed).</summary>
    public const int ReasonMaxLength = 1000;

    /// <summary>Longest street address (trimmed).</summary>
    public const int AddressMaxLength = 500;

    /// <summary>Longest name of the legal representative (trimmed).</summary>
    public const int RepresentativeMaxLength = 255;

    /// <summary>Longest phone number, as sent (a phone is exact: nothing is trimmed).</summary>
    public const int PhoneMaxLength = 30;

    /// <summary>
    /// The phone format for the published contract (ECMAScript): 6 to <see cref="PhoneMaxLength"/>
    /// characters — digits, spaces and <c>( ) . -</c>, a <c>+</c> only first — neither starting
    /// nor ending with a space. <see cref="CheckPhone"/> also requires 6 digits.
    /// </summary>
    public const string PhonePattern = @"^(\+|[0-9().-])[0-9 ().-]{4,28}[0-9().-]$";

    /// <summary>Longest e-mail address, as sent (an e-mail is exact: nothing is trimmed).</summary>
    public const int EmailMaxLength = 254;

    /// <summary>Longest main product (trimmed).</summary>
    public const int MainProductMaxLength = 255;

    /// <summary>Most main products listed.</summary>
    public const int MainProductsMaxCount = 50;

    /// <summary>Largest member or employee count accepted (anything above is a typing error).</summary>
    public const int MaxCount = 10_000_000;

    /// <summary>Earliest founding date accepted; anything before is a typing error.</summary>
    public static readonly DateOnly EarliestFoundingDate = new(1900, 1, 1);

    /// <summary>
    /// The legal minimum of members for a kind (Law on Cooperatives 17/2023/QH15): a cooperative
    /// needs 5 official members, a union 3 member cooperatives, a cooperative group 2 members.
    /// </summary>
    public static int MinimumMembers(OrganizationKind kind) => kind switch
    {
        OrganizationKind.Cooperative => 5,
        OrganizationKind.CooperativeUnion => 3,
        OrganizationKind.CooperativeGroup => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown organization kind."),
    };

    /// <summary>Cooperatives and unions must be registered with a tax code; groups may have none.</summary>
    public static bool RequiresRegistrationCode(OrganizationKind kind) => kind != OrganizationKind.CooperativeGroup;

    /// <summary>A registration (tax) code: 10 digits, optionally a branch suffix <c>-NNN</c>.</summary>
    public static bool IsValidRegistrationCode(string code) => RegistrationCode.IsWellFormed(code);

    /// <summary>A province code: 2 digits.</summary>
    public static bool IsValidProvinceCode(string code) => ProvinceCode.IsWellFormed(code);

    /// <summary>A commune code: 5 digits.</summary>
    public static bool IsValidCommuneCode(string code) => CommuneCode.IsWellFormed(code);

    /// <summary>The name: required, free text.</summary>
    public static DomainError? CheckName(string? name) =>
        FreeText.CheckRequired("name", name, NameMaxLength, Errors.NameRequired);

    /// <summary>The kind: required, one of the enumeration.</summary>
    public static DomainError? CheckKind(OrganizationKind? kind) =>
        kind is null ? Errors.Required("kind") : Enum.IsDefined(kind.Value) ? null : Errors.KindUnknown;

    /// <summary>The sector: required, one of the enumeration.</summary>
    public static DomainError? CheckSector(Sector? sector) =>
        sector is null ? Errors.Required("sector") : Enum.IsDefined(sector.Value) ? null : Errors.SectorUnknown;

    /// <summary>A target status: required, one of the enumeration.</summary>
    public static DomainError? CheckStatus(OrganizationStatus? status) =>
        status is null ? Errors.Required("status") : Enum.IsDefined(status.Value) ? null : Errors.StatusUnknown;

    /// <summary>The founding date: required, not in the future, not before <see cref="EarliestFoundingDate"/>.</summary>
    public static DomainError? CheckFoundingDate(DateOnly? date, DateOnly today) =>
        date is null ? Errors.Required("establishedOn")
        : date > today ? Errors.FoundedInFuture
        : date < EarliestFoundingDate ? Errors.FoundedTooEarly
        : null;

    /// <summary>The charter capital: required, not negative.</summary>
    public static DomainError? CheckCharterCapital(long? capital) =>
        capital is null ? Errors.Required("charterCapital") : capital < 0 ? Errors.CharterCapitalNegative : null;

    /// <summary>The member count: required, at least the minimum of the kind, at most <see cref="MaxCount"/>.</summary>
    public static DomainError? CheckMemberCount(int? count, OrganizationKind? kind) =>
        count is null ? Errors.Required("memberCount")
        : count > MaxCount ? Errors.CountTooLarge("memberCount")
        : kind is { } k && Enum.IsDefined(k) && count < MinimumMembers(k) ? Errors.MembersBelowMinimum(k)
        : count < MinimumMembers(OrganizationKind.CooperativeGroup) ? Errors.MembersBelowMinimum(OrganizationKind.CooperativeGroup)
        : null;

    /// <summary>The employee count: optional, between 0 and <see cref="MaxCount"/>.</summary>
    public static DomainError? CheckEmployeeCount(int? count) =>
        count < 0 ? Errors.EmployeeCountNegative : count > MaxCount ? Errors.CountTooLarge("employeeCount") : null;

    /// <summary>The address: optional free text.</summary>
    public static DomainError? CheckAddress(string? address) => FreeText.Check("address", address, AddressMaxLength);

    /// <summary>The representative: optional free text.</summary>
    public static DomainError? CheckRepresentative(string? name) =>
        FreeText.Check("representative", name, RepresentativeMaxLength);

    /// <summary>
    /// The phone: optional (null or empty: none); exact, like a code — checked as sent, never
    /// trimmed: at most <see cref="PhoneMaxLength"/> characters, digits, spaces and + ( ) . - only,
    /// at least 6 digits, no space first or last.
    /// </summary>
    public static DomainError? CheckPhone(string? phone)
    {
        var error = FreeText.CheckExact("phone", phone, PhoneMaxLength);
        var value = Exact(phone);
        if (error is not null || value is null)
        {
            return error;
        }

        var digits = value.Count(char.IsAsciiDigit);
        var wellFormed = value.Length >= 6 && digits >= 6 && !FreeText.HasSurroundingWhiteSpace(value)
            && value.Select((c, i) => char.IsAsciiDigit(c) || c is ' ' or '(' or ')' or '.' or '-' || (c == '+' && i == 0)).All(ok => ok);
        return wellFormed ? null : Errors.PhoneFormat;
    }

    /// <summary>
    /// The e-mail: optional (null or empty: none); exact — checked as sent, never trimmed: at most
    /// <see cref="EmailMaxLength"/> characters, one @ with text on both sides, no white space anywhere.
    /// </summary>
    public static DomainError? CheckEmail(string? email)
    {
        var error = FreeText.CheckExact("email", email, EmailMaxLength);
        var value = Exact(email);
        if (error is not null || value is null)
        {
            return error;
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        var wellFormed = at > 0 && at == value.LastIndexOf('@') && at < value.Length - 1 && !value.Any(char.IsWhiteSpace);
        return wellFormed ? null : Errors.EmailFormat;
    }

    /// <summary>
    /// The stored form of an optional exact value (phone, e-mail): as sent, or null when absent
    /// or empty. Unlike free text it is never trimmed; its check refuses surrounding white space.
    /// </summary>
    public static string? Exact(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>The main products: at most <see cref="MainProductsMaxCount"/>; each non-blank free text.</summary>
    public static IEnumerable<DomainError> CheckMainProducts(IReadOnlyList<string?>? products)
    {
        if (products is null)
        {
            yield break;
        }

        if (products.Count > MainProductsMaxCount)
        {
            yield return Errors.TooManyMainProducts;
        }

        for (var i = 0; i < products.Count; i++)
        {
            var field = $"mainProducts[{i}]";
            if (FreeText.CheckRequired(field, products[i], MainProductMaxLength, Errors.MainProductBlank(field)) is { } error)
            {
                yield return error;
            }
        }
    }

    /// <summary>The reason of a status change: required free text.</summary>
    public static DomainError? CheckReason(string? reason) =>
        FreeText.CheckRequired("reason", reason, ReasonMaxLength, Errors.ReasonRequired);

    /// <summary>
    /// Every field rule of <paramref name="details"/>, in field order; the province and commune
    /// are checked against the current administrative map, the commune within the province.
    /// </summary>
    public static IEnumerable<DomainError> Check(CooperativeDetails details, DateOnly today, IAdministrativeUnits units)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(units);
        DomainError?[] single =
        [
            CheckName(details.Name),
            CheckKind(details.Kind),
            CheckSector(details.Sector),
            Enum.IsDefined(details.Kind) ? RegistrationCode.Check(details.RegistrationCode, details.Kind) : null,
            ProvinceCode.CheckFormat(details.ProvinceCode) ?? ProvinceCode.CheckExists(details.ProvinceCode, units),
            CommuneCode.CheckFormat(details.CommuneCode) ?? CommuneCode.CheckExists(details.CommuneCode, units)
                ?? CommuneCode.CheckInProvince(details.CommuneCode, details.ProvinceCode, units),
            CheckAddress(details.Address),
            CheckFoundingDate(details.EstablishedOn, today),
            CheckCharterCapital(details.CharterCapital),
            CheckMemberCount(details.MemberCount, details.Kind),
            CheckEmployeeCount(details.EmployeeCount),
            CheckRepresentative(details.Representative),
            CheckPhone(details.Phone),
            CheckEmail(details.Email),
        ];
        return single.OfType<DomainError>().Concat(CheckMainProducts(details.MainProducts));
    }

    /// <summary>The catalogue of the register's rules: stable code and text, in English and Vietnamese.</summary>
    public static class Errors
    {
        /// <summary>A required value is missing.</summary>
        public static DomainError Required(string field)
        {
            var (en, vi) = field switch
            {
                "kind" => ("The kind is required: cooperative, cooperativeGroup or cooperativeUnion.",
                    "Loại hình tổ chức là bắt buộc: cooperative, cooperativeGroup hoặc cooperativeUnion."),
                "sector" => ("The sector is required.", "Lĩnh vực là bắt buộc."),
                "establishedOn" => ("The founding date is required (yyyy-MM-dd).", "Ngày thành lập là bắt buộc (yyyy-MM-dd)."),
                "charterCapital" => ("The charter capital is required (VND, 0 if none).", "Vốn điều lệ là bắt buộc (đồng, ghi 0 nếu không có)."),
                "memberCount" => ("The number of members is required.", "Số thành viên là bắt buộc."),
                "status" => ("The new status is required.", "Trạng thái mới là bắt buộc."),
                "effectiveOn" => ("The effective date is required (yyyy-MM-dd).", "Ngày hiệu lực là bắt buộc (yyyy-MM-dd)."),
                _ => ($"{field} is required.", $"{field} là bắt buộc."),
            };
            return new(field, $"{field}.required", en, vi);
        }

        /// <summary>Blank name.</summary>
        public static readonly DomainError NameRequired = new("name", "name.required",
            "The name is required.", "Tên là bắt buộc.");

        /// <summary>A kind the register does not know.</summary>
        public static readonly DomainError KindUnknown = new("kind", "kind.unknown",
            "Unknown organization kind: use cooperative, cooperativeGroup or cooperativeUnion.",
            "Loại hình tổ chức không hợp lệ: dùng cooperative, cooperativeGroup hoặc cooperativeUnion.");

        /// <summary>A sector the register does not know.</summary>
        public static readonly DomainError SectorUnknown = new("sector", "sector.unknown",
            "Unknown sector: see GET /api/v1/reference/enumerations for the values.",
            "Lĩnh vực không hợp lệ: xem các giá trị tại GET /api/v1/reference/enumerations.");

        /// <summary>A status the register does not know.</summary>
        public static readonly DomainError StatusUnknown = new("status", "status.unknown",
            "Unknown status: use active, suspended, awaitingDissolution or dissolved.",
            "Trạng thái không hợp lệ: dùng active, suspended, awaitingDissolution hoặc dissolved.");

        /// <summary>Founded after today.</summary>
        public static readonly DomainError FoundedInFuture = new("establishedOn", "establishedOn.inFuture",
            "The founding date cannot be in the future.", "Ngày thành lập không được ở tương lai.");

        /// <summary>Founded before the floor.</summary>
        public static readonly DomainError FoundedTooEarly = new("establishedOn", "establishedOn.tooEarly",
            $"The founding date must be on or after {EarliestFoundingDate:yyyy-MM-dd}.",
            $"Ngày thành lập phải từ {EarliestFoundingDate:yyyy-MM-dd} trở đi.");

        /// <summary>Negative capital.</summary>
        public static readonly DomainError CharterCapitalNegative = new("charterCapital", "charterCapital.negative",
            "The charter capital must be 0 or more (VND, whole number).", "Vốn điều lệ phải từ 0 trở lên (đồng, số nguyên).");

        /// <summary>Negative employees.</summary>
        public static readonly DomainError EmployeeCountNegative = new("employeeCount", "employeeCount.negative",
            "The number of employees must be 0 or more.", "Số lao động phải từ 0 trở lên.");

        /// <summary>An implausibly large count.</summary>
        public static DomainError CountTooLarge(string field) => new(field, $"{field}.tooLarge",
            $"{field} must be at most {MaxCount:N0}.", $"{field} không được lớn hơn {MaxCount}.");

        /// <summary>Fewer members than the law requires of the kind.</summary>
        public static DomainError MembersBelowMinimum(OrganizationKind kind) => new("memberCount", "memberCount.belowMinimum",
            $"A {EnumLabels.Of(kind).English.ToLowerInvariant()} needs at least {MinimumMembers(kind)} members (Law on Cooperatives 2023).",
            $"{EnumLabels.Of(kind).Vietnamese} phải có ít nhất {MinimumMembers(kind)} thành viên (Luật Hợp tác xã 2023).");

        /// <summary>Malformed phone.</summary>
        public static readonly DomainError PhoneFormat = new("phone", "phone.format",
            "The phone number must have at least 6 digits and may contain only digits, spaces, a leading '+', '(', ')', '.' and '-', with no space or line break at either end.",
            "Số điện thoại phải có ít nhất 6 chữ số và chỉ được gồm chữ số, dấu cách, dấu + ở đầu và các ký tự ( ) . -, không có khoảng trắng hay xuống dòng ở hai đầu.");

        /// <summary>Malformed e-mail.</summary>
        public static readonly DomainError EmailFormat = new("email", "email.format",
            "The e-mail address must look like name@domain, without spaces or line breaks (also none at either end).",
            "Địa chỉ e-mail phải có dạng ten@ten-mien, không có khoảng trắng hay xuống dòng (kể cả ở hai đầu).");

        /// <summary>Too many main products.</summary>
        public static readonly DomainError TooManyMainProducts = new("mainProducts", "mainProducts.tooMany",
            $"At most {MainProductsMaxCount} main products.", $"Tối đa {MainProductsMaxCount} sản phẩm chính.");

        /// <summary>A blank main product.</summary>
        public static DomainError MainProductBlank(string field) => new(field, "mainProducts.blank",
            "A main product cannot be blank.", "Sản phẩm chính không được để trống.");

        /// <summary>Blank reason.</summary>
        public static readonly DomainError ReasonRequired = new("reason", "reason.required",
            "A reason is required for every status change.", "Phải nêu lý do thay đổi trạng thái.");

        /// <summary>Editing a dissolved organization.</summary>
        public static readonly DomainError DissolvedIsFinal = new("", "cooperative.dissolved",
            "The organization is dissolved: its record is final and can no longer be changed.",
            "Tổ chức đã giải thể: hồ sơ là cuối cùng và không thể thay đổi nữa.");

        /// <summary>Withdrawing an entry whose status history has moved past the registration.</summary>
        public static readonly DomainError HasHistory = new("", "cooperative.hasHistory",
            "The organization has status changes since its registration, so its entry can no longer be withdrawn. Use the status transitions instead (POST /api/v1/cooperatives/{id}/status: awaitingDissolution, then dissolved).",
            "Tổ chức đã có thay đổi trạng thái sau khi đăng ký nên không thể rút hồ sơ đăng ký được nữa. Hãy dùng chuyển trạng thái (POST /api/v1/cooperatives/{id}/status: awaitingDissolution rồi dissolved).");

        /// <summary>Correcting the founding date after the history has moved on.</summary>
        public static DomainError FoundingDateFixed(DateOnly recorded) => new("establishedOn", "establishedOn.historyStarted",
            $"The founding date ({recorded:yyyy-MM-dd}) can no longer be corrected: status changes have been recorded since the registration, and the history is never rewritten.",
            $"Không thể sửa ngày thành lập ({recorded:yyyy-MM-dd}) nữa: đã có thay đổi trạng thái sau khi đăng ký, và lịch sử không bao giờ bị sửa.");

        /// <summary>Moving to the status it already has.</summary>
        public static DomainError StatusUnchanged(OrganizationStatus status) => new("status", "status.unchanged",
            $"The organization is already {EnumLabels.Of(status).English}.",
            $"Tổ chức đã ở trạng thái \"{EnumLabels.Of(status).Vietnamese}\".");

        /// <summary>A transition the law does not allow.</summary>
        public static DomainError TransitionNotAllowed(OrganizationStatus from, OrganizationStatus to)
        {
            var allowed = StatusTransitions.From(from);
            var allowedEn = allowed.Count == 0 ? "none: the status is final" : string.Join(", ", allowed.Select(s => EnumLabels.Of(s).English));
            var allowedVi = allowed.Count == 0 ? "không có: đây là trạng thái cuối cùng" : string.Join(", ", allowed.Select(s => EnumLabels.Of(s).Vietnamese));
            return new("status", "status.transitionNotAllowed",
                $"An organization cannot go from {EnumLabels.Of(from).English} to {EnumLabels.Of(to).English}. Allowed from {EnumLabels.Of(from).English}: {allowedEn}.",
                $"Không được chuyển từ \"{EnumLabels.Of(from).Vietnamese}\" sang \"{EnumLabels.Of(to).Vietnamese}\". Được phép chuyển sang: {allowedVi}.");
        }

        /// <summary>A change effective after today.</summary>
        public static readonly DomainError EffectiveInFuture = new("effectiveOn", "status.effectiveInFuture",
            "A status change cannot take effect in the future.", "Ngày hiệu lực của thay đổi trạng thái không được ở tương lai.");

        /// <summary>A change effective before the founding date or the previous change.</summary>
        public static DomainError EffectiveBeforePrevious(DateOnly last) => new("effectiveOn", "status.effectiveBeforePrevious",
            $"The effective date must be on or after {last:yyyy-MM-dd} (the founding date or the previous status change).",
            $"Ngày hiệu lực phải từ ngày {last:yyyy-MM-dd} trở đi (ngày thành lập hoặc lần thay đổi trạng thái trước).");
    }
}
