using CoopApi.Domain.Common;

namespace CoopApi.Domain.SteeringCommittees;

/// <summary>The descriptive fields of a committee, as a command gives them (before normalization).</summary>
/// <param name="Name">Full name, e.g. "Ban chỉ đạo đổi mới, phát triển doanh nghiệp và nâng cao hiệu quả kinh tế tập thể tỉnh Lạng Sơn".</param>
/// <param name="Level">Level.</param>
/// <param name="AreaCode">Area code matching the level (none for national).</param>
/// <param name="ProvinceCode">Current province: required for a district committee, implied otherwise.</param>
/// <param name="EstablishedOn">Date the committee was established.</param>
/// <param name="DecisionNumber">Founding decision number, if known.</param>
/// <param name="DecisionDate">Founding decision date, if known.</param>
/// <param name="DecisionIssuer">Who issued the founding decision.</param>
public sealed record CommitteeDetails(string Name, CommitteeLevel Level, string? AreaCode, string? ProvinceCode,
    DateOnly EstablishedOn, string? DecisionNumber, DateOnly? DecisionDate, string? DecisionIssuer);

/// <summary>A person's term in a committee. Never deleted: a term ends (<see cref="To"/>).</summary>
public sealed class CommitteeMember : Entity
{
    private CommitteeMember() { } // for EF Core

    internal CommitteeMember(Guid committeeId, int sequence, string fullName, string? title, string? organization,
        CommitteeRole role, DateOnly from, DateOnly? to)
    {
        CommitteeId = committeeId;
        Sequence = sequence;
        FullName = fullName;
        Title = title;
        Organization = organization;
        Role = role;
        From = from;
        To = to;
    }

    /// <summary>The committee.</summary>
    public Guid CommitteeId { get; private set; }

    /// <summary>Position in the order terms were recorded (1, 2, …); unique per committee.</summary>
    public int Sequence { get; private set; }

    /// <summary>Full name of the person.</summary>
    public string FullName { get; private set; } = "";

    /// <summary>Their title, e.g. "Phó Giám đốc Sở Kế hoạch và Đầu tư".</summary>
    public string? Title { get; private set; }

    /// <summary>Their organization.</summary>
    public string? Organization { get; private set; }

    /// <summary>Role in the committee.</summary>
    public CommitteeRole Role { get; private set; }

    /// <summary>First day of the term.</summary>
    public DateOnly From { get; private set; }

    /// <summary>Last day of the term; null while it lasts.</summary>
    public DateOnly? To { get; private set; }

    /// <summary>True when the term covers <paramref name="date"/>.</summary>
    public bool Covers(DateOnly date) => From <= date && (To is null || To >= date);

    internal void End(DateOnly to) => To = to;
}

/// <summary>
/// One period of a committee's standing agency (cơ quan thường trực): from a date until the next
/// period begins (or the committee is dissolved).
/// </summary>
public sealed class StandingAgencyPeriod : Entity
{
    private StandingAgencyPeriod() { } // for EF Core

    internal StandingAgencyPeriod(Guid committeeId, string agency, DateOnly from)
    {
        CommitteeId = committeeId;
        Agency = agency;
        From = from;
    }

    /// <summary>The committee.</summary>
    public Guid CommitteeId { get; private set; }

    /// <summary>The agency, e.g. "Sở Kế hoạch và Đầu tư tỉnh Lạng Sơn".</summary>
    public string Agency { get; private set; } = "";

    /// <summary>First day it was the standing agency.</summary>
    public DateOnly From { get; private set; }

    internal void MoveStart(DateOnly from) => From = from;
}
