using CoopApi.Application.Common.Localization;
using Microsoft.AspNetCore.Mvc;

namespace CoopApi.WebApi.Infrastructure;

/// <summary>
/// Requests that fail before any handler runs (malformed JSON, a string where a number belongs,
/// an unknown enumeration value, a query parameter of the wrong type) get the same 400 problem
/// body as validation failures, with field names the client sent and messages in its language,
/// never .NET type names.
/// </summary>
internal static class InvalidModelStateResponse
{
    public static IActionResult Create(ActionContext context)
    {
        var fields = context.ModelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .Select(e => FieldNames.ToApi(e.Key))
            .Distinct()
            .ToList();
        // A body that failed on one field also reports "the body is required": name the field only.
        if (fields.Any(f => !IsBody(f)))
        {
            fields.RemoveAll(IsBody);
        }

        var errors = fields.Select(f => IsBody(f) ? "body" : f).Distinct()
            .ToDictionary(f => f, f => new[] { Message(f) });
        return new ProblemResult(ProblemFactory.Validation(context.HttpContext, errors));
    }

    private static bool IsBody(string field) => field is "body" or "command" or "request" or "query";

    private static string Message(string field) => IsBody(field) switch
    {
        true => Text.Pick(
            "The request body is missing or is not valid JSON.",
            "Thiếu nội dung yêu cầu hoặc nội dung không phải JSON hợp lệ."),
        _ => Text.Pick(
            $"The value of '{field}' is not valid: wrong type, unknown enumeration value or malformed JSON. Allowed enumeration values: GET /api/v1/reference/enums.",
            $"Giá trị của '{field}' không hợp lệ: sai kiểu dữ liệu, giá trị liệt kê không tồn tại hoặc JSON sai định dạng. Các giá trị hợp lệ: GET /api/v1/reference/enums."),
    };
}
