using CoopApi.Domain.Common;

namespace CoopApi.Domain.Cooperatives;

/// <summary>
/// A collective economic organization in the register: a cooperative (hợp tác xã), a
/// cooperative group (tổ hợp tác) or a union of cooperatives (liên hiệp hợp tác xã).
/// The aggregate guards its own invariants: no layer above can create an organization with too
/// few members, a future founding date, or a status history that breaks the allowed transitions.
/// </summary>
public sealed class Cooperative : Entity
{
    /// <summary>Reason recorded on the registration entry of the status history.</summary>
    public const string RegistrationReason = "Đăng ký thành lập / Registered";

    private readonly List<StatusChange> _statusHistory = [];

    private Cooperative() { } // for EF Core

    /// <summary>Tax code (mã số thuế / mã số HTX); null only for cooperative groups.</summary>
    public string? RegistrationCode { get; private set; }

    /// <summary>Full name, Vietnamese text kept exactly.</summary>
    public string Name { get; private set; } = "";

    /// <summary>Kind of organization.</summary>
    public OrganizationKind Kind { get; private set; }

    /// <summary>Field of activity.</summary>
    public Sector Sector { get; private set; }

    /// <summary>Current status; changes only through <see cref="ChangeStatus"/>.</summary>
    public OrganizationStatus Status { get; private set; }

    /// <summary>Province code (2 digits).</summary>
    public string ProvinceCode { get; private set; } = "";

    /// <summary>Commune code (5 digits).</summary>
    public string CommuneCode { get; private set; } = "";

    /// <summary>Street address.</summary>
    public string? Address { get; private set; }

    /// <summary>Founding date.</summary>
    public DateOnly EstablishedOn { get; private set; }

    /// <summary>Charter capital (vốn điều lệ) in VND.</summary>
    public long CharterCapital { get; private set; }

    /// <summary>Official members (member cooperatives for a union).</summary>
    public int MemberCount { get; private set; }

    /// <summary>Employees.</summary>
    public int? EmployeeCount { get; private set; }

    /// <summary>Legal representative.</summary>
    public string? Representative { get; private set; }

    /// <summary>Contact phone.</summary>
    public string? Phone { get; private set; }

    /// <summary>Contact e-mail.</summary>
    public string? Email { get; private set; }

    /// <summary>Youth cooperative (HTX thanh niên).</summary>
    public bool IsYouthCooperative { get; private set; }

    /// <summary>Main products or services.</summary>
    public string[] MainProducts { get; private set; } = [];

    /// <summary>When the record was created (UTC); set by the persistence layer.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the record was last changed (UTC); set by the persistence layer.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Concurrency token (PostgreSQL <c>xmin</c>): changes on every write of the row.</summary>
    public uint Version { get; private set; }

    /// <summary>Status history, oldest first (load it ordered by <see cref="StatusChange.Sequence"/>).</summary>
    public IReadOnlyList<StatusChange> StatusHistory => _statusHistory;

    /// <summary>
    /// Registers a new organization. It starts <see cref="OrganizationStatus.Active"/>, with a
    /// registration entry in its status history effective on the founding date.
    /// </summary>
    /// <param name="details">Descriptive fields.</param>
    /// <param name="today">Today's date in Vietnam, to reject founding dates in the future.</param>
    /// <param name="now">The current instant, recorded on the registration entry.</param>
    public static Cooperative Register(CooperativeDetails details, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        var cooperative = new Cooperative { Status = OrganizationStatus.Active };
        cooperative.Apply(details, today);
        cooperative._statusHistory.Add(new StatusChange(cooperative.Id, 0, null, OrganizationStatus.Active,
            details.EstablishedOn, RegistrationReason, now));
        return cooperative;
    }

