using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CoopApi.IntegrationTests.StatisticsApi;

/// <summary>A small RFC 4180 reader, and the comparison of a CSV answer with the JSON answer it must equal.</summary>
public static class Csv
{
    /// <summary>Rows of fields: quoted fields may hold commas, doubled quotes and line breaks; lines end with CRLF.</summary>
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.True(field.Length == 0 && row.Count == 0, "the CSV must end with CRLF");
        return rows;
    }

    /// <summary>
    /// Asserts that the CSV holds exactly the JSON: every top-level scalar in its column on every row,
    /// one row per item of the list(s), in order, each item's members in their columns (a
    /// <c>section</c> column naming the list when there are several).
    /// </summary>
    public static void AssertEquivalent(JsonObject json, List<string[]> csv)
    {
        var header = csv[0];
        Assert.Equal(header.Length, header.Distinct(StringComparer.Ordinal).Count());
        var lists = json.Where(p => p.Value is JsonArray).ToList();
        var scalars = json.Where(p => p.Value is not JsonArray).ToList();
        var expectedRows = lists.Sum(l => l.Value!.AsArray().Count);
        Assert.Equal(lists.Count == 0 ? 1 : expectedRows, csv.Count - 1);
        var row = 1;
        foreach (var (name, items) in lists)
        {
            foreach (var item in items!.AsArray())
            {
                var cells = csv[row++];
                Assert.Equal(header.Length, cells.Length);
                var byColumn = header.Zip(cells).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
                foreach (var (scalar, value) in scalars)
                {
                    Assert.Equal(Cell(value), byColumn[scalar]);
                }

                if (lists.Count > 1)
                {
                    Assert.Equal(name, byColumn["section"]);
                }

                foreach (var (member, value) in item!.AsObject())
                {
                    var column = byColumn.ContainsKey(member) && !json.ContainsKey(member) ? member : name + "." + member;
                    Assert.Equal(Cell(value), byColumn[column]);
                }

                // Columns of other lists stay empty on this row.
                var own = item.AsObject().Select(m => json.ContainsKey(m.Key) ? name + "." + m.Key : m.Key)
                    .Concat(scalars.Select(s => s.Key)).Append("section").ToHashSet(StringComparer.Ordinal);
                Assert.All(byColumn.Where(c => !own.Contains(c.Key)), c => Assert.Equal("", c.Value));
            }
        }
    }

    private static string Cell(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "true",
        JsonValue v when v.GetValueKind() == JsonValueKind.False => "false",
        _ => value.ToJsonString(),
    };

    /// <summary>Invariant text of a number, for messages.</summary>
    public static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
