using CoopApi.Application.AnnualReports;
using CoopApi.Application.AnnualReports.Queries;
using CoopApi.Application.Common.Models;
using CoopApi.Application.OcopProducts;
using CoopApi.Application.OcopProducts.Queries;
using CoopApi.Application.OcopProducts.Queries.ListOcopProducts;
using CoopApi.Application.UnitTests.Fakes;

namespace CoopApi.Application.UnitTests;

/// <summary>The read sides of yearly figures and OCOP products, where no database is expected.</summary>
internal sealed class NoReportReadSides : IAnnualReportReadModel, IOcopProductReadModel
{
    public Task<(bool OrganizationExists, AnnualReportDto? Report)> FindAsync(Guid cooperativeId, int year, CancellationToken cancellationToken) =>
        throw new NoDatabaseException();

    public Task<AnnualReportDto?> FindByIdAsync(Guid id, CancellationToken cancellationToken) => throw new NoDatabaseException();

    public Task<IReadOnlyList<AnnualReportDto>?> ListAsync(Guid cooperativeId, CancellationToken cancellationToken) => throw new NoDatabaseException();

    public Task<OcopProductDto?> FindAsync(Guid productId, DateOnly asOf, CancellationToken cancellationToken) => throw new NoDatabaseException();

    public Task<IReadOnlyList<OcopProductDto>?> ListForCooperativeAsync(Guid cooperativeId, DateOnly asOf, CancellationToken cancellationToken) =>
        throw new NoDatabaseException();

    public Task<PagedList<OcopProductDto>> ListAsync(ListOcopProductsQuery query, DateOnly asOf, CancellationToken cancellationToken) =>
        Task.FromResult(new PagedList<OcopProductDto>([], query.Page, query.PageSize, 0));
}
