namespace CoopApi.Application.Common.Search;

/// <summary>
/// Database functions that queries may call. The persistence layer maps each to SQL; calling
/// one outside a LINQ-to-SQL query throws.
/// </summary>
public static class SearchFunctions
{
    /// <summary>Name of the shadow column that holds the normalized text searched by <c>q</c>.</summary>
    public const string SearchTextColumn = "SearchText";

    /// <summary>
    /// Text folded for search: diacritics removed (đ → d, ợ → o) and lower case, by the same SQL
    /// function that fills the search column, so both sides are folded identically.
    /// </summary>
    public static string Fold(string text) =>
        throw new InvalidOperationException($"{nameof(Fold)} runs only inside a database query ({text.Length} chars).");

    /// <summary>
    /// Splits a free-text query into words and escapes the LIKE wildcards in each, so that a user
    /// typing "%" or "_" searches for those characters.
    /// </summary>
    public static IReadOnlyList<string> LikeTerms(string query, char escape = '\\')
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(word => word.ToLowerInvariant()
                .Replace(escape.ToString(), $"{escape}{escape}", StringComparison.Ordinal)
                .Replace("%", $"{escape}%", StringComparison.Ordinal)
                .Replace("_", $"{escape}_", StringComparison.Ordinal))
            .Distinct()
            .ToArray();
    }
}
