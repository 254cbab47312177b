using CoopApi.Application.Classifications.Queries.GetClassificationDistribution;
using CoopApi.Application.Classifications.Queries.ListClassifications;
using CoopApi.Application.Common.Models;

namespace CoopApi.Application.Classifications.Queries;

/// <summary>Reads classifications (plain SQL read side over indexed columns).</summary>
public interface IClassificationReadModel
{
    /// <summary>One classification by its id, or null.</summary>
    Task<ClassificationDto?> FindAsync(Guid id, bool includeHistory, CancellationToken cancellationToken);

    /// <summary>The classification of one organization for one year, or null.</summary>
    Task<ClassificationDto?> FindAsync(Guid cooperativeId, int year, bool includeHistory, CancellationToken cancellationToken);

    /// <summary>Every year's classification of one organization, newest year first; null when the organization does not exist.</summary>
    Task<IReadOnlyList<ClassificationDto>?> ListForCooperativeAsync(Guid cooperativeId, bool includeHistory, CancellationToken cancellationToken);

    /// <summary>A filtered page of current classifications across the register.</summary>
    Task<PagedList<ClassificationSummaryDto>> ListAsync(ListClassificationsQuery query, CancellationToken cancellationToken);

    /// <summary>Counts per year (and group) in one SQL aggregate: ratings of the current classifications and active organizations not yet assessed.</summary>
    Task<IReadOnlyList<RatingCounts>> CountAsync(GetClassificationDistributionQuery query, CancellationToken cancellationToken);
}
