using System.Globalization;
using CoopApi.Application;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Infrastructure;
using CoopApi.Infrastructure.Persistence;
using CoopApi.Infrastructure.Seeding;
using CoopApi.WebApi.Endpoints;
using CoopApi.WebApi.Infrastructure;
using CoopApi.WebApi.OpenApi;
using CoopApi.WebApi.Security;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Swashbuckle.AspNetCore.SwaggerGen;

if (args is [AdminKeyCommand.Verb, ..])
{
    return await AdminKeyCommand.RunAsync(args); // a command of the same binary: no web server
}

if (args is [MigrateCommand.Verb, ..])
{
    return await MigrateCommand.RunAsync(args); // the deployment's migration step (compose service, Kubernetes Job)
}

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ICurrentUser, HttpCurrentUser>();
builder.Services.AddHostedService<IdempotencyPurge>();
builder.Services.AddHostedService<ImportJobWorker>();
builder.Services.AddCoopAuthentication(builder.Configuration);
builder.Services.AddCoopRequestLimits(builder.Configuration);
builder.Services.AddCoopObservability(builder.Configuration);

// One set of JSON rules for bodies and responses (StrictJson); the OpenAPI generator reads the MVC copy.
builder.Services.ConfigureHttpJsonOptions(o => StrictJson.Configure(o.SerializerOptions));
builder.Services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o => StrictJson.Configure(o.JsonSerializerOptions));
// Unreadable requests reach ProblemExceptionHandler as exceptions, so they get the one problem shape.
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.AddCoopSwagger();
builder.Services.Configure<SwaggerGenOptions>(o => o.OperationFilter<QueryParametersOperationFilter>());
// EF Core would log each failed command, connection, query and save as an error with a stack
// trace. Those failures are either answered on purpose (a lost unique-key race → 409, the
// database out of reach → 503) or logged once by ProblemExceptionHandler: EF's copies go to Debug.
builder.Services.ConfigureDbContext<CoopDbContext>(o => o.ConfigureWarnings(w => w.Log(
    (CoreEventId.SaveChangesFailed, LogLevel.Debug),
    (CoreEventId.QueryIterationFailed, LogLevel.Debug),
    (RelationalEventId.CommandError, LogLevel.Debug),
    (RelationalEventId.ConnectionError, LogLevel.Debug))));
var health = builder.Services.AddHealthChecks().AddDbContextCheck<CoopDbContext>("database", tags: ["ready"], customTestQuery: DatabaseProbe.CanConnectAsync);
var migrateOnStartup = builder.Configuration.GetValue("Database:MigrateOnStartup", true);
if (!migrateOnStartup)
{
    // The schema is the migrate command's job: not ready until it has run (SchemaReadiness).
    builder.Services.AddSingleton<SchemaReadiness.Memory>();
    health.AddCheck<SchemaReadiness>("schema", tags: ["ready"]);
}

// Field names in validation errors are camelCase, as in the JSON the client sent.
ValidatorOptions.Global.PropertyNameResolver = (_, member, _) =>
    member is null ? null : char.ToLowerInvariant(member.Name[0]) + member.Name[1..];
ValidatorOptions.Global.DisplayNameResolver = ValidatorOptions.Global.PropertyNameResolver;

// Start-up failures are reported once, below (a taken port in one line), not by the host as well.
builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);

var app = builder.Build();
UnknownSettings.Warn(app); // a misspelt setting is named in the log instead of ignored in silence

// Localization first: problem bodies written by the outer handlers must see the caller's language.
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture("en"),
    SupportedCultures = [new CultureInfo("en"), new CultureInfo("vi")],
    SupportedUICultures = [new CultureInfo("en"), new CultureInfo("vi")],
    RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()],
});
app.UseMiddleware<HttpResponseHeaders>();
app.UseMiddleware<ReadConsistency>(); // reads from the replica or the primary (ConnectionStrings:ReadOnly)
app.UseExceptionHandler();
app.UseStatusCodePages(async context =>
{
    // Bare status codes (404 on an unknown route or a malformed id, 405, 415) also get a problem body.
    var http = context.HttpContext;
    var allow = http.Response.Headers.Allow.ToString();
    if (allow.Contains(HttpMethods.Get, StringComparison.Ordinal) && !allow.Contains(HttpMethods.Head, StringComparison.Ordinal))
    {
        http.Response.Headers.Allow = allow + ", " + HttpMethods.Head; // HEAD is answered wherever GET is
    }

    if (!http.Response.HasStarted && http.Response.ContentLength is null && string.IsNullOrEmpty(http.Response.ContentType))
    {
        await ProblemFactory.WriteAsync(http, ProblemFactory.Create(http, http.Response.StatusCode));
    }
});
app.UseMiddleware<RequestBodyLimitMiddleware>(app.Configuration.GetValue("Api:MaxRequestBodyBytes", 1_048_576L),
    app.Configuration.GetValue("Import:MaxRequestBodyBytes", ImportSpool.DefaultMaxBytes));
// Open to everyone: Swagger UI and the OpenAPI document are served before routing and authorization.
if (app.Configuration.GetValue("Api:SwaggerEnabled", true))
{
    app.UseSwagger();
    app.UseSwaggerUI(o =>
    {
        o.SwaggerEndpoint("/swagger/v1/swagger.json", "CoopApi v1");
        o.DocumentTitle = "CoopApi — Swagger UI";
        o.DisplayRequestDuration();
    });
}

app.UseRouting();
// CORS answers preflights (204) before authentication; the rate limiter counts per actor, so after it.
app.UseCors();
app.UseAuthentication();
app.UseCoopRateLimiter();
app.UseAuthorization();

app.MapEndpointGroups();
// Every other endpoint declares its rule (ScopePolicies); one that forgets falls under the
// fallback policy (an authenticated caller). Open: health probes and the way to Swagger UI.
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
app.MapGet("/", () => Results.Redirect("/swagger")).ExcludeFromDescription().AllowAnonymous();
app.MapCoopMetrics();

if (migrateOnStartup)
{
    await DatabaseInitializer.InitializeAsync(app.Services, app.Configuration.GetValue("Database:SeedDemoData", false));
}

app.Lifetime.ApplicationStarted.Register(() =>
{
    var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
    foreach (var address in addresses)
    {
        app.Logger.LogInformation("Swagger UI: {Url}/swagger", address.TrimEnd('/'));
    }
});

try
{
    await app.StartAsync();
}
catch (IOException ex) when (StartupFailures.IsAddressInUse(ex))
{
    await Console.Error.WriteLineAsync(StartupFailures.AddressInUseMessage(ex, app.Configuration));
    await app.DisposeAsync();
    return 1;
}

await app.WaitForShutdownAsync();
return 0;

/// <summary>Entry point; public so that integration tests can host the API.</summary>
public partial class Program;
