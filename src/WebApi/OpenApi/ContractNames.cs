using System.Reflection;
using System.Text;
using CoopApi.Application.Common.Contract;
using Microsoft.AspNetCore.Mvc.ApiExplorer;

namespace CoopApi.WebApi.OpenApi;

/// <summary>
/// Names the contract publishes. Schema names say what a type is to a client, never which class
/// implements it; operation ids are derived from the HTTP method and the route, so that
/// controllers and minimal-API endpoints get the same ids for the same resource.
/// </summary>
internal static class ContractNames
{
    private static readonly string[] InternalSuffixes = ["Command", "Query", "Dto", "Details"];

    /// <summary>
    /// The schema name of a type: its <see cref="PublicNameAttribute"/>, else its class name less
    /// an implementation suffix (<c>Command</c>, <c>Query</c>, <c>Dto</c>, <c>Details</c>); a
    /// generic type is named by its arguments followed by its own public name
    /// (<c>PagedList&lt;CooperativeDto&gt;</c> → <c>CooperativePage</c>).
    /// </summary>
    public static string SchemaId(Type type)
    {
        if (type.IsConstructedGenericType)
        {
            var arguments = string.Concat(type.GetGenericArguments().Select(SchemaId));
            return arguments + SchemaId(type.GetGenericTypeDefinition());
        }

        if (type.GetCustomAttribute<PublicNameAttribute>(inherit: false) is { } publicName)
        {
            return publicName.Name;
        }

        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0)
        {
            name = name[..tick];
        }

        foreach (var suffix in InternalSuffixes)
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }

    /// <summary>
    /// The operation id of an endpoint, from its method and route: a verb (GET on a collection
    /// (a plural last segment) <c>list</c>, GET on an item or anything else <c>get</c>, POST on a collection <c>create</c>,
    /// POST on a singular sub-resource <c>change</c> (on a plural one <c>create</c>), PUT <c>update</c>, PATCH <c>patch</c>, DELETE
    /// <c>delete</c>), then the route's literal segments after the version, singular when an
    /// identifier follows them, without grouping segments that only prefix another literal one.
    /// <c>GET /api/v1/cooperatives/{id}/status-history</c> → <c>getCooperativeStatusHistory</c>;
    /// <c>GET /api/v1/statistics/steering-activities</c> → <c>getSteeringActivitiesStatistics</c>, <c>GET /api/v1/statistics/classifications</c> → <c>getClassificationsStatistics</c>.
    /// </summary>
    public static string OperationId(ApiDescription description)
    {
        var segments = (description.RelativePath ?? "").Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries)
            .SkipWhile(s => s == "api" || IsVersion(s))
            .ToList();
        // /statistics/<resource>: figures about a resource, not the resource itself (its list has
        // the same words): get<Resource>Statistics.
        if (segments.Count > 1 && segments[0] == "statistics" && description.HttpMethod?.ToUpperInvariant() is "GET" or "HEAD")
        {
            return "get" + string.Concat(segments.Skip(1).Where(s => !IsParameter(s))
                .SelectMany(s => s.Split('-', '_', '.')).Where(p => p.Length > 0)
                .Select(p => char.ToUpperInvariant(p[0]) + p[1..])) + "Statistics";
        }

        var words = new List<string>();
        for (var i = 0; i < segments.Count; i++)
        {
            if (IsParameter(segments[i]))
            {
                continue;
            }

            var next = i + 1 < segments.Count ? segments[i + 1] : null;
            var previousIsParameter = i > 0 && IsParameter(segments[i - 1]);
            if (next is not null && !IsParameter(next) && !previousIsParameter)
            {
                continue; // a grouping segment, e.g. administrative-units/provinces
            }

            words.Add(next is not null && IsParameter(next) ? Singular(segments[i]) : segments[i]);
        }

        var endsWithParameter = segments.Count > 0 && IsParameter(segments[^1]);
        var subResource = segments.Count > 1 && IsParameter(segments[^2]);
        var method = description.HttpMethod?.ToUpperInvariant();
        var verb = method switch
        {
            "GET" or "HEAD" => endsWithParameter || Singular(segments[^1]) == segments[^1] ? "get" : "list",
            "POST" when subResource && Singular(segments[^1]) == segments[^1] => "change", // e.g. …/{id}/status
            "POST" => "create",
            "PUT" => "update",
            "PATCH" => "patch",
            "DELETE" => "delete",
            _ => (method ?? "call").ToLowerInvariant(),
        };
        if (verb == "create" && words.Count > 0)
        {
            words[^1] = Singular(words[^1]);
        }

        var id = new StringBuilder(verb);
        foreach (var word in words)
        {
            foreach (var part in word.Split('-', '_', '.'))
            {
                if (part.Length > 0)
                {
                    id.Append(char.ToUpperInvariant(part[0])).Append(part[1..]);
                }
            }
        }

        return id.ToString();
    }

    private static bool IsParameter(string segment) => segment.StartsWith('{');

    private static bool IsVersion(string segment) =>
        segment.Length > 1 && segment[0] == 'v' && segment[1..].All(char.IsAsciiDigit);

    private static string Singular(string word) => word switch
    {
        _ when word.EndsWith("ies", StringComparison.Ordinal) => word[..^3] + "y",
        _ when word.EndsWith("ss", StringComparison.Ordinal) || word.EndsWith("us", StringComparison.Ordinal) => word,
        _ when word.EndsWith('s') => word[..^1],
        _ => word,
    };
}
