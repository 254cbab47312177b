using System.Globalization;
using System.Reflection;
using System.Text.Json;
using CoopApi.Application.Common.Contract;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CoopApi.WebApi.OpenApi;

/// <summary>Writes a <see cref="FieldRulesAttribute"/> into a JSON schema.</summary>
internal static class FieldRules
{
    public static void ApplyTo(OpenApiSchema schema, FieldRulesAttribute rules)
    {
        if (rules.MaxLength >= 0)
        {
            schema.MaxLength = rules.MaxLength;
        }

        if (rules.Pattern is not null)
        {
            schema.Pattern = rules.Pattern;
        }

        if (!double.IsNaN(rules.Minimum))
        {
            schema.Minimum = rules.Minimum.ToString(CultureInfo.InvariantCulture);
        }

        if (!double.IsNaN(rules.Maximum))
        {
            schema.Maximum = rules.Maximum.ToString(CultureInfo.InvariantCulture);
        }

        if (rules.Format is not null)
        {
            schema.Format = rules.Format;
        }

        if (rules.MaxItems >= 0)
        {
            schema.MaxItems = rules.MaxItems;
        }

        if (rules.ItemMaxLength >= 0 && schema.Items is OpenApiSchema items)
        {
            items.MaxLength = rules.ItemMaxLength;
            items.Type &= ~JsonSchemaType.Null;
        }

        if (rules.EarliestDate is not null)
        {
            schema.Description = (schema.Description is { Length: > 0 } d ? d + " " : "") + $"Earliest accepted: {rules.EarliestDate}.";
        }

        if (rules.Required)
        {
            schema.Type &= ~JsonSchemaType.Null;
        }
    }

    /// <summary>The JSON name of a property, as the API's serializer writes it (camelCase).</summary>
    public static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()?.Name
        ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
}

/// <summary>
/// Publishes on each object schema what the server enforces on its properties (see
/// <see cref="FieldRulesAttribute"/>): <c>required</c>, lengths, patterns and bounds.
/// </summary>
internal sealed class FieldRulesSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || concrete.Properties is not { Count: > 0 } properties)
        {
            return;
        }

        foreach (var property in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<FieldRulesAttribute>() is not { } rules
                || !properties.TryGetValue(FieldRules.JsonName(property), out var propertySchema))
            {
                continue;
            }

            if (rules.Required)
            {
                concrete.Required ??= new HashSet<string>();
                concrete.Required.Add(FieldRules.JsonName(property));
            }

            if (propertySchema is OpenApiSchema inline)
            {
                FieldRules.ApplyTo(inline, rules);
            }
        }
    }
}

/// <summary>Schemas as OpenAPI 3.0 spells what C# says.</summary>
internal static class Schemas
{
    /// <summary>A nullable reference to a component schema, as OpenAPI 3.0 spells it.</summary>
    public static OpenApiSchema Nullable(string id, string? description) => new()
    {
        Description = description,
        Type = JsonSchemaType.Null,
        AllOf = [new OpenApiSchemaReference(id)],
    };
}

/// <summary>
/// Publishes what the server enforces on query, path and header parameters; works on the
/// attributes of a bound property (controllers' <c>[FromQuery]</c> objects, minimal APIs'
/// <c>[AsParameters]</c>) or of a parameter. Parameters cannot be null on the wire; list
/// parameters repeat (<c>status=active&amp;status=suspended</c>).
/// </summary>
internal sealed class FieldRulesParameterFilter : IParameterFilter
{
    public void Apply(IOpenApiParameter parameter, ParameterFilterContext context)
    {
        if (parameter is not OpenApiParameter concrete)
        {
            return;
        }

        // Minimal APIs' [AsParameters] describe each property as a ParameterInfo that carries the
        // property's attributes through its (virtual) GetCustomAttributes.
        var rules = context.PropertyInfo?.GetCustomAttribute<FieldRulesAttribute>()
            ?? context.ParameterInfo?.GetCustomAttributes(typeof(FieldRulesAttribute), inherit: false).OfType<FieldRulesAttribute>().FirstOrDefault();
        Describe(concrete, rules);
    }

    /// <summary>
    /// Writes what the server enforces into a parameter: never null, lists repeated, and the
    /// <paramref name="rules"/> of its property when it has some. Also used for parameters an
    /// endpoint reads itself (<see cref="Infrastructure.QueryParametersOperationFilter"/>).
    /// </summary>
    public static void Describe(OpenApiParameter parameter, FieldRulesAttribute? rules)
    {
        if (parameter.Schema is not OpenApiSchema schema)
        {
            return;
        }

        schema.Type &= ~JsonSchemaType.Null;
        if (schema.Type == JsonSchemaType.Array)
        {
            parameter.Style = ParameterStyle.Form;
            parameter.Explode = true;
        }

        if (rules is not null)
        {
            FieldRules.ApplyTo(schema, rules);
            parameter.Required |= rules.Required;
        }
    }
}
