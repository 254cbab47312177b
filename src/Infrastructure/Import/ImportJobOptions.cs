using Microsoft.Extensions.Configuration;

namespace CoopApi.Infrastructure.Import;

/// <summary>
/// Which instance owns the background imports it accepts, and how long another instance waits
/// for its heartbeat before it fails them: the settings <c>Import:InstanceId</c> and
/// <c>Import:JobLeaseSeconds</c> (environment: <c>Import__InstanceId</c>, <c>Import__JobLeaseSeconds</c>).
/// </summary>
public sealed class ImportJobOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Import";

    /// <summary>Default lease: a job whose owner has not beaten for 60 seconds is failed by another instance.</summary>
    public const int DefaultLeaseSeconds = 60;

    /// <summary>
    /// The stable id of this instance: <c>Import:InstanceId</c>, or the host name when not set
    /// (the pod name in Kubernetes, which a container restart in the same pod keeps).
    /// </summary>
    public required string InstanceId { get; init; }

    /// <summary>How long a job of another instance may go without a heartbeat before it is failed.</summary>
    public required TimeSpan Lease { get; init; }

    /// <summary>How often the owner refreshes the heartbeat of its jobs (a quarter of the lease, at most 5 seconds).</summary>
    public TimeSpan HeartbeatInterval =>
        TimeSpan.FromMilliseconds(Math.Clamp(Lease.TotalMilliseconds / 4, 250, 5000));

    /// <summary>Reads the settings; a lease that is not a whole number of at least 1 stops the start.</summary>
    public static ImportJobOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var instance = section["InstanceId"];
        return new ImportJobOptions
        {
            InstanceId = string.IsNullOrWhiteSpace(instance) ? Environment.MachineName : instance.Trim(),
            Lease = TimeSpan.FromSeconds(ConfigurationNumbers.ReadAtLeast(section, "JobLeaseSeconds", DefaultLeaseSeconds, 1)),
        };
    }
}
