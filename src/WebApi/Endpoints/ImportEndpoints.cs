using CoopApi.Application.Common.Localization;
using CoopApi.Application.Cooperatives.Commands.CreateCooperative;
using CoopApi.Application.Cooperatives.Queries.ListCooperatives;
using CoopApi.Application.Import;
using CoopApi.Application.Import.Commands.ImportCooperatives;
using CoopApi.Application.Import.Commands.StartImportJob;
using CoopApi.Application.Import.Queries.ExportCooperatives;
using CoopApi.Application.Import.Queries.GetImportJob;
using CoopApi.Domain.ApiKeys;
using CoopApi.WebApi.Infrastructure;
using CoopApi.WebApi.OpenApi;
using CoopApi.WebApi.Security;
using MediatR;
using Microsoft.Net.Http.Headers;

namespace CoopApi.WebApi.Endpoints;

/// <summary>
/// Bulk import and export of the register (docs/import.md): a province loads its spreadsheet in
/// one request, at COPY speed, every row judged by the rules of a single write and remembered
/// in the audit trail and the change feed; the register comes back out as CSV in the same format.
/// </summary>
internal sealed class ImportEndpoints : IEndpointGroup
{
    private const string Route = "api/v1/cooperatives";
    private const string JobsRoute = "api/v1/import-jobs";
    private const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup(Route, "Import and export");
        group.MapPost("import", Import).WithName(nameof(Import)).RequireScope(ApiScopes.Write)
            .WithMetadata(new SpooledBodyMetadata())
            .Accepts<IReadOnlyList<CreateCooperativeCommand>>("application/json", "text/csv", XlsxMediaType)
            .Produces<ImportReport>()
            .Produces<ImportJobDto>(StatusCodes.Status202Accepted)
            .ProducesFieldErrors()
            .ProducesProblemOf(StatusCodes.Status409Conflict)
            .ProducesProblemOf(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblemOf(StatusCodes.Status415UnsupportedMediaType);
        group.MapGet("export", Export).WithName(nameof(Export)).RequireScope(ApiScopes.Read)
            .WithMetadata(new QueryParametersMetadata(typeof(ListCooperativesQuery)))
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesFieldErrors();
        var jobs = app.MapApiGroup(JobsRoute, "Import and export");
        jobs.MapGet("{id:guid}", GetJob).WithName(nameof(GetJob)).RequireScope(ApiScopes.Read)
            .Produces<ImportJobDto>()
            .ProducesProblemOf(StatusCodes.Status404NotFound);
    }

    /// <summary>Import organizations from a CSV file or a JSON array (upsert by registration code).</summary>
    /// <remarks>
    /// Send the file as the body: <c>text/csv</c> (UTF-8 with or without a BOM, <c>,</c> or <c>;</c>,
    /// the register's field names or the Vietnamese headers of docs/import.md: "Tên HTX", "Mã số
    /// HTX", "Tỉnh", "Xã", "Ngày thành lập", "Vốn điều lệ", "Số thành viên"…) or
    /// <c>application/json</c> (an array of the objects <c>POST /api/v1/cooperatives</c> takes) or an
    /// Excel workbook (<c>.xlsx</c>: the first sheet, its first row naming the columns). A
    /// row whose registration code is in the register updates it (or leaves it unchanged); a row
    /// without a code is created, unless it carries the <c>id</c> of an export. Every row is checked
    /// by the rules of a single write, and the caller must hold its province. By default the
    /// import is atomic: one bad row and nothing is written (422 with the report);
    /// <c>atomic=false</c> writes the good rows and reports the bad ones; <c>dryRun=true</c> writes
    /// nothing. With <c>Prefer: respond-async</c> the import runs in the background: 202 and
    /// <c>Location: /api/v1/import-jobs/{id}</c>. Each organization created or changed gets one
    /// entry in the audit trail and the change feed.
    /// </remarks>
    /// <param name="parameters">atomic, dryRun.</param>
    /// <param name="http">The exchange (the body, Content-Type, Prefer, Location).</param>
    /// <param name="mediator">Sends the command.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">Imported (or, for a dry run, checked): the counts and the errors of rejected rows.</response>
    /// <response code="202">Accepted as a background job (<c>Prefer: respond-async</c>); follow <c>Location</c>.</response>
    /// <response code="400">The file cannot be read: not UTF-8, a ragged row, malformed JSON, an unreadable or oversized .xlsx, an unknown or missing column; the message names the row.</response>
    /// <response code="409">A record was changed by someone else during the import, or a registration code was taken meanwhile; nothing was written.</response>
    /// <response code="413">The body is larger than Import:MaxRequestBodyBytes (512 MiB by default).</response>
    /// <response code="415">The body is neither text/csv, application/json nor .xlsx.</response>
    /// <response code="422">Atomic import with rejected rows: nothing was written; <c>report</c> lists every bad row.</response>
    public static async Task<IResult> Import(ImportParameters parameters, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var format = FormatOf(http);
        var upload = await ImportSpool.SpoolAsync(http, ct); // deleted once answered, unless a job took it
        var path = upload.Path;
        if (RespondAsync(http))
        {
            var job = await mediator.Send(new StartImportJobCommand
            {
                FilePath = path, Format = format, Atomic = parameters.Atomic, DryRun = parameters.DryRun,
            }, ct);
            upload.HandedOver = true;
            http.Response.Headers["Preference-Applied"] = "respond-async";
            return TypedResults.Accepted(PublicLinks.To(http, $"/{JobsRoute}/{job.Id}"), job);
        }

        var report = await mediator.Send(new ImportCooperativesCommand
        {
            FilePath = path, Format = format, Atomic = parameters.Atomic, DryRun = parameters.DryRun,
        }, ct);
        if (report.Rejected > 0 && report.Atomic && !report.DryRun)
        {
            var problem = ProblemFactory.Create(http, StatusCodes.Status422UnprocessableEntity, Text.Pick(
                $"{report.Rejected} row(s) were rejected, so nothing was written (the import is atomic). Correct them, or send atomic=false to write the good rows.",
                $"{report.Rejected} dòng bị từ chối nên không có dòng nào được ghi (nhập theo kiểu tất cả hoặc không). Hãy sửa các dòng đó, hoặc gửi atomic=false để ghi các dòng hợp lệ."),
                "import.rowsRejected");
            problem.Extensions["report"] = report;
            return TypedResults.Json(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json",
                StatusCodes.Status422UnprocessableEntity);
        }

        return TypedResults.Ok(report);
    }

