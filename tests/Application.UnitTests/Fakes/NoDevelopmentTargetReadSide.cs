using CoopApi.Application.Common.Models;
using CoopApi.Application.DevelopmentTargets;
using CoopApi.Application.DevelopmentTargets.Queries;
using CoopApi.Application.DevelopmentTargets.Queries.ListDevelopmentTargets;

namespace CoopApi.Application.UnitTests.Fakes;

/// <summary>A development-target read side with nothing in it (the container only needs it to resolve the query handlers).</summary>
internal sealed class NoDevelopmentTargetReadSide : IDevelopmentTargetReadModel
{
    public Task<DevelopmentTargetDto?> FindAsync(Guid id, CancellationToken cancellationToken) => Task.FromResult<DevelopmentTargetDto?>(null);

    public Task<PagedList<DevelopmentTargetDto>> ListAsync(ListDevelopmentTargetsQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(new PagedList<DevelopmentTargetDto>([], query.Page, query.PageSize, 0));

    public Task<IReadOnlyList<RegisterFigures>> MeasureAsync(string provinceCode, DateOnly baselineDate, IReadOnlyList<DateOnly> dates,
        CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<RegisterFigures>>([]);
}
