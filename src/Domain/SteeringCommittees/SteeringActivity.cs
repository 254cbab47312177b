using CoopApi.Domain.Common;

namespace CoopApi.Domain.SteeringCommittees;

/// <summary>A document an activity issued or used, e.g. official letter 538/UBND-KTTH of 11 June 2019.</summary>
/// <param name="Number">Number and symbol, e.g. "538/UBND-KTTH".</param>
/// <param name="Date">Date of the document.</param>
/// <param name="Issuer">Who issued it.</param>
/// <param name="Title">Its title or subject.</param>
public sealed record ActivityDocumentFields(string Number, DateOnly Date, string? Issuer, string? Title);

/// <summary>The fields of an activity, as a command gives them.</summary>
/// <param name="Kind">Kind.</param>
/// <param name="Title">Title.</param>
/// <param name="StartDate">Date (first day).</param>
/// <param name="EndDate">Last day of a multi-day activity.</param>
/// <param name="Location">Where.</param>
/// <param name="AttendeeCount">How many took part.</param>
/// <param name="Topics">Topics, in order.</param>
/// <param name="VisitedOrganizationIds">Organizations of the register visited.</param>
/// <param name="ParticipatingBodies">Bodies that took part.</param>
/// <param name="Documents">Documents.</param>
/// <param name="Outcome">What came of it.</param>
public sealed record ActivityFields(ActivityKind Kind, string Title, DateOnly StartDate, DateOnly? EndDate, string? Location,
    int? AttendeeCount, IReadOnlyList<string> Topics, IReadOnlyList<Guid> VisitedOrganizationIds,
    IReadOnlyList<string> ParticipatingBodies, IReadOnlyList<ActivityDocumentFields> Documents, string? Outcome);

/// <summary>One document of an activity (a child row, in order).</summary>
public sealed class ActivityDocument : Entity
{
    private ActivityDocument() { } // for EF Core

    internal ActivityDocument(Guid activityId, int position, ActivityDocumentFields fields)
    {
        ActivityId = activityId;
        Position = position;
        Number = fields.Number.Trim();
        Date = fields.Date;
        Issuer = FreeText.Normalize(fields.Issuer);
        Title = FreeText.Normalize(fields.Title);
    }

    /// <summary>The activity.</summary>
    public Guid ActivityId { get; private set; }

    /// <summary>Position in the list, from 0.</summary>
    public int Position { get; private set; }

    /// <summary>Number and symbol.</summary>
    public string Number { get; private set; } = "";

    /// <summary>Date.</summary>
    public DateOnly Date { get; private set; }

    /// <summary>Issuer.</summary>
    public string? Issuer { get; private set; }

    /// <summary>Title.</summary>
    public string? Title { get; private set; }

    /// <summary>As fields.</summary>
    public ActivityDocumentFields Fields() => new(Number, Date, Issuer, Title);
}

/// <summary>An activity was recorded.</summary>
/// <param name="AggregateId">The activity.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="CommitteeId">Its committee.</param>
/// <param name="Fields">Its fields.</param>
public sealed record SteeringActivityRecorded(Guid AggregateId, DateTimeOffset OccurredAt, Guid CommitteeId, ActivityFields Fields) : IDomainEvent
{
    /// <inheritdoc />
    public ChangeKind Kind => ChangeKind.Created;
}

/// <summary>An activity's fields were replaced.</summary>
/// <param name="AggregateId">The activity.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Before">Before.</param>
/// <param name="After">After.</param>
public sealed record SteeringActivityChanged(Guid AggregateId, DateTimeOffset OccurredAt, ActivityFields Before, ActivityFields After) : IDomainEvent
{
    /// <inheritdoc />
    public ChangeKind Kind => ChangeKind.Updated;
}

/// <summary>What an activity shows of its committee changed: the province, or the standing agency of its date.</summary>
/// <param name="AggregateId">The activity.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="ProvinceCode">Province now.</param>
/// <param name="StandingAgency">Standing agency on its date now.</param>
public sealed record SteeringActivityContextChanged(Guid AggregateId, DateTimeOffset OccurredAt, string? ProvinceCode, string StandingAgency)
    : IDomainEvent
{
    /// <inheritdoc />
    public ChangeKind Kind => ChangeKind.Updated;
}

