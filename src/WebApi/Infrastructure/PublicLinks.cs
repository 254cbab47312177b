namespace CoopApi.WebApi.Infrastructure;

/// <summary>
/// Links the API hands out (the <c>Location</c> of a created record). They never echo the
/// request's <c>Host</c> header: with <c>Api:PublicBaseUrl</c> set (e.g.
/// <c>https://coop.example.gov.vn</c>) they are absolute on that base, otherwise relative to the
/// server root (<c>/api/v1/cooperatives/{id}</c>), which RFC 9110 allows.
/// </summary>
internal static class PublicLinks
{
    public static string To(HttpContext http, string path)
    {
        var configured = http.RequestServices.GetService<IConfiguration>()?["Api:PublicBaseUrl"];
        return string.IsNullOrWhiteSpace(configured) ? path : configured.TrimEnd('/') + path;
    }
}
