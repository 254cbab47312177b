using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using MediatR;

namespace CoopApi.Application.OcopProducts.Queries.GetOcopProduct;

/// <summary>One OCOP product, with its status on <see cref="AsOf"/> (default: today in Vietnam).</summary>
/// <param name="productId">The product record.</param>
/// <param name="cooperativeId">The organization it must belong to (nested route), or null (the product's own address).</param>
public sealed class GetOcopProductQuery(Guid productId, Guid? cooperativeId) : IQuery<OcopProductDto>
{
    /// <summary>The product record.</summary>
    public Guid ProductId { get; } = productId;

    /// <summary>The organization it must belong to, if named.</summary>
    public Guid? CooperativeId { get; } = cooperativeId;

    /// <summary>Date the status is computed for (yyyy-MM-dd); default: today in Vietnam.</summary>
    public DateOnly? AsOf { get; set; }
}

/// <summary>Handles <see cref="GetOcopProductQuery"/>: 404 when there is no such product (of that organization).</summary>
public sealed class GetOcopProductQueryHandler(IOcopProductReadModel reads, IVietnamCalendar calendar)
    : IRequestHandler<GetOcopProductQuery, OcopProductDto>
{
    /// <inheritdoc />
    public async Task<OcopProductDto> Handle(GetOcopProductQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var product = await reads.FindAsync(request.ProductId, request.AsOf ?? calendar.Today, cancellationToken);
        return product is not null && (request.CooperativeId is null || request.CooperativeId == product.CooperativeId)
            ? product
            : throw new NotFoundException("OCOP product", "sản phẩm OCOP", request.ProductId);
    }
}
