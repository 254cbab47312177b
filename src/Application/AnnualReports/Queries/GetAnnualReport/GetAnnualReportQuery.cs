using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Messaging;
using MediatR;

namespace CoopApi.Application.AnnualReports.Queries.GetAnnualReport;

/// <summary>
/// The figures of one organization for one year (<see cref="CooperativeId"/> and <see cref="Year"/>),
/// or one report by its own id (<see cref="ReportId"/>, the change feed's link).
/// </summary>
/// <param name="CooperativeId">The organization.</param>
/// <param name="Year">The year.</param>
/// <param name="ReportId">The report's own id, instead of the two above.</param>
public sealed record GetAnnualReportQuery(Guid CooperativeId, int Year, Guid? ReportId = null) : IQuery<AnnualReportDto>;

/// <summary>Handles <see cref="GetAnnualReportQuery"/>: 404 for an unknown organization or a year without figures.</summary>
public sealed class GetAnnualReportQueryHandler(IAnnualReportReadModel reads) : IRequestHandler<GetAnnualReportQuery, AnnualReportDto>
{
    /// <inheritdoc />
    public async Task<AnnualReportDto> Handle(GetAnnualReportQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ReportId is { } id)
        {
            return await reads.FindByIdAsync(id, cancellationToken) ?? throw new NotFoundException("Annual report", "báo cáo năm", id);
        }

        var (organizationExists, report) = await reads.FindAsync(request.CooperativeId, request.Year, cancellationToken);
        if (!organizationExists)
        {
            throw new NotFoundException("Cooperative", "tổ chức", request.CooperativeId);
        }

        return report ?? throw new NotFoundException("Annual report", "báo cáo năm", $"{request.CooperativeId}/{request.Year}");
    }
}
