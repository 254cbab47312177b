using System.Globalization;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using MediatR;

namespace CoopApi.Application.Import.Commands.StartImportJob;

/// <summary>Queues a background import of a spooled file (<c>Prefer: respond-async</c>).</summary>
public sealed record StartImportJobCommand : ICommand<ImportJobDto>
{
    /// <summary>The uploaded file, spooled to disk by the web layer; the job owns it from now on.</summary>
    public required string FilePath { get; init; }

    /// <summary>Its format.</summary>
    public required ImportFormat Format { get; init; }

    /// <summary>All rows or none (default).</summary>
    public bool Atomic { get; init; } = true;

    /// <summary>Validate only.</summary>
    public bool DryRun { get; init; }
}

/// <summary>
/// Handles <see cref="StartImportJobCommand"/>: records the job with who asked (actor, scopes,
/// provinces, language), so the worker imports with the caller's rights and the change feed
/// names the caller. The rows' provinces are checked row by row when the job runs.
/// </summary>
public sealed class StartImportJobCommandHandler(IImportJobStore jobs, ICurrentUser currentUser, IVietnamCalendar calendar)
    : IRequestHandler<StartImportJobCommand, ImportJobDto>
{
    /// <inheritdoc />
    public async Task<ImportJobDto> Handle(StartImportJobCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var work = new ImportJobWork(Guid.CreateVersion7(), request.FilePath, request.Format, request.Atomic, request.DryRun,
            currentUser.Id, currentUser.Name, [.. currentUser.Scopes], [.. currentUser.Provinces],
            CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "vi" ? "vi" : "en");
        await jobs.CreateAsync(work, cancellationToken);
        return new ImportJobDto
        {
            Id = work.Id,
            State = ImportJobState.Queued,
            Format = work.Format,
            Atomic = work.Atomic,
            DryRun = work.DryRun,
            RowsRead = 0,
            CreatedAt = calendar.Now,
        };
    }
}
