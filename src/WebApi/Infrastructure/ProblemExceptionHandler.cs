using System.Text.Json;
using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Localization;
using CoopApi.Domain.Common;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;

namespace CoopApi.WebApi.Infrastructure;

/// <summary>
/// Turns every exception into a problem body: validation → 400 with field errors, not found →
/// 404, rule violations and duplicates → 409, stale If-Match → 412, too large → 413, anything
/// else → 500 with a trace id and no internals.
/// </summary>
internal sealed class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ValidationException v => ProblemFactory.Validation(httpContext, v.Errors
                .GroupBy(e => FieldNames.ToApi(e.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray())),
            DomainValidationException d => ProblemFactory.Validation(httpContext,
                new Dictionary<string, string[]> { [d.Field] = [Text.Pick(d.Message, d.VietnameseMessage)] }),
            NotFoundException n => ProblemFactory.Create(httpContext, StatusCodes.Status404NotFound,
                Text.Pick($"{n.Resource} '{n.Key}' was not found.", $"Không tìm thấy {Vietnamese(n.Resource)} '{n.Key}'."), "notFound"),
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
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => ProblemFactory.Create(httpContext,
                StatusCodes.Status413PayloadTooLarge, null, "payloadTooLarge"),
            BadHttpRequestException bad => ProblemFactory.Create(httpContext, bad.StatusCode,
                Text.Pick("The request could not be read.", "Không đọc được yêu cầu."), "badRequest"),
            JsonException => ProblemFactory.Create(httpContext, StatusCodes.Status400BadRequest,
                Text.Pick("The request body is not valid JSON.", "Nội dung yêu cầu không phải JSON hợp lệ."), "malformedJson"),
            _ => null,
        };

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = ProblemFactory.Create(httpContext, StatusCodes.Status500InternalServerError,
                Text.Pick("The error was logged; quote the traceId when you report it.",
                    "Lỗi đã được ghi nhận; vui lòng cung cấp traceId khi báo lỗi."));
        }

        await ProblemFactory.WriteAsync(httpContext, problem);
        return true;
    }

    private static Microsoft.AspNetCore.Mvc.ProblemDetails WithField(Microsoft.AspNetCore.Mvc.ProblemDetails problem, string field)
    {
        if (field.Length > 0)
        {
            problem.Extensions["field"] = field;
        }

        return problem;
    }

    private static string Vietnamese(string resource) => resource switch
    {
        "Cooperative" => "tổ chức",
        "Province" => "tỉnh",
        _ => "mã",
    };
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
