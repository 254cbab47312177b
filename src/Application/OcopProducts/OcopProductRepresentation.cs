using CoopApi.Application.Common.Interfaces;
using CoopApi.Domain.OcopProducts;

namespace CoopApi.Application.OcopProducts;

/// <summary>An OCOP product as <c>GET /api/v1/ocop-products/{id}</c> returns it, its status as of the day of the change.</summary>
public sealed class OcopProductRepresentation(IVietnamCalendar calendar) : ResourceRepresentation<OcopProduct, OcopProductDto>
{
    /// <summary>Route of the products across the register (the feed's link).</summary>
    public const string Route = "api/v1/ocop-products";

    /// <inheritdoc />
    public override string EntityType => OcopProduct.Type;

    /// <inheritdoc />
    public override string PathOf(Guid id) => $"/{Route}/{id}";

    /// <inheritdoc />
    protected override OcopProductDto Represent(OcopProduct aggregate) => aggregate.ToDto(calendar.Today);
}
