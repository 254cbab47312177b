using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.Common;

namespace CoopApi.Domain.SteeringCommittees;

/// <summary>
/// A steering committee (Ban chỉ đạo đổi mới, phát triển doanh nghiệp và nâng cao hiệu quả kinh
/// tế tập thể) at one level, with its members' terms and its standing agency over time. Members
/// and agency periods are part of the aggregate: every change to them moves the committee's
/// version, so two writers cannot both add a head (the second save finds another version).
/// A provincial, district or commune committee belongs to its province; a national one to none.
/// </summary>
public sealed class SteeringCommittee : AggregateRoot, IBelongsToProvince
{
    /// <summary>Stored type name of committees (the change feed's <c>entityType</c>).</summary>
    public const string Type = "steeringCommittee";

    private readonly List<CommitteeMember> _members = [];
    private readonly List<StandingAgencyPeriod> _standingAgencies = [];

    private SteeringCommittee() { } // for EF Core

    /// <inheritdoc />
    public override string AggregateType => Type;

    /// <summary>Full name.</summary>
    public string Name { get; private set; } = "";

    /// <summary>Level.</summary>
    public CommitteeLevel Level { get; private set; }

    /// <summary>Area code matching the level; null for national.</summary>
    public string? AreaCode { get; private set; }

    /// <summary>Current province it belongs to (null for national).</summary>
    public string? ProvinceCode { get; private set; }

    string IBelongsToProvince.ProvinceCode => ProvinceCode!;

    /// <summary>Date established.</summary>
    public DateOnly EstablishedOn { get; private set; }

    /// <summary>Founding decision number.</summary>
    public string? DecisionNumber { get; private set; }

    /// <summary>Founding decision date.</summary>
    public DateOnly? DecisionDate { get; private set; }

    /// <summary>Founding decision issuer.</summary>
    public string? DecisionIssuer { get; private set; }

    /// <summary>Status.</summary>
    public CommitteeStatus Status { get; private set; }

    /// <summary>Date dissolved, when it is.</summary>
    public DateOnly? DissolvedOn { get; private set; }

    /// <summary>Why it was dissolved.</summary>
    public string? DissolutionReason { get; private set; }

    /// <summary>When recorded (UTC).</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When last changed (UTC).</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Every term, ended ones included, in the order recorded.</summary>
    public IReadOnlyList<CommitteeMember> Members => _members;

    /// <summary>The standing agency's periods, oldest first.</summary>
    public IReadOnlyList<StandingAgencyPeriod> StandingAgencies => _standingAgencies;

    /// <summary>The standing agency today (the latest period).</summary>
    public string StandingAgency => _standingAgencies.OrderBy(a => a.From).LastOrDefault()?.Agency ?? "";

    /// <summary>The standing agency on <paramref name="date"/>: the period that began last on or before it (the first one before the first period).</summary>
    public string StandingAgencyOn(DateOnly date)
    {
        var ordered = _standingAgencies.OrderBy(a => a.From).ToList();
        return (ordered.LastOrDefault(a => a.From <= date) ?? ordered.FirstOrDefault())?.Agency ?? "";
    }

    /// <summary>True when <paramref name="date"/> lies between establishment and dissolution.</summary>
    public bool IsAliveOn(DateOnly date) => date >= EstablishedOn && (DissolvedOn is null || date <= DissolvedOn);

    /// <summary>Records a committee; its first standing agency takes office on the establishment date.</summary>
    /// <exception cref="DomainValidationException">A field breaks a rule of <see cref="SteeringRules"/>.</exception>
    public static SteeringCommittee Create(CommitteeDetails details, string standingAgency, DateOnly today, DateTimeOffset now,
        IAdministrativeUnits units)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (SteeringRules.CheckRequiredText("standingAgency", standingAgency, SteeringRules.NameMaxLength) is { } invalid)
        {
            throw invalid.AsValidation();
        }

