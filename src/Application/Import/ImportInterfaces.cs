using CoopApi.Domain.Common;
using CoopApi.Domain.Cooperatives;

namespace CoopApi.Application.Import;

/// <summary>Formats an import reads.</summary>
public enum ImportFormat
{
    /// <summary>CSV, UTF-8 with or without a BOM, comma or semicolon.</summary>
    [Label("CSV", "CSV")]
    Csv,

    /// <summary>A JSON array of objects with the register's field names.</summary>
    [Label("JSON", "JSON")]
    Json,

    /// <summary>An Excel workbook (.xlsx): the first sheet, its first row naming the columns.</summary>
    [Label("Excel (.xlsx)", "Excel (.xlsx)")]
    Xlsx,
}

/// <summary>
/// Reads a spooled upload row by row, never whole. A file that cannot be read (bad encoding, a
/// ragged row, malformed JSON, an unknown column) ends the enumeration with a
/// <see cref="FluentValidation.ValidationException"/> naming the row (400).
/// </summary>
public interface IImportFileReader
{
    /// <summary>The rows of the file at <paramref name="path"/>.</summary>
    IAsyncEnumerable<ImportRecord> ReadAsync(string path, ImportFormat format, CancellationToken cancellationToken);
}

/// <summary>A validated row, judged by the domain, ready for the set-based write.</summary>
/// <param name="Row">Its row number in the file.</param>
/// <param name="Cooperative">The aggregate after <see cref="Cooperative.Register"/> or <see cref="Cooperative.UpdateDetails"/>, holding the one event it raised.</param>
/// <param name="IsNew">Created (true) or updated (false).</param>
/// <param name="PreviousProvince">Province before the update; null for a new record.</param>
public sealed record StagedCooperative(int Row, Cooperative Cooperative, bool IsNew, string? PreviousProvince);

/// <summary>
/// The write side of an import, inside the command's transaction: new organizations, their
/// registration entries and their <c>domain_events</c> rows are binary-COPYed in batches straight
/// into their tables (behind a savepoint); changed ones are copied into a staging table, then
/// written by a few set-based statements.
/// </summary>
public interface ICooperativeImportStaging
{
    /// <summary>Creates the staging table (dropped at the end of the transaction) and the savepoint <see cref="DiscardAsync"/> returns to.</summary>
    Task BeginAsync(CancellationToken cancellationToken);

    /// <summary>Writes one batch: new organizations into the register, changed ones into the staging table.</summary>
    Task CopyAsync(IReadOnlyList<StagedCooperative> rows, CancellationToken cancellationToken);

    /// <summary>Undoes every batch copied since <see cref="BeginAsync"/> (an atomic import that met a bad row, a dry run).</summary>
    Task DiscardAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Writes the staged changed rows: updates them (version + 1, checked against the version
    /// read) and appends one <c>domain_events</c> row per organization. A record changed by
    /// someone else meanwhile fails the whole import with a concurrency conflict (409).
    /// </summary>
    Task ApplyAsync(CancellationToken cancellationToken);
}

/// <summary>Where a background import tells how far it got (outside its transaction, so it is seen at once).</summary>
public interface IImportJobProgress
{
    /// <summary>Records the rows read so far by job <paramref name="jobId"/>.</summary>
    Task ReportAsync(Guid jobId, int rowsRead, CancellationToken cancellationToken);
}

/// <summary>A stable error of an import row that the domain raised.</summary>
internal static class ImportErrors
{
    public static ImportRowError From(int row, DomainException exception, Dictionary<string, (string Column, string? Value)> columns)
    {
        var field = exception is DomainValidationException v ? v.Field : FieldOfCode(exception.Code);
        var (column, value) = field is not null && columns.TryGetValue(field, out var c) ? c : (field, null);
        return new ImportRowError(row, column, value, exception.Code,
            Common.Localization.Text.Pick(exception.Message, exception.VietnameseMessage));
    }

    private static string? FieldOfCode(string code)
    {
        var dot = code.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && code[..dot] != "cooperative" ? code[..dot] : null;
    }
}
