using CoopApi.Domain.Common;
using CoopApi.Domain.Cooperatives;

namespace CoopApi.Domain.Classifications;

/// <summary>
/// The classification of one organization for one year: its current assessment and, as child rows,
/// every revision ever recorded (the first assessment, then each correction). A correction is a new
/// revision; old ones are never changed or removed. The organization's province, commune, kind and
/// sector are kept as they were when the current revision was recorded, so statistics of a year
/// stay what the province reported.
/// </summary>
public sealed class Classification : AggregateRoot, IBelongsToProvince
{
    private readonly List<ClassificationRevision> _revisions = [];

    private Classification() { } // for EF Core

    /// <inheritdoc />
    public override string AggregateType => "classification";

    /// <summary>The organization assessed.</summary>
    public Guid CooperativeId { get; private set; }

    /// <summary>The year assessed.</summary>
    public int Year { get; private set; }

    /// <summary>The organization's province when the current revision was recorded.</summary>
    public string ProvinceCode { get; private set; } = "";

    /// <summary>The organization's commune when the current revision was recorded.</summary>
    public string CommuneCode { get; private set; } = "";

    /// <summary>The organization's kind when the current revision was recorded.</summary>
    public OrganizationKind OrganizationKind { get; private set; }

    /// <summary>The organization's sector when the current revision was recorded.</summary>
    public Sector Sector { get; private set; }

    /// <summary>Number of the current revision (1 for the first assessment).</summary>
    public int Revision { get; private set; }

    /// <summary>Code of the scheme version the current revision used.</summary>
    public string SchemeCode { get; private set; } = "";

    /// <summary>The rating, computed from the total and the scheme's bands, or notRated.</summary>
    public Rating Rating { get; private set; }

    /// <summary>Why not rated; null when rated.</summary>
    public NotRatedReason? NotRatedReason { get; private set; }

    /// <summary>Sum of the points; null when no scores were given (not rated).</summary>
    public decimal? TotalPoints { get; private set; }

    /// <summary>The points per criterion, in the scheme's order.</summary>
    public IReadOnlyList<CriterionScore> Scores { get; private set; } = [];

    /// <summary>Date of the assessment.</summary>
    public DateOnly AssessedOn { get; private set; }

    /// <summary>Who approved it.</summary>
    public string ApprovedBy { get; private set; } = "";

    /// <summary>Notes.</summary>
    public string? Notes { get; private set; }

    /// <summary>When the first revision was recorded (UTC).</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the current revision was recorded (UTC).</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Revisions appended by this instance (the history is read through the queries).</summary>
    public IReadOnlyList<ClassificationRevision> Revisions => _revisions;

    /// <summary>Records the first assessment of <paramref name="organization"/> for <paramref name="assessment"/>'s year.</summary>
    public static Classification Record(Guid cooperativeId, OrganizationSnapshot organization, Assessment assessment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(assessment);
        var classification = new Classification
        {
            CooperativeId = cooperativeId,
            Year = assessment.Year,
            CreatedAt = Instants.ToMicroseconds(now),
        };
        classification.Apply(organization, assessment, now);
        classification.Raise(new ClassificationRecorded(classification.Id, now, cooperativeId, assessment.Year, classification.Revision,
            assessment.SchemeCode, assessment.Rating, assessment.NotRatedReason, assessment.TotalPoints));
        return classification;
    }

    /// <summary>Records a correction: a new revision that becomes current; the earlier ones stay.</summary>
    public void Correct(OrganizationSnapshot organization, Assessment assessment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(assessment);
        if (assessment.Year != Year)
        {
            throw new InvalidOperationException("A correction is for the same year.");
        }

        var before = (Rating, TotalPoints);
        Apply(organization, assessment, now);
        Raise(new ClassificationCorrected(Id, now, CooperativeId, Year, Revision, assessment.SchemeCode,
            before.Rating, assessment.Rating, assessment.NotRatedReason, before.TotalPoints, assessment.TotalPoints));
    }

