using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Messaging;
using CoopApi.Domain.Cooperatives;
using MediatR;

namespace CoopApi.Application.AdministrativeUnits.Queries.LookupPreReformCode;

/// <summary>What a pre-reform province (2 digits) or commune (5 digits) code is now.</summary>
/// <param name="Code">The old code.</param>
public sealed record LookupPreReformCodeQuery(string Code) : IQuery<PreReformCodeDto>;

/// <summary>Handles <see cref="LookupPreReformCodeQuery"/> on the read side.</summary>
public sealed class LookupPreReformCodeQueryHandler(IAdministrativeUnitReadModel reads)
    : IRequestHandler<LookupPreReformCodeQuery, PreReformCodeDto>
{
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
