using Microsoft.Extensions.Configuration;

namespace CoopApi.Infrastructure.Idempotency;

/// <summary>
/// How long responses to requests with an <c>Idempotency-Key</c> are kept, and how expired ones
/// are removed: the configuration section <c>Idempotency</c> (environment:
/// <c>Idempotency__RetentionHours</c> and so on).
/// </summary>
public sealed class IdempotencyOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Idempotency";

    /// <summary>The shortest retention allowed: clients are promised at least a day to retry.</summary>
    public const int MinRetentionHours = 24;

    /// <summary>Hours a key and its response are kept (from the commit of the request). Default and minimum 24.</summary>
    public int RetentionHours { get; init; } = MinRetentionHours;

    /// <summary>Minutes between two purges of expired keys by each API instance. Default 10.</summary>
    public int PurgeIntervalMinutes { get; init; } = 10;

    /// <summary>Rows one purge statement deletes at most (a purge repeats it until done). Default 1000.</summary>
    public int PurgeBatchSize { get; init; } = 1000;

    /// <summary>Reads the section, with the defaults above; refuses a retention under 24 hours.</summary>
    public static IdempotencyOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var defaults = new IdempotencyOptions();
        return new IdempotencyOptions
        {
            RetentionHours = ConfigurationNumbers.ReadAtLeast(section, nameof(RetentionHours), defaults.RetentionHours, MinRetentionHours),
            PurgeIntervalMinutes = ConfigurationNumbers.ReadAtLeast(section, nameof(PurgeIntervalMinutes), defaults.PurgeIntervalMinutes, 1),
            PurgeBatchSize = ConfigurationNumbers.ReadAtLeast(section, nameof(PurgeBatchSize), defaults.PurgeBatchSize, 1),
        };
    }
}
