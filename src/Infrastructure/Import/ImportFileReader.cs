using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using CoopApi.Application.Common.Localization;
using CoopApi.Application.Import;
using FluentValidation;
using FluentValidation.Results;
using Sylvan.Data.Csv;

namespace CoopApi.Infrastructure.Import;

/// <summary>
/// Reads a spooled upload row by row: CSV through Sylvan's reader (UTF-8 with or without a BOM,
/// strict decoding, <c>,</c> or <c>;</c> detected from the header line), JSON through
/// <see cref="JsonSerializer.DeserializeAsyncEnumerable{TValue}(Stream, JsonSerializerOptions?, CancellationToken)"/>
/// one element at a time, <c>.xlsx</c> through MiniExcel's streaming query (<see cref="XlsxRows"/>).
/// Memory stays bounded by one batch of rows whatever the file's size.
/// </summary>
internal sealed class ImportFileReader : IImportFileReader
{
    private const int SniffBytes = 64 * 1024;

    /// <inheritdoc />
    public IAsyncEnumerable<ImportRecord> ReadAsync(string path, ImportFormat format, CancellationToken cancellationToken) =>
        format switch
        {
            ImportFormat.Json => ReadJsonAsync(path, cancellationToken),
            ImportFormat.Xlsx => XlsxRows.ReadAsync(path, cancellationToken),
            _ => ReadCsvAsync(path, cancellationToken),
        };

    private static async IAsyncEnumerable<ImportRecord> ReadCsvAsync(string path, [EnumeratorCancellation] CancellationToken ct)
    {
        var delimiter = await DetectDelimiterAsync(path, ct);
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        SkipBom(file);
        using var text = new StreamReader(file, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
            detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        CsvDataReader csv;
        try
        {
            csv = await CsvDataReader.CreateAsync(text, new CsvDataReaderOptions { HasHeaders = true, Delimiter = delimiter, BufferSize = 1 << 20 }, ct);
        }
        catch (Exception ex) when (ex is DecoderFallbackException or CsvFormatException or CsvRecordTooLargeException)
        {
            throw FileError(0, ex);
        }

        await using var _ = csv;
        var headers = Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToArray();
        if (headers.Length == 0 || headers.All(string.IsNullOrWhiteSpace))
        {
            throw Invalid(Text.Pick("The file is empty: the first line must name the columns.", "Tệp trống: dòng đầu tiên phải là tên các cột."));
        }

        ImportColumns.CheckHeader(headers);
        var row = 0;
        while (true)
        {
            bool read;
            try
            {
                read = await csv.ReadAsync(ct);
            }
            catch (Exception ex) when (ex is DecoderFallbackException or CsvFormatException or CsvRecordTooLargeException)
            {
                throw FileError(row + 1, ex);
            }

            if (!read)
            {
                yield break;
            }

            row++;
            if (csv.RowFieldCount == 1 && headers.Length > 1 && csv.GetString(0).Length == 0)
            {
                row--; // a blank line
                continue;
            }

            if (csv.RowFieldCount != headers.Length)
            {
                throw Invalid(Text.Pick(
                    $"Row {row} has {csv.RowFieldCount} values, the header {headers.Length} columns.",
                    $"Dòng {row} có {csv.RowFieldCount} giá trị, trong khi tiêu đề có {headers.Length} cột."));
            }

            var cells = new KeyValuePair<string, ImportValue>[headers.Length];
            for (var i = 0; i < headers.Length; i++)
            {
                var value = csv.GetString(i);
                cells[i] = new(headers[i], new ImportValue(value.Length == 0 ? null : value));
            }

            yield return new ImportRecord(row, cells);
        }
    }

    /// <summary>Steps over a UTF-8 byte order mark, bytes only: decoding starts after it.</summary>
    private static void SkipBom(FileStream file)
    {
        Span<byte> bom = stackalloc byte[3];
        var read = file.Read(bom);
        if (read < 3 || bom[0] != 0xEF || bom[1] != 0xBB || bom[2] != 0xBF)
        {
            file.Position = 0;
        }
    }

    /// <summary>';' when the header line has more semicolons than commas outside quotes (Excel's Vietnamese locale), else ','.</summary>
    private static async Task<char> DetectDelimiterAsync(string path, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
        var buffer = new byte[SniffBytes];
        var length = await file.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
        int commas = 0, semicolons = 0;
        var quoted = false;
        for (var i = 0; i < length; i++)
        {
            var b = buffer[i];
            if (b == '"') quoted = !quoted;
            else if (!quoted && b is (byte)'\n' or (byte)'\r') break;
            else if (!quoted && b == ',') commas++;
            else if (!quoted && b == ';') semicolons++;
        }

        return semicolons > commas ? ';' : ',';
    }

    private static async IAsyncEnumerable<ImportRecord> ReadJsonAsync(string path, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var first = file.ReadByte();
        while (first is ' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF)
        {
            first = file.ReadByte();
        }

        if (first != '[')
        {
            throw Invalid(Text.Pick("A JSON import must be an array of objects.", "Dữ liệu JSON nhập phải là một mảng các đối tượng."));
        }

        file.Position = 0;
        var elements = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(file, cancellationToken: ct);
        await using var enumerator = elements.GetAsyncEnumerator(ct);
        var row = 0;
        while (true)
        {
            bool read;
            try
            {
                read = await enumerator.MoveNextAsync();
            }
            catch (JsonException ex)
            {
                throw Invalid(Text.Pick(
                    $"Malformed JSON after element {row} (line {ex.LineNumber + 1}): {ex.Message}",
                    $"JSON không hợp lệ sau phần tử {row} (dòng {ex.LineNumber + 1}): {ex.Message}"));
            }

            if (!read)
            {
                yield break;
            }

            row++;
            var element = enumerator.Current;
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(Text.Pick($"Element {row} of the array is not an object.", $"Phần tử {row} của mảng không phải là một đối tượng."));
            }

            var cells = new List<KeyValuePair<string, ImportValue>>();
            foreach (var property in element.EnumerateObject())
            {
                var v = property.Value;
                var value = v.ValueKind switch
                {
                    JsonValueKind.String => new ImportValue(v.GetString()),
                    JsonValueKind.Null => new ImportValue(null),
                    JsonValueKind.Array => new ImportValue(null, v.EnumerateArray().Select(i => i.ValueKind == JsonValueKind.String ? i.GetString()! : i.GetRawText()).ToArray()),
                    _ => new ImportValue(v.GetRawText()),
                };
                cells.Add(new(property.Name, value));
            }

            yield return new ImportRecord(row, cells);
        }
    }

    private static ValidationException FileError(int row, Exception ex) => ex is DecoderFallbackException
        ? Invalid(Text.Pick(
            $"The file is not valid UTF-8 (at row {row}). Save it as \"CSV UTF-8\".",
            $"Tệp không phải UTF-8 hợp lệ (tại dòng {row}). Hãy lưu tệp dưới dạng \"CSV UTF-8\"."))
        : Invalid(Text.Pick($"Malformed CSV at row {row}: {ex.Message}", $"CSV không hợp lệ tại dòng {row}: {ex.Message}"));

    private static ValidationException Invalid(string message) => new([new ValidationFailure("file", message)]);
}
