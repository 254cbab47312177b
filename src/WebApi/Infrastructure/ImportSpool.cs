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

    /// <summary>
    /// The request body spooled to a new file, with its SHA-256 computed while it was written;
    /// spooled once per request (the idempotency filter fingerprints it before the endpoint runs,
    /// a retried unit reads it again). The file is deleted when the response has been sent, unless
    /// a background job took it (<see cref="SpooledUpload.HandedOver"/>).
    /// </summary>
    public static async Task<SpooledUpload> SpoolAsync(HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Items[typeof(SpooledUpload)] is SpooledUpload spooled)
        {
            return spooled;
        }

        var path = Path.Combine(Directory(http), Guid.CreateVersion7().ToString("N") + ".upload");
        string sha256;
        try
        {
            using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await http.Request.Body.ReadAsync(buffer, ct)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }

            sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        catch
        {
            Delete(path);
            throw;
        }

        var upload = new SpooledUpload(path, sha256);
        http.Items[typeof(SpooledUpload)] = upload;
        http.Response.OnCompleted(() =>
        {
            if (!upload.HandedOver)
            {
                Delete(upload.Path);
            }

            return Task.CompletedTask;
        });
        return upload;
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

/// <summary>An upload spooled to disk.</summary>
/// <param name="Path">The file.</param>
/// <param name="Sha256">SHA-256 of its bytes, lower-case hex.</param>
internal sealed record SpooledUpload(string Path, string Sha256)
{
    /// <summary>True once a background job owns the file (it deletes it when done).</summary>
    public bool HandedOver { get; set; }
}
