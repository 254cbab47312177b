using CoopApi.Domain.SteeringCommittees;

namespace CoopApi.Application.SteeringCommittees;

/// <summary>A steering committee as the API returns it, with its members' terms and its standing agency over time.</summary>
public sealed record SteeringCommitteeDto
{
    /// <summary>Server-assigned identifier (UUID v7).</summary>
    /// <example>019a1b2c-3d4e-7f00-8a9b-0c1d2e3f4a5b</example>
    public required Guid Id { get; init; }

    /// <summary>Full name.</summary>
    /// <example>Ban chỉ đạo đổi mới, phát triển doanh nghiệp và nâng cao hiệu quả kinh tế tập thể tỉnh Lạng Sơn</example>
    public required string Name { get; init; }

    /// <summary>Level.</summary>
    /// <example>provincial</example>
    public required CommitteeLevel Level { get; init; }

    /// <summary>Area: province code (provincial), commune code (commune), pre-reform district code (district); absent for national.</summary>
    /// <example>20</example>
    public string? AreaCode { get; init; }

    /// <summary>The current province the committee belongs to (write rights, change feed); absent for national.</summary>
    /// <example>20</example>
    public string? ProvinceCode { get; init; }

    /// <summary>Date established (yyyy-MM-dd).</summary>
    /// <example>2019-06-11</example>
    public required DateOnly EstablishedOn { get; init; }

    /// <summary>The founding decision, when known.</summary>
    public FoundingDecisionDto? FoundingDecision { get; init; }

    /// <summary>The standing agency today.</summary>
    /// <example>Sở Tài chính tỉnh Lạng Sơn</example>
    public required string StandingAgency { get; init; }

    /// <summary>Every standing agency, oldest first, each with the dates it served.</summary>
    public required IReadOnlyList<StandingAgencyPeriodDto> StandingAgencyHistory { get; init; }

    /// <summary>Status; changed through <c>POST …/{id}/status</c>.</summary>
    /// <example>active</example>
    public required CommitteeStatus Status { get; init; }

    /// <summary>Date dissolved, when it is.</summary>
    public DateOnly? DissolvedOn { get; init; }

    /// <summary>Why it was dissolved.</summary>
    public string? DissolutionReason { get; init; }

    /// <summary>Every term, ended ones included, in the order recorded.</summary>
    public required IReadOnlyList<CommitteeMemberDto> Members { get; init; }

    /// <summary>When recorded (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When last changed (UTC).</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Version: 1 when recorded, one more per accepted change (members and standing agency included). Also the <c>ETag</c>.</summary>
    /// <example>3</example>
    public required int Version { get; init; }
}

/// <summary>A founding decision.</summary>
public sealed record FoundingDecisionDto
{
    /// <summary>Number and symbol.</summary>
    /// <example>1234/QĐ-UBND</example>
    public required string Number { get; init; }

    /// <summary>Date (yyyy-MM-dd).</summary>
    /// <example>2019-05-20</example>
    public required DateOnly Date { get; init; }

    /// <summary>Who issued it.</summary>
    /// <example>Ủy ban nhân dân tỉnh Lạng Sơn</example>
    public string? Issuer { get; init; }
}

/// <summary>A period of a committee's standing agency.</summary>
public sealed record StandingAgencyPeriodDto
{
    /// <summary>The agency.</summary>
    /// <example>Sở Kế hoạch và Đầu tư tỉnh Lạng Sơn</example>
    public required string Agency { get; init; }

    /// <summary>First day.</summary>
    /// <example>2019-06-11</example>
    public required DateOnly From { get; init; }

    /// <summary>Last day (the day before the next agency, or the dissolution); absent while it serves.</summary>
    /// <example>2025-02-28</example>
    public DateOnly? To { get; init; }
}

/// <summary>A person's term in a committee.</summary>
public sealed record CommitteeMemberDto
{
    /// <summary>Identifier of the term.</summary>
    public required Guid Id { get; init; }

    /// <summary>Full name.</summary>
    /// <example>Phùng Thị Thanh Nga</example>
    public required string FullName { get; init; }

    /// <summary>Title.</summary>
    /// <example>Phó Giám đốc Sở Kế hoạch và Đầu tư</example>
    public string? Title { get; init; }

    /// <summary>Organization.</summary>
    /// <example>Sở Kế hoạch và Đầu tư tỉnh Lạng Sơn</example>
    public string? Organization { get; init; }

    /// <summary>Role.</summary>
    /// <example>standingMember</example>
    public required CommitteeRole Role { get; init; }

    /// <summary>First day of the term.</summary>
    /// <example>2020-01-01</example>
    public required DateOnly From { get; init; }

    /// <summary>Last day; absent while the term runs.</summary>
    public DateOnly? To { get; init; }
}

