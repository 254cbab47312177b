using CoopApi.Application.Common.Behaviours;
using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Localization;
using CoopApi.Domain.Common;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CoopApi.WebApi.Infrastructure;

/// <summary>
/// Turns every exception into a problem body, by kind of exception and never by feature: field
/// errors → 400, not found → 404, rule violations and duplicates → 409, stale If-Match → 412, missing If-Match → 428,
/// framework refusals (unreadable body, wrong content type, too large) → their status, the
/// database out of reach → 503 with <c>Retry-After</c>, anything else → 500 with a trace id and
/// no internals. This is the one place that logs an unexpected error (once, with the request
/// type the pipeline recorded); expected outcomes are not logged as errors.
/// </summary>
internal sealed class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            RequestRejectedException r => ProblemFactory.Validation(httpContext, r.Errors.ToDictionary()),
            PreconditionRequiredException p => ProblemFactory.PreconditionRequired(httpContext, p.Errors.ToDictionary(), p.Detail),
            ValidationException v => ProblemFactory.Validation(httpContext, v.Errors
                .GroupBy(e => FieldNames.ToApi(e.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray())),
            DomainValidationException d => ProblemFactory.Validation(httpContext,
                new Dictionary<string, string[]> { [d.Field] = [Text.Pick(d.Message, d.VietnameseMessage)] }),
            NotFoundException n => ProblemFactory.Create(httpContext, StatusCodes.Status404NotFound,
                Text.Pick($"{n.Resource} '{n.Key}' was not found.", $"Không tìm thấy {n.VietnameseResource} '{n.Key}'."), "notFound"),
            ForbiddenException f => ProblemFactory.Create(httpContext, StatusCodes.Status403Forbidden,
                Text.Pick(f.Message, f.VietnameseMessage), f.Code),
            BusinessRuleViolationException b => ProblemFactory.Create(httpContext, StatusCodes.Status409Conflict,
                Text.Pick(b.Message, b.VietnameseMessage), b.Code),
            DuplicateException d => WithField(ProblemFactory.Create(httpContext, StatusCodes.Status409Conflict,
                Text.Pick(d.Message, d.VietnameseMessage), "duplicate"), d.Field),
            ConcurrencyConflictException { ClientPrecondition: true } => ProblemFactory.Create(httpContext,
                StatusCodes.Status412PreconditionFailed,
                Text.Pick("The record changed since the version named in If-Match. Read it again (GET) and retry with its new ETag.",
                    "Bản ghi đã thay đổi so với phiên bản nêu trong If-Match. Hãy đọc lại (GET) và gửi lại với ETag mới."),
                "preconditionFailed"),
            ConcurrencyConflictException => ProblemFactory.Create(httpContext, StatusCodes.Status409Conflict,
                Text.Pick("Someone else changed the record at the same time. Read it again and retry.",
                    "Người khác vừa thay đổi bản ghi cùng lúc. Hãy đọc lại và thử lại."), "concurrentUpdate"),
            BadHttpRequestException bad => RequestBodyProblems.For(httpContext, bad),
            _ when DatabaseFaults.IsUnavailable(exception) => DatabaseUnavailable(httpContext, exception),
            _ => null,
        };

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Path} (request {RequestType})",
                httpContext.Request.Method, httpContext.Request.Path, UnhandledExceptions.RequestTypeOf(exception) ?? "none");
            problem = ProblemFactory.Create(httpContext, StatusCodes.Status500InternalServerError,
                Text.Pick("The error was logged; quote the traceId when you report it.",
                    "Lỗi đã được ghi nhận; vui lòng cung cấp traceId khi báo lỗi."), "unexpected");
        }

        await ProblemFactory.WriteAsync(httpContext, problem);
        return true;
    }

    private ProblemDetails DatabaseUnavailable(HttpContext http, Exception exception)
    {
        // A known outage, not a bug: one line without a stack trace.
        logger.LogWarning("Database unavailable on {Method} {Path}: {Reason}", http.Request.Method, http.Request.Path,
            exception.GetBaseException().Message);
        http.Response.Headers.RetryAfter = DatabaseFaults.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ProblemFactory.Create(http, StatusCodes.Status503ServiceUnavailable,
            Text.Pick($"The register's database cannot be reached right now. Retry in {DatabaseFaults.RetryAfterSeconds} seconds.",
                $"Hiện không kết nối được cơ sở dữ liệu của sổ đăng ký. Vui lòng thử lại sau {DatabaseFaults.RetryAfterSeconds} giây."),
            "databaseUnavailable");
    }

    private static ProblemDetails WithField(ProblemDetails problem, string field)
    {
        if (field.Length > 0)
        {
            problem.Extensions["field"] = field;
        }

        return problem;
    }
}

/// <summary>Field names as the API spells them: camelCase, with nested paths kept.</summary>
internal static class FieldNames
{
    public static string ToApi(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "body";
        }

        var trimmed = name.StartsWith("$.", StringComparison.Ordinal) ? name[2..] : name.TrimStart('$');
        if (trimmed.Length == 0)
        {
            return "body";
        }

        return string.Join('.', trimmed.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
    }
}
