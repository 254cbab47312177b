using System.Text.RegularExpressions;
using System.Xml.Linq;
using System.Xml.XPath;

namespace CoopApi.WebApi.OpenApi;

/// <summary>
/// The <c>&lt;summary&gt;</c> of every documented member of the CoopApi assemblies, by XML doc id
/// (<c>T:…</c>, <c>P:…</c>), as plain text for the OpenAPI document: <c>&lt;c&gt;</c> becomes
/// code, a <c>cref</c> its last name, whitespace one space.
/// </summary>
internal static partial class XmlSummaries
{
    private static readonly Lazy<Dictionary<string, string>> All = new(Load);

    /// <summary>The summary of a type (<c>T:</c> id), or null.</summary>
    public static string? OfType(Type type) => All.Value.GetValueOrDefault($"T:{type.FullName}");

    /// <summary>The summary of a member by its XML doc id, or null.</summary>
    public static string? Of(string id) => All.Value.GetValueOrDefault(id);

    private static Dictionary<string, string> Load()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory, "CoopApi.*.xml"))
        {
            var document = XDocument.Load(file);
            foreach (var member in document.XPathSelectElements("/doc/members/member"))
            {
                var summary = member.Element("summary");
                if (member.Attribute("name")?.Value is { } name && summary is not null)
                {
                    result[name] = Plain(summary);
                }
            }
        }

        return result;
    }

    private static string Plain(XElement summary)
    {
        var text = string.Concat(summary.Nodes().Select(n => n switch
        {
            XElement { Name.LocalName: "c" } c => $"`{c.Value}`",
            XElement e => e.Attribute("cref")?.Value.Split('.').Last() ?? e.Value,
            _ => n.ToString(),
        }));
        return Whitespace().Replace(System.Net.WebUtility.HtmlDecode(text), " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
