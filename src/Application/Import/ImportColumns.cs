using System.Globalization;
using System.Text;
using CoopApi.Application.Common.Localization;
using CoopApi.Domain.Common;
using CoopApi.Domain.Cooperatives;
using FluentValidation;
using FluentValidation.Results;

namespace CoopApi.Application.Import;

/// <summary>A value read from a file: text, or (JSON arrays) a list of texts.</summary>
/// <param name="Text">The text as read; null when empty or JSON null.</param>
/// <param name="Items">The items of a JSON array.</param>
public readonly record struct ImportValue(string? Text, IReadOnlyList<string>? Items = null)
{
    /// <summary>The value as shown in an error.</summary>
    public override string? ToString() => Items is null ? Text : string.Join(ImportColumns.ListSeparator, Items);
}

/// <summary>One row of a file: its number and its cells by column name as written in the file.</summary>
/// <param name="Row">1 for the first row under the header (or the first element of a JSON array).</param>
/// <param name="Cells">Column name (as in the file) and value, in file order.</param>
public sealed record ImportRecord(int Row, IReadOnlyList<KeyValuePair<string, ImportValue>> Cells);

/// <summary>
/// The columns an import accepts: the register's English field names (those of the JSON body of
/// <c>POST /api/v1/cooperatives</c>) or the Vietnamese headers of a provincial spreadsheet, in any
/// order, case and accents as written (compared after Unicode normalization, ignoring case and
/// surrounding spaces). Columns an export writes that are not input (<c>status</c>,
/// <c>createdAt</c>, <c>updatedAt</c>, <c>version</c>) are accepted and ignored; any other column is
/// refused, so that a misspelled header is not silently dropped.
/// </summary>
public static class ImportColumns
{
    /// <summary>Separator of the items of <c>mainProducts</c> in a CSV cell.</summary>
    public const string ListSeparator = "|";

