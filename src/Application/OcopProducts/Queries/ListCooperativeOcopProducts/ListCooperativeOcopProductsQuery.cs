using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using MediatR;

namespace CoopApi.Application.OcopProducts.Queries.ListCooperativeOcopProducts;

/// <summary>The OCOP products of one organization, newest certification first, each with its status on <see cref="AsOf"/>.</summary>
/// <param name="cooperativeId">The organization.</param>
public sealed class ListCooperativeOcopProductsQuery(Guid cooperativeId) : IQuery<IReadOnlyList<OcopProductDto>>
{
    /// <summary>The organization.</summary>
    public Guid CooperativeId { get; } = cooperativeId;

    /// <summary>Date the status is computed for (yyyy-MM-dd); default: today in Vietnam.</summary>
    public DateOnly? AsOf { get; set; }
}

/// <summary>Handles <see cref="ListCooperativeOcopProductsQuery"/>: 404 for an unknown organization.</summary>
public sealed class ListCooperativeOcopProductsQueryHandler(IOcopProductReadModel reads, IVietnamCalendar calendar)
    : IRequestHandler<ListCooperativeOcopProductsQuery, IReadOnlyList<OcopProductDto>>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<OcopProductDto>> Handle(ListCooperativeOcopProductsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await reads.ListForCooperativeAsync(request.CooperativeId, request.AsOf ?? calendar.Today, cancellationToken)
            ?? throw new NotFoundException("Cooperative", "tổ chức", request.CooperativeId);
    }
}
