using CoopApi.Application.Common.Models;
using CoopApi.Application.Partnerships.Queries.ListPartnershipAgreements;
using CoopApi.Domain.Partnerships;

namespace CoopApi.Application.Partnerships.Queries;

/// <summary>The read side of partnership programmes: plain SQL into DTOs (singleton, stateless).</summary>
public interface IPartnershipReadModel
{
    /// <summary>One agreement with its commitments and reviews, or null.</summary>
    Task<PartnershipAgreementDto?> FindAgreementAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>A filtered page of agreements, newest signing first, ties by id.</summary>
    Task<PagedList<PartnershipAgreementDto>> ListAgreementsAsync(ListPartnershipAgreementsQuery query, CancellationToken cancellationToken);

    /// <summary>Every agreement of a province (or all) whose period covers <paramref name="year"/> (or any).</summary>
    Task<IReadOnlyList<PartnershipAgreementDto>> AgreementsAsync(string? provinceCode, int? year, CancellationToken cancellationToken);

    /// <summary>Agreements per status and parties per kind, counted in SQL, for the same filter.</summary>
    Task<PartnershipCounts> CountAsync(string? provinceCode, int? year, CancellationToken cancellationToken);

    /// <summary>
    /// Organizations of the register founded in <paramref name="provinceCode"/> per year from
    /// <paramref name="fromYear"/> to <paramref name="toYear"/>, per measure.
    /// </summary>
    Task<IReadOnlyDictionary<(RegisterMeasure Measure, int Year), int>> RegisterCountsAsync(string provinceCode, int fromYear, int toYear,
        CancellationToken cancellationToken);
}

/// <summary>Counts of agreements per status and parties per kind.</summary>
/// <param name="ByStatus">Agreements per status.</param>
/// <param name="PartiesByKind">Parties per kind.</param>
public sealed record PartnershipCounts(IReadOnlyDictionary<AgreementStatus, int> ByStatus, IReadOnlyDictionary<PartyKind, int> PartiesByKind);
