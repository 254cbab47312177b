using CoopApi.Application.Common.Models;
using CoopApi.Application.DevelopmentTargets.Queries.ListDevelopmentTargets;

namespace CoopApi.Application.DevelopmentTargets.Queries;

/// <summary>The register's figures of one province on one date, as the targets measure them (one SQL aggregate).</summary>
/// <param name="Date">The date.</param>
/// <param name="NewCooperatives">Cooperatives founded after the baseline date and by <paramref name="Date"/>.</param>
/// <param name="NewCooperativeGroups">Cooperative groups founded after the baseline date and by the date.</param>
/// <param name="NewUnions">Unions founded after the baseline date and by the date.</param>
/// <param name="ActiveCooperatives">Cooperatives founded by the date whose status in force on the date is active.</param>
/// <param name="TotalMembers">Members of those (the organizations' recorded member counts).</param>
/// <param name="TotalCharterCapital">Charter capital of those (VND, as recorded).</param>
/// <param name="YouthCooperatives">Youth cooperatives among those.</param>
public sealed record RegisterFigures(DateOnly Date, long NewCooperatives, long NewCooperativeGroups, long NewUnions, long ActiveCooperatives,
    long TotalMembers, decimal TotalCharterCapital, long YouthCooperatives);

/// <summary>The read side of development targets: plain SQL into DTOs and the register's figures (a stateless singleton).</summary>
public interface IDevelopmentTargetReadModel
{
    /// <summary>One target, or null.</summary>
    Task<DevelopmentTargetDto?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>One page of targets, filtered on indexed columns.</summary>
    Task<PagedList<DevelopmentTargetDto>> ListAsync(ListDevelopmentTargetsQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// The register's figures of <paramref name="provinceCode"/> on each of <paramref name="dates"/>, in
    /// one statement: "new" counts from the day after <paramref name="baselineDate"/>, the others from
    /// the status in force on each date (the status history).
    /// </summary>
    Task<IReadOnlyList<RegisterFigures>> MeasureAsync(string provinceCode, DateOnly baselineDate, IReadOnlyList<DateOnly> dates,
        CancellationToken cancellationToken);
}
