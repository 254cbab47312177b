using System.Text.Json.Serialization;
using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using CoopApi.Application.Common.Security;
using CoopApi.Domain.OcopProducts;
using MediatR;

namespace CoopApi.Application.OcopProducts.Commands.RecordOcopProduct;

/// <summary>Records an OCOP rating of a product of an organization.</summary>
[PublicName("OcopProductRecording")]
public sealed record RecordOcopProductCommand : OcopProductFields, ICommand<OcopProductDto>
{
    /// <summary>The organization (from the route).</summary>
    [JsonIgnore]
    public Guid CooperativeId { get; init; }
}

/// <summary>Validates a new rating.</summary>
public sealed class RecordOcopProductCommandValidator(IVietnamCalendar calendar) : OcopProductFieldsValidator<RecordOcopProductCommand>(calendar);

/// <summary>Handles <see cref="RecordOcopProductCommand"/>: 404 for an unknown organization, 403 outside the caller's provinces.</summary>
public sealed class RecordOcopProductCommandHandler(IApplicationDbContext db, IVietnamCalendar calendar, ICurrentUser currentUser)
    : IRequestHandler<RecordOcopProductCommand, OcopProductDto>
{
    /// <inheritdoc />
    public async Task<OcopProductDto> Handle(RecordOcopProductCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var organization = await OcopProductLoader.OrganizationAsync(db, request.CooperativeId, cancellationToken);
        currentUser.EnsureCanWriteIn(organization.ProvinceCode);
        var product = OcopProduct.Record(organization, request.ToRating(), calendar.Today, calendar.Now);
        db.Set<OcopProduct>().Add(product);
        await OcopProductLoader.SaveAsync(db, clientNamedVersion: false, cancellationToken);
        return product.ToDto(calendar.Today);
    }
}
