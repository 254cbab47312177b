using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Messaging;
using CoopApi.Domain.ApiKeys;
using MediatR;

namespace CoopApi.Application.Import.Queries.GetImportJob;

/// <summary>A background import: its state, rows read so far and, at the end, its report.</summary>
/// <param name="Id">The job.</param>
public sealed record GetImportJobQuery(Guid Id) : IQuery<ImportJobDto>
{
    /// <summary>The caller's actor id (set by the web layer from the authenticated credential).</summary>
    public string? Actor { get; init; }

    /// <summary>The caller's provinces (<c>*</c>: every one), set by the web layer.</summary>
    public IReadOnlyList<string> Provinces { get; init; } = [];
}

/// <summary>
/// Handles <see cref="GetImportJobQuery"/>. A job is seen by the credential that started it, by a
/// national caller, and by a caller holding every province its creator held (the same province
/// office); to anyone else it does not exist (404): its report names rows of provinces they
/// cannot write in.
/// </summary>
public sealed class GetImportJobQueryHandler(IImportJobStore jobs) : IRequestHandler<GetImportJobQuery, ImportJobDto>
{
    /// <inheritdoc />
    public async Task<ImportJobDto> Handle(GetImportJobQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await jobs.FindAsync(request.Id, cancellationToken);
        var national = request.Provinces.Contains(ApiKeyRules.National);
        if (found is not { } job
            || !(national || (job.Actor is not null && job.Actor == request.Actor)
                || (job.Provinces.Count > 0 && job.Provinces.All(request.Provinces.Contains))))
        {
            throw new NotFoundException("Import job", "lượt nhập", request.Id);
        }

        return job.Job;
    }
}
