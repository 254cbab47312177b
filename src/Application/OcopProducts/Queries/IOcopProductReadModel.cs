using CoopApi.Application.Common.Models;
using CoopApi.Application.OcopProducts.Queries.ListOcopProducts;

namespace CoopApi.Application.OcopProducts.Queries;

/// <summary>The read side of OCOP products: plain SQL into DTOs, the status computed for the date asked (a stateless singleton).</summary>
public interface IOcopProductReadModel
{
    /// <summary>One product, or null.</summary>
    Task<OcopProductDto?> FindAsync(Guid productId, DateOnly asOf, CancellationToken cancellationToken);

    /// <summary>The products of an organization (newest certification first), or null when no organization has this id.</summary>
    Task<IReadOnlyList<OcopProductDto>?> ListForCooperativeAsync(Guid cooperativeId, DateOnly asOf, CancellationToken cancellationToken);

    /// <summary>One page of products across the register, filtered on indexed columns.</summary>
    Task<PagedList<OcopProductDto>> ListAsync(ListOcopProductsQuery query, DateOnly asOf, CancellationToken cancellationToken);
}