    /// <summary>The fields an import reads, in the order an export writes them.</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        "id", "registrationCode", "name", "kind", "sector", "provinceCode", "communeCode", "address", "establishedOn",
        "charterCapital", "memberCount", "employeeCount", "representative", "phone", "email", "isYouthCooperative",
        "mainProducts",
    ];

    /// <summary>Columns of an export that are not input: read and ignored.</summary>
    public static readonly IReadOnlyList<string> Ignored = ["status", "createdAt", "updatedAt", "version"];

    /// <summary>Vietnamese headers and the field each stands for (docs/import.md lists them).</summary>
    public static readonly IReadOnlyDictionary<string, string> VietnameseHeaders = new Dictionary<string, string>
    {
        ["Mã số HTX"] = "registrationCode",
        ["Mã số thuế"] = "registrationCode",
        ["Mã số"] = "registrationCode",
        ["Tên HTX"] = "name",
        ["Tên tổ chức"] = "name",
        ["Tên"] = "name",
        ["Loại hình"] = "kind",
        ["Lĩnh vực"] = "sector",
        ["Tỉnh"] = "provinceCode",
        ["Mã tỉnh"] = "provinceCode",
        ["Xã"] = "communeCode",
        ["Mã xã"] = "communeCode",
        ["Địa chỉ"] = "address",
        ["Ngày thành lập"] = "establishedOn",
        ["Vốn điều lệ"] = "charterCapital",
        ["Số thành viên"] = "memberCount",
        ["Số lao động"] = "employeeCount",
        ["Người đại diện"] = "representative",
        ["Người đại diện theo pháp luật"] = "representative",
        ["Điện thoại"] = "phone",
        ["Số điện thoại"] = "phone",
        ["Thư điện tử"] = "email",
        ["HTX thanh niên"] = "isYouthCooperative",
        ["Sản phẩm chính"] = "mainProducts",
        ["Trạng thái"] = "status",
    };

    private static readonly Dictionary<string, string> ByKey = BuildKeys();

    private static Dictionary<string, string> BuildKeys()
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in Fields.Concat(Ignored))
        {
            keys[Key(field)] = field;
        }

        foreach (var (header, field) in VietnameseHeaders)
        {
            keys[Key(header)] = field;
        }

        return keys;
    }

    private static string Key(string header) => header.Trim().Normalize(NormalizationForm.FormC).ToLowerInvariant();

    /// <summary>The field a column stands for, or null when the column is unknown.</summary>
    public static string? FieldOf(string header) => ByKey.GetValueOrDefault(Key(header ?? ""));

    /// <summary>Checks a header row: every column known, none twice, the required ones present. Throws a 400 otherwise.</summary>
    public static void CheckHeader(IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var failures = new List<ValidationFailure>();
        foreach (var header in headers)
        {
            var field = FieldOf(header);
            if (field is null)
            {
                failures.Add(new ValidationFailure("file", Text.Pick(
                    $"Unknown column \"{header}\". Use the register's field names or the Vietnamese headers listed in docs/import.md.",
                    $"Cột \"{header}\" không hợp lệ. Dùng tên trường của sổ đăng ký hoặc tiêu đề tiếng Việt liệt kê trong docs/import.md.")));
            }
            else if (!seen.Add(field))
            {
                failures.Add(new ValidationFailure("file", Text.Pick(
                    $"Column \"{header}\" repeats the field {field}.", $"Cột \"{header}\" lặp lại trường {field}.")));
            }
        }

        foreach (var required in new[] { "name", "kind", "sector", "provinceCode", "communeCode", "establishedOn", "charterCapital", "memberCount" })
        {
            if (!seen.Contains(required))
            {
                failures.Add(new ValidationFailure("file", Text.Pick(
                    $"The file has no column for {required}.", $"Tệp không có cột cho trường {required}.")));
            }
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }
    }

    /// <summary>
    /// Reads a row into the field model. A value that is not of its field's type (a date, a
    /// number, an enumeration value) is an error of the row; everything else is left to the
    /// validator of a single write. <paramref name="columnOf"/> receives, for each field, the
    /// column it was read from (to name it in later errors).
    /// </summary>
    public static ImportedCooperative Read(ImportRecord record, List<ImportRowError> errors, Dictionary<string, (string Column, string? Value)> columnOf)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(columnOf);
        var row = new ImportedCooperative();
        foreach (var (column, value) in record.Cells)
        {
            var field = FieldOf(column);
            void Fail(string code, string en, string vi) => errors.Add(new ImportRowError(record.Row, column, value.ToString(), code, Text.Pick(en, vi)));
            if (field is null)
            {
                Fail("column.unknown", $"Unknown field \"{column}\".", $"Trường \"{column}\" không hợp lệ.");
                continue;
            }

            if (Ignored.Contains(field))
            {
                continue;
            }

            columnOf[field] = (column, value.ToString());
            var text = string.IsNullOrEmpty(value.Text) ? null : value.Text;
            switch (field)
            {
                case "id":
                    if (text is not null)
                    {
                        if (Guid.TryParse(text.Trim(), out var id)) row = row with { Id = id };
                        else Fail("id.format", "The id must be a UUID.", "id phải là một UUID.");
                    }

                    break;
                case "registrationCode": row = row with { RegistrationCode = text }; break;
                case "name": row = row with { Name = text }; break;
                case "address": row = row with { Address = text }; break;
                case "representative": row = row with { Representative = text }; break;
                case "phone": row = row with { Phone = text }; break;
                case "email": row = row with { Email = text }; break;
                case "provinceCode": row = row with { ProvinceCode = text?.Trim() }; break;
                case "communeCode": row = row with { CommuneCode = text?.Trim() }; break;
                case "kind":
                    if (text is not null)
                    {
                        if (EnumValue<OrganizationKind>(text) is { } kind) row = row with { Kind = kind };
                        else Fail("kind.unknown", OrganizationRules.Errors.KindUnknown.English, OrganizationRules.Errors.KindUnknown.Vietnamese);
                    }

                    break;
                case "sector":
                    if (text is not null)
                    {
                        if (EnumValue<Sector>(text) is { } sector) row = row with { Sector = sector };
                        else Fail("sector.unknown", OrganizationRules.Errors.SectorUnknown.English, OrganizationRules.Errors.SectorUnknown.Vietnamese);
                    }

                    break;
                case "establishedOn":
                    if (text is not null)
                    {
                        if (Date(text) is { } date) row = row with { EstablishedOn = date };
                        else Fail("establishedOn.format", "The founding date must be yyyy-MM-dd or dd/MM/yyyy.", "Ngày thành lập phải có dạng yyyy-MM-dd hoặc dd/MM/yyyy.");
                    }

                    break;
                case "charterCapital":
                    if (text is not null)
                    {
                        if (Whole(text) is { } capital) row = row with { CharterCapital = capital };
                        else Fail("charterCapital.format", "The charter capital must be a whole number of VND.", "Vốn điều lệ phải là số nguyên (đồng).");
                    }

                    break;
                case "memberCount":
                case "employeeCount":
                    if (text is not null)
                    {
                        if (Whole(text) is { } n && n is >= int.MinValue and <= int.MaxValue)
                        {
                            row = field == "memberCount" ? row with { MemberCount = (int)n } : row with { EmployeeCount = (int)n };
                        }
                        else
                        {
                            Fail($"{field}.format", $"{field} must be a whole number.", $"{field} phải là số nguyên.");
                        }
                    }

                    break;
                case "isYouthCooperative":
                    if (text is not null)
                    {
                        if (Boolean(text) is { } youth) row = row with { IsYouthCooperative = youth };
                        else Fail("isYouthCooperative.format", "Use true or false (or có / không).", "Dùng true hoặc false (hoặc có / không).");
                    }

                    break;
                case "mainProducts":
                    row = row with
                    {
                        MainProducts = value.Items ?? (text is null ? [] : text.Split(ListSeparator).Select(p => p.Trim()).ToArray()),
                    };
                    break;
            }
        }

        return row;
    }

    private static TEnum? EnumValue<TEnum>(string text) where TEnum : struct, Enum
    {
        var key = text.Trim().Normalize(NormalizationForm.FormC);
        foreach (var value in Enum.GetValues<TEnum>())
        {
            var label = EnumLabels.Of(value);
            if (string.Equals(EnumLabels.ApiName(value), key, StringComparison.OrdinalIgnoreCase)
                || string.Equals(label.Vietnamese, key, StringComparison.OrdinalIgnoreCase)
                || string.Equals(label.English, key, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    private static DateOnly? Date(string text) =>
        DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    /// <summary>A whole number: digits, optionally grouped by thousands with '.', ',' or spaces (1.500.000.000).</summary>
    private static long? Whole(string text)
    {
        var t = text.Trim();
        if (long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var plain))
        {
            return plain;
        }

        foreach (var separator in new[] { '.', ',', ' ', '\u00a0' })
        {
            var groups = t.Split(separator);
            if (groups.Length > 1 && groups[0].Length is >= 1 and <= 3 && groups.Skip(1).All(g => g.Length == 3)
                && groups.All(g => g.All(char.IsAsciiDigit)))
            {
                return long.TryParse(string.Concat(groups), NumberStyles.None, CultureInfo.InvariantCulture, out var grouped) ? grouped : null;
            }
        }

        return null;
    }

    private static bool? Boolean(string text) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "x" or "có" or "co" or "yes" => true,
        "false" or "0" or "không" or "khong" or "no" => false,
        _ => null,
    };
}
