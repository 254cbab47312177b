using System.Text.Json;
using System.Text.Json.Serialization;
using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.Common;

namespace CoopApi.Domain.Partnerships;

/// <summary>
/// A partnership (coordination) programme (chương trình phối hợp) between the provincial Cooperative
/// Alliance and other bodies, with its commitments and reviews. Commitments and reviews are part of
/// the aggregate: every change to them moves the agreement's version, so two writers cannot both
/// review the same year, and a review always sees the commitments it reports on. It belongs to its
/// province. Draft → active → completed | terminated; a draft is edited freely, an active programme
/// only by amendments that keep a history (<see cref="Amendments"/>).
/// </summary>
public sealed class PartnershipAgreement : AggregateRoot, IBelongsToProvince
{
    /// <summary>Stored type name (the change feed's <c>entityType</c>).</summary>
    public const string Type = "partnershipAgreement";

    /// <summary>Fields an amendment of an active programme may change.</summary>
    public static readonly IReadOnlyList<string> AmendableFields = ["periodEndYear", "signatories", "policyReferences", "contentAreas"];

    /// <summary>JSON of stored values and amendment histories: camelCase, enums by name, as the API writes them.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    private readonly List<Commitment> _commitments = [];
    private readonly List<Review> _reviews = [];

    private PartnershipAgreement() { } // for EF Core

    /// <inheritdoc />
    public override string AggregateType => Type;

    /// <summary>Title.</summary>
    public string Title { get; private set; } = "";

    /// <summary>Document number, if any.</summary>
    public string? Reference { get; private set; }

    /// <summary>Parties (at least two).</summary>
    public IReadOnlyList<Party> Parties { get; private set; } = [];

    /// <summary>Signatories.</summary>
    public IReadOnlyList<Signatory> Signatories { get; private set; } = [];

    /// <summary>Signing date.</summary>
    public DateOnly SignedOn { get; private set; }

    /// <summary>First year of the period.</summary>
    public int PeriodStartYear { get; private set; }

    /// <summary>Last year of the period.</summary>
    public int PeriodEndYear { get; private set; }

    /// <summary>Province it belongs to.</summary>
    public string ProvinceCode { get; private set; } = "";

    /// <summary>Policy documents it implements.</summary>
    public IReadOnlyList<PolicyReference> PolicyReferences { get; private set; } = [];

    /// <summary>Content areas, in order (commitments refer to them by index from 0).</summary>
    public IReadOnlyList<string> ContentAreas { get; private set; } = [];

    /// <summary>Status.</summary>
    public AgreementStatus Status { get; private set; }

    /// <summary>Date it took effect (became active).</summary>
    public DateOnly? EffectiveFrom { get; private set; }

    /// <summary>Date it was completed or terminated.</summary>
    public DateOnly? ClosedOn { get; private set; }

    /// <summary>Why it was completed or terminated.</summary>
    public string? ClosingReason { get; private set; }

    /// <summary>Amendments of the active programme, oldest first.</summary>
    public IReadOnlyList<Amendment> Amendments { get; private set; } = [];

    /// <summary>When recorded (UTC).</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When last changed (UTC).</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Commitments, in the order recorded.</summary>
    public IReadOnlyList<Commitment> Commitments => _commitments;

    /// <summary>Reviews.</summary>
    public IReadOnlyList<Review> Reviews => _reviews;

    /// <summary>True when completed or terminated.</summary>
    public bool IsClosed => Status is AgreementStatus.Completed or AgreementStatus.Terminated;

