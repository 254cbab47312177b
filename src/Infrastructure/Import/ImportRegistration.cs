using CoopApi.Application.Import;
using CoopApi.Application.Import.Queries.ExportCooperatives;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoopApi.Infrastructure.Import;

/// <summary>Registers bulk import and export.</summary>
public static class ImportRegistration
{
    /// <summary>The file reader, the staging writer, the job table (owned by this instance, <see cref="ImportJobOptions"/>) and the CSV export.</summary>
    public static IServiceCollection AddImport(this IServiceCollection services)
    {
        services.AddSingleton<IImportFileReader, ImportFileReader>();
        services.AddScoped<ICooperativeImportStaging, CooperativeImportStaging>();
        services.AddSingleton(sp => ImportJobOptions.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<ImportJobStore>();
        services.AddSingleton<IImportJobStore>(sp => sp.GetRequiredService<ImportJobStore>());
        services.AddSingleton<IImportJobProgress>(sp => sp.GetRequiredService<ImportJobStore>());
        services.AddSingleton<ICooperativeExport, CooperativeExport>();
        return services;
    }
}
