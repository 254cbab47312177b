namespace CoopApi.Application.Common.Contract;

/// <summary>
/// The name a request or response type carries in the published API contract (the OpenAPI
/// schema name), when the default rule (the class name without a <c>Command</c>, <c>Query</c> or
/// <c>Dto</c> suffix) does not say what the type is to a client.
/// </summary>
/// <param name="name">Public name, PascalCase, e.g. <c>CooperativeRegistration</c>.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PublicNameAttribute(string name) : Attribute
{
    /// <summary>Public name, PascalCase.</summary>
    public string Name { get; } = name;
}

/// <summary>
/// What the server enforces on one field of a request, stated for the published API contract
/// (required, lengths, patterns, ranges). It changes no behaviour: the validators enforce the
/// rules; this attribute only publishes them, from the same constants where they exist.
/// Unset numeric members are <c>-1</c> (lengths, counts) or <see cref="double.NaN"/> (bounds).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, Inherited = true)]
public sealed class FieldRulesAttribute : Attribute
{
    /// <summary>The field must be present and not null.</summary>
    public bool Required { get; init; }

    /// <summary>Longest text accepted, in characters.</summary>
    public int MaxLength { get; init; } = -1;

    /// <summary>Regular expression (ECMAScript syntax) the whole text must match.</summary>
    public string? Pattern { get; init; }

    /// <summary>Smallest number accepted.</summary>
    public double Minimum { get; init; } = double.NaN;

    /// <summary>Largest number accepted.</summary>
    public double Maximum { get; init; } = double.NaN;

    /// <summary>Earliest date accepted, yyyy-MM-dd (published as a note: JSON Schema has no date bound).</summary>
    public string? EarliestDate { get; init; }

    /// <summary>Most items a list may have.</summary>
    public int MaxItems { get; init; } = -1;

    /// <summary>Longest text accepted for each item of a list of texts.</summary>
    public int ItemMaxLength { get; init; } = -1;

    /// <summary>A JSON Schema format of the text, e.g. <c>email</c>.</summary>
    public string? Format { get; init; }
}
