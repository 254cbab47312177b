using System.Text.Json.Nodes;

namespace CoopApi.IntegrationTests.Deployment;

/// <summary>
/// The API runs with the workstation garbage collector, concurrent, conserving memory at level 7
/// (ADR 0027): the setting lives
/// in the runtime configuration next to the dll, which the image copies and every process of the
/// API reads; nothing in the Dockerfile overrides it.
/// </summary>
public sealed class GarbageCollectorSettingTests
{
    [Fact]
    public void TheApisRuntimeConfiguration_AsksForTheWorkstationCollector_ConservingMemory_AndTheDockerfileDoesNotOverrideIt()
    {
        var path = Path.ChangeExtension(ApiProcess.Assembly, ".runtimeconfig.json");
        var options = JsonNode.Parse(File.ReadAllText(path))!["runtimeOptions"]!["configProperties"]!;

        Assert.False((bool?)options["System.GC.Server"]);
        Assert.True((bool?)options["System.GC.Concurrent"]);
        Assert.Equal(7, (int?)options["System.GC.ConserveMemory"]);
        Assert.DoesNotContain(DeploymentFiles.DockerfileEnvironment().Keys, k => k.StartsWith("DOTNET_gc", StringComparison.OrdinalIgnoreCase));
    }
}
