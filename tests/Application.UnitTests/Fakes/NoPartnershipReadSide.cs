using CoopApi.Application.Common.Models;
using CoopApi.Application.Partnerships;
using CoopApi.Application.Partnerships.Queries;
using CoopApi.Application.Partnerships.Queries.ListPartnershipAgreements;
using CoopApi.Domain.Partnerships;

namespace CoopApi.Application.UnitTests.Fakes;

/// <summary>A partnership read side with nothing in it (the container only needs it to resolve the query handlers).</summary>
internal sealed class NoPartnershipReadSide : IPartnershipReadModel
{
    public Task<PartnershipAgreementDto?> FindAgreementAsync(Guid id, CancellationToken cancellationToken) =>
        Task.FromResult<PartnershipAgreementDto?>(null);

    public Task<PagedList<PartnershipAgreementDto>> ListAgreementsAsync(ListPartnershipAgreementsQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(new PagedList<PartnershipAgreementDto>([], query.Page, query.PageSize, 0));

    public Task<IReadOnlyList<PartnershipAgreementDto>> AgreementsAsync(string? provinceCode, int? year, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PartnershipAgreementDto>>([]);

    public Task<PartnershipCounts> CountAsync(string? provinceCode, int? year, CancellationToken cancellationToken) =>
        Task.FromResult(new PartnershipCounts(new Dictionary<AgreementStatus, int>(), new Dictionary<PartyKind, int>()));

    public Task<IReadOnlyDictionary<(RegisterMeasure Measure, int Year), int>> RegisterCountsAsync(string provinceCode, int fromYear, int toYear,
        CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<(RegisterMeasure Measure, int Year), int>>(new Dictionary<(RegisterMeasure, int), int>());
}
