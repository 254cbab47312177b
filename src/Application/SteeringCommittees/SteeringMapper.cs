using CoopApi.Domain.SteeringCommittees;

namespace CoopApi.Application.SteeringCommittees;

/// <summary>
/// Aggregate → DTO, the one mapping of the feature: the single-record GETs, the command
/// responses and the change feed all show what these methods produce (the read side builds the
/// same DTOs from SQL, with the same <see cref="History"/>).
/// </summary>
public static class SteeringMapper
{
    /// <summary>The committee as the API shows it.</summary>
    public static SteeringCommitteeDto ToDto(this SteeringCommittee committee)
    {
        ArgumentNullException.ThrowIfNull(committee);
        return new SteeringCommitteeDto
        {
            Id = committee.Id,
            Name = committee.Name,
            Level = committee.Level,
            AreaCode = committee.AreaCode,
            ProvinceCode = committee.ProvinceCode,
            EstablishedOn = committee.EstablishedOn,
            FoundingDecision = committee.DecisionNumber is { } number && committee.DecisionDate is { } date
                ? new FoundingDecisionDto { Number = number, Date = date, Issuer = committee.DecisionIssuer }
                : null,
            StandingAgency = committee.StandingAgency,
            StandingAgencyHistory = History(committee.StandingAgencies.Select(a => (a.Agency, a.From)), committee.DissolvedOn),
            Status = committee.Status,
            DissolvedOn = committee.DissolvedOn,
            DissolutionReason = committee.DissolutionReason,
            Members = committee.Members.OrderBy(m => m.Sequence).Select(ToDto).ToList(),
            CreatedAt = committee.CreatedAt,
            UpdatedAt = committee.UpdatedAt,
            Version = committee.Version,
        };
    }

    /// <summary>A term as the API shows it.</summary>
    public static CommitteeMemberDto ToDto(this CommitteeMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new CommitteeMemberDto
        {
            Id = member.Id,
            FullName = member.FullName,
            Title = member.Title,
            Organization = member.Organization,
            Role = member.Role,
            From = member.From,
            To = member.To,
        };
    }

    /// <summary>Periods (any order) as the history: oldest first, each ending the day before the next begins, the last at the dissolution.</summary>
    public static IReadOnlyList<StandingAgencyPeriodDto> History(IEnumerable<(string Agency, DateOnly From)> periods, DateOnly? dissolvedOn)
    {
        var ordered = periods.OrderBy(p => p.From).ToList();
        return ordered.Select((p, i) => new StandingAgencyPeriodDto
        {
            Agency = p.Agency,
            From = p.From,
            To = i + 1 < ordered.Count ? ordered[i + 1].From.AddDays(-1) : dissolvedOn,
        }).ToList();
    }

    /// <summary>The activity as the API shows it.</summary>
    public static SteeringActivityDto ToDto(this SteeringActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new SteeringActivityDto
        {
            Id = activity.Id,
            CommitteeId = activity.CommitteeId,
            ProvinceCode = activity.ProvinceCode,
            StandingAgency = activity.StandingAgency,
            Kind = activity.Kind,
            Title = activity.Title,
            StartDate = activity.StartDate,
            EndDate = activity.EndDate,
            Location = activity.Location,
            AttendeeCount = activity.AttendeeCount,
            Topics = activity.Topics,
            VisitedOrganizationIds = activity.VisitedOrganizationIds,
            ParticipatingBodies = activity.ParticipatingBodies,
            Documents = activity.Documents.OrderBy(d => d.Position).Select(d => new ActivityDocumentDto
            {
                Number = d.Number, Date = d.Date, Issuer = d.Issuer, Title = d.Title,
            }).ToList(),
            Outcome = activity.Outcome,
            CreatedAt = activity.CreatedAt,
            UpdatedAt = activity.UpdatedAt,
            Version = activity.Version,
        };
    }
}

/// <summary>A committee as <c>GET /api/v1/steering-committees/{id}</c> returns it (the change feed stores the same).</summary>
public sealed class SteeringCommitteeRepresentation : Common.Interfaces.ResourceRepresentation<SteeringCommittee, SteeringCommitteeDto>
{
    /// <summary>Route of committees.</summary>
    public const string Route = "api/v1/steering-committees";

    /// <inheritdoc />
    public override string EntityType => SteeringCommittee.Type;

    /// <inheritdoc />
    public override string PathOf(Guid id) => $"/{Route}/{id}";

    /// <inheritdoc />
    protected override SteeringCommitteeDto Represent(SteeringCommittee aggregate) => aggregate.ToDto();
}

/// <summary>An activity as <c>GET /api/v1/steering-activities/{id}</c> returns it (the change feed stores the same).</summary>
public sealed class SteeringActivityRepresentation : Common.Interfaces.ResourceRepresentation<SteeringActivity, SteeringActivityDto>
{
    /// <summary>Route of activities across committees.</summary>
    public const string Route = "api/v1/steering-activities";

    /// <inheritdoc />
    public override string EntityType => SteeringActivity.Type;

    /// <inheritdoc />
    public override string PathOf(Guid id) => $"/{Route}/{id}";

    /// <inheritdoc />
    protected override SteeringActivityDto Represent(SteeringActivity aggregate) => aggregate.ToDto();
}
