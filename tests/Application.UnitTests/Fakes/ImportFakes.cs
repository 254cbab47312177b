using CoopApi.Application.Cooperatives.Queries.ListCooperatives;
using CoopApi.Application.Import;
using CoopApi.Application.Import.Queries.ExportCooperatives;

namespace CoopApi.Application.UnitTests.Fakes;

/// <summary>The import's ports (Infrastructure), present so handlers can be built; never called by the unit tests.</summary>
internal sealed class NoImport : IImportJobStore, IImportJobProgress, IImportFileReader, ICooperativeImportStaging, ICooperativeExport
{
    public Task CreateAsync(ImportJobWork work, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<(ImportJobDto Job, string? Actor, IReadOnlyList<string> Provinces)?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<ImportJobWork?> ClaimNextAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task FinishAsync(Guid id, ImportReport? report, string? failure, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<string?>> FailInterruptedAsync(DateTimeOffset? createdBefore, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlySet<Guid>> HeartbeatAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<int> FailAbandonedAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task ReportAsync(Guid jobId, int rowsRead, CancellationToken cancellationToken) => throw new NotSupportedException();

    public IAsyncEnumerable<ImportRecord> ReadAsync(string path, ImportFormat format, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task BeginAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task CopyAsync(IReadOnlyList<StagedCooperative> rows, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task DiscardAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task ApplyAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<int> WriteCsvAsync(ListCooperativesQuery filters, Stream output, CancellationToken cancellationToken) => throw new NotSupportedException();
}
