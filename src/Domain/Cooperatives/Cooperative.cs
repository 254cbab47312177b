using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.Common;

namespace CoopApi.Domain.Cooperatives;

/// <summary>
/// A collective economic organization in the register: a cooperative (hợp tác xã), a
/// cooperative group (tổ hợp tác) or a union of cooperatives (liên hiệp hợp tác xã).
/// The aggregate guards its own invariants: no layer above can create an organization with too
/// few members, a future founding date, or a status history that breaks the allowed transitions.
/// </summary>
public sealed class Cooperative : AggregateRoot, IBelongsToProvince
{
    /// <summary>Reason recorded on the registration entry of the status history.</summary>
    public const string RegistrationReason = "Đăng ký thành lập / Registered";

    private readonly List<StatusChange> _statusHistory = [];

    private Cooperative() { } // for EF Core

    /// <inheritdoc />
    public override string AggregateType => "cooperative";

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

    /// <summary>Date the current status took effect (the founding date as registered, until the first change).</summary>
    public DateOnly StatusSince { get; private set; }

    /// <summary>
    /// Sequence of the latest entry of the status history (0: only the registration). The root
    /// keeps it so that appending needs no history loaded.
    /// </summary>
    public int LastSequence { get; private set; }

    /// <summary>
    /// Entries appended to the status history by this instance (the registration, or the changes
    /// made since it was loaded). The history is append-only and is not loaded with the root;
    /// read it whole through the status-history query.
    /// </summary>
    public IReadOnlyList<StatusChange> StatusHistory => _statusHistory;

    /// <summary>
    /// Registers a new organization. It starts <see cref="OrganizationStatus.Active"/>, with a
    /// registration entry in its status history effective on the founding date.
    /// </summary>
    /// <param name="details">Descriptive fields.</param>
    /// <param name="today">Today's date in Vietnam, to reject founding dates in the future.</param>
    /// <param name="now">The current instant, recorded on the registration entry.</param>
    /// <param name="units">The administrative map, to check the province and the commune in it.</param>
    /// <exception cref="DomainValidationException">A field breaks a rule of <see cref="OrganizationRules"/>.</exception>
    public static Cooperative Register(CooperativeDetails details, DateOnly today, DateTimeOffset now, IAdministrativeUnits units)
    {
        ArgumentNullException.ThrowIfNull(details);
        var cooperative = new Cooperative { Status = OrganizationStatus.Active };
        cooperative.Apply(details, today, units);
        cooperative.StatusSince = details.EstablishedOn;
        cooperative.LastSequence = 0;
        cooperative._statusHistory.Add(new StatusChange(cooperative.Id, 0, null, OrganizationStatus.Active,
            details.EstablishedOn, RegistrationReason, now));
        cooperative.Raise(new CooperativeRegistered(cooperative.Id, now, cooperative.Status, cooperative.CurrentDetails()));
        return cooperative;
    }

    /// <summary>
    /// Replaces every descriptive field (status excepted). A dissolved organization is final and
    /// refuses any edit. The founding date may be corrected only while the registration is the
    /// only entry of the history; the registration entry itself keeps the date it recorded
    /// (docs/decisions/0010-history-is-append-only.md).
    /// </summary>
    /// <remarks>Raises <see cref="CooperativeDetailsChanged"/> naming the fields that changed, or nothing when none did.</remarks>
    /// <param name="details">Descriptive fields.</param>
    /// <param name="today">Today's date in Vietnam, to reject founding dates in the future.</param>
    /// <param name="now">The current instant, recorded on the event.</param>
    /// <param name="units">The administrative map, to check the province and the commune in it.</param>
    /// <exception cref="BusinessRuleViolationException">Dissolved, or the founding date can no longer change.</exception>
    /// <exception cref="DomainValidationException">A field breaks a rule of <see cref="OrganizationRules"/>.</exception>
    public void UpdateDetails(CooperativeDetails details, DateOnly today, DateTimeOffset now, IAdministrativeUnits units)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (Status == OrganizationStatus.Dissolved)
        {
            throw OrganizationRules.Errors.DissolvedIsFinal.AsViolation();
        }

        if (details.EstablishedOn != EstablishedOn && LastSequence > 0)
        {
            throw OrganizationRules.Errors.FoundingDateFixed(EstablishedOn).AsViolation();
        }

        var before = Fields();
        Apply(details, today, units);
        var after = Fields();
        var changes = new List<FieldChange>();
        for (var i = 0; i < before.Length; i++)
        {
            if (!SameValue(before[i].Value, after[i].Value))
            {
                changes.Add(new FieldChange(before[i].Name, before[i].Value, after[i].Value));
            }
        }