/// <summary>An activity recorded in error was deleted.</summary>
/// <param name="AggregateId">The activity.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Fields">Its last fields.</param>
public sealed record SteeringActivityDeleted(Guid AggregateId, DateTimeOffset OccurredAt, ActivityFields Fields) : IDomainEvent
{
    /// <inheritdoc />
    public ChangeKind Kind => ChangeKind.Deleted;
}

/// <summary>
/// Something a steering committee did: a meeting, a training conference, a field visit, an
/// inspection, a review conference or a directive. Its own aggregate (a committee holds years of
/// them); it belongs to its committee's province and shows the committee's standing agency on
/// its date, both kept by the write path when the committee changes.
/// </summary>
public sealed class SteeringActivity : AggregateRoot, IBelongsToProvince
{
    /// <summary>Stored type name of activities.</summary>
    public const string Type = "steeringActivity";

    private readonly List<ActivityDocument> _documents = [];

    private SteeringActivity() { } // for EF Core

    /// <inheritdoc />
    public override string AggregateType => Type;

    /// <summary>The committee.</summary>
    public Guid CommitteeId { get; private set; }

    /// <summary>Province of the committee (null: national).</summary>
    public string? ProvinceCode { get; private set; }

    string IBelongsToProvince.ProvinceCode => ProvinceCode!;

    /// <summary>The committee's standing agency on <see cref="StartDate"/>.</summary>
    public string StandingAgency { get; private set; } = "";

    /// <summary>Kind.</summary>
    public ActivityKind Kind { get; private set; }

    /// <summary>Title.</summary>
    public string Title { get; private set; } = "";

    /// <summary>Date, or first day.</summary>
    public DateOnly StartDate { get; private set; }

    /// <summary>Last day of a multi-day activity.</summary>
    public DateOnly? EndDate { get; private set; }

    /// <summary>Where.</summary>
    public string? Location { get; private set; }

    /// <summary>How many took part.</summary>
    public int? AttendeeCount { get; private set; }

    /// <summary>Topics, in order.</summary>
    public string[] Topics { get; private set; } = [];

    /// <summary>Organizations of the register visited.</summary>
    public Guid[] VisitedOrganizationIds { get; private set; } = [];

    /// <summary>Bodies that took part.</summary>
    public string[] ParticipatingBodies { get; private set; } = [];

    /// <summary>Documents, in order.</summary>
    public IReadOnlyList<ActivityDocument> Documents => _documents;

    /// <summary>What came of it.</summary>
    public string? Outcome { get; private set; }

    /// <summary>When recorded (UTC).</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When last changed (UTC).</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The fields as recorded.</summary>
    public ActivityFields Fields() => new(Kind, Title, StartDate, EndDate, Location, AttendeeCount, Topics, VisitedOrganizationIds,
        ParticipatingBodies, _documents.OrderBy(d => d.Position).Select(d => d.Fields()).ToList(), Outcome);

    /// <summary>The field checks of an activity (the first broken one), shared with the validator.</summary>
    public static DomainError? Check(ActivityFields f, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(f);
        return SteeringRules.CheckRequiredText("title", f.Title, SteeringRules.TextMaxLength)
            ?? SteeringRules.CheckPastDate("startDate", f.StartDate, today)
            ?? (f.EndDate is { } end && end < f.StartDate ? SteeringRules.Errors.EndBeforeStart("endDate", "startDate") : null)
            ?? FreeText.Check("location", f.Location, SteeringRules.TextMaxLength)
            ?? (f.AttendeeCount is < 0 or > SteeringRules.MaxAttendees
                ? new DomainError("attendeeCount", "attendeeCount.range", $"attendeeCount must be between 0 and {SteeringRules.MaxAttendees}.",
                    $"attendeeCount phải nằm trong khoảng 0 đến {SteeringRules.MaxAttendees}.")
                : null)
            ?? SteeringRules.CheckTextList("topics", f.Topics, SteeringRules.TextMaxLength)
            ?? SteeringRules.CheckTextList("participatingBodies", f.ParticipatingBodies, SteeringRules.NameMaxLength)
            ?? (f.VisitedOrganizationIds.Count > SteeringRules.MaxItems ? SteeringRules.Errors.TooManyItems("visitedOrganizationIds") : null)
            ?? (f.Documents.Count > SteeringRules.MaxItems ? SteeringRules.Errors.TooManyItems("documents") : null)
            ?? f.Documents.Select(d => SteeringRules.CheckRequiredText("documents.number", d.Number, SteeringRules.NumberMaxLength)
                ?? SteeringRules.CheckPastDate("documents.date", d.Date, today)
                ?? FreeText.Check("documents.issuer", d.Issuer, SteeringRules.NameMaxLength)
                ?? FreeText.Check("documents.title", d.Title, SteeringRules.TextMaxLength)).FirstOrDefault(e => e is not null)
            ?? FreeText.Check("outcome", f.Outcome, SteeringRules.LongTextMaxLength);
    }

