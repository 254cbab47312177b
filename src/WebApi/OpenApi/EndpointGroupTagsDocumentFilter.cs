using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using CoopApi.WebApi.Endpoints;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CoopApi.WebApi.OpenApi;

/// <summary>
/// Describes each tag of the document with the XML summary of the endpoint group
/// (<see cref="IEndpointGroup"/>) whose operations carry it, as the framework does for
/// controllers: a new group documents its tag by documenting its class, and edits no registry.
/// </summary>
internal sealed class EndpointGroupTagsDocumentFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        var descriptions = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var api in context.ApiDescriptions)
        {
            var metadata = api.ActionDescriptor.EndpointMetadata;
            var group = metadata.OfType<MethodInfo>()
                .Select(m => m.DeclaringType)
                .FirstOrDefault(t => t is not null && typeof(IEndpointGroup).IsAssignableFrom(t));
            if (group is null || XmlSummaries.OfType(group) is not { Length: > 0 } summary)
            {
                continue;
            }

            foreach (var tag in metadata.OfType<ITagsMetadata>().SelectMany(t => t.Tags))
            {
                descriptions.TryAdd(tag, summary);
            }
        }

        swaggerDoc.Tags ??= new HashSet<OpenApiTag>();
        foreach (var (name, description) in descriptions)
        {
            if (swaggerDoc.Tags.FirstOrDefault(t => t.Name == name) is { } tag)
            {
                tag.Description ??= description;
            }
            else
            {
                swaggerDoc.Tags.Add(new OpenApiTag { Name = name, Description = description });
            }
        }
    }
}