    /// <summary>Records a programme as a draft.</summary>
    /// <exception cref="DomainValidationException">A field breaks a rule of <see cref="PartnershipRules"/>.</exception>
    public static PartnershipAgreement Create(AgreementTerms terms, DateOnly today, DateTimeOffset now, IAdministrativeUnits units)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var agreement = new PartnershipAgreement { Status = AgreementStatus.Draft };
        agreement.Apply(terms, today, units);
        agreement.Touch(now, created: true);
        agreement.Raise(new PartnershipAgreementCreated(agreement.Id, now, agreement.Terms()));
        return agreement;
    }

    /// <summary>The terms as recorded.</summary>
    public AgreementTerms Terms() => new(Title, Reference, Parties, Signatories, SignedOn, PeriodStartYear, PeriodEndYear, ProvinceCode,
        PolicyReferences, ContentAreas);

    /// <summary>
    /// Replaces the terms. A draft takes any valid terms (no amendment). An active programme takes
    /// only changes of <see cref="AmendableFields"/> (content areas appended only; the period not
    /// ending before a reviewed year), described by <paramref name="note"/>, which is kept with the
    /// changed values in <see cref="Amendments"/>. A closed programme takes nothing. Raises nothing
    /// when nothing changed.
    /// </summary>
    public void Update(AgreementTerms terms, AmendmentNote? note, DateOnly today, DateTimeOffset now, IAdministrativeUnits units)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (IsClosed)
        {
            throw PartnershipRules.Errors.Closed.AsViolation();
        }

        Validate(terms, today, units);
        var before = Terms();
        var changed = ChangedFields(before, terms);
        if (Status == AgreementStatus.Draft)
        {
            if (note is not null)
            {
                throw PartnershipRules.Errors.AmendmentOfDraft.AsViolation();
            }

            if (_commitments.Any(c => c.ContentArea >= terms.ContentAreas.Count))
            {
                throw PartnershipRules.Errors.ContentAreaInUse.AsViolation();
            }

            if (changed.Count == 0)
            {
                return;
            }

            Apply(terms, today, units);
            Touch(now);
            Raise(new PartnershipAgreementEdited(Id, now, before, Terms()));
            return;
        }

        if (changed.Count == 0)
        {
            return;
        }

        var notAmendable = changed.Where(f => !AmendableFields.Contains(f.Field)).Select(f => f.Field).ToList();
        if (notAmendable.Count > 0)
        {
            throw PartnershipRules.Errors.NotAmendable(notAmendable).AsViolation();
        }

        if (note is null)
        {
            throw PartnershipRules.Errors.AmendmentRequired.AsViolation();
        }

        if (terms.ContentAreas.Count < ContentAreas.Count
            || ContentAreas.Where((area, i) => !string.Equals(area, terms.ContentAreas[i].Trim(), StringComparison.Ordinal)).Any())
        {
            throw PartnershipRules.Errors.ContentAreasAppendOnly.AsViolation();
        }

        if (_reviews.Count > 0 && terms.PeriodEndYear < _reviews.Max(r => r.Year))
        {
            throw PartnershipRules.Errors.EndBeforeReviews.AsViolation();
        }

        if (note.AmendedOn < SignedOn || (EffectiveFrom is { } from && note.AmendedOn < from))
        {
            throw new DomainError("amendment.amendedOn", "amendment.amendedOn.beforeEffective",
                "An amendment is dated on or after the programme took effect.",
                "Văn bản sửa đổi phải có ngày từ khi chương trình có hiệu lực trở đi.").AsViolation();
        }

        Apply(terms, today, units);
        var amendment = new Amendment(note.AmendedOn, FreeText.Normalize(note.Reference), FreeText.Normalize(note.Reason),
            ChangedFields(before, Terms()), Truncate(now));
        Amendments = [.. Amendments, amendment];
        Touch(now);
        Raise(new PartnershipAgreementAmended(Id, now, amendment));
    }

    /// <summary>
    /// Moves the status: draft → active (on or after signing), active → completed (in or after the
    /// end year) or terminated. Any other move, or the current status again, is refused (409).
    /// </summary>
    public void ChangeStatus(AgreementStatus to, DateOnly effectiveOn, string? reason, DateTimeOffset now)
    {
        if (to == Status)
        {
            throw PartnershipRules.Errors.StatusUnchanged.AsViolation();
        }

        var allowed = (Status, to) is (AgreementStatus.Draft, AgreementStatus.Active)
            or (AgreementStatus.Active, AgreementStatus.Completed)
            or (AgreementStatus.Active, AgreementStatus.Terminated);
        if (!allowed)
        {
            throw PartnershipRules.Errors.TransitionNotAllowed(Status, to).AsViolation();
        }

        if (to == AgreementStatus.Active && effectiveOn < SignedOn)
        {
            throw PartnershipRules.Errors.ActiveBeforeSigned.AsViolation();
        }

        if (to != AgreementStatus.Active)
        {
            if (effectiveOn < EffectiveFrom || _reviews.Any(r => r.HeldOn > effectiveOn))
            {
                throw PartnershipRules.Errors.StatusDateOutOfOrder.AsViolation();
            }

            if (to == AgreementStatus.Completed && effectiveOn.Year < PeriodEndYear)
            {
                throw PartnershipRules.Errors.CompletedBeforeEnd.AsViolation();
            }
        }

        Move(to, effectiveOn, FreeText.Normalize(reason), now);
    }

    /// <summary>Marks a draft recorded in error for deletion (anything else: 409).</summary>
    public void Delete(DateTimeOffset now)
    {
        if (Status != AgreementStatus.Draft)
        {
            throw PartnershipRules.Errors.NotDraft.AsViolation();
        }

        Raise(new PartnershipAgreementDeleted(Id, now, Terms()));
    }

    /// <summary>
    /// Adds a commitment, to a draft or (as an addendum) to an active programme. Its content area
    /// must exist; its responsible party, when named, must be a party.
    /// </summary>
    public Commitment AddCommitment(CommitmentFields fields, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (IsClosed)
        {
            throw PartnershipRules.Errors.Closed.AsViolation();
        }

        ValidateCommitment(fields);
        var commitment = new Commitment(Id, _commitments.Count == 0 ? 1 : _commitments.Max(c => c.Sequence) + 1, fields);
        _commitments.Add(commitment);
        Touch(now);
        Raise(new PartnershipCommitmentAdded(Id, now, commitment.Id, commitment.Fields()));
        return commitment;
    }

    /// <summary>Replaces a commitment's fields: only in a draft.</summary>
    /// <returns>The commitment, or null when the agreement has no such commitment.</returns>
    public Commitment? UpdateCommitment(Guid commitmentId, CommitmentFields fields, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var commitment = _commitments.FirstOrDefault(c => c.Id == commitmentId);
        if (commitment is null)
        {
            return null;
        }

        EnsureDraftForCommitments();
        ValidateCommitment(fields);
        var before = commitment.Fields();
        commitment.Apply(fields);
        if (commitment.Fields() == before)
        {
            return commitment;
        }

        Touch(now);
        Raise(new PartnershipCommitmentChanged(Id, now, commitment.Id, before, commitment.Fields()));
        return commitment;
    }

    /// <summary>Removes a commitment: only in a draft.</summary>
    /// <returns>False when the agreement has no such commitment.</returns>
    public bool RemoveCommitment(Guid commitmentId, DateTimeOffset now)
    {
        var commitment = _commitments.FirstOrDefault(c => c.Id == commitmentId);
        if (commitment is null)
        {
            return false;
        }

        EnsureDraftForCommitments();
        _commitments.Remove(commitment);
        Touch(now);
        Raise(new PartnershipCommitmentRemoved(Id, now, commitment.Id, commitment.Fields()));
        return true;
    }

    /// <summary>
    /// Records a review of an active programme. Annual: a year of the period, one review per year.
    /// Final: the end year, held in or after it; it closes the programme (completed on the day held).
    /// Results name commitments of the agreement that are not measured from the register.
    /// </summary>
    public Review RecordReview(ReviewKind kind, int year, DateOnly heldOn, string? summary, IReadOnlyList<ReviewResult> results,
        DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (PartnershipRules.CheckReview(kind, year, heldOn, summary, results, today).FirstOrDefault() is { } invalid)
        {
            throw invalid.AsValidation();
        }

        if (Status != AgreementStatus.Active)
        {
            throw (IsClosed ? PartnershipRules.Errors.Closed : PartnershipRules.Errors.ReviewNotActive).AsViolation();
        }

        if (year < PeriodStartYear || year > PeriodEndYear)
        {
            throw PartnershipRules.Errors.YearOutsidePeriod(PeriodStartYear, PeriodEndYear).AsViolation();
        }

        if (kind == ReviewKind.Final && year != PeriodEndYear)
        {
            throw PartnershipRules.Errors.FinalNotEndYear.AsViolation();
        }

        if (kind == ReviewKind.Final && heldOn.Year < PeriodEndYear)
        {
            throw PartnershipRules.Errors.FinalBeforeEndYear.AsViolation();
        }

        if (_reviews.Any(r => r.Year == year))
        {
            throw PartnershipRules.Errors.YearAlreadyReviewed.AsViolation();
        }

        if (EffectiveFrom is { } from && heldOn < from)
        {
            throw PartnershipRules.Errors.ReviewBeforeActive.AsViolation();
        }

        foreach (var result in results)
        {
            var commitment = _commitments.FirstOrDefault(c => c.Id == result.CommitmentId)
                ?? throw PartnershipRules.Errors.UnknownCommitment(result.CommitmentId).AsValidation();
            if (commitment.RegisterMeasure is not null)
            {
                throw PartnershipRules.Errors.MeasuredFromRegister(result.CommitmentId).AsValidation();
            }
        }

        var normalized = results.Select(r => r with { Notes = FreeText.Normalize(r.Notes) }).ToList();
        var review = new Review(Id, kind, year, heldOn, summary, normalized, Truncate(now));
        _reviews.Add(review);
        Touch(now);
        Raise(new PartnershipReviewRecorded(Id, now, review.Id, kind, year, heldOn, normalized));
        if (kind == ReviewKind.Final)
        {
            Move(AgreementStatus.Completed, heldOn, "Tổng kết chương trình (final review)", now);
        }

        return review;
    }

    private void Move(AgreementStatus to, DateOnly effectiveOn, string? reason, DateTimeOffset now)
    {
        var from = Status;
        Status = to;
        if (to == AgreementStatus.Active)
        {
            EffectiveFrom = effectiveOn;
        }
        else
        {
            ClosedOn = effectiveOn;
            ClosingReason = reason;
        }

        Touch(now);
        Raise(new PartnershipAgreementStatusChanged(Id, now, from, to, effectiveOn, reason));
    }

    private void EnsureDraftForCommitments()
    {
        if (IsClosed)
        {
            throw PartnershipRules.Errors.Closed.AsViolation();
        }

        if (Status != AgreementStatus.Draft)
        {
            throw PartnershipRules.Errors.CommitmentFrozen.AsViolation();
        }
    }

    private void ValidateCommitment(CommitmentFields f)
    {
        if (PartnershipRules.CheckCommitment(f.Description, f.ContentArea, f.Indicator, f.Unit, f.Target, f.TargetKind, f.ResponsibleParty,
                f.RegisterMeasure).FirstOrDefault() is { } invalid)
        {
            throw invalid.AsValidation();
        }

        if (f.ContentArea >= ContentAreas.Count)
        {
            throw PartnershipRules.Errors.CommitmentContentArea.AsValidation();
        }

        if (FreeText.Normalize(f.ResponsibleParty) is { } party && Parties.All(p => PartnershipRules.NameKey(p.Name) != PartnershipRules.NameKey(party)))
        {
            throw PartnershipRules.Errors.UnknownParty("responsibleParty").AsValidation();
        }
    }

    private static void Validate(AgreementTerms t, DateOnly today, IAdministrativeUnits units)
    {
        if (PartnershipRules.CheckTerms(t.Title, t.Reference, t.Parties, t.Signatories, t.SignedOn, t.PeriodStartYear, t.PeriodEndYear,
                t.ProvinceCode, t.PolicyReferences, t.ContentAreas.ToList(), today, units).FirstOrDefault() is { } invalid)
        {
            throw invalid.AsValidation();
        }
    }

    private void Apply(AgreementTerms t, DateOnly today, IAdministrativeUnits units)
    {
        Validate(t, today, units);
        Title = t.Title.Trim();
        Reference = FreeText.Normalize(t.Reference);
        Parties = t.Parties.Select(p => new Party(p.Name.Trim(), p.Kind)).ToList();
        Signatories = t.Signatories.Select(s => new Signatory(s.FullName.Trim(), FreeText.Normalize(s.Title),
            Parties.First(p => PartnershipRules.NameKey(p.Name) == PartnershipRules.NameKey(s.Party)).Name)).ToList();
        SignedOn = t.SignedOn;
        PeriodStartYear = t.PeriodStartYear;
        PeriodEndYear = t.PeriodEndYear;
        ProvinceCode = t.ProvinceCode;
        PolicyReferences = t.PolicyReferences.Select(p => new PolicyReference(p.Number.Trim(), p.IssuedOn, FreeText.Normalize(p.Title))).ToList();
        ContentAreas = t.ContentAreas.Select(a => a.Trim()).ToList();
    }

    /// <summary>The fields that differ between two sets of terms (compared as stored: trimmed), with their JSON before and after.</summary>
    private static List<AmendedField> ChangedFields(AgreementTerms a, AgreementTerms b)
    {
        var changes = new List<AmendedField>();
        void Compare(string field, object? x, object? y)
        {
            var before = JsonSerializer.Serialize(x, Json);
            var after = JsonSerializer.Serialize(y, Json);
            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                changes.Add(new AmendedField(field, before, after));
            }
        }

        Compare("title", a.Title, b.Title.Trim());
        Compare("reference", a.Reference, FreeText.Normalize(b.Reference));
        Compare("parties", a.Parties, b.Parties.Select(p => new Party(p.Name.Trim(), p.Kind)));
        Compare("signatories", a.Signatories.Select(s => new Signatory(s.FullName, s.Title, PartnershipRules.NameKey(s.Party))),
            b.Signatories.Select(s => new Signatory(s.FullName.Trim(), FreeText.Normalize(s.Title), PartnershipRules.NameKey(s.Party))));
        Compare("signedOn", a.SignedOn, b.SignedOn);
        Compare("periodStartYear", a.PeriodStartYear, b.PeriodStartYear);
        Compare("periodEndYear", a.PeriodEndYear, b.PeriodEndYear);
        Compare("provinceCode", a.ProvinceCode, b.ProvinceCode);
        Compare("policyReferences", a.PolicyReferences,
            b.PolicyReferences.Select(p => new PolicyReference(p.Number.Trim(), p.IssuedOn, FreeText.Normalize(p.Title))));
        Compare("contentAreas", a.ContentAreas, b.ContentAreas.Select(c => c.Trim()));
        return changes;
    }

    private static DateTimeOffset Truncate(DateTimeOffset now) => now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));

    private void Touch(DateTimeOffset now, bool created = false)
    {
        now = Truncate(now);
        if (created)
        {
            CreatedAt = now;
        }

        UpdatedAt = now;
    }
}