        if (changes.Count > 0)
        {
            Raise(new CooperativeDetailsChanged(Id, now, changes));
        }
    }

    /// <summary>
    /// Moves the organization to a new status, appending the change to its history. Needs only
    /// the root: its current status, since when, and the last sequence.
    /// </summary>
    /// <exception cref="DomainValidationException">The reason is blank, too long or holds a NUL.</exception>
    /// <exception cref="BusinessRuleViolationException">
    /// The transition is not allowed, or the effective date is before the founding date, before
    /// the previous change, or in the future.
    /// </exception>
    public StatusChange ChangeStatus(OrganizationStatus newStatus, DateOnly effectiveOn, string reason,
        DateOnly today, DateTimeOffset now)
    {
        if (OrganizationRules.CheckReason(reason) is { } invalid)
        {
            throw invalid.AsValidation();
        }

        if (newStatus == Status)
        {
            throw OrganizationRules.Errors.StatusUnchanged(Status).AsViolation();
        }

        if (!StatusTransitions.IsAllowed(Status, newStatus))
        {
            throw OrganizationRules.Errors.TransitionNotAllowed(Status, newStatus).AsViolation();
        }

        if (effectiveOn > today)
        {
            throw OrganizationRules.Errors.EffectiveInFuture.AsViolation();
        }

        var last = StatusSince > EstablishedOn ? StatusSince : EstablishedOn;
        if (effectiveOn < last)
        {
            throw OrganizationRules.Errors.EffectiveBeforePrevious(last).AsViolation();
        }

        var change = new StatusChange(Id, LastSequence + 1, Status, newStatus, effectiveOn, reason.Trim(), now);
        _statusHistory.Add(change);
        LastSequence = change.Sequence;
        Status = newStatus;
        StatusSince = effectiveOn;
        Raise(new CooperativeStatusChanged(Id, now, change.FromStatus!.Value, newStatus, effectiveOn, change.Reason, change.Sequence));
        return change;
    }

    /// <summary>
    /// Withdraws an entry made in error: allowed only while the status history holds nothing but
    /// the registration. An organization that has changed status leaves the register only
    /// through the status transitions (awaiting dissolution, dissolved), so that its history stays.
    /// The caller removes the record (with its registration entry) after this.
    /// </summary>
    /// <remarks>Raises <see cref="CooperativeDeleted"/> carrying the last recorded values.</remarks>
    /// <param name="now">The current instant, recorded on the event.</param>
    /// <exception cref="BusinessRuleViolationException">A status change was recorded since the registration.</exception>
    public void Withdraw(DateTimeOffset now)
    {
        if (LastSequence > 0)
        {
            throw OrganizationRules.Errors.HasHistory.AsViolation();
        }

        Raise(new CooperativeDeleted(Id, now, Status, CurrentDetails()));
    }

    private CooperativeDetails CurrentDetails() => new(RegistrationCode, Name, Kind, Sector, ProvinceCode, CommuneCode,
        Address, EstablishedOn, CharterCapital, MemberCount, EmployeeCount, Representative, Phone, Email,
        IsYouthCooperative, MainProducts);

    /// <summary>The descriptive fields under their API names, in the order of the resource.</summary>
    private (string Name, object? Value)[] Fields() =>
    [
        ("registrationCode", RegistrationCode), ("name", Name), ("kind", Kind), ("sector", Sector),
        ("provinceCode", ProvinceCode), ("communeCode", CommuneCode), ("address", Address),
        ("establishedOn", EstablishedOn), ("charterCapital", CharterCapital), ("memberCount", MemberCount),
        ("employeeCount", EmployeeCount), ("representative", Representative), ("phone", Phone), ("email", Email),
        ("isYouthCooperative", IsYouthCooperative), ("mainProducts", MainProducts),
    ];

    private static bool SameValue(object? a, object? b) => a is string[] x && b is string[] y
        ? x.AsSpan().SequenceEqual(y)
        : Equals(a, b);

    private void Apply(CooperativeDetails d, DateOnly today, IAdministrativeUnits units)
    {
        if (OrganizationRules.Check(d, today, units).FirstOrDefault() is { } error)
        {
            throw error.AsValidation();
        }

        RegistrationCode = string.IsNullOrEmpty(d.RegistrationCode) ? null : d.RegistrationCode;
        Name = d.Name.Trim();
        Kind = d.Kind;
        Sector = d.Sector;
        ProvinceCode = d.ProvinceCode;
        CommuneCode = d.CommuneCode;
        Address = FreeText.Normalize(d.Address);
        EstablishedOn = d.EstablishedOn;
        CharterCapital = d.CharterCapital;
        MemberCount = d.MemberCount;
        EmployeeCount = d.EmployeeCount;
        Representative = FreeText.Normalize(d.Representative);
        Phone = OrganizationRules.Exact(d.Phone);
        Email = OrganizationRules.Exact(d.Email);
        IsYouthCooperative = d.IsYouthCooperative;
        MainProducts = (d.MainProducts ?? []).Select(p => p.Trim()).ToArray();
    }
}
