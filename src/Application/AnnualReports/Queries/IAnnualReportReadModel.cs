namespace CoopApi.Application.AnnualReports.Queries;

/// <summary>The read side of yearly figures: plain SQL into DTOs (implemented in Infrastructure; a stateless singleton).</summary>
public interface IAnnualReportReadModel
{
    /// <summary>
    /// The figures of one organization for one year; <c>OrganizationExists</c> false when no
    /// organization has this id (then the report is null too).
    /// </summary>
    Task<(bool OrganizationExists, AnnualReportDto? Report)> FindAsync(Guid cooperativeId, int year, CancellationToken cancellationToken);

    /// <summary>One report by its own id, or null.</summary>
    Task<AnnualReportDto?> FindByIdAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Every year's figures of an organization, oldest year first; null when no organization has this id.</summary>
    Task<IReadOnlyList<AnnualReportDto>?> ListAsync(Guid cooperativeId, CancellationToken cancellationToken);
}
