using CoopApi.Application.Statistics.Queries.GetEstablishments;
using CoopApi.Domain.Cooperatives;
using CoopApi.Domain.Statistics;

namespace CoopApi.Application.Statistics.Queries;

/// <summary>What a statistic counts: the area, the date, whether the date needs the status history, and the grouping by area.</summary>
/// <param name="AsOf">The date.</param>
/// <param name="FromHistory">True for a date before today: statuses come from the status history; false: the current status.</param>
/// <param name="ProvinceCode">Only this province (the organization's current one).</param>
/// <param name="CommuneCode">Only this commune.</param>
/// <param name="GroupBy">Split by province or commune; null: no split.</param>
public sealed record StatisticsScope(DateOnly AsOf, bool FromHistory, string? ProvinceCode, string? CommuneCode, AreaLevel? GroupBy);

/// <summary>The aggregate lines of one statistic.</summary>
/// <param name="Organizations">Organizations per (area,) kind, status on the date and sector.</param>
/// <param name="Ocop">OCOP products valid on the date per (area and) stars.</param>
/// <param name="Areas">With a grouping: every area of the level (code, name), in code order; else empty.</param>
public sealed record StatisticsCounts(IReadOnlyList<OrganizationCounts> Organizations, IReadOnlyList<OcopCounts> Ocop,
    IReadOnlyList<(string Code, string Name)> Areas);

/// <summary>Founded, suspended and dissolved organizations of one year and kind.</summary>
/// <param name="Year">Year.</param>
/// <param name="Kind">Kind.</param>
/// <param name="Founded">Founded in the year.</param>
/// <param name="Suspended">Moved to suspended in the year (an organization suspended twice counts twice).</param>
/// <param name="Dissolved">Dissolved in the year.</param>
public sealed record EstablishmentCounts(int Year, OrganizationKind Kind, int Founded, int Suspended, int Dissolved);

/// <summary>The statistics read side: SQL aggregates over indexed columns, never rows in memory.</summary>
public interface IStatisticsReadModel
{
    /// <summary>Organizations and OCOP products counted for <paramref name="scope"/>, in one round trip.</summary>
    Task<StatisticsCounts> CountAsync(StatisticsScope scope, CancellationToken cancellationToken);

    /// <summary>Foundings, suspensions and dissolutions per year and kind, in one round trip.</summary>
    Task<IReadOnlyList<EstablishmentCounts>> CountEstablishmentsAsync(GetEstablishmentsQuery query, CancellationToken cancellationToken);
}