    /// <summary>Export the register as CSV (the import's format), with the list's filters.</summary>
    /// <remarks>
    /// UTF-8 with a BOM (Excel shows Vietnamese correctly), comma-separated, one header line of
    /// the register's field names (<c>id</c> first, <c>status</c> last; main products joined by
    /// <c>|</c>). Streamed straight from the database: any number of rows, flat memory. Import
    /// the file back and nothing changes (0 created, 0 updated). Filters as
    /// <c>GET /api/v1/cooperatives</c> (<c>page</c> and <c>pageSize</c> are ignored).
    /// </remarks>
    /// <param name="parameters">The list's filters.</param>
    /// <param name="http">The exchange (the response body).</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The CSV file.</response>
    /// <response code="400">A filter is unknown, repeated or invalid.</response>
    public static async Task<IResult> Export(ListCooperativesParameters parameters, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        // Validated before the first byte goes out, so that a bad filter still gets its 400.
        var query = new ExportCooperativesQuery { Filters = parameters.Query, Output = http.Response.Body };
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"cooperatives.csv\"";
        await mediator.Send(query, ct);
        return TypedResults.Empty;
    }

    /// <summary>A background import: state, rows read so far, and at the end its report.</summary>
    /// <remarks>
    /// Seen by the credential that started it, by a national caller, and by a caller holding every
    /// province its creator held. A job left running when the API stopped is <c>failed</c> after a
    /// restart: nothing of it was written (one transaction).
    /// </remarks>
    /// <param name="id">Identifier of the job.</param>
    /// <param name="http">The exchange (the caller's credential).</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The job.</response>
    /// <response code="404">No job with this id that you may see.</response>
    public static async Task<IResult> GetJob(Guid id, HttpContext http, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetImportJobQuery(id)
        {
            Actor = http.User.FindFirst(CoopClaims.Actor)?.Value,
            Provinces = http.User.FindAll(CoopClaims.Province).Select(c => c.Value).ToArray(),
        }, ct));

    private static ImportFormat FormatOf(HttpContext http)
    {
        var type = MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
        return type?.ToLowerInvariant() switch
        {
            "text/csv" or "application/csv" => ImportFormat.Csv,
            "application/json" => ImportFormat.Json,
            XlsxMediaType => ImportFormat.Xlsx,
            _ => throw new BadHttpRequestException(Text.Pick(
                $"Send the file as text/csv, application/json or {XlsxMediaType} (.xlsx).",
                $"Hãy gửi tệp dạng text/csv, application/json hoặc {XlsxMediaType} (.xlsx)."),
                StatusCodes.Status415UnsupportedMediaType),
        };
    }

    private static bool RespondAsync(HttpContext http) =>
        http.Request.Headers["Prefer"].Any(v => v is not null && v.Split(',').Any(p => p.Trim().Equals("respond-async", StringComparison.OrdinalIgnoreCase)));
}