    private void Apply(OrganizationSnapshot organization, Assessment assessment, DateTimeOffset now)
    {
        Revision++;
        ProvinceCode = organization.ProvinceCode;
        CommuneCode = organization.CommuneCode;
        OrganizationKind = organization.Kind;
        Sector = organization.Sector;
        SchemeCode = assessment.SchemeCode;
        Rating = assessment.Rating;
        NotRatedReason = assessment.NotRatedReason;
        TotalPoints = assessment.TotalPoints;
        Scores = assessment.Scores;
        AssessedOn = assessment.AssessedOn;
        ApprovedBy = assessment.ApprovedBy;
        Notes = assessment.Notes;
        UpdatedAt = Instants.ToMicroseconds(now);
        _revisions.Add(new ClassificationRevision(Id, Revision, assessment, UpdatedAt));
    }
}

/// <summary>Where the organization is and what it is, when it is assessed.</summary>
/// <param name="ProvinceCode">Province.</param>
/// <param name="CommuneCode">Commune.</param>
/// <param name="Kind">Kind.</param>
/// <param name="Sector">Sector.</param>
public sealed record OrganizationSnapshot(string ProvinceCode, string CommuneCode, OrganizationKind Kind, Sector Sector);

/// <summary>
/// One assessment as the rules computed it: built only by <see cref="Assess"/>, so a rating never
/// comes from anywhere but the scheme's bands and the not-rated rules.
/// </summary>
public sealed class Assessment
{
    private Assessment() { }

    /// <summary>Year.</summary>
    public int Year { get; private init; }

    /// <summary>Scheme version used.</summary>
    public string SchemeCode { get; private init; } = "";

    /// <summary>The rating.</summary>
    public Rating Rating { get; private init; }

    /// <summary>Why not rated.</summary>
    public NotRatedReason? NotRatedReason { get; private init; }

    /// <summary>Total; null when no scores were given.</summary>
    public decimal? TotalPoints { get; private init; }

    /// <summary>Scores in the scheme's order.</summary>
    public IReadOnlyList<CriterionScore> Scores { get; private init; } = [];

    /// <summary>Date of the assessment.</summary>
    public DateOnly AssessedOn { get; private init; }

    /// <summary>Who approved it (trimmed).</summary>
    public string ApprovedBy { get; private init; } = "";

    /// <summary>Notes (trimmed, null when blank).</summary>
    public string? Notes { get; private init; }

    /// <summary>
    /// Assesses an organization for a year under a scheme. The scheme must be in force in the year.
    /// When the organization is not rated, the scores may be empty; scores that are given must in any
    /// case score every criterion exactly once within its maximum. A rated organization needs them.
    /// </summary>
    /// <exception cref="DomainValidationException">The scheme is not in force in the year.</exception>
    /// <exception cref="ScoreSheetException">The scores break <see cref="ClassificationRules.CheckScores"/>.</exception>
    public static Assessment Assess(ClassificationScheme scheme, OrganizationFacts organization, int year,
        IReadOnlyList<(string? Criterion, decimal? Points)> scores, DateOnly assessedOn, string approvedBy, string? notes)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(approvedBy);
        if (!scheme.IsValidForYear(year))
        {
            throw ClassificationRules.Errors.SchemeNotValidForYear(scheme.Code, year, scheme.ValidFrom, scheme.ValidTo).AsValidation();
        }

        var reason = ClassificationRules.NotRatedReasonFor(scheme, organization, year);
        var criteria = scheme.Criteria;
        if (reason is not null && scores.Count == 0)
        {
            return new Assessment
            {
                Year = year, SchemeCode = scheme.Code, Rating = Rating.NotRated, NotRatedReason = reason, TotalPoints = null,
                AssessedOn = assessedOn, ApprovedBy = approvedBy.Trim(), Notes = FreeText.Normalize(notes),
            };
        }

        var errors = ClassificationRules.CheckScores(criteria, scores);
        if (errors.Count > 0)
        {
            throw new ScoreSheetException(errors);
        }

        var byCode = scores.ToDictionary(s => s.Criterion!, s => s.Points!.Value, StringComparer.Ordinal);
        var ordered = criteria.Select(c => new CriterionScore(c.Code, byCode[c.Code])).ToList();
        var total = ordered.Sum(s => s.Points);
        return new Assessment
        {
            Year = year,
            SchemeCode = scheme.Code,
            Rating = reason is null ? scheme.Bands.RatingOf(total) : Rating.NotRated,
            NotRatedReason = reason,
            TotalPoints = total,
            Scores = ordered,
            AssessedOn = assessedOn,
            ApprovedBy = approvedBy.Trim(),
            Notes = FreeText.Normalize(notes),
        };
    }
}

