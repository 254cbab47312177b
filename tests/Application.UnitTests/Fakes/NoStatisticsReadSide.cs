using CoopApi.Application.Statistics.Queries;
using CoopApi.Application.Statistics.Queries.GetEstablishments;

namespace CoopApi.Application.UnitTests.Fakes;

/// <summary>A statistics read side that must not be reached (the DI test only resolves).</summary>
internal sealed class NoStatisticsReadSide : IStatisticsReadModel
{
    public Task<StatisticsCounts> CountAsync(StatisticsScope scope, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("not used");

    public Task<IReadOnlyList<EstablishmentCounts>> CountEstablishmentsAsync(GetEstablishmentsQuery query, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("not used");
}
