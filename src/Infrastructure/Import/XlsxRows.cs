using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Xml;
using CoopApi.Application.Import;
using FluentValidation;
using FluentValidation.Results;
using MiniExcelLibs;

namespace CoopApi.Infrastructure.Import;

/// <summary>
/// Reads the first sheet of an <c>.xlsx</c> workbook row by row through MiniExcel's streaming
/// query (the sheet's XML is read as a stream, never loaded whole): the first row names the
/// columns, as the CSV header does; every later row is one record. Bounded before a byte is
/// unpacked: a workbook whose parts would unpack to more than <see cref="MaxUnpackedBytes"/>, or
/// whose part unpacks more than <see cref="MaxRatio"/> times its packed size (a zip bomb), and a
/// sheet of more than <see cref="MaxRows"/> rows are refused with 400.
/// </summary>
internal static class XlsxRows
{
    /// <summary>Largest sum of the unpacked sizes the workbook's parts declare: 1 GiB (200,000 rows are about 100 MB).</summary>
    public const long MaxUnpackedBytes = 1L << 30;

    /// <summary>Largest unpacking ratio of a part bigger than 1 MiB (spreadsheet XML packs 5 to 30 times).</summary>
    public const long MaxRatio = 100;

    /// <summary>Most rows read from the sheet: Excel's own limit (1,048,576 with the header).</summary>
    public const int MaxRows = 1_048_575;

    public static async IAsyncEnumerable<ImportRecord> ReadAsync(string path, [EnumeratorCancellation] CancellationToken ct)
    {
        CheckPackage(path);
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        IEnumerator<IDictionary<string, object?>> rows;
        try
        {
            rows = file.Query(useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().GetEnumerator();
        }
        catch (Exception ex) when (IsCorrupt(ex))
        {
            throw Corrupt(ex);
        }

        using var _ = rows;
        string[]? letters = null;
        string[]? headers = null;
        var row = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            bool read;
            try
            {
                read = rows.MoveNext();
            }
            catch (Exception ex) when (IsCorrupt(ex))
            {
                throw Corrupt(ex);
            }

            if (!read)
            {
                break;
            }

            var cells = rows.Current;
            if (headers is null)
            {
                // The header row: its non-empty cells name the columns (trailing empty ones are dropped).
                var named = cells.Where(c => CellText(c.Value) is not null).ToList();
                if (named.Count == 0)
                {
                    throw Invalid(Pick("The first sheet is empty: its first row must name the columns.",
                        "Trang tính đầu tiên trống: dòng đầu tiên phải là tên các cột."));
                }

                letters = named.Select(c => c.Key).ToArray();
                headers = named.Select(c => CellText(c.Value)!.Trim()).ToArray();
                ImportColumns.CheckHeader(headers);
                continue;
            }

            var values = letters!.Select(l => cells.TryGetValue(l, out var v) ? CellText(v) : null).ToArray();
            if (values.All(v => v is null))
            {
                continue; // a blank row
            }

            if (++row > MaxRows)
            {
                throw Invalid(Pick($"The sheet has more than {MaxRows} rows.", $"Trang tính có hơn {MaxRows} dòng."));
            }

            var record = new KeyValuePair<string, ImportValue>[headers.Length];
            for (var i = 0; i < headers.Length; i++)
            {
                record[i] = new(headers[i], new ImportValue(values[i]));
            }

            yield return new ImportRecord(row, record);
            if (row % 256 == 0)
            {
                await Task.Yield();
            }
        }

        if (headers is null)
        {
            throw Invalid(Pick("The first sheet is empty: its first row must name the columns.",
                "Trang tính đầu tiên trống: dòng đầu tiên phải là tên các cột."));
        }
    }

    /// <summary>A cell as the CSV would carry it: text as is, whole numbers without decimals, dates as yyyy-MM-dd, booleans as true/false.</summary>
    private static string? CellText(object? value) => value switch
    {
        null => null,
        string s => s.Length == 0 ? null : s,
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("s", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        double n when n == Math.Floor(n) && Math.Abs(n) < 1e15 => ((long)n).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>A readable ZIP package whose parts unpack to a bounded size, before MiniExcel unpacks any.</summary>
    private static void CheckPackage(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                var bomb = entry.Length > 1 << 20 && entry.Length > MaxRatio * Math.Max(1, entry.CompressedLength);
                if (bomb || total > MaxUnpackedBytes)
                {
                    throw Invalid(Pick(
                        $"The workbook unpacks to more than its limit (part {entry.FullName}: {entry.Length} bytes from {entry.CompressedLength}). Save it as CSV UTF-8, or split it.",
                        $"Tệp Excel khi giải nén vượt quá giới hạn (phần {entry.FullName}: {entry.Length} byte từ {entry.CompressedLength}). Hãy lưu thành CSV UTF-8 hoặc chia nhỏ tệp."));
                }
            }

            if (zip.GetEntry("xl/workbook.xml") is null)
            {
                throw Invalid(Pick("The file is not an Excel workbook (.xlsx): it has no xl/workbook.xml.",
                    "Tệp không phải sổ làm việc Excel (.xlsx): không có xl/workbook.xml."));
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            throw Corrupt(ex);
        }
    }

    private static bool IsCorrupt(Exception ex) =>
        ex is InvalidDataException or IOException or XmlException or InvalidOperationException or FormatException
            or InvalidCastException or KeyNotFoundException or IndexOutOfRangeException or ArgumentException;

    private static ValidationException Corrupt(Exception ex) => Invalid(Pick(
        $"The file is not a readable Excel workbook (.xlsx): {ex.Message}",
        $"Tệp không phải sổ làm việc Excel (.xlsx) đọc được: {ex.Message}"));

    private static string Pick(string english, string vietnamese) => Application.Common.Localization.Text.Pick(english, vietnamese);

    private static ValidationException Invalid(string message) => new([new ValidationFailure("file", message)]);
}