/// <summary>A score sheet breaks several rules at once; each is reported (HTTP 400 with every field error).</summary>
public sealed class ScoreSheetException(IReadOnlyList<DomainError> errors)
    : DomainException("scores.invalid", errors.Count > 0 ? errors[0].English : "Invalid scores.", errors.Count > 0 ? errors[0].Vietnamese : "Điểm không hợp lệ.")
{
    /// <summary>Every broken rule.</summary>
    public IReadOnlyList<DomainError> Errors { get; } = errors;
}

/// <summary>One revision of a classification: an assessment as recorded, never changed afterwards.</summary>
public sealed class ClassificationRevision : Entity
{
    private ClassificationRevision() { } // for EF Core

    internal ClassificationRevision(Guid classificationId, int revision, Assessment assessment, DateTimeOffset recordedAt)
    {
        ClassificationId = classificationId;
        Revision = revision;
        SchemeCode = assessment.SchemeCode;
        Rating = assessment.Rating;
        NotRatedReason = assessment.NotRatedReason;
        TotalPoints = assessment.TotalPoints;
        Scores = assessment.Scores;
        AssessedOn = assessment.AssessedOn;
        ApprovedBy = assessment.ApprovedBy;
        Notes = assessment.Notes;
        RecordedAt = recordedAt;
    }

    /// <summary>The classification it belongs to.</summary>
    public Guid ClassificationId { get; private set; }

    /// <summary>Number, from 1.</summary>
    public int Revision { get; private set; }

    /// <summary>Scheme version used.</summary>
    public string SchemeCode { get; private set; } = "";

    /// <summary>Rating.</summary>
    public Rating Rating { get; private set; }

    /// <summary>Why not rated.</summary>
    public NotRatedReason? NotRatedReason { get; private set; }

    /// <summary>Total points.</summary>
    public decimal? TotalPoints { get; private set; }

    /// <summary>Points per criterion.</summary>
    public IReadOnlyList<CriterionScore> Scores { get; private set; } = [];

    /// <summary>Date of the assessment.</summary>
    public DateOnly AssessedOn { get; private set; }

    /// <summary>Who approved it.</summary>
    public string ApprovedBy { get; private set; } = "";

    /// <summary>Notes.</summary>
    public string? Notes { get; private set; }

    /// <summary>When it was recorded (UTC).</summary>
    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>The first assessment of an organization for a year was recorded.</summary>
/// <param name="AggregateId">The classification.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="CooperativeId">The organization.</param>
/// <param name="Year">The year.</param>
/// <param name="Revision">The revision (1).</param>
/// <param name="SchemeCode">Scheme version used.</param>
/// <param name="Rating">The rating.</param>
/// <param name="NotRatedReason">Why not rated.</param>
/// <param name="TotalPoints">Total.</param>
public sealed record ClassificationRecorded(Guid AggregateId, DateTimeOffset OccurredAt, Guid CooperativeId, int Year, int Revision,
    string SchemeCode, Rating Rating, NotRatedReason? NotRatedReason, decimal? TotalPoints) : IDomainEvent
{
    /// <inheritdoc />
    public ChangeKind Kind => ChangeKind.Created;
}

/// <summary>An assessment was corrected: a new revision became current.</summary>
/// <param name="AggregateId">The classification.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="CooperativeId">The organization.</param>
/// <param name="Year">The year.</param>
/// <param name="Revision">The new revision.</param>
/// <param name="SchemeCode">Scheme version used.</param>
/// <param name="RatingBefore">Rating of the previous revision.</param>
/// <param name="Rating">The new rating.</param>
/// <param name="NotRatedReason">Why not rated.</param>
/// <param name="TotalPointsBefore">Total of the previous revision.</param>
/// <param name="TotalPoints">The new total.</param>
public sealed record ClassificationCorrected(Guid AggregateId, DateTimeOffset OccurredAt, Guid CooperativeId, int Year, int Revision,
    string SchemeCode, Rating RatingBefore, Rating Rating, NotRatedReason? NotRatedReason, decimal? TotalPointsBefore, decimal? TotalPoints)
    : IDomainEvent
{
    /// <inheritdoc />
    public ChangeKind Kind => ChangeKind.Updated;
}
