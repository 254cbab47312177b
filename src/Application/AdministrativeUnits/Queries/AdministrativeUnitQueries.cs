using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Messaging;
using CoopApi.Domain.Cooperatives;
using MediatR;

namespace CoopApi.Application.AdministrativeUnits.Queries;

/// <summary>All 34 provinces, by code.</summary>
public sealed record ListProvincesQuery : IQuery<IReadOnlyList<ProvinceDto>>;

/// <summary>The communes of one province, by code.</summary>
/// <param name="ProvinceCode">2-digit province code.</param>
public sealed record ListCommunesQuery(string ProvinceCode) : IQuery<IReadOnlyList<CommuneDto>>;

/// <summary>What a pre-reform province (2 digits) or commune (5 digits) code is now.</summary>
/// <param name="Code">The old code.</param>
public sealed record LookupPreReformCodeQuery(string Code) : IQuery<PreReformCodeDto>;

/// <summary>Handles the administrative unit queries on the read side.</summary>
public sealed class AdministrativeUnitQueryHandlers(IAdministrativeUnitReadModel reads) :
    IRequestHandler<ListProvincesQuery, IReadOnlyList<ProvinceDto>>,
    IRequestHandler<ListCommunesQuery, IReadOnlyList<CommuneDto>>,
    IRequestHandler<LookupPreReformCodeQuery, PreReformCodeDto>
{
    /// <inheritdoc />
    public Task<IReadOnlyList<ProvinceDto>> Handle(ListProvincesQuery request, CancellationToken cancellationToken) =>
        reads.ListProvincesAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<CommuneDto>> Handle(ListCommunesQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (OrganizationRules.IsValidProvinceCode(request.ProvinceCode)
                   ? await reads.ListCommunesAsync(request.ProvinceCode, cancellationToken)
                   : null)
               ?? throw new NotFoundException("Province", "tỉnh", request.ProvinceCode);
    }

    /// <inheritdoc />
    public async Task<PreReformCodeDto> Handle(LookupPreReformCodeQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var code = request.Code;
        if (OrganizationRules.IsValidProvinceCode(code))
        {
            return await reads.LookupPreReformProvinceAsync(code, cancellationToken)
                ?? throw new NotFoundException("Pre-reform province code", "mã tỉnh trước sắp xếp", code);
        }

        if (OrganizationRules.IsValidCommuneCode(code))
        {
            return await reads.LookupPreReformCommuneAsync(code, cancellationToken)
                ?? throw new NotFoundException("Pre-reform commune code", "mã xã trước sắp xếp", code);
        }

        throw new NotFoundException("Pre-reform code", "mã trước sắp xếp", code);
    }
}
