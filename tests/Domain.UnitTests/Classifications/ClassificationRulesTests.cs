using CoopApi.Domain.Classifications;
using CoopApi.Domain.Common;
using CoopApi.Domain.Cooperatives;

namespace CoopApi.Domain.UnitTests.Classifications;

/// <summary>The rules of yearly classification, without a database.</summary>
public sealed class ClassificationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    private static ClassificationScheme Scheme() => ClassificationScheme.Define("circular-01-2020", "Trial", "Circular 01/2020/TT-BKHĐT",
        new DateOnly(2020, 1, 1), null, [OrganizationKind.Cooperative, OrganizationKind.CooperativeUnion], [Sector.Credit],
        new RatingBands(80, 65, 50),
        [
            new CriteriaGroup("finance", "Finance", "Tài chính", [new Criterion("capital", "Capital", "Vốn", 60)]),
            new CriteriaGroup("members", "Members", "Thành viên", [new Criterion("awards", "Awards", "Khen thưởng", 40)]),
        ], Now);

    [Theory]
    [InlineData("80", Rating.Good)]
    [InlineData("79.99", Rating.Fair)]
    [InlineData("65", Rating.Fair)]
    [InlineData("64.99", Rating.Average)]
    [InlineData("50", Rating.Average)]
    [InlineData("49.99", Rating.Weak)]
    public void BandLowerBoundsAreInclusive(string total, Rating rating) =>
        Assert.Equal(rating, new RatingBands(80, 65, 50).RatingOf(decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void TheLatestFoundingDateStillRated_Is1JanuaryOfTheYear() =>
        Assert.Equal(new DateOnly(2021, 1, 1), ClassificationRules.FirstRatedFoundingDate(2021));

    [Fact]
    public void SuspendedDays_CountFromTheEffectiveDay_ToTheDayBeforeTheNextChange_WithinTheYear()
    {
        List<StatusPeriod> history =
        [
            new(new DateOnly(2015, 3, 12), OrganizationStatus.Active),
            new(new DateOnly(2020, 12, 1), OrganizationStatus.Suspended),
            new(new DateOnly(2021, 1, 11), OrganizationStatus.Active), // 10 days of 2021
            new(new DateOnly(2021, 3, 1), OrganizationStatus.Suspended),
            new(new DateOnly(2021, 5, 30), OrganizationStatus.Active), // 90 days
            new(new DateOnly(2021, 12, 31), OrganizationStatus.Suspended), // 1 day, to the year's end
        ];

        Assert.Equal(101, ClassificationRules.SuspendedDays(history, 2021));
        Assert.Equal(31, ClassificationRules.SuspendedDays(history, 2020));
        Assert.Equal(365, ClassificationRules.SuspendedDays(history, 2022));
    }

    [Fact]
    public void NotRatedReasons_ComeInOrder_KindThenFoundingThenSuspension()
    {
        var scheme = Scheme();
        OrganizationFacts Facts(OrganizationKind kind, Sector sector, DateOnly founded, params StatusPeriod[] later) =>
            new(kind, sector, founded, [new StatusPeriod(founded, OrganizationStatus.Active), .. later]);

        Assert.Equal(NotRatedReason.KindExcluded,
            ClassificationRules.NotRatedReasonFor(scheme, Facts(OrganizationKind.CooperativeGroup, Sector.Other, new DateOnly(2021, 6, 1)), 2021));
        Assert.Equal(NotRatedReason.KindExcluded,
            ClassificationRules.NotRatedReasonFor(scheme, Facts(OrganizationKind.Cooperative, Sector.Credit, new DateOnly(2010, 6, 1)), 2021));
        Assert.Equal(NotRatedReason.FoundedTooRecently,
            ClassificationRules.NotRatedReasonFor(scheme, Facts(OrganizationKind.Cooperative, Sector.Other, new DateOnly(2021, 1, 2)), 2021));
        Assert.Null(ClassificationRules.NotRatedReasonFor(scheme, Facts(OrganizationKind.Cooperative, Sector.Other, new DateOnly(2021, 1, 1)), 2021));
        Assert.Equal(NotRatedReason.SuspendedTooLong, ClassificationRules.NotRatedReasonFor(scheme,
            Facts(OrganizationKind.CooperativeUnion, Sector.Other, new DateOnly(2010, 1, 1),
                new StatusPeriod(new DateOnly(2021, 9, 1), OrganizationStatus.Suspended)), 2021)); // 122 days
    }

    [Fact]
    public void EveryBrokenScoreIsReported_EachUnderItsCriterion()
    {
        var errors = ClassificationRules.CheckScores(Scheme().Criteria, [("capital", 61m), ("capital", 1m), ("charity", 1m)]);

        Assert.Equal(["scores.capital", "scores.capital", "scores[2].criterion", "scores.awards"], errors.Select(e => e.Field));
        Assert.Equal(["scores.outOfRange", "scores.duplicate", "scores.unknownCriterion", "scores.missing"], errors.Select(e => e.Code));
    }

    [Fact]
    public void AnAssessmentSumsDecimalPoints_AndOrdersScoresAsTheScheme()
    {
        var facts = new OrganizationFacts(OrganizationKind.Cooperative, Sector.Other, new DateOnly(2010, 1, 1),
            [new StatusPeriod(new DateOnly(2010, 1, 1), OrganizationStatus.Active)]);

        var assessment = Assessment.Assess(Scheme(), facts, 2024, [("awards", 39.99m), ("capital", 40m)], new DateOnly(2024, 12, 10), " Chủ tịch ", "  ");

        Assert.Equal((Rating.Fair, 79.99m), (assessment.Rating, assessment.TotalPoints));
        Assert.Equal(["capital", "awards"], assessment.Scores.Select(s => s.Criterion));
        Assert.Equal(("Chủ tịch", null), (assessment.ApprovedBy, assessment.Notes));
    }

    [Fact]
    public void ASchemeOutOfForceInTheYear_IsRefused()
    {
        var facts = new OrganizationFacts(OrganizationKind.Cooperative, Sector.Other, new DateOnly(2010, 1, 1), []);

        var error = Assert.Throws<DomainValidationException>(() =>
            Assessment.Assess(Scheme(), facts, 2019, [], new DateOnly(2019, 12, 10), "x", null));

        Assert.Equal("schemeCode", error.Field);
    }

    [Fact]
    public void ACorrectionAppendsARevision_AndRaisesOneEvent()
    {
        var facts = new OrganizationFacts(OrganizationKind.Cooperative, Sector.Other, new DateOnly(2010, 1, 1), []);
        var snapshot = new OrganizationSnapshot("20", "06427", OrganizationKind.Cooperative, Sector.Other);
        var classification = Classification.Record(Guid.NewGuid(), snapshot,
            Assessment.Assess(Scheme(), facts, 2024, [("capital", 40m), ("awards", 10m)], new DateOnly(2024, 12, 10), "x", null), Now);
        classification.ClearDomainEvents();

        classification.Correct(snapshot, Assessment.Assess(Scheme(), facts, 2024, [("capital", 60m), ("awards", 20m)], new DateOnly(2024, 12, 12), "x", null), Now);

        Assert.Equal((2, Rating.Good), (classification.Revision, classification.Rating));
        var corrected = Assert.IsType<ClassificationCorrected>(Assert.Single(classification.DomainEvents));
        Assert.Equal((Rating.Average, Rating.Good), (corrected.RatingBefore, corrected.Rating));
        Assert.Equal([1, 2], classification.Revisions.Select(r => r.Revision));
    }

    [Theory]
    [InlineData(80, 65, 50, 100, null)]
    [InlineData(80, 80, 50, 100, "bands")]
    [InlineData(101, 65, 50, 100, "bands.good")]
    [InlineData(80, 65, 0, 100, "bands")]
    public void BandsDescendAndStayWithinTheTotal(int good, int fair, int average, int total, string? field)
    {
        var errors = ClassificationRules.CheckScheme("x-1", "t", "r", new DateOnly(2020, 1, 1), null, [OrganizationKind.Cooperative], [],
            new RatingBands(good, fair, average), [new CriteriaGroup("g", "G", "G", [new Criterion("c", "C", "C", total)])]);

        Assert.Equal(field, errors.SingleOrDefault()?.Field);
    }
}
