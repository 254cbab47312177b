using CoopApi.Application.Common.Localization;
using Microsoft.AspNetCore.Mvc;

namespace CoopApi.WebApi.Infrastructure;

/// <summary>
/// Builds the RFC 9457 problem bodies the API returns, every one of the same shape:
/// <c>type</c> (<c>urn:coopapi:problem:{code}</c>), <c>title</c>, <c>status</c>, <c>detail</c>,
/// <c>instance</c>, a stable <c>code</c>, the <c>traceId</c>, and <c>errors</c> for field problems.
/// Titles and default details are in the caller's language.
/// </summary>
internal static class ProblemFactory
{
    public static ProblemDetails Create(HttpContext http, int status, string? detail = null, string? code = null)
    {
        var problem = new ProblemDetails { Status = status, Title = Title(status), Detail = detail ?? DefaultDetail(http, status) };
        return Decorate(http, problem, code ?? DefaultCode(status));
    }

    public static ValidationProblemDetails Validation(HttpContext http, IDictionary<string, string[]> errors, string? detail = null)
    {
        var problem = new ValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = Title(StatusCodes.Status400BadRequest),
            Detail = detail ?? Text.Pick("One or more fields are invalid; see errors.", "Một hoặc nhiều trường không hợp lệ; xem errors."),
        };
        Decorate(http, problem, "validation");
        return problem;
    }

    /// <summary>
    /// 428 Precondition Required: a write without a usable <c>If-Match</c>; <c>errors</c> names the
    /// header, as field problems name fields.
    /// </summary>
    public static ValidationProblemDetails PreconditionRequired(HttpContext http, IDictionary<string, string[]> errors, string detail)
    {
        var problem = new ValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status428PreconditionRequired,
            Title = Title(StatusCodes.Status428PreconditionRequired),
            Detail = detail,
        };
        Decorate(http, problem, "precondition.required");
        return problem;
    }

    public static Task WriteAsync(HttpContext http, ProblemDetails problem)
    {
        http.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return http.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json");
    }

    private static TProblem Decorate<TProblem>(HttpContext http, TProblem problem, string code) where TProblem : ProblemDetails
    {
        problem.Type = $"urn:coopapi:problem:{code}";
        problem.Instance = http.Request.Path;
        problem.Extensions["code"] = code;
        problem.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? http.TraceIdentifier;
        return problem;
    }

    /// <summary>The code of a problem the framework made (no exception of ours behind it).</summary>
    private static string DefaultCode(int status) => status switch
    {
        400 => "badRequest",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "notFound",
        405 => "methodNotAllowed",
        406 => "notAcceptable",
        408 => "requestTimeout",
        409 => "conflict",
        411 => "lengthRequired",
        412 => "preconditionFailed",
        413 => "payloadTooLarge",
        415 => "unsupportedMediaType",
        428 => "precondition.required",
        429 => "rateLimited",
        431 => "headersTooLarge",
        503 => "serviceUnavailable",
        _ when status >= 500 => "unexpected",
        _ => "error" + status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string DefaultDetail(HttpContext http, int status) => status switch
    {
        404 => Text.Pick($"No resource is at {http.Request.Path}. The API's routes are listed at /swagger.",
            $"Không có tài nguyên nào tại {http.Request.Path}. Danh sách các đường dẫn của API: /swagger."),
        405 => Text.Pick($"{http.Request.Method} is not allowed here; the Allow header lists the methods that are.",
            $"Không cho phép phương thức {http.Request.Method} tại đây; header Allow liệt kê các phương thức được phép."),
        413 => Text.Pick("The request body is too large.", "Nội dung yêu cầu quá lớn."),
        // PATCH takes a JSON Merge Patch (RFC 7396); routing answers 415 for any other media type.
        415 when HttpMethods.IsPatch(http.Request.Method) => Text.Pick(
            "Send the body as a JSON Merge Patch with the header Content-Type: application/merge-patch+json.",
            "Hãy gửi nội dung dạng JSON Merge Patch với header Content-Type: application/merge-patch+json."),
        415 => Text.Pick("Send the body as JSON with the header Content-Type: application/json.",
            "Hãy gửi nội dung dạng JSON với header Content-Type: application/json."),
        _ when status >= 500 => Text.Pick("The error was logged; quote the traceId when you report it.",
            "Lỗi đã được ghi nhận; vui lòng cung cấp traceId khi báo lỗi."),
        _ => Title(status),
    };

    private static string Title(int status) => status switch
    {
        400 => Text.Pick("The request is invalid.", "Yêu cầu không hợp lệ."),
        401 => Text.Pick("Authentication is required.", "Cần xác thực."),
        403 => Text.Pick("Not allowed.", "Không được phép."),
        404 => Text.Pick("Not found.", "Không tìm thấy."),
        405 => Text.Pick("Method not allowed.", "Phương thức không được phép."),
        409 => Text.Pick("The request conflicts with the current state of the register.", "Yêu cầu mâu thuẫn với dữ liệu hiện có."),
        412 => Text.Pick("The record was changed by someone else.", "Bản ghi đã bị người khác thay đổi."),
        413 => Text.Pick("The request body is too large.", "Nội dung yêu cầu quá lớn."),
        415 => Text.Pick("Unsupported media type.", "Kiểu dữ liệu không được hỗ trợ."),
        428 => Text.Pick("The request must name the version it changes (If-Match).", "Yêu cầu phải nêu phiên bản mà nó thay đổi (If-Match)."),
        429 => Text.Pick("Too many requests.", "Quá nhiều yêu cầu."),
        503 => Text.Pick("The service is temporarily unavailable.", "Dịch vụ tạm thời không khả dụng."),
        _ when status >= 500 => Text.Pick("An unexpected error occurred.", "Đã xảy ra lỗi ngoài dự kiến."),
        _ => Text.Pick("The request could not be processed.", "Không thể xử lý yêu cầu."),
    };
}
