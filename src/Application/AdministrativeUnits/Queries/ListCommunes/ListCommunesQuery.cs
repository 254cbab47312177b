using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Messaging;
using CoopApi.Domain.Cooperatives;
using MediatR;

namespace CoopApi.Application.AdministrativeUnits.Queries.ListCommunes;

/// <summary>The communes of one province, by code.</summary>
/// <param name="ProvinceCode">2-digit province code.</param>
public sealed record ListCommunesQuery(string ProvinceCode) : IQuery<IReadOnlyList<CommuneDto>>;

/// <summary>Handles <see cref="ListCommunesQuery"/> on the read side.</summary>
public sealed class ListCommunesQueryHandler(IAdministrativeUnitReadModel reads)
    : IRequestHandler<ListCommunesQuery, IReadOnlyList<CommuneDto>>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<CommuneDto>> Handle(ListCommunesQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (OrganizationRules.IsValidProvinceCode(request.ProvinceCode)
                   ? await reads.ListCommunesAsync(request.ProvinceCode, cancellationToken)
                   : null)
               ?? throw new NotFoundException("Province", "tỉnh", request.ProvinceCode);
    }
}
