using CoopApi.Application.Import;
using CoopApi.Domain.Cooperatives;
using FluentValidation;

namespace CoopApi.Application.UnitTests.Import;

/// <summary>How an import reads a row into the field model of a single write.</summary>
public sealed class ImportColumnsTests
{
    private static ImportedCooperative Read(out List<ImportRowError> errors, params (string Column, string? Value)[] cells)
    {
        errors = [];
        var record = new ImportRecord(7, cells.Select(c => new KeyValuePair<string, ImportValue>(c.Column, new ImportValue(c.Value))).ToList());
        return ImportColumns.Read(record, errors, []);
    }

    [Theory]
    [InlineData("Tên HTX", "name")]
    [InlineData("  tên htx ", "name")]
    [InlineData("Mã số HTX", "registrationCode")]
    [InlineData("Ngày thành lập", "establishedOn")]
    [InlineData("Vốn điều lệ", "charterCapital")]
    [InlineData("Số thành viên", "memberCount")]
    [InlineData("Tỉnh", "provinceCode")]
    [InlineData("Xã", "communeCode")]
    [InlineData("memberCount", "memberCount")]
    public void VietnameseAndEnglishHeaders_NameTheirField(string header, string field) =>
        Assert.Equal(field, ImportColumns.FieldOf(header));

    [Fact]
    public void ComposedAndDecomposedAccents_AreTheSameHeader() =>
        Assert.Equal("name", ImportColumns.FieldOf("Tên HTX".Normalize(System.Text.NormalizationForm.FormD)));

    [Fact]
    public void AHeaderWithAnUnknownColumnAndWithoutRequiredOnes_IsRefusedNamingThem()
    {
        var ex = Assert.Throws<ValidationException>(() => ImportColumns.CheckHeader(["Tên HTX", "Màu"]));
        Assert.Contains(ex.Errors, e => e.ErrorMessage.Contains("Màu", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.ErrorMessage.Contains("memberCount", StringComparison.Ordinal));
    }

    [Fact]
    public void SpreadsheetValues_AreRead_GroupedNumbersVietnameseDatesAndLabels()
    {
        var row = Read(out var errors, ("Vốn điều lệ", "1.500.000.000"), ("Ngày thành lập", "12/03/2015"), ("Loại hình", "Tổ hợp tác"),
            ("HTX thanh niên", "có"), ("Sản phẩm chính", "Chè | Mật ong"), ("Số thành viên", "35"));

        Assert.Empty(errors);
        Assert.Equal(1_500_000_000L, row.CharterCapital);
        Assert.Equal(new DateOnly(2015, 3, 12), row.EstablishedOn);
        Assert.Equal(OrganizationKind.CooperativeGroup, row.Kind);
        Assert.True(row.IsYouthCooperative);
        Assert.Equal(["Chè", "Mật ong"], row.MainProducts);
        Assert.Equal(35, row.MemberCount);
    }

    [Fact]
    public void AValueOfTheWrongType_IsAnErrorOfItsRowAndColumn()
    {
        Read(out var errors, ("Số thành viên", "ba mươi"), ("establishedOn", "2015-13-40"));

        Assert.Equal([("Số thành viên", "memberCount.format"), ("establishedOn", "establishedOn.format")],
            errors.Select(e => (e.Column!, e.Code)));
        Assert.All(errors, e => Assert.Equal(7, e.Row));
    }

    [Fact]
    public void MisgroupedNumbers_AreNotGuessed()
    {
        Read(out var errors, ("charterCapital", "1.50.000"));

        Assert.Equal("charterCapital.format", Assert.Single(errors).Code);
    }
}
