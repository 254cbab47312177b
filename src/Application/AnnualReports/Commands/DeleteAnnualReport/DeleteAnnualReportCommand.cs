using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using CoopApi.Application.Common.Security;
using CoopApi.Domain.AnnualReports;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CoopApi.Application.AnnualReports.Commands.DeleteAnnualReport;

/// <summary>
/// Removes the figures of a year filed in error (for instance under the wrong year). The
/// <c>AnnualReportDeleted</c> event keeps what they held for the audit trail.
/// </summary>
/// <param name="CooperativeId">The organization (from the route).</param>
/// <param name="Year">The year (from the route).</param>
/// <param name="ExpectedVersion">The version the client last read (from <c>If-Match</c>).</param>
public sealed record DeleteAnnualReportCommand(Guid CooperativeId, int Year, int ExpectedVersion) : ICommand<Unit>;

/// <summary>Handles <see cref="DeleteAnnualReportCommand"/>.</summary>
public sealed class DeleteAnnualReportCommandHandler(IApplicationDbContext db, IVietnamCalendar calendar, ICurrentUser currentUser)
    : IRequestHandler<DeleteAnnualReportCommand, Unit>
{
    /// <inheritdoc />
    public async Task<Unit> Handle(DeleteAnnualReportCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var organizationProvince = await db.Cooperatives.Where(c => c.Id == request.CooperativeId).Select(c => c.ProvinceCode)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Cooperative", "tổ chức", request.CooperativeId);
        currentUser.EnsureCanWriteIn(organizationProvince); // before the report is looked up: no 404/412 leaks to other provinces
        var report = await db.Set<AnnualReport>()
            .FirstOrDefaultAsync(r => r.CooperativeId == request.CooperativeId && r.Year == request.Year, cancellationToken)
            ?? throw new NotFoundException("Annual report", "báo cáo năm", $"{request.CooperativeId}/{request.Year}");
        currentUser.EnsureCanWriteIn(organizationProvince, report.ProvinceCode);
        if (report.Version != request.ExpectedVersion)
        {
            throw new ConcurrencyConflictException(clientPrecondition: true);
        }

        report.Delete(calendar.Now);
        db.Set<AnnualReport>().Remove(report);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            throw new ConcurrencyConflictException(clientPrecondition: true);
        }

        return Unit.Value;
    }
}
