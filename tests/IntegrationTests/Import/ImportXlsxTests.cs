using System.IO.Compression;
using System.Net;
using System.Text;
using CoopApi.IntegrationTests.Support;
using MiniExcelLibs;
using static CoopApi.IntegrationTests.Cooperatives.CooperativesApi;
using static CoopApi.IntegrationTests.Import.ImportApi;

namespace CoopApi.IntegrationTests.Import;

/// <summary>
/// <c>.xlsx</c> uploads: the first sheet, its first row naming the columns as a CSV header does,
/// typed cells (numbers, dates, booleans) read as the CSV's text, the same report; a file that is
/// not a readable workbook, or that would unpack beyond the limits, is 400, never 500.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ImportXlsxTests(ApiFixture fixture)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private readonly HttpClient _client = fixture.CreateClient();

    private static Dictionary<string, object?> Cells(string code, string name, int members) => new()
    {
        ["Mã số HTX"] = code,
        ["Tên HTX"] = name,
        ["kind"] = "cooperative",
        ["sector"] = "agricultureForestryFishery",
        ["Tỉnh"] = "20",
        ["Xã"] = "06427",
        ["address"] = "Thôn Làng Bên, xã Cai Kinh",
        ["Ngày thành lập"] = new DateTime(2015, 3, 12),
        ["Vốn điều lệ"] = 1_500_000_000L,
        ["Số thành viên"] = members,
        ["employeeCount"] = 12,
        ["representative"] = "Hoàng Văn Thắng",
        ["phone"] = "0205 3825 123",
        ["email"] = "htx@example.vn",
        ["isYouthCooperative"] = true,
        ["mainProducts"] = "Na Chi Lăng|Mật ong",
    };

    private static byte[] Workbook(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    [Fact]
    public async Task FirstSheet_TypedCells_VietnameseHeaders_AreImported_AndBadRowsReportedByNumber()
    {
        var token = TestData.UniqueToken();
        var codes = new[] { TestData.UniqueRegistrationCode(), TestData.UniqueRegistrationCode(), TestData.UniqueRegistrationCode() };
        var file = Workbook([
            Cells(codes[0], $"Hợp tác xã Hoa Sen {token} một", 35),
            Cells(codes[1], $"Hợp tác xã Hoa Sen {token} hai", 3), // a cooperative needs 5 members
            Cells(codes[2], $"Hợp tác xã Hoa Sen {token} ba", 40),
        ]);

        var (status, body, _) = await PostAsync(_client, file, Xlsx, "?atomic=false");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3, (int)body["rowsRead"]!);
        Assert.Equal(2, (int)body["created"]!);
        Assert.Equal([2], RejectedRows(body));
        Assert.Equal("Số thành viên", (string)body["errors"]![0]!["column"]!);
        Assert.Equal("3", (string)body["errors"]![0]!["value"]!);
        var created = await FindByCodeAsync(_client, codes[0]);
        Assert.Equal("2015-03-12", (string)created["establishedOn"]!);
        Assert.Equal(1_500_000_000L, (long)created["charterCapital"]!);
        Assert.Equal(35, (int)created["memberCount"]!);
        Assert.True((bool)created["isYouthCooperative"]!);
        Assert.Equal(2, await CountAsync(_client, token));
    }

    [Fact]
    public async Task NotAWorkbook_Is400()
    {
        var real = Workbook([Cells(TestData.UniqueRegistrationCode(), "Hợp tác xã Cắt Cụt", 35)]);

        foreach (var bytes in new[] { [0x50, 0x4B, 0x03, 0x04, 1, 2, 3], real[..(real.Length / 2)], Encoding.UTF8.GetBytes("name\r\nHTX\r\n") })
        {
            var (status, body, _) = await PostAsync(_client, bytes, Xlsx);

            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains(".xlsx", body.Text(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ZipBomb_Is400_BeforeItIsUnpacked()
    {
        // 64 MiB of one byte packs to about 64 KB: a ratio no spreadsheet has.
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var workbook = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open()))
            {
                await workbook.WriteAsync("<workbook/>");
            }

            await using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal).Open();
            var blanks = new byte[1 << 20];
            Array.Fill(blanks, (byte)' ');
            for (var i = 0; i < 64; i++)
            {
                await sheet.WriteAsync(blanks);
            }
        }

        var (status, body, _) = await PostAsync(_client, stream.ToArray(), Xlsx);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("unpacks", body.Text(), StringComparison.Ordinal);
    }
}
