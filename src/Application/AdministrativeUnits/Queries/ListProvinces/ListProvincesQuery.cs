using CoopApi.Application.Common.Messaging;
using MediatR;

namespace CoopApi.Application.AdministrativeUnits.Queries.ListProvinces;

/// <summary>All 34 provinces, by code.</summary>
public sealed record ListProvincesQuery : IQuery<IReadOnlyList<ProvinceDto>>;

/// <summary>Handles <see cref="ListProvincesQuery"/> on the read side.</summary>
public sealed class ListProvincesQueryHandler(IAdministrativeUnitReadModel reads)
    : IRequestHandler<ListProvincesQuery, IReadOnlyList<ProvinceDto>>
{
    /// <inheritdoc />
    public Task<IReadOnlyList<ProvinceDto>> Handle(ListProvincesQuery request, CancellationToken cancellationToken) =>
        reads.ListProvincesAsync(cancellationToken);
}
