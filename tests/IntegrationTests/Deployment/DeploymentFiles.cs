using System.Text.RegularExpressions;
using CoopApi.IntegrationTests.Support;
using YamlDotNet.RepresentationModel;

namespace CoopApi.IntegrationTests.Deployment;

/// <summary>
/// The environment that deploy/ gives the API, read from the files themselves: the Dockerfile's
/// <c>ENV</c>, the compose file's services, the Kubernetes ConfigMap and the containers' <c>env</c>.
/// </summary>
internal static partial class DeploymentFiles
{
    /// <summary>Absolute path of a file under deploy/.</summary>
    public static string Path(string relative) => PostgresServer.FindScript(System.IO.Path.Combine("deploy", relative));

    /// <summary>The runtime image's <c>ENV</c> variables (a container starts with them, compose and Kubernetes add theirs).</summary>
    public static Dictionary<string, string> DockerfileEnvironment()
    {
        var text = File.ReadAllText(Path("Dockerfile")).Replace("\\\n", " ", StringComparison.Ordinal);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        // The runtime stage: what follows the last FROM (the build stage's ENV never reaches the image).
        var lines = text.Split('\n');
        var runtime = Array.FindLastIndex(lines, l => l.StartsWith("FROM ", StringComparison.Ordinal));
        foreach (var line in lines.Skip(runtime).Where(l => l.StartsWith("ENV ", StringComparison.Ordinal)))
        {
            foreach (Match pair in EnvPair().Matches(line[4..]))
            {
                environment[pair.Groups["name"].Value] = pair.Groups["value"].Value.Trim('"');
            }
        }

        return environment;
    }

    /// <summary>The <c>environment</c> of a compose service (over the image's).</summary>
    public static Dictionary<string, string> ComposeEnvironment(string service)
    {
        var root = Load(Path("docker-compose.yml")).Single();
        var environment = DockerfileEnvironment();
        var map = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)root["services"])[service])["environment"];
        foreach (var (key, value) in map.Children)
        {
            environment[((YamlScalarNode)key).Value!] = ((YamlScalarNode)value).Value ?? "";
        }

        return environment;
    }

    /// <summary>
    /// The environment of a container of the Kubernetes base (kind <c>Deployment</c> or <c>Job</c>),
    /// over the image's: its ConfigMaps (<c>envFrom</c>), then its <c>env</c> (a value from a Secret
    /// becomes <c>&lt;secret&gt;</c>).
    /// </summary>
    public static Dictionary<string, string> KubernetesEnvironment(string kind)
    {
        var documents = Directory.GetFiles(System.IO.Path.GetDirectoryName(Path("k8s/base/kustomization.yaml"))!, "*.yaml")
            .SelectMany(Load)
            .ToList();
        var configMaps = documents.Where(d => Scalar(d, "kind") == "ConfigMap")
            .ToDictionary(d => Scalar((YamlMappingNode)d["metadata"], "name")!, d => (YamlMappingNode)d["data"]);
        var workload = documents.Single(d => Scalar(d, "kind") == kind);
        var podSpec = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)workload["spec"])["template"])["spec"];
        var container = (YamlMappingNode)((YamlSequenceNode)podSpec["containers"]).Children.Single();
        var environment = DockerfileEnvironment();
        if (container.Children.TryGetValue("envFrom", out var envFrom))
        {
            foreach (var source in ((YamlSequenceNode)envFrom).Children.Cast<YamlMappingNode>())
            {
                var name = Scalar((YamlMappingNode)source["configMapRef"], "name")!;
                foreach (var (key, value) in configMaps[name].Children)
                {
                    environment[((YamlScalarNode)key).Value!] = ((YamlScalarNode)value).Value ?? "";
                }
            }
        }

        if (container.Children.TryGetValue("env", out var env))
        {
            foreach (var variable in ((YamlSequenceNode)env).Children.Cast<YamlMappingNode>())
            {
                environment[Scalar(variable, "name")!] = Scalar(variable, "value") ?? "<secret>";
            }
        }

        return environment;
    }

    /// <summary>Names used only inside other values (<c>$(NAME)</c>, Kubernetes' dependent variables).</summary>
    public static HashSet<string> InterpolationHelpers(IReadOnlyDictionary<string, string> environment) =>
        [.. environment.Values.SelectMany(v => Interpolation().Matches(v).Select(m => m.Groups[1].Value)).Where(environment.ContainsKey)];

    private static IEnumerable<YamlMappingNode> Load(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(file);
        stream.Load(reader);
        return stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>();
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    [GeneratedRegex(@"(?<name>[A-Za-z_][A-Za-z0-9_]*)=(?<value>""[^""]*""|\S*)")]
    private static partial Regex EnvPair();

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex Interpolation();
}
