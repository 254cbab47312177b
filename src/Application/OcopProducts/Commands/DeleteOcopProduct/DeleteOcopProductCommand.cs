using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using CoopApi.Application.Common.Security;
using CoopApi.Domain.OcopProducts;
using MediatR;

namespace CoopApi.Application.OcopProducts.Commands.DeleteOcopProduct;

/// <summary>Removes a rating recorded in error (the event keeps what it held).</summary>
/// <param name="CooperativeId">The organization (from the route).</param>
/// <param name="ProductId">The product record (from the route).</param>
/// <param name="ExpectedVersion">The version the client last read (from <c>If-Match</c>).</param>
public sealed record DeleteOcopProductCommand(Guid CooperativeId, Guid ProductId, int ExpectedVersion) : ICommand<Unit>;

/// <summary>Handles <see cref="DeleteOcopProductCommand"/>.</summary>
public sealed class DeleteOcopProductCommandHandler(IApplicationDbContext db, IVietnamCalendar calendar, ICurrentUser currentUser)
    : IRequestHandler<DeleteOcopProductCommand, Unit>
{
    /// <inheritdoc />
    public async Task<Unit> Handle(DeleteOcopProductCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var organization = await OcopProductLoader.OrganizationAsync(db, request.CooperativeId, cancellationToken);
        currentUser.EnsureCanWriteIn(organization.ProvinceCode); // before the product is looked up: no 404/412 leaks to other provinces
        var product = await OcopProductLoader.ProductAsync(db, request.CooperativeId, request.ProductId, request.ExpectedVersion, cancellationToken);
        currentUser.EnsureCanWriteIn(organization.ProvinceCode, product.ProvinceCode);
        product.Delete(calendar.Now);
        db.Set<OcopProduct>().Remove(product);
        await OcopProductLoader.SaveAsync(db, clientNamedVersion: true, cancellationToken);
        return Unit.Value;
    }
}