/// <summary>A term together with the committee's version after the change (sent as the <c>ETag</c>).</summary>
/// <param name="Member">The term.</param>
/// <param name="CommitteeVersion">The committee's version now.</param>
public sealed record CommitteeMemberResult(CommitteeMemberDto Member, int CommitteeVersion);

/// <summary>An activity of a steering committee.</summary>
public sealed record SteeringActivityDto
{
    /// <summary>Identifier.</summary>
    public required Guid Id { get; init; }

    /// <summary>The committee.</summary>
    public required Guid CommitteeId { get; init; }

    /// <summary>The committee's province (absent for a national committee).</summary>
    /// <example>20</example>
    public string? ProvinceCode { get; init; }

    /// <summary>The committee's standing agency on the activity's date (a 2022 activity shows the agency of 2022).</summary>
    /// <example>Sở Kế hoạch và Đầu tư tỉnh Lạng Sơn</example>
    public required string StandingAgency { get; init; }

    /// <summary>Kind.</summary>
    /// <example>training</example>
    public required ActivityKind Kind { get; init; }

    /// <summary>Title.</summary>
    /// <example>Hội nghị tập huấn nâng cao năng lực, nhận thức về kinh tế tập thể, hợp tác xã trong tình hình mới</example>
    public required string Title { get; init; }

    /// <summary>Date, or first day (yyyy-MM-dd).</summary>
    /// <example>2022-11-24</example>
    public required DateOnly StartDate { get; init; }

    /// <summary>Last day of a multi-day activity.</summary>
    public DateOnly? EndDate { get; init; }

    /// <summary>Where.</summary>
    /// <example>Thành phố Lạng Sơn và huyện Hữu Lũng</example>
    public string? Location { get; init; }

    /// <summary>How many took part.</summary>
    /// <example>145</example>
    public int? AttendeeCount { get; init; }

    /// <summary>Topics, in order.</summary>
    /// <example>["Kinh nghiệm quốc tế về phát triển kinh tế tập thể, hợp tác xã"]</example>
    public required IReadOnlyList<string> Topics { get; init; }

    /// <summary>Organizations of the register visited.</summary>
    public required IReadOnlyList<Guid> VisitedOrganizationIds { get; init; }

    /// <summary>Bodies that took part.</summary>
    /// <example>["Hội Nông dân tỉnh", "Hội Liên hiệp Phụ nữ tỉnh", "Tỉnh đoàn"]</example>
    public required IReadOnlyList<string> ParticipatingBodies { get; init; }

    /// <summary>Documents, in order.</summary>
    public required IReadOnlyList<ActivityDocumentDto> Documents { get; init; }

    /// <summary>What came of it.</summary>
    public string? Outcome { get; init; }

    /// <summary>When recorded (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When last changed (UTC).</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Version, also the <c>ETag</c>.</summary>
    /// <example>1</example>
    public required int Version { get; init; }
}

/// <summary>A document of an activity.</summary>
public sealed record ActivityDocumentDto
{
    /// <summary>Number and symbol.</summary>
    /// <example>538/UBND-KTTH</example>
    public required string Number { get; init; }

    /// <summary>Date.</summary>
    /// <example>2019-06-11</example>
    public required DateOnly Date { get; init; }

    /// <summary>Issuer.</summary>
    /// <example>Ủy ban nhân dân tỉnh Lạng Sơn</example>
    public string? Issuer { get; init; }

    /// <summary>Title or subject.</summary>
    /// <example>Tiếp tục nâng cao hiệu quả hoạt động kinh tế tập thể</example>
    public string? Title { get; init; }
}

/// <summary>Activities of steering committees in one year, counted.</summary>
public sealed record SteeringActivityStatisticsDto
{
    /// <summary>The year.</summary>
    /// <example>2022</example>
    public required int Year { get; init; }

    /// <summary>The area asked for, if any.</summary>
    /// <example>20</example>
    public string? AreaCode { get; init; }

    /// <summary>Activities per kind (every kind, zero included).</summary>
    public required IReadOnlyList<ActivityKindCountDto> ByKind { get; init; }

    /// <summary>All activities.</summary>
    /// <example>1</example>
    public required int TotalActivities { get; init; }

    /// <summary>Sum of attendee counts (activities without one count 0).</summary>
    /// <example>145</example>
    public required long TotalAttendees { get; init; }

    /// <summary>Distinct organizations of the register visited.</summary>
    /// <example>2</example>
    public required int OrganizationsVisited { get; init; }
}

/// <summary>How many activities of one kind.</summary>
public sealed record ActivityKindCountDto
{
    /// <summary>Kind.</summary>
    /// <example>training</example>
    public required ActivityKind Kind { get; init; }

    /// <summary>Count.</summary>
    /// <example>1</example>
    public required int Count { get; init; }
}
