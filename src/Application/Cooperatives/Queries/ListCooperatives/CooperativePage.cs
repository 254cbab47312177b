using CoopApi.Application.Common.Contract;
using CoopApi.Domain.Common;

namespace CoopApi.Application.Cooperatives.Queries.ListCooperatives;

/// <summary>What <see cref="CooperativePage.TotalCount"/> is.</summary>
public enum TotalCountKind
{
    /// <summary>Counted: exactly the number of organizations that match the filters.</summary>
    [Label("Chính xác", "Exact")]
    Exact = 1,

    /// <summary>
    /// The database's statistics for the whole register (no filter), kept up to date by
    /// autovacuum: close to, not exactly, the number of organizations.
    /// </summary>
    [Label("Ước tính", "Estimate")]
    Estimate = 2,
}

/// <summary>One page of the register.</summary>
/// <param name="Items">The organizations on this page, in the order of <c>sort</c>.</param>
/// <param name="Page">
/// The page number asked for (from 1); <see langword="null"/> when the page was reached by a <c>cursor</c>.
/// </param>
/// <param name="PageSize">Most organizations on a page.</param>
/// <param name="TotalCount">Organizations matching the filters across all pages (see <paramref name="TotalCountKind"/>).</param>
/// <param name="TotalCountKind">
/// <c>exact</c> (counted: always for a filtered list, and for the whole register while it is
/// small) or <c>estimate</c> (the whole register once it is large, from the database's statistics).
/// </param>
/// <param name="NextCursor">
/// Send as <c>cursor</c>, with the same filters and sort, for the page after this one;
/// <see langword="null"/> on the last page.
/// </param>
[PublicName("CooperativePage")]
public sealed record CooperativePage(
    IReadOnlyList<CooperativeDto> Items,
    int? Page,
    int PageSize,
    int TotalCount,
    TotalCountKind TotalCountKind,
    string? NextCursor);
