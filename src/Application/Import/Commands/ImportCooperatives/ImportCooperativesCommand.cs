using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Localization;
using CoopApi.Application.Common.Messaging;
using CoopApi.Application.Common.Security;
using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.Common;
using CoopApi.Application.Cooperatives;
using CoopApi.Domain.Cooperatives;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CoopApi.Application.Import.Commands.ImportCooperatives;

/// <summary>
/// Imports a spooled file into the register: upsert by registration code (or by id for a row
/// without one), every row judged by the rules of a single write, written set-based in one
/// transaction (docs/decisions/0024-bulk-import-export.md).
/// </summary>
public sealed record ImportCooperativesCommand : ICommand<ImportReport>
{
    /// <summary>The uploaded file, spooled to disk by the web layer.</summary>
    public required string FilePath { get; init; }

    /// <summary>Its format.</summary>
    public required ImportFormat Format { get; init; }

    /// <summary>All rows or none (default); false: write the good rows, report the bad ones.</summary>
    public bool Atomic { get; init; } = true;

    /// <summary>Validate only, write nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>The background job this import runs for, whose progress is reported; null for a request answered at once.</summary>
    public Guid? JobId { get; init; }
}

/// <summary>
/// Handles <see cref="ImportCooperativesCommand"/>. Streams the file in batches of
/// <see cref="BatchSize"/> rows: each row is read into the field model of a single write, checked
/// by the same validator (<see cref="ImportedCooperativeValidator"/>) and by the same aggregate
/// methods (<see cref="Cooperative.Register"/>, <see cref="Cooperative.UpdateDetails"/>), in
/// memory; the batch's existing records are loaded by one query; the good rows are copied to the
/// staging table. Province rights are checked per row: a row of a province the caller may not
/// write in is rejected (both provinces when a record moves).
/// </summary>
public sealed class ImportCooperativesCommandHandler(
    IApplicationDbContext db,
    IImportFileReader reader,
    ICooperativeImportStaging staging,
    IImportJobProgress progress,
    IValidator<ImportedCooperative> validator,
    IAdministrativeUnits units,
    IVietnamCalendar calendar,
    ICurrentUser currentUser) : IRequestHandler<ImportCooperativesCommand, ImportReport>
{
    private const string ProvinceNotGranted = "provinceNotGranted";

    /// <summary>Rows judged and copied together.</summary>
    public const int BatchSize = 1000;

    private readonly List<ImportRowError> _errors = [];
    private readonly HashSet<string> _codesSeen = new(StringComparer.Ordinal);
    private readonly HashSet<Guid> _idsSeen = [];
    private int _rowsRead;
    private int _created;
    private int _updated;
    private int _unchanged;
    private int _rejected;
    private bool _truncated;

    // The COPY of the previous batch, still running on the command's connection while the next
    // batch is read and validated (which needs no database): the two overlap on the machine's
    // cores instead of taking turns. Awaited before anything else uses the connection.
    private Task _copying = Task.CompletedTask;

    /// <inheritdoc />
    public async Task<ImportReport> Handle(ImportCooperativesCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Reset();
        await staging.BeginAsync(cancellationToken);
        try
        {
            var batch = new List<ImportRecord>(BatchSize);
            await foreach (var record in reader.ReadAsync(request.FilePath, request.Format, cancellationToken))
            {
                batch.Add(record);
                if (batch.Count == BatchSize)
                {
                    await ProcessAsync(batch, request, cancellationToken);
                    batch = new List<ImportRecord>(BatchSize);
                }
            }

            await ProcessAsync(batch, request, cancellationToken);
            await _copying;
        }
        finally
        {
            // Whatever failed (a bad file, a cancelled request), no COPY may still be writing on the
            // connection when the transaction is rolled back or the unit is run again.
            await Settled(_copying);
        }

        if (request.Atomic && !request.DryRun && _errors.Where(e => e.Code == ProvinceNotGranted).Select(e => e.Row).Take(10).ToList() is { Count: > 0 } denied)
        {
            // All or nothing, and some rows lie where the caller may not write: refused like a single write there (403).
            var rows = string.Join(", ", denied);
            throw new ForbiddenException(ProvinceNotGranted,
                $"Your credential may not write in the province of row(s) {rows}; nothing was written. Send atomic=false to import the other rows.",
                $"Thông tin xác thực của bạn không được phép ghi dữ liệu tại tỉnh của (các) dòng {rows}; không có dòng nào được ghi. Gửi atomic=false để nhập các dòng còn lại.");
        }

        var write = !request.DryRun && !(request.Atomic && _rejected > 0);
        if (write)
        {
            await staging.ApplyAsync(cancellationToken);
        }
        else
        {
            // New rows of batches before the first rejected one are already in the register: undone.
            await staging.DiscardAsync(cancellationToken);
        }

        return new ImportReport
        {
            RowsRead = _rowsRead,
            Created = _created,
            Updated = _updated,
            Unchanged = _unchanged,
            Rejected = _rejected,
            Written = write,
            DryRun = request.DryRun,
            Atomic = request.Atomic,
            Errors = _errors.ToList(),
            ErrorsTruncated = _truncated,
        };
    }

    private void Reset()
    {
        // The transaction runner may run the unit again after a transient failure: start clean.
        _errors.Clear();
        _codesSeen.Clear();
        _idsSeen.Clear();
        _rowsRead = _created = _updated = _unchanged = _rejected = 0;
        _truncated = false;
        _copying = Task.CompletedTask;
    }

    private static async Task Settled(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception) when (task.IsFaulted || task.IsCanceled)
        {
            // Its failure has been (or is being) raised on the path that awaited it first.
        }
    }

    private async Task ProcessAsync(List<ImportRecord> batch, ImportCooperativesCommand request, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return;
        }

        _rowsRead += batch.Count;
        var today = calendar.Today;
        var now = calendar.Now;

        // 1. Each row into the field model, checked by the validator of a single write.
        var valid = new List<(int Row, ImportedCooperative Fields, Dictionary<string, (string Column, string? Value)> Columns)>(batch.Count);
        foreach (var record in batch)
        {
            var errors = new List<ImportRowError>();
            var columns = new Dictionary<string, (string Column, string? Value)>(StringComparer.Ordinal);
            var fields = ImportColumns.Read(record, errors, columns);
            if (errors.Count == 0)
            {
                var result = await validator.ValidateAsync(fields, ct);
                foreach (var failure in result.Errors)
                {
                    var field = failure.PropertyName.Split('[')[0];
                    var (column, value) = columns.TryGetValue(field, out var c) ? c : (field, null);
                    errors.Add(new ImportRowError(record.Row, column, value, failure.ErrorCode ?? "invalid", failure.ErrorMessage));
                }
            }

            if (errors.Count == 0 && !string.IsNullOrEmpty(fields.RegistrationCode) && !_codesSeen.Add(fields.RegistrationCode))
            {
                errors.Add(Error(record.Row, columns, "registrationCode", "registrationCode.duplicateInFile",
                    $"Registration code {fields.RegistrationCode} appears on an earlier row of the file.",
                    $"Mã số đăng ký {fields.RegistrationCode} đã xuất hiện ở một dòng trước trong tệp."));
            }

            if (errors.Count == 0 && string.IsNullOrEmpty(fields.RegistrationCode) && fields.Id is { } rowId && !_idsSeen.Add(rowId))
            {
                errors.Add(Error(record.Row, columns, "id", "id.duplicateInFile",
                    $"The id {rowId} appears on an earlier row of the file.", $"id {rowId} đã xuất hiện ở một dòng trước trong tệp."));
            }

            if (errors.Count > 0)
            {
                Reject(errors);
            }
            else
            {
                valid.Add((record.Row, fields, columns));
            }
        }

        // 2. The batch's existing records, by registration code, then by id for rows without one
        //    (the connection is free again once the previous batch's COPY has finished).
        await _copying;
        var codes = valid.Select(v => v.Fields.RegistrationCode).OfType<string>().Where(c => c.Length > 0).ToList();
        var ids = valid.Where(v => string.IsNullOrEmpty(v.Fields.RegistrationCode) && v.Fields.Id is not null)
            .Select(v => v.Fields.Id!.Value).ToList();
        var byCode = codes.Count == 0
            ? []
            : await db.Cooperatives.AsNoTracking().Where(c => c.RegistrationCode != null && codes.Contains(c.RegistrationCode))
                .ToDictionaryAsync(c => c.RegistrationCode!, StringComparer.Ordinal, ct);
        var byId = ids.Count == 0
            ? []
            : await db.Cooperatives.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);

        // 3. The domain judges each row: the same factory and update method as a single write.
        var staged = new List<StagedCooperative>(valid.Count);
        foreach (var (row, fields, columns) in valid)
        {
            var details = fields.ToDetails();
            Cooperative? existing = null;
            if (!string.IsNullOrEmpty(details.RegistrationCode))
            {
                existing = byCode.GetValueOrDefault(details.RegistrationCode);
                if (existing is not null && fields.Id is { } id && id != existing.Id)
                {
                    Reject([Error(row, columns, "id", "id.mismatch",
                        $"Registration code {details.RegistrationCode} belongs to the organization {existing.Id}, not to {id}.",
                        $"Mã số đăng ký {details.RegistrationCode} thuộc về tổ chức {existing.Id}, không phải {id}.")]);
                    continue;
                }
            }
            else if (fields.Id is { } id)
            {
                existing = byId.GetValueOrDefault(id);
                if (existing is null)
                {
                    Reject([Error(row, columns, "id", "id.notFound",
                        $"No organization has the id {id}.", $"Không có tổ chức nào có id {id}.")]);
                    continue;
                }
            }

            var denied = new[] { existing?.ProvinceCode, details.ProvinceCode }.OfType<string>().Distinct(StringComparer.Ordinal)
                .FirstOrDefault(p => !currentUser.CanWriteIn(p));
            if (denied is not null)
            {
                Reject([Error(row, columns, "provinceCode", ProvinceNotGranted,
                    $"Your credential may not write in province {denied}.",
                    $"Thông tin xác thực của bạn không được phép ghi dữ liệu tại tỉnh {denied}.")]);
                continue;
            }

            try
            {
                if (existing is null)
                {
                    staged.Add(new StagedCooperative(row, Cooperative.Register(details, today, now, units), IsNew: true, PreviousProvince: null));
                    _created++;
                    continue;
                }

                var previousProvince = existing.ProvinceCode;
                if (existing.Status == OrganizationStatus.Dissolved && SameAsRecorded(existing, details, today, now))
                {
                    // A dissolved record refuses every edit; an export of it read back is no edit.
                    _unchanged++;
                    continue;
                }

                existing.UpdateDetails(details, today, now, units);
                if (existing.DomainEvents.Count == 0)
                {
                    _unchanged++;
                    continue;
                }

                staged.Add(new StagedCooperative(row, existing, IsNew: false, previousProvince));
                _updated++;
            }
            catch (DomainException ex)
            {
                Reject([ImportErrors.From(row, ex, columns)]);
            }
        }

        // 4. Copied only while they may still be written: an atomic import with a rejected row writes nothing.
        if (!(request.Atomic && _rejected > 0) && !request.DryRun && staged.Count > 0)
        {
            _copying = Task.Run(() => staging.CopyAsync(staged, ct), ct);
        }

        if (request.JobId is { } jobId)
        {
            await progress.ReportAsync(jobId, _rowsRead, ct);
        }
    }

    /// <summary>True when <paramref name="details"/>, as the domain would record them, equal the record's fields.</summary>
    private bool SameAsRecorded(Cooperative existing, CooperativeDetails details, DateOnly today, DateTimeOffset now)
    {
        Cooperative probe;
        try
        {
            probe = Cooperative.Register(details, today, now, units);
        }
        catch (DomainException)
        {
            return false;
        }

        var (a, b) = (existing.ToDto(), probe.ToDto());
        return b with { Id = a.Id, Status = a.Status, CreatedAt = a.CreatedAt, UpdatedAt = a.UpdatedAt, Version = a.Version, MainProducts = a.MainProducts } == a
            && a.MainProducts.SequenceEqual(b.MainProducts, StringComparer.Ordinal);
    }

    private static ImportRowError Error(int row, Dictionary<string, (string Column, string? Value)> columns, string field,
        string code, string english, string vietnamese)
    {
        var (column, value) = columns.TryGetValue(field, out var c) ? c : (field, null);
        return new ImportRowError(row, column, value, code, Text.Pick(english, vietnamese));
    }

    private void Reject(List<ImportRowError> errors)
    {
        _rejected++;
        foreach (var error in errors)
        {
            if (_errors.Count < ImportReport.MaxErrors)
            {
                _errors.Add(error);
            }
            else
            {
                _truncated = true;
            }
        }
    }
}
