using CoopApi.Domain.ApiKeys;
using CoopApi.WebApi.Security;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CoopApi.WebApi.Infrastructure;

/// <summary>
/// Traces and metrics through OpenTelemetry: ASP.NET Core (request duration histograms per
/// route, <c>http.server.request.duration</c>), HttpClient, Npgsql (commands as spans; the
/// connection pool as metrics) and the .NET runtime. Exported over OTLP when the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, and in the Prometheus text format on <c>/metrics</c>.
/// </summary>
/// <remarks>
/// Settings: <c>Metrics:Enabled</c> (default true) serves <c>/metrics</c>; <c>Metrics:Port</c>
/// (default unset): when set, <c>/metrics</c> is answered only on that port, to anyone (list the
/// port in <c>ASPNETCORE_URLS</c> and expose it to the scraper only, never through the ingress);
/// when unset, <c>/metrics</c> is on the API's port and needs the <c>admin</c> scope. The standard
/// OpenTelemetry variables (<c>OTEL_SERVICE_NAME</c>, <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>,
/// <c>OTEL_RESOURCE_ATTRIBUTES</c>, …) apply as documented by OpenTelemetry.
/// </remarks>
internal static class Observability
{
    /// <summary>Where Prometheus scrapes.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>Registers tracing and metrics.</summary>
    public static IServiceCollection AddCoopObservability(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var prometheus = configuration.GetValue("Metrics:Enabled", true);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                serviceName: configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : "coopapi",
                serviceVersion: typeof(Observability).Assembly.GetName().Version?.ToString()))
            .WithMetrics(metrics =>
            {
                metrics
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddNpgsqlInstrumentation();
                if (prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
            });
        if (otlp)
        {
            // Traces are only worth collecting when they go somewhere.
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsProbe(http.Request.Path))
                .AddHttpClientInstrumentation()
                .AddNpgsql());
            telemetry.UseOtlpExporter();
        }

        return services;
    }

    /// <summary>Maps <c>/metrics</c> as <see cref="AddCoopObservability"/> describes.</summary>
    public static void MapCoopMetrics(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Metrics:Enabled", true))
        {
            return;
        }

        var endpoint = app.MapPrometheusScrapingEndpoint(MetricsPath);
        if (app.Configuration.GetValue<int?>("Metrics:Port") is { } port)
        {
            if (port is < 1 or > 65535)
            {
                throw new InvalidOperationException("Metrics:Port must be a TCP port (1-65535).");
            }

            endpoint.RequireHost($"*:{port}").AllowAnonymous();
        }
        else
        {
            endpoint.RequireScope(ApiScopes.Admin);
        }
    }

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(MetricsPath, StringComparison.OrdinalIgnoreCase);
}