    /// <summary>Replaces every descriptive field (status excepted).</summary>
    public void UpdateDetails(CooperativeDetails details, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (_statusHistory.Count > 1 && details.EstablishedOn > _statusHistory[1].EffectiveOn)
        {
            throw new DomainValidationException("establishedOn", "establishedOn.afterStatusChange",
                $"The founding date cannot be after the first status change ({_statusHistory[1].EffectiveOn:yyyy-MM-dd}).",
                $"Ngày thành lập không được sau lần thay đổi trạng thái đầu tiên ({_statusHistory[1].EffectiveOn:yyyy-MM-dd}).");
        }

        Apply(details, today);
        if (_statusHistory.Count > 0 && _statusHistory[0].FromStatus is null)
        {
            _statusHistory[0].MoveRegistrationDate(details.EstablishedOn);
        }
    }

    /// <summary>
    /// Moves the organization to a new status, recording the change in its history.
    /// </summary>
    /// <exception cref="BusinessRuleViolationException">
    /// The transition is not allowed, or the effective date is before the founding date, before
    /// the previous change, or in the future.
    /// </exception>
    public StatusChange ChangeStatus(OrganizationStatus newStatus, DateOnly effectiveOn, string reason,
        DateOnly today, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainValidationException("reason", "reason.required",
                "A reason is required for every status change.", "Phải nêu lý do thay đổi trạng thái.");
        }

        if (reason.Trim().Length > OrganizationRules.ReasonMaxLength)
        {
            throw new DomainValidationException("reason", "reason.tooLong",
                $"The reason must be at most {OrganizationRules.ReasonMaxLength} characters.",
                $"Lý do không được dài quá {OrganizationRules.ReasonMaxLength} ký tự.");
        }

        if (newStatus == Status)
        {
            throw new BusinessRuleViolationException("status.unchanged",
                $"The organization is already {Describe(Status).English}.",
                $"Tổ chức đã ở trạng thái \"{Describe(Status).Vietnamese}\".");
        }

        if (!StatusTransitions.IsAllowed(Status, newStatus))
        {
            var allowed = StatusTransitions.From(Status);
            var allowedEn = allowed.Count == 0 ? "none: the status is final" : string.Join(", ", allowed.Select(s => Describe(s).English));
            var allowedVi = allowed.Count == 0 ? "không có: đây là trạng thái cuối cùng" : string.Join(", ", allowed.Select(s => Describe(s).Vietnamese));
            throw new BusinessRuleViolationException("status.transitionNotAllowed",
                $"An organization cannot go from {Describe(Status).English} to {Describe(newStatus).English}. Allowed from {Describe(Status).English}: {allowedEn}.",
                $"Không được chuyển từ \"{Describe(Status).Vietnamese}\" sang \"{Describe(newStatus).Vietnamese}\". Được phép chuyển sang: {allowedVi}.");
        }

        if (effectiveOn > today)
        {
            throw new BusinessRuleViolationException("status.effectiveInFuture",
                "A status change cannot take effect in the future.",
                "Ngày hiệu lực của thay đổi trạng thái không được ở tương lai.");
        }

        var last = _statusHistory.Count > 0 ? _statusHistory[^1].EffectiveOn : EstablishedOn;
        if (effectiveOn < last || effectiveOn < EstablishedOn)
        {
            throw new BusinessRuleViolationException("status.effectiveBeforePrevious",
                $"The effective date must be on or after {last:yyyy-MM-dd} (the founding date or the previous status change).",
                $"Ngày hiệu lực phải từ ngày {last:yyyy-MM-dd} trở đi (ngày thành lập hoặc lần thay đổi trạng thái trước).");
        }

