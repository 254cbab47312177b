using CoopApi.Application.Common.Interfaces;
using CoopApi.Domain.AnnualReports;

namespace CoopApi.Application.AnnualReports;

/// <summary>A year's figures as <c>GET /api/v1/cooperatives/{id}/annual-reports/{year}</c> returns them (the change feed stores the same).</summary>
public sealed class AnnualReportRepresentation : ResourceRepresentation<AnnualReport, AnnualReportDto>
{
    /// <inheritdoc />
    public override string EntityType => AnnualReport.Type;

    /// <summary>
    /// The report's address. The feed knows only the report's id, so the link is the report by id
    /// (<c>/api/v1/annual-reports/{id}</c>), which answers with the report like its year's address.
    /// </summary>
    public override string PathOf(Guid id) => $"/api/v1/annual-reports/{id}";

    /// <inheritdoc />
    protected override AnnualReportDto Represent(AnnualReport aggregate) => aggregate.ToDto();
}
