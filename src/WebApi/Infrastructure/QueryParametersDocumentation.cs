using System.Reflection;
using CoopApi.Application.Common.Contract;
using CoopApi.WebApi.OpenApi;
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
/// for multi-valued filters, repeated), the property's XML summary as description, and what the
/// server enforces on it, from the property's <see cref="FieldRulesAttribute"/> (the same
/// attributes and constants as for bound parameters, see <see cref="FieldRulesParameterFilter"/>).
/// </summary>
internal sealed class QueryParametersOperationFilter : IOperationFilter
{
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
            var parameter = new OpenApiParameter
            {
                Name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..],
                In = ParameterLocation.Query,
                Required = false,
                Description = XmlSummaries.Of($"P:{property.DeclaringType!.FullName}.{property.Name}"),
                Schema = schema,
            };
            FieldRulesParameterFilter.Describe(parameter, property.GetCustomAttribute<FieldRulesAttribute>());
            operation.Parameters.Insert(position++, parameter);
        }
    }
}