        var change = new StatusChange(Id, _statusHistory.Count, Status, newStatus, effectiveOn, reason.Trim(), now);
        _statusHistory.Add(change);
        Status = newStatus;
        return change;
    }

    private void Apply(CooperativeDetails d, DateOnly today)
    {
        var name = d.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            throw Invalid("name", "name.required", "The name is required.", "Tên là bắt buộc.");
        }

        if (name.Length > OrganizationRules.NameMaxLength)
        {
            throw Invalid("name", "name.tooLong", $"The name must be at most {OrganizationRules.NameMaxLength} characters.",
                $"Tên không được dài quá {OrganizationRules.NameMaxLength} ký tự.");
        }

        if (!Enum.IsDefined(d.Kind))
        {
            throw Invalid("kind", "kind.unknown", "Unknown organization kind.", "Loại hình tổ chức không hợp lệ.");
        }

        if (!Enum.IsDefined(d.Sector))
        {
            throw Invalid("sector", "sector.unknown", "Unknown sector.", "Lĩnh vực không hợp lệ.");
        }

        var code = string.IsNullOrWhiteSpace(d.RegistrationCode) ? null : d.RegistrationCode.Trim();
        if (code is null && OrganizationRules.RequiresRegistrationCode(d.Kind))
        {
            throw Invalid("registrationCode", "registrationCode.required",
                "A registration code is required for cooperatives and unions.",
                "Hợp tác xã và liên hiệp hợp tác xã phải có mã số đăng ký.");
        }

        if (code is not null && !OrganizationRules.IsValidRegistrationCode(code))
        {
            throw Invalid("registrationCode", "registrationCode.format",
                "The registration code must be 10 digits, optionally followed by -NNN.",
                "Mã số đăng ký phải gồm 10 chữ số, có thể kèm hậu tố -NNN.");
        }

        if (!OrganizationRules.IsValidProvinceCode(d.ProvinceCode ?? ""))
        {
            throw Invalid("provinceCode", "provinceCode.format", "The province code must be 2 digits.", "Mã tỉnh phải gồm 2 chữ số.");
        }

        if (!OrganizationRules.IsValidCommuneCode(d.CommuneCode ?? ""))
        {
            throw Invalid("communeCode", "communeCode.format", "The commune code must be 5 digits.", "Mã xã phải gồm 5 chữ số.");
        }

        if (d.EstablishedOn > today)
        {
            throw Invalid("establishedOn", "establishedOn.inFuture", "The founding date cannot be in the future.",
                "Ngày thành lập không được ở tương lai.");
        }

        if (d.CharterCapital < 0)
        {
            throw Invalid("charterCapital", "charterCapital.negative", "Charter capital cannot be negative.",
                "Vốn điều lệ không được âm.");
        }

        var minimum = OrganizationRules.MinimumMembers(d.Kind);
        if (d.MemberCount < minimum)
        {
            throw Invalid("memberCount", "memberCount.belowMinimum",
                $"A {Describe(d.Kind).English.ToLowerInvariant()} needs at least {minimum} members.",
                $"{Describe(d.Kind).Vietnamese} phải có ít nhất {minimum} thành viên.");
        }

        if (d.EmployeeCount < 0)
        {
            throw Invalid("employeeCount", "employeeCount.negative", "The number of employees cannot be negative.",
                "Số lao động không được âm.");
        }

        RegistrationCode = code;
        Name = name;
        Kind = d.Kind;
        Sector = d.Sector;
        ProvinceCode = d.ProvinceCode!;
        CommuneCode = d.CommuneCode!;
        Address = Clean(d.Address);
        EstablishedOn = d.EstablishedOn;
        CharterCapital = d.CharterCapital;
        MemberCount = d.MemberCount;
        EmployeeCount = d.EmployeeCount;
        Representative = Clean(d.Representative);
        Phone = Clean(d.Phone);
        Email = Clean(d.Email);
        IsYouthCooperative = d.IsYouthCooperative;
        MainProducts = (d.MainProducts ?? []).Select(p => p.Trim()).Where(p => p.Length > 0).ToArray();
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static LabelAttribute Describe<TEnum>(TEnum value) where TEnum : struct, Enum => EnumLabels.Of(value);

    private static DomainValidationException Invalid(string field, string code, string en, string vi) => new(field, code, en, vi);
}
