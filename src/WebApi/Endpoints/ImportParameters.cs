using System.Reflection;
using CoopApi.WebApi.Infrastructure;

namespace CoopApi.WebApi.Endpoints;

/// <summary>The query string of <c>POST /api/v1/cooperatives/import</c>, read strictly: <c>atomic</c> and <c>dryRun</c>.</summary>
internal sealed class ImportParameters
{
    /// <summary>All rows or none (default true); false: write the good rows and report the bad ones.</summary>
    public bool Atomic { get; init; } = true;

    /// <summary>Validate only, write nothing (default false).</summary>
    public bool DryRun { get; init; }

    /// <summary>Called by the framework to bind the parameter from the request.</summary>
    public static ValueTask<ImportParameters?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var q = new StrictQuery(context.Request.Query);
        var parameters = new ImportParameters
        {
            Atomic = q.Boolean("atomic") ?? true,
            DryRun = q.Boolean("dryRun") ?? false,
        };
        q.ThrowIfInvalid();
        return ValueTask.FromResult<ImportParameters?>(parameters);
    }
}
