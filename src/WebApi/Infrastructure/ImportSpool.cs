using Microsoft.AspNetCore.Http.Features;

namespace CoopApi.WebApi.Infrastructure;

/// <summary>
/// Spools an upload to a temporary file as it arrives (64 KB at a time, never whole in memory), so
/// that the import can read it row by row, a transient database failure can run it again from
/// the start, and a background job can read it after the request ended. The body limit is
/// <c>Import:MaxRequestBodyBytes</c> (enforced by <see cref="RequestBodyLimitMiddleware"/>).
/// </summary>
internal static class ImportSpool
{
    /// <summary>The import route; its body limit is the import's, not the API's.</summary>
    public const string ImportPath = "/api/v1/cooperatives/import";

    /// <summary>Default largest upload: 512 MiB (200,000 rows are about 60 MB).</summary>
    public const long DefaultMaxBytes = 512L * 1024 * 1024;

    /// <summary>The directory of spooled uploads (<c>Import:SpoolDirectory</c>, default the system's temp directory).</summary>
    public static string Directory(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var configured = http.RequestServices.GetRequiredService<IConfiguration>()["Import:SpoolDirectory"];
        var directory = string.IsNullOrWhiteSpace(configured) ? Path.Combine(Path.GetTempPath(), "coopapi-imports") : configured;
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>Writes the request body to a new file and returns its path; the caller deletes it (or hands it to a job).</summary>
    public static async Task<string> SaveAsync(HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        var path = Path.Combine(Directory(http), Guid.CreateVersion7().ToString("N") + ".upload");
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            await http.Request.Body.CopyToAsync(file, 1 << 16, ct);
        }
        catch
        {
            Delete(path);
            throw;
        }

        return path;
    }

    /// <summary>Deletes a spooled file, ignoring one already gone.</summary>
    public static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // already gone or still open elsewhere: the temp directory is cleaned by the system
        }
    }
}
