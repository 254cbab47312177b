using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.Cooperatives;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CoopApi.Application.AdministrativeUnits.Queries;

/// <summary>All 34 provinces, by code.</summary>
public sealed record ListProvincesQuery : IQuery<IReadOnlyList<ProvinceDto>>;

/// <summary>The communes of one province, by code.</summary>
/// <param name="ProvinceCode">2-digit province code.</param>
public sealed record ListCommunesQuery(string ProvinceCode) : IQuery<IReadOnlyList<CommuneDto>>;

/// <summary>What a pre-reform province (2 digits) or commune (5 digits) code is now.</summary>
/// <param name="Code">The old code.</param>
public sealed record LookupPreReformCodeQuery(string Code) : IQuery<PreReformCodeDto>;

/// <summary>Handles the administrative unit queries.</summary>
public sealed class AdministrativeUnitQueryHandlers(IApplicationDbContext db) :
    IRequestHandler<ListProvincesQuery, IReadOnlyList<ProvinceDto>>,
    IRequestHandler<ListCommunesQuery, IReadOnlyList<CommuneDto>>,
    IRequestHandler<LookupPreReformCodeQuery, PreReformCodeDto>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ProvinceDto>> Handle(ListProvincesQuery request, CancellationToken cancellationToken) =>
        await db.Provinces.AsNoTracking().OrderBy(p => p.Code)
            .Select(p => new ProvinceDto
            {
                Code = p.Code,
                Name = p.Name,
                Kind = p.Kind,
                CommuneCount = db.Communes.Count(c => c.ProvinceCode == p.Code),
            })
            .ToListAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<CommuneDto>> Handle(ListCommunesQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!OrganizationRules.IsValidProvinceCode(request.ProvinceCode)
            || !await db.Provinces.AnyAsync(p => p.Code == request.ProvinceCode, cancellationToken))
        {
            throw new NotFoundException("Province", "tỉnh", request.ProvinceCode);
        }

        return await db.Communes.AsNoTracking().Where(c => c.ProvinceCode == request.ProvinceCode).OrderBy(c => c.Code)
            .Select(c => new CommuneDto { Code = c.Code, Name = c.Name, Kind = c.Kind, ProvinceCode = c.ProvinceCode })
            .ToListAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<PreReformCodeDto> Handle(LookupPreReformCodeQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var code = request.Code;
        if (OrganizationRules.IsValidProvinceCode(code))
        {
            var rows = await (from m in db.ProvinceMerges.AsNoTracking()
                              join p in db.Provinces on m.NewCode equals p.Code
                              where m.OldCode == code
                              orderby p.Code
                              select new { m.OldName, Unit = new CurrentUnitDto { Code = p.Code, Name = p.Name, ProvinceCode = p.Code, Part = MergePart.Full } })
                .ToListAsync(cancellationToken);
            return rows.Count == 0
                ? throw new NotFoundException("Pre-reform province code", "mã tỉnh trước sắp xếp", code)
                : new PreReformCodeDto { Code = code, Level = "province", OldName = rows[0].OldName, Current = rows.Select(r => r.Unit).ToList() };
        }

        if (OrganizationRules.IsValidCommuneCode(code))
        {
            var rows = await (from m in db.CommuneMerges.AsNoTracking()
                              join c in db.Communes on m.NewCode equals c.Code
                              where m.OldCode == code
                              orderby c.Code
                              select new { m.OldName, Unit = new CurrentUnitDto { Code = c.Code, Name = c.Name, ProvinceCode = c.ProvinceCode, Part = m.Part } })
                .ToListAsync(cancellationToken);
            return rows.Count == 0
                ? throw new NotFoundException("Pre-reform commune code", "mã xã trước sắp xếp", code)
                : new PreReformCodeDto { Code = code, Level = "commune", OldName = rows[0].OldName, Current = rows.Select(r => r.Unit).ToList() };
        }

        throw new NotFoundException("Pre-reform code", "mã trước sắp xếp", code);
    }
}