        var committee = new SteeringCommittee { Status = CommitteeStatus.Active };
        committee.Apply(details, today, units);
        committee._standingAgencies.Add(new StandingAgencyPeriod(committee.Id, standingAgency.Trim(), committee.EstablishedOn));
        committee.Touch(now, created: true);
        committee.Raise(new SteeringCommitteeCreated(committee.Id, now, committee.Details(), committee.StandingAgency));
        return committee;
    }

    /// <summary>The fields as recorded.</summary>
    public CommitteeDetails Details() => new(Name, Level, AreaCode, ProvinceCode, EstablishedOn, DecisionNumber, DecisionDate, DecisionIssuer);

    /// <summary>
    /// Replaces the descriptive fields. A dissolved committee takes no change; the establishment
    /// date may not move after a recorded term or agency change (the first agency period moves
    /// with it). Raises nothing when nothing changed.
    /// </summary>
    public void Update(CommitteeDetails details, DateOnly today, DateTimeOffset now, IAdministrativeUnits units)
    {
        ArgumentNullException.ThrowIfNull(details);
        EnsureActive();
        var before = Details();
        var ordered = _standingAgencies.OrderBy(a => a.From).ToList();
        if (details.EstablishedOn > EstablishedOn
            && (_members.Any(m => m.From < details.EstablishedOn) || ordered.Skip(1).Any(a => a.From <= details.EstablishedOn)))
        {
            throw SteeringRules.Errors.EstablishedAfterRecords.AsViolation();
        }

        Apply(details, today, units);
        if (Details() == before)
        {
            return;
        }

        ordered.FirstOrDefault()?.MoveStart(EstablishedOn);
        Touch(now);
        Raise(new SteeringCommitteeDetailsChanged(Id, now, before, Details()));
    }

    /// <summary>
    /// Dissolves the committee on <paramref name="effectiveOn"/>: not before its establishment,
    /// not in the future, not before a recorded term or agency change begins. Terms still running
    /// on that date (or ending later) end on it. Dissolved is final.
    /// </summary>
    public void Dissolve(DateOnly effectiveOn, string? reason, DateOnly today, DateTimeOffset now)
    {
        if (Status == CommitteeStatus.Dissolved)
        {
            throw SteeringRules.Errors.StatusUnchanged.AsViolation();
        }

        if ((SteeringRules.CheckPastDate("effectiveOn", effectiveOn, today) ?? FreeText.Check("reason", reason, SteeringRules.LongTextMaxLength)) is { } invalid)
        {
            throw invalid.AsValidation();
        }

        if (effectiveOn < EstablishedOn)
        {
            throw SteeringRules.Errors.DissolvedBeforeEstablished(EstablishedOn).AsViolation();
        }

        if (_members.Any(m => m.From > effectiveOn) || _standingAgencies.Any(a => a.From > effectiveOn))
        {
            throw SteeringRules.Errors.StartsAfterDissolution.AsViolation();
        }

        foreach (var member in _members.Where(m => m.To is null || m.To > effectiveOn))
        {
            member.End(effectiveOn);
        }

        Status = CommitteeStatus.Dissolved;
        DissolvedOn = effectiveOn;
        DissolutionReason = FreeText.Normalize(reason);
        Touch(now);
        Raise(new SteeringCommitteeDissolved(Id, now, effectiveOn, DissolutionReason));
    }

    /// <summary>Marks a committee recorded in error for deletion: only without members (activities are checked by the caller).</summary>
    public void Delete(DateTimeOffset now)
    {
        if (_members.Count > 0)
        {
            throw SteeringRules.Errors.HasRecords.AsViolation();
        }

        Raise(new SteeringCommitteeDeleted(Id, now, Details()));
    }

    /// <summary>
    /// Adds a term. Rules: inside the committee's life; at most one head at any date; the same
    /// person (by name) not twice at overlapping dates.
    /// </summary>
    public CommitteeMember AddMember(string fullName, string? title, string? organization, CommitteeRole role,
        DateOnly from, DateOnly? to, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        if ((SteeringRules.CheckRequiredText("fullName", fullName, SteeringRules.NameMaxLength)
            ?? FreeText.Check("title", title, SteeringRules.NameMaxLength)
            ?? FreeText.Check("organization", organization, SteeringRules.NameMaxLength)
            ?? SteeringRules.CheckTerm(from, to)) is { } invalid)
        {
            throw invalid.AsValidation();
        }

        EnsureActive();
        if (!IsAliveOn(from) || (to is { } end && !IsAliveOn(end)))
        {
            throw SteeringRules.Errors.OutsideLife(EstablishedOn, DissolvedOn).AsViolation();
        }

        if (role == CommitteeRole.Head
            && _members.FirstOrDefault(m => m.Role == CommitteeRole.Head && SteeringRules.Overlap(m.From, m.To, from, to)) is { } head)
        {
            throw SteeringRules.Errors.HeadOverlap($"{head.FullName}, {Range(head.From, head.To)}").AsViolation();
        }

        var person = SteeringRules.PersonKey(fullName);
        if (_members.Any(m => SteeringRules.PersonKey(m.FullName) == person && SteeringRules.Overlap(m.From, m.To, from, to)))
        {
            throw SteeringRules.Errors.PersonOverlap.AsViolation();
        }

        var member = new CommitteeMember(Id, _members.Count == 0 ? 1 : _members.Max(m => m.Sequence) + 1, fullName.Trim(),
            FreeText.Normalize(title), FreeText.Normalize(organization), role, from, to);
        _members.Add(member);
        Touch(now);
        Raise(new CommitteeMemberAdded(Id, now, member.Id, member.FullName, role, from, to));
        return member;
    }

    /// <summary>Ends a term on <paramref name="to"/> (its last day): not before it began, and earlier than any end it has.</summary>
    /// <returns>The term, or null when the committee has no such term.</returns>
    public CommitteeMember? EndTerm(Guid memberId, DateOnly to, DateTimeOffset now)
    {
        var member = _members.FirstOrDefault(m => m.Id == memberId);
        if (member is null)
        {
            return null;
        }

        EnsureActive();
        if (to < member.From)
        {
            throw SteeringRules.Errors.EndBeforeStart("to", "from").AsValidation();
        }

        if (member.To is { } end && end <= to)
        {
            throw SteeringRules.Errors.AlreadyEnded.AsViolation();
        }

        var previous = member.To;
        member.End(to);
        Touch(now);
        Raise(new CommitteeMemberTermEnded(Id, now, member.Id, previous, to));
        return member;
    }

    /// <summary>Another agency becomes the standing agency from <paramref name="from"/>, after the current one began.</summary>
    public void ChangeStandingAgency(string agency, DateOnly from, DateOnly today, DateTimeOffset now)
    {
        if ((SteeringRules.CheckRequiredText("agency", agency, SteeringRules.NameMaxLength)
            ?? SteeringRules.CheckPastDate("from", from, today)) is { } invalid)
        {
            throw invalid.AsValidation();
        }

        EnsureActive();
        var current = _standingAgencies.OrderBy(a => a.From).Last();
        if (from <= current.From)
        {
            throw SteeringRules.Errors.AgencyNotAfterCurrent(current.From).AsViolation();
        }

        if (string.Equals(current.Agency, agency.Trim(), StringComparison.Ordinal))
        {
            throw SteeringRules.Errors.AgencyUnchanged.AsViolation();
        }

        _standingAgencies.Add(new StandingAgencyPeriod(Id, agency.Trim(), from));
        Touch(now);
        Raise(new StandingAgencyChanged(Id, now, current.Agency, agency.Trim(), from));
    }

    private static string Range(DateOnly from, DateOnly? to) =>
        $"{from:yyyy-MM-dd} – {(to is { } t ? t.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "…")}";

    private void EnsureActive()
    {
        if (Status == CommitteeStatus.Dissolved)
        {
            throw SteeringRules.Errors.Dissolved.AsViolation();
        }
    }

    private void Touch(DateTimeOffset now, bool created = false)
    {
        // PostgreSQL keeps microseconds: the response must equal a later read.
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
        if (created)
        {
            CreatedAt = now;
        }

        UpdatedAt = now;
    }

    private void Apply(CommitteeDetails d, DateOnly today, IAdministrativeUnits units)
    {
        var error = SteeringRules.CheckRequiredText("name", d.Name, SteeringRules.NameMaxLength)
            ?? SteeringRules.CheckArea(d.Level, d.AreaCode, d.ProvinceCode, units)
            ?? SteeringRules.CheckEstablishment(d.Level, d.EstablishedOn, today)
            ?? (d.DecisionNumber is null && d.DecisionDate is null && d.DecisionIssuer is null
                ? null
                : SteeringRules.CheckDecision(d.DecisionNumber, d.DecisionDate, d.DecisionIssuer, today));
        if (error is not null)
        {
            throw error.AsValidation();
        }

        Name = d.Name.Trim();
        Level = d.Level;
        AreaCode = d.AreaCode;
        ProvinceCode = SteeringRules.ProvinceOf(d.Level, d.AreaCode, d.ProvinceCode, units);
        EstablishedOn = d.EstablishedOn;
        DecisionNumber = FreeText.Normalize(d.DecisionNumber);
        DecisionDate = d.DecisionDate;
        DecisionIssuer = FreeText.Normalize(d.DecisionIssuer);
    }
}
