using CoopApi.Application.Common.Localization;
using Microsoft.AspNetCore.Mvc;

namespace CoopApi.WebApi.Infrastructure;

/// <summary>
/// Builds the RFC 9457 problem bodies the API returns: one place decides titles (in the
/// caller's language), the <c>traceId</c> and the <c>instance</c>.
/// </summary>
internal static class ProblemFactory
{
    public static ProblemDetails Create(HttpContext http, int status, string? detail = null, string? code = null)
    {
        var problem = new ProblemDetails { Status = status, Title = Title(status), Detail = detail };
        return Decorate(http, problem, code);
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

    public static Task WriteAsync(HttpContext http, ProblemDetails problem)
    {
        http.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return http.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json");
    }

    private static TProblem Decorate<TProblem>(HttpContext http, TProblem problem, string? code) where TProblem : ProblemDetails
    {
        problem.Type = code is null
            ? $"https://www.rfc-editor.org/rfc/rfc9110#status.{problem.Status}"
            : $"urn:coopapi:problem:{code}";
        problem.Instance = http.Request.Path;
        problem.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? http.TraceIdentifier;
        if (code is not null)
        {
            problem.Extensions["code"] = code;
        }

        return problem;
    }

    private static string Title(int status) => status switch
    {
        400 => Text.Pick("The request is invalid.", "Yêu cầu không hợp lệ."),
        404 => Text.Pick("Not found.", "Không tìm thấy."),
        409 => Text.Pick("The request conflicts with the current state of the register.", "Yêu cầu mâu thuẫn với dữ liệu hiện có."),
        412 => Text.Pick("The record was changed by someone else.", "Bản ghi đã bị người khác thay đổi."),
        413 => Text.Pick("The request body is too large.", "Nội dung yêu cầu quá lớn."),
        415 => Text.Pick("Unsupported media type.", "Kiểu dữ liệu không được hỗ trợ."),
        _ when status >= 500 => Text.Pick("An unexpected error occurred.", "Đã xảy ra lỗi ngoài dự kiến."),
        _ => Text.Pick("The request could not be processed.", "Không thể xử lý yêu cầu."),
    };
}
