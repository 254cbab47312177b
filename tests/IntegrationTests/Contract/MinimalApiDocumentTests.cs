using System.Text.Json.Nodes;
using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Models;
using CoopApi.Application.Cooperatives;
using CoopApi.WebApi.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;

namespace CoopApi.IntegrationTests.Contract;

/// <summary>
/// The contract's rules work on ApiExplorer descriptions, so minimal-API endpoints in route
/// groups are documented like controllers: same operation ids, field rules, headers and errors.
/// </summary>
public sealed class MinimalApiDocumentTests
{
    /// <summary>Query parameters bound with [AsParameters], as a minimal-API list endpoint takes them.</summary>
    public sealed class SearchParameters
    {
        /// <summary>Words to find.</summary>
        [FieldRules(MaxLength = 200)]
        public string? Q { get; init; }

        /// <summary>Items per page.</summary>
        [FieldRules(Minimum = 1, Maximum = 200)]
        public int? PageSize { get; init; }
    }

    [Fact]
    public async Task MinimalApiEndpoints_GetTheSameOperationIds_Rules_Headers_AndErrors()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddCoopSwagger();
        await using var app = builder.Build();
        var group = app.MapGroup("/api/v1/cooperatives");
        group.MapGet("/", ([AsParameters] SearchParameters search) => TypedResults.Ok())
            .Produces<PagedList<CooperativeDto>>();
        group.MapGet("/{id:guid}", (Guid id) => TypedResults.Ok())
            .Produces<CooperativeDto>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/status", (Guid id, [FromBody] CoopApi.Application.Cooperatives.Commands.ChangeCooperativeStatus.ChangeCooperativeStatusCommand command) => TypedResults.Ok())
            .Produces<CooperativeDto>().ProducesValidationProblem();
        app.UseSwagger();
        await app.StartAsync();
        using var client = app.GetTestClient();

        var doc = JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"))!;

        var list = doc["paths"]!["/api/v1/cooperatives"]!["get"]!;
        Assert.Equal("listCooperatives", (string)list["operationId"]!);
        var parameters = list["parameters"]!.AsArray().ToDictionary(p => (string)p!["name"]!);
        Assert.Equal(200, (int)parameters["q"]!["schema"]!["maxLength"]!);
        Assert.Equal(200, (int)parameters["pageSize"]!["schema"]!["maximum"]!);
        Assert.NotNull(doc["components"]!["schemas"]!["CooperativePage"]);
        var get = doc["paths"]!["/api/v1/cooperatives/{id}"]!["get"]!;
        Assert.Equal("getCooperative", (string)get["operationId"]!);
        Assert.NotNull(get["responses"]!["200"]!["headers"]!["ETag"]);
        Assert.NotNull(get["responses"]!["404"]!["content"]!["application/problem+json"]!["examples"]!["notFound"]);
        var change = doc["paths"]!["/api/v1/cooperatives/{id}/status"]!["post"]!;
        Assert.Equal("changeCooperativeStatus", (string)change["operationId"]!);
        Assert.Equal("#/components/schemas/ValidationProblem",
            (string)change["responses"]!["400"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]!);
        Assert.False((bool)doc["components"]!["schemas"]!["StatusChangeRequest"]!["additionalProperties"]!);
        Assert.Null(doc["components"]!["schemas"]!["HttpValidationProblem"]);
    }
}
