using CoopApi.IntegrationTests.Support;

namespace CoopApi.IntegrationTests.Deployment;

/// <summary>
/// The lint step of deploy/, run by every test run (./test.sh installs the tools: yamllint from
/// Debian, the npm packages of deploy/lint): yamllint over every YAML file of deploy/, and the
/// Kubernetes manifests against the Kubernetes API schemas (deploy/lint/check-manifests.mjs,
/// offline; the overlays rendered with kubectl kustomize when kubectl is installed). And the
/// checker does catch a broken manifest.
/// </summary>
public sealed class ManifestLintTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private static string Deploy => Path.GetDirectoryName(DeploymentFiles.Path("docker-compose.yml"))!;

    [Fact]
    public void EveryYamlFileOfDeploy_PassesYamllint()
    {
        var result = PostgresServer.Run("yamllint", ["-s", "-c", Path.Combine(Deploy, ".yamllint.yaml"), Deploy], Patience);

        Assert.True(result.Succeeded, result.Describe());
    }

    [Fact]
    public void TheKubernetesManifests_MatchTheKubernetesSchemas()
    {
        var result = CheckManifests(Path.Combine(Deploy, "k8s"));

        Assert.True(result.Succeeded, result.Describe());
        Assert.Contains(", 0 problem(s)", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSchemaCheck_RejectsABrokenManifest()
    {
        var copy = Path.Combine(Path.GetTempPath(), "coopapi-k8s-" + Guid.NewGuid().ToString("N"));
        try
        {
            CopyDirectory(Path.Combine(Deploy, "k8s"), copy);
            var deployment = Path.Combine(copy, "base", "deployment.yaml");
            File.WriteAllText(deployment, File.ReadAllText(deployment).Replace("containerPort: 8080", "containerPort: http-8080", StringComparison.Ordinal));

            var result = CheckManifests(copy);

            Assert.False(result.Succeeded, result.Describe());
            Assert.Contains("containerPort must be integer", result.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static PostgresServer.ProcessResult CheckManifests(string k8s)
    {
        var lint = Path.Combine(Deploy, "lint");
        Assert.True(Directory.Exists(Path.Combine(lint, "node_modules", "kubernetes-models")),
            "deploy/lint has no node_modules: run `npm ci` in deploy/lint (./test.sh does)");
        return PostgresServer.Run("node", [Path.Combine(lint, "check-manifests.mjs"), k8s], Patience);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
