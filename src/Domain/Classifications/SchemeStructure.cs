namespace CoopApi.Domain.Classifications;

/// <summary>A group of criteria of a scheme (e.g. "I. Finance"), with its criteria in order.</summary>
/// <param name="Code">Code of the group, unique in the scheme (camelCase, e.g. <c>finance</c>).</param>
/// <param name="NameEn">Name in English.</param>
/// <param name="NameVi">Name in Vietnamese.</param>
/// <param name="Criteria">Its criteria, in the order of the regulation.</param>
public sealed record CriteriaGroup(string Code, string NameEn, string NameVi, IReadOnlyList<Criterion> Criteria)
{
    /// <summary>The most points the group's criteria give together.</summary>
    public decimal MaxPoints => Criteria.Sum(c => c.MaxPoints);
}

/// <summary>One scored criterion of a scheme.</summary>
/// <param name="Code">Code of the criterion, unique in the scheme (camelCase, e.g. <c>capital</c>); assessments name it.</param>
/// <param name="NameEn">Name in English.</param>
/// <param name="NameVi">Name in Vietnamese.</param>
/// <param name="MaxPoints">The most points it can give (more than 0, at most two decimals).</param>
public sealed record Criterion(string Code, string NameEn, string NameVi, decimal MaxPoints);

/// <summary>
/// Lower bounds of the rating bands (inclusive): a total at or above <paramref name="Good"/> is good,
/// at or above <paramref name="Fair"/> fair, at or above <paramref name="Average"/> average, below it weak.
/// </summary>
/// <param name="Good">Lowest total rated good (80 in Circular 01/2020/TT-BKHĐT).</param>
/// <param name="Fair">Lowest total rated fair (65).</param>
/// <param name="Average">Lowest total rated average (50).</param>
public sealed record RatingBands(decimal Good, decimal Fair, decimal Average)
{
    /// <summary>The rating of <paramref name="total"/> points.</summary>
    public Rating RatingOf(decimal total) =>
        total >= Good ? Rating.Good : total >= Fair ? Rating.Fair : total >= Average ? Rating.Average : Rating.Weak;
}

/// <summary>Points given to one criterion in an assessment.</summary>
/// <param name="Criterion">Code of the criterion.</param>
/// <param name="Points">Points, from 0 to the criterion's maximum, at most two decimals.</param>
public sealed record CriterionScore(string Criterion, decimal Points);

/// <summary>Start of one period of an organization's status history (the status it entered and the date).</summary>
/// <param name="EffectiveOn">Date the status took effect.</param>
/// <param name="Status">The status entered.</param>
public sealed record StatusPeriod(DateOnly EffectiveOn, Cooperatives.OrganizationStatus Status);

/// <summary>What the not-rated rules need to know about an organization.</summary>
/// <param name="Kind">Its kind.</param>
/// <param name="Sector">Its sector.</param>
/// <param name="EstablishedOn">Its founding date.</param>
/// <param name="History">Its status history, oldest first (the registration first).</param>
public sealed record OrganizationFacts(Cooperatives.OrganizationKind Kind, Cooperatives.Sector Sector, DateOnly EstablishedOn,
    IReadOnlyList<StatusPeriod> History);
