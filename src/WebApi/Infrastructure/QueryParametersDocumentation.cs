using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using System.Xml.XPath;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CoopApi.WebApi.Infrastructure;

/// <summary>
/// Endpoint metadata: the endpoint reads its query string itself (strictly, see
/// <see cref="StrictQuery"/>) into the public properties of <see cref="Type"/>, each a parameter
/// named in camelCase. The framework cannot see such parameters, so
/// <see cref="QueryParametersOperationFilter"/> documents them from this type.
/// </summary>
internal sealed record QueryParametersMetadata(Type Type);

/// <summary>
/// Documents the parameters named by <see cref="QueryParametersMetadata"/>: name, schema (arrays
/// for multi-valued filters) and the property's XML summary as description.
/// </summary>
internal sealed partial class QueryParametersOperationFilter : IOperationFilter
{
    private static readonly Lazy<Dictionary<string, string>> Summaries = new(LoadSummaries);

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<QueryParametersMetadata>().FirstOrDefault();
        if (metadata is null)
        {
            return;
        }

        operation.Parameters ??= [];
        var position = 0;
        foreach (var property in metadata.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var schema = context.SchemaGenerator.GenerateSchema(property.PropertyType, context.SchemaRepository);
            operation.Parameters.Insert(position++, new OpenApiParameter
            {
                Name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..],
                In = ParameterLocation.Query,
                Required = false,
                Description = Summaries.Value.GetValueOrDefault($"P:{property.DeclaringType!.FullName}.{property.Name}"),
                Schema = schema,
            });
        }
    }

    private static Dictionary<string, string> LoadSummaries()
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