    /// <summary>
    /// Records an activity of <paramref name="committee"/>: it must take place while the committee
    /// exists. The caller has checked that the visited organizations are in the register.
    /// </summary>
    public static SteeringActivity Record(SteeringCommittee committee, ActivityFields fields, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(committee);
        var activity = new SteeringActivity { CommitteeId = committee.Id };
        activity.Apply(committee, fields, today);
        activity.Touch(now, created: true);
        activity.Raise(new SteeringActivityRecorded(activity.Id, now, committee.Id, activity.Fields()));
        return activity;
    }

    /// <summary>Replaces the fields; raises nothing when nothing changed.</summary>
    public void Update(SteeringCommittee committee, ActivityFields fields, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(committee);
        var before = Fields();
        var context = (ProvinceCode, StandingAgency);
        Apply(committee, fields, today);
        if (Same(before, Fields()) && context == (ProvinceCode, StandingAgency))
        {
            return;
        }

        Touch(now);
        Raise(new SteeringActivityChanged(Id, now, before, Fields()));
    }

    /// <summary>Takes the committee's province and its standing agency on the activity's date again.</summary>
    public void Refresh(SteeringCommittee committee, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(committee);
        var agency = committee.StandingAgencyOn(StartDate);
        if (ProvinceCode == committee.ProvinceCode && StandingAgency == agency)
        {
            return;
        }

        ProvinceCode = committee.ProvinceCode;
        StandingAgency = agency;
        Touch(now);
        Raise(new SteeringActivityContextChanged(Id, now, ProvinceCode, StandingAgency));
    }

    /// <summary>Marks the activity for deletion.</summary>
    public void Delete(DateTimeOffset now) => Raise(new SteeringActivityDeleted(Id, now, Fields()));

    private static bool Same(ActivityFields a, ActivityFields b) =>
        a with { Topics = [], VisitedOrganizationIds = [], ParticipatingBodies = [], Documents = [] }
            == b with { Topics = [], VisitedOrganizationIds = [], ParticipatingBodies = [], Documents = [] }
        && a.Topics.SequenceEqual(b.Topics) && a.VisitedOrganizationIds.SequenceEqual(b.VisitedOrganizationIds)
        && a.ParticipatingBodies.SequenceEqual(b.ParticipatingBodies) && a.Documents.SequenceEqual(b.Documents);

    private void Apply(SteeringCommittee committee, ActivityFields f, DateOnly today)
    {
        if (Check(f, today) is { } invalid)
        {
            throw invalid.AsValidation();
        }

        if (!committee.IsAliveOn(f.StartDate) || (f.EndDate is { } end && !committee.IsAliveOn(end)))
        {
            throw SteeringRules.Errors.ActivityOutsideLife.AsViolation();
        }

        ProvinceCode = committee.ProvinceCode;
        StandingAgency = committee.StandingAgencyOn(f.StartDate);
        Kind = f.Kind;
        Title = f.Title.Trim();
        StartDate = f.StartDate;
        EndDate = f.EndDate;
        Location = FreeText.Normalize(f.Location);
        AttendeeCount = f.AttendeeCount;
        Topics = f.Topics.Select(t => t.Trim()).ToArray();
        VisitedOrganizationIds = f.VisitedOrganizationIds.Distinct().ToArray();
        ParticipatingBodies = f.ParticipatingBodies.Select(t => t.Trim()).ToArray();
        Outcome = FreeText.Normalize(f.Outcome);
        var documents = f.Documents.Select((d, i) => new ActivityDocument(Id, i, d)).ToList();
        if (!documents.Select(d => d.Fields()).SequenceEqual(_documents.OrderBy(d => d.Position).Select(d => d.Fields())))
        {
            _documents.Clear();
            _documents.AddRange(documents);
        }
    }

    private void Touch(DateTimeOffset now, bool created = false)
    {
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
        if (created)
        {
            CreatedAt = now;
        }

        UpdatedAt = now;
    }
}
