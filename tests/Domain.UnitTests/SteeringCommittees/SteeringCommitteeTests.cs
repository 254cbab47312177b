using CoopApi.Domain.Common;
using CoopApi.Domain.SteeringCommittees;
using CoopApi.Tests.Common;

namespace CoopApi.Domain.UnitTests.SteeringCommittees;

/// <summary>The committee aggregate's rules, without a database.</summary>
public sealed class SteeringCommitteeTests
{
    private static readonly DateOnly Today = new(2025, 11, 20);
    private static readonly DateTimeOffset Now = new(2025, 11, 20, 3, 15, 0, TimeSpan.Zero);

    private static CommitteeDetails Details(CommitteeLevel level = CommitteeLevel.Provincial, string? area = "20", string? province = null,
        DateOnly? established = null) =>
        new("Ban chỉ đạo kinh tế tập thể", level, area, province, established ?? new DateOnly(2019, 6, 11), null, null, null);

    private static SteeringCommittee Committee(CommitteeDetails? details = null) =>
        SteeringCommittee.Create(details ?? Details(), "Sở Kế hoạch và Đầu tư", Today, Now, SmallMap.Instance);

    [Theory]
    [InlineData(CommitteeLevel.Provincial, "20", null, "20")]
    [InlineData(CommitteeLevel.Commune, "06427", null, "20")]
    [InlineData(CommitteeLevel.District, "186", "24", "24")]
    [InlineData(CommitteeLevel.National, null, null, null)]
    public void The_province_follows_from_the_level_and_area(CommitteeLevel level, string? area, string? province, string? expected)
    {
        var committee = Committee(Details(level, area, province, new DateOnly(2020, 1, 1)));
        Assert.Equal(expected, committee.ProvinceCode);
        var created = Assert.IsType<SteeringCommitteeCreated>(Assert.Single(committee.DomainEvents));
        Assert.Equal(ChangeKind.Created, created.Kind);
    }

    [Fact]
    public void A_district_committee_is_refused_from_1_July_2025_and_accepted_the_day_before()
    {
        var error = Assert.Throws<DomainValidationException>(() =>
            Committee(Details(CommitteeLevel.District, "186", "20", new DateOnly(2025, 7, 1))));
        Assert.Equal("establishedOn.districtAbolished", error.Code);
        Assert.Equal("20", Committee(Details(CommitteeLevel.District, "186", "20", new DateOnly(2025, 6, 30))).ProvinceCode);
    }

    [Fact]
    public void A_pre_reform_commune_code_is_refused_with_the_hint()
    {
        var error = Assert.Throws<DomainValidationException>(() => Committee(Details(CommitteeLevel.Commune, "06433")));
        Assert.Equal(("areaCode", "areaCode.preReform"), (error.Field, error.Code));
        Assert.Contains("06415", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Heads_may_follow_each_other_but_not_overlap()
    {
        var committee = Committee();
        committee.AddMember("A", null, null, CommitteeRole.Head, new DateOnly(2020, 1, 1), new DateOnly(2021, 12, 31), Now);
        committee.AddMember("B", null, null, CommitteeRole.Head, new DateOnly(2022, 1, 1), null, Now);
        var error = Assert.Throws<BusinessRuleViolationException>(() =>
            committee.AddMember("C", null, null, CommitteeRole.Head, new DateOnly(2021, 12, 31), new DateOnly(2021, 12, 31), Now));
        Assert.Equal("member.headOverlap", error.Code);
        Assert.Equal(2, committee.Members.Count);
    }

    [Fact]
    public void Ending_a_term_keeps_it_and_the_standing_agency_of_a_date_is_the_one_serving_then()
    {
        var committee = Committee();
        var member = committee.AddMember("A", null, null, CommitteeRole.Member, new DateOnly(2020, 1, 1), null, Now);
        committee.EndTerm(member.Id, new DateOnly(2024, 12, 31), Now);
        Assert.Equal(new DateOnly(2024, 12, 31), Assert.Single(committee.Members).To);
        Assert.Equal("member.alreadyEnded", Assert.Throws<BusinessRuleViolationException>(() =>
            committee.EndTerm(member.Id, new DateOnly(2025, 1, 1), Now)).Code);

        committee.ChangeStandingAgency("Sở Tài chính", new DateOnly(2025, 3, 1), Today, Now);
        Assert.Equal("Sở Kế hoạch và Đầu tư", committee.StandingAgencyOn(new DateOnly(2025, 2, 28)));
        Assert.Equal("Sở Tài chính", committee.StandingAgencyOn(new DateOnly(2025, 3, 1)));
        Assert.Equal("Sở Tài chính", committee.StandingAgency);
    }

    [Fact]
    public void Dissolving_ends_open_terms_and_is_final()
    {
        var committee = Committee();
        committee.AddMember("A", null, null, CommitteeRole.Head, new DateOnly(2020, 1, 1), null, Now);
        committee.Dissolve(new DateOnly(2024, 6, 30), "QĐ 1", Today, Now);
        Assert.Equal(new DateOnly(2024, 6, 30), committee.Members[0].To);
        Assert.Equal("steeringCommittee.dissolved", Assert.Throws<BusinessRuleViolationException>(() =>
            committee.AddMember("B", null, null, CommitteeRole.Member, new DateOnly(2021, 1, 1), null, Now)).Code);
        Assert.Equal("steeringCommittee.statusUnchanged", Assert.Throws<BusinessRuleViolationException>(() =>
            committee.Dissolve(new DateOnly(2024, 7, 1), null, Today, Now)).Code);
    }

    [Fact]
    public void An_activity_takes_the_agency_of_its_date_and_is_refused_outside_the_committees_life()
    {
        var committee = Committee();
        committee.ChangeStandingAgency("Sở Tài chính", new DateOnly(2025, 3, 1), Today, Now);
        ActivityFields Fields(DateOnly date) => new(ActivityKind.Meeting, "Họp", date, null, null, null, [], [], [], [], null);

        Assert.Equal("Sở Kế hoạch và Đầu tư", SteeringActivity.Record(committee, Fields(new DateOnly(2022, 11, 24)), Today, Now).StandingAgency);
        Assert.Equal("activity.outsideCommitteeLife", Assert.Throws<BusinessRuleViolationException>(() =>
            SteeringActivity.Record(committee, Fields(new DateOnly(2019, 6, 10)), Today, Now)).Code);
    }
}
