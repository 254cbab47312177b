using System.Net;
using CoopApi.IntegrationTests.Support;

namespace CoopApi.IntegrationTests.Contract;

/// <summary>
/// A provincial integrator generates a client from the OpenAPI document and reads nothing else:
/// the document the running API serves must pass a standard linter, and a client generated from
/// it must compile.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiDocumentToolsTests(ApiFixture fixture)
{
    private async Task<string> SaveDocumentAsync()
    {
        using var client = fixture.CreateClient();
        var response = await client.GetAsync("swagger/v1/swagger.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var folder = Path.Combine(ContractTools.Folder, "generated");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "openapi.json");
        await File.WriteAllTextAsync(path, await response.Content.ReadAsStringAsync());
        return path;
    }

    [Fact]
    public async Task Document_PassesTheRedoclyLinter()
    {
        var document = await SaveDocumentAsync();

        var (code, output) = await ContractTools.RunToolAsync("redocly", "lint", "--config", "redocly.yaml", "--format", "stylish", document);

        Assert.True(code == 0, "redocly lint found problems:\n" + output);
    }

    [Fact]
    public async Task ClientGeneratedFromTheDocument_Compiles()
    {
        var document = await SaveDocumentAsync();
        // A .ts file, not .d.ts: the compiler checks it in full (skipLibCheck skips only declaration files).
        var schema = Path.Combine(ContractTools.Folder, "generated", "schema.ts");

        var (generated, generateOutput) = await ContractTools.RunToolAsync("openapi-typescript", document, "--output", schema);
        Assert.True(generated == 0, "openapi-typescript failed:\n" + generateOutput);
        var (compiled, compileOutput) = await ContractTools.RunToolAsync("tsc", "--noEmit", "-p", "tsconfig.json");

        Assert.True(compiled == 0, "the generated client does not compile:\n" + compileOutput);
    }
}
