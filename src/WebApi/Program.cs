using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CoopApi.Application;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Infrastructure;
using CoopApi.Infrastructure.Persistence;
using CoopApi.Infrastructure.Seeding;
using CoopApi.WebApi.Infrastructure;
using CoopApi.WebApi.OpenApi;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ICurrentUser, HttpCurrentUser>();

builder.Services.AddControllers()
    .AddJsonOptions(o =>
    {
        o.JsonSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        o.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        o.JsonSerializerOptions.NumberHandling = JsonNumberHandling.Strict;
    })
    .ConfigureApiBehaviorOptions(o => o.InvalidModelStateResponseFactory = InvalidModelStateResponse.Create);
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.AddCoopSwagger();
builder.Services.AddHealthChecks().AddDbContextCheck<CoopDbContext>("database", tags: ["ready"], customTestQuery: DatabaseProbe.CanConnectAsync);

// Field names in validation errors are camelCase, as in the JSON the client sent.
ValidatorOptions.Global.PropertyNameResolver = (_, member, _) =>
    member is null ? null : char.ToLowerInvariant(member.Name[0]) + member.Name[1..];
ValidatorOptions.Global.DisplayNameResolver = ValidatorOptions.Global.PropertyNameResolver;

var app = builder.Build();

// Localization first: problem bodies written by the outer handlers must see the caller's language.
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture("en"),
    SupportedCultures = [new CultureInfo("en"), new CultureInfo("vi")],
    SupportedUICultures = [new CultureInfo("en"), new CultureInfo("vi")],
    RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()],
});
app.UseExceptionHandler();
app.UseStatusCodePages(async context =>
{
    // Bare status codes (404 on an unknown route, 405, 415) also get a problem body.
    var http = context.HttpContext;
    if (!http.Response.HasStarted && http.Response.ContentLength is null && string.IsNullOrEmpty(http.Response.ContentType))
    {
        await ProblemFactory.WriteAsync(http, ProblemFactory.Create(http, http.Response.StatusCode));
    }
});
app.UseMiddleware<RequestBodyLimitMiddleware>(app.Configuration.GetValue("Api:MaxRequestBodyBytes", 1_048_576L));

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

app.MapControllers();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.MapGet("/", () => Results.Redirect("/swagger")).ExcludeFromDescription();

if (app.Configuration.GetValue("Database:MigrateOnStartup", true))
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

await app.RunAsync();

/// <summary>Entry point; public so that integration tests can host the API.</summary>
public partial class Program;
