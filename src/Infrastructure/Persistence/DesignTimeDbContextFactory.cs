using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CoopApi.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running server.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<CoopDbContext>
{
    public CoopDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<CoopDbContext>()
        .UseNpgsql(Environment.GetEnvironmentVariable("ConnectionStrings__Default") ?? "Host=127.0.0.1;Database=coopapi_design",
            npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
        .UseSnakeCaseNamingConvention()
        .Options);
}
