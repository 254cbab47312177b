using System.Text.Json.Serialization;
using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using CoopApi.Application.Common.Security;
using MediatR;

namespace CoopApi.Application.OcopProducts.Commands.CorrectOcopProduct;

/// <summary>
/// Corrects a recorded rating (a full replacement of its fields). A product rated again after its
/// certificate expired is a new record (POST), not a correction.
/// </summary>
[PublicName("OcopProductCorrection")]
public sealed record CorrectOcopProductCommand : OcopProductFields, ICommand<OcopProductDto>
{
    /// <summary>The organization (from the route).</summary>
    [JsonIgnore]
    public Guid CooperativeId { get; init; }

    /// <summary>The product record (from the route).</summary>
    [JsonIgnore]
    public Guid ProductId { get; init; }

    /// <summary>The version the client last read (from <c>If-Match</c>).</summary>
    [JsonIgnore]
    public int ExpectedVersion { get; init; }
}

/// <summary>Validates a correction.</summary>
public sealed class CorrectOcopProductCommandValidator(IVietnamCalendar calendar) : OcopProductFieldsValidator<CorrectOcopProductCommand>(calendar);

/// <summary>Handles <see cref="CorrectOcopProductCommand"/>.</summary>
public sealed class CorrectOcopProductCommandHandler(IApplicationDbContext db, IVietnamCalendar calendar, ICurrentUser currentUser)
    : IRequestHandler<CorrectOcopProductCommand, OcopProductDto>
{
    /// <inheritdoc />
    public async Task<OcopProductDto> Handle(CorrectOcopProductCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var organization = await OcopProductLoader.OrganizationAsync(db, request.CooperativeId, cancellationToken);
        currentUser.EnsureCanWriteIn(organization.ProvinceCode); // before the product is looked up: no 404/412 leaks to other provinces
        var product = await OcopProductLoader.ProductAsync(db, request.CooperativeId, request.ProductId, request.ExpectedVersion, cancellationToken);
        currentUser.EnsureCanWriteIn(organization.ProvinceCode, product.ProvinceCode);
        product.Correct(organization, request.ToRating(), calendar.Today, calendar.Now);
        await OcopProductLoader.SaveAsync(db, clientNamedVersion: true, cancellationToken);
        return product.ToDto(calendar.Today);
    }
}
