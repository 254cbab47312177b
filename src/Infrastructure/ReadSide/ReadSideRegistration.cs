using CoopApi.Application.AdministrativeUnits.Queries;
using CoopApi.Application.AnnualReports.Queries;
using CoopApi.Application.Classifications.Queries;
using CoopApi.Application.ClassificationSchemes.Queries;
using CoopApi.Application.Changes.Queries;
using CoopApi.Application.Audit.Queries;
using CoopApi.Application.ApiKeys.Queries;
using CoopApi.Application.Cooperatives.Queries;
using CoopApi.Application.OcopProducts.Queries;
using CoopApi.Application.Partnerships.Queries;
using CoopApi.Application.SteeringCommittees.Queries;
using CoopApi.Application.DevelopmentTargets.Queries;
using Microsoft.Extensions.DependencyInjection;

namespace CoopApi.Infrastructure.ReadSide;

/// <summary>Registers the read side: one stateless singleton per read model, over the shared data source.</summary>
public static class ReadSideRegistration
{
    /// <summary>
    /// Adds the SQL read models. They need the <see cref="Npgsql.NpgsqlDataSource"/> singleton
    /// that <see cref="DependencyInjection.AddInfrastructure"/> registers.
    /// </summary>
    public static IServiceCollection AddReadSide(this IServiceCollection services)
    {
        services.AddSingleton<ICooperativeReadModel, CooperativeReadModel>();
        services.AddSingleton<IAdministrativeUnitReadModel, AdministrativeUnitReadModel>();
        services.AddSingleton<IChangesReadModel, ChangesReadModel>();
        services.AddSingleton<IAuditReadModel, AuditReadModel>();
        services.AddSingleton<IApiKeyReadModel, ApiKeyReadModel>();
        services.AddSingleton<IAnnualReportReadModel, AnnualReportReadModel>();
        services.AddSingleton<IOcopProductReadModel, OcopProductReadModel>();
        services.AddSingleton<IClassificationSchemeReadModel, ClassificationSchemeReadModel>();
        services.AddSingleton<IClassificationReadModel, ClassificationReadModel>();
        services.AddSingleton<ISteeringReadModel, SteeringReadModel>();
        services.AddSingleton<IPartnershipReadModel, PartnershipReadModel>();
        services.AddSingleton<IDevelopmentTargetReadModel, DevelopmentTargetReadModel>();
        services.AddSingleton<Application.Statistics.Queries.IStatisticsReadModel, StatisticsReadModel>();
        return services;
    }
}
