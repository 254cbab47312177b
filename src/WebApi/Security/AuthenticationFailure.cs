using CoopApi.Application.Common.Localization;
using Microsoft.IdentityModel.Tokens;

namespace CoopApi.WebApi.Security;

/// <summary>
/// Why a credential was refused, in both languages, with a stable code: what the 401 problem body
/// says. API key failures are made here; token failures are translated from the exception the
/// JwtBearer handler reports.
/// </summary>
internal sealed class AuthenticationFailure(string code, string english, string vietnamese) : Exception(english)
{
    /// <summary>Stable code of the problem, e.g. <c>apiKeyRevoked</c>.</summary>
    public string Code { get; } = code;

    /// <summary>The message in the caller's language.</summary>
    public string Detail => Text.Pick(Message, vietnamese);

    public static AuthenticationFailure Missing { get; } = new("unauthorized",
        "Authenticate: send Authorization: Bearer <token>, Authorization: ApiKey <key> or X-Api-Key: <key>.",
        "Cần xác thực: gửi Authorization: Bearer <token>, Authorization: ApiKey <khóa> hoặc X-Api-Key: <khóa>.");

    public static AuthenticationFailure UnknownKey { get; } = new("apiKeyInvalid",
        "The API key is not valid.", "Khóa API không hợp lệ.");

    public static AuthenticationFailure RevokedKey { get; } = new("apiKeyRevoked",
        "The API key was revoked.", "Khóa API đã bị thu hồi.");

    public static AuthenticationFailure ExpiredKey { get; } = new("apiKeyExpired",
        "The API key has expired.", "Khóa API đã hết hạn.");

    public static AuthenticationFailure AmbiguousKey { get; } = new("apiKeyInvalid",
        "Send one API key, in one header.", "Chỉ gửi một khóa API, trong một header.");

    public static AuthenticationFailure UnsupportedScheme { get; } = new("unsupportedAuthorization",
        "The Authorization header must be 'Bearer <token>' or 'ApiKey <key>'.",
        "Header Authorization phải có dạng 'Bearer <token>' hoặc 'ApiKey <khóa>'.");

    public static AuthenticationFailure TokensDisabled { get; } = new("tokenNotAccepted",
        "This server accepts no bearer tokens (no OpenID Connect authority is configured); use an API key.",
        "Máy chủ này không chấp nhận bearer token (chưa cấu hình OpenID Connect); hãy dùng khóa API.");

    /// <summary>The failure a token validation exception stands for.</summary>
    public static AuthenticationFailure ForToken(Exception? exception) => exception switch
    {
        AuthenticationFailure own => own,
        SecurityTokenExpiredException => new("tokenExpired", "The token has expired.", "Token đã hết hạn."),
        SecurityTokenNotYetValidException => new("tokenNotYetValid", "The token is not valid yet.", "Token chưa có hiệu lực."),
        SecurityTokenInvalidAudienceException => new("tokenAudience",
            "The token was not issued for this API (audience).", "Token không được cấp cho API này (audience)."),
        SecurityTokenInvalidIssuerException => new("tokenIssuer",
            "The token was issued by an issuer this API does not trust.", "Token do một bên phát hành không được tin cậy cấp."),
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => new("tokenSignature",
            "The token's signature is not valid.", "Chữ ký của token không hợp lệ."),
        _ => new("tokenInvalid", "The token is not valid.", "Token không hợp lệ."),
    };
}
