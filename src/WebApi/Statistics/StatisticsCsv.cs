using System.Text;
using System.Text.Json;

namespace CoopApi.WebApi.Statistics;

/// <summary>
/// Turns the JSON body of a statistics answer into CSV (RFC 4180: comma separated, CRLF line ends,
/// a field quoted when it holds a comma, a quote or a line break, quotes doubled), UTF-8 with a
/// byte order mark so that Excel reads Vietnamese text correctly. The layout:
/// <list type="bullet">
/// <item>one row per item of the response's row list (its array property); when the response has
/// several lists (the overview's breakdowns) their items follow each other, and a leading
/// <c>section</c> column names the list each row comes from;</item>
/// <item>the top-level scalars (the filters echoed, <c>asOf</c>, totals) come first, repeated on
/// every row, so that a spreadsheet or a Power BI table can filter and pivot on them;</item>
/// <item>a nested object becomes one column per member, named <c>outer.inner</c>; a column a row
/// shares with a top-level scalar is named <c>list.column</c>;</item>
/// <item>numbers exactly as in JSON (a dot for decimals), <c>true</c>/<c>false</c>, null as an empty
/// field; a response without any list gives one row of its scalars.</item>
/// </list>
/// </summary>
internal static class StatisticsCsv
{
    /// <summary>The name of the column that names the list of a row, when there are several lists.</summary>
    public const string SectionColumn = "section";

    /// <summary>The CSV of a JSON body.</summary>
    public static byte[] FromJson(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        var scalars = new List<KeyValuePair<string, JsonElement>>();
        var lists = new List<(string Name, JsonElement Items)>();
        if (root.ValueKind == JsonValueKind.Array)
        {
            lists.Add(("items", root));
        }
        else
        {
            foreach (var property in root.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Array)
                {
                    lists.Add((property.Name, property.Value));
                }
                else
                {
                    Flatten(property.Name, property.Value, scalars);
                }
            }
        }

        var scalarNames = scalars.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var rowColumns = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<(string List, Dictionary<string, JsonElement> Cells)>();
        foreach (var (name, items) in lists)
        {
            foreach (var item in items.EnumerateArray())
            {
                var cells = new List<KeyValuePair<string, JsonElement>>();
                if (item.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in item.EnumerateObject())
                    {
                        Flatten(property.Name, property.Value, cells);
                    }
                }
                else
                {
                    cells.Add(new("value", item));
                }

                var row = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                foreach (var (column, value) in cells)
                {
                    var unique = scalarNames.Contains(column) || column == SectionColumn ? name + "." + column : column;
                    row[unique] = value;
                    if (seen.Add(unique))
                    {
                        rowColumns.Add(unique);
                    }
                }

                rows.Add((name, row));
            }
        }

        var sectioned = lists.Count > 1;
        var text = new StringBuilder();
        var header = scalars.Select(s => s.Key).Concat(sectioned ? [SectionColumn] : []).Concat(rowColumns);
        AppendLine(text, header.Select(Quote));
        if (lists.Count == 0)
        {
            AppendLine(text, scalars.Select(s => Cell(s.Value)));
        }

        foreach (var (list, cells) in rows)
        {
            var fields = scalars.Select(s => Cell(s.Value))
                .Concat(sectioned ? [Quote(list)] : [])
                .Concat(rowColumns.Select(c => cells.TryGetValue(c, out var v) ? Cell(v) : ""));
            AppendLine(text, fields);
        }

        var preamble = Encoding.UTF8.GetPreamble();
        var bytes = new byte[preamble.Length + Encoding.UTF8.GetByteCount(text.ToString())];
        preamble.CopyTo(bytes, 0);
        Encoding.UTF8.GetBytes(text.ToString(), bytes.AsSpan(preamble.Length));
        return bytes;
    }

    private static void Flatten(string name, JsonElement value, List<KeyValuePair<string, JsonElement>> into)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in value.EnumerateObject())
            {
                Flatten(name + "." + property.Name, property.Value, into);
            }
        }
        else
        {
            into.Add(new(name, value));
        }
    }

    private static string Cell(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        JsonValueKind.String => Quote(value.GetString()!),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => Quote(value.GetRawText()), // an array inside a row: its JSON text
    };

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    private static void AppendLine(StringBuilder text, IEnumerable<string> fields)
    {
        text.AppendJoin(',', fields);
        text.Append("\r\n");
    }
}
