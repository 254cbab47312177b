using System.Reflection;
using System.Text.RegularExpressions;
using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.Common;
using CoopApi.Domain.Cooperatives;

namespace CoopApi.Domain.UnitTests.Common;

public partial class EnumLabelsTests
{
    private static readonly Type[] DomainEnums = typeof(Cooperative).Assembly.GetTypes()
        .Where(t => t.IsEnum && t.IsPublic && t.Namespace?.StartsWith("CoopApi.Domain", StringComparison.Ordinal) == true)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToArray();

    public static TheoryData<Type> Enums() => new(DomainEnums);

    [Fact]
    public void DomainEnums_AreFound()
    {
        // Guards the reflection below against silently testing nothing.
        Assert.Contains(typeof(OrganizationKind), DomainEnums);
        Assert.Contains(typeof(OrganizationStatus), DomainEnums);
        Assert.Contains(typeof(Sector), DomainEnums);
        Assert.Contains(typeof(ProvinceKind), DomainEnums);
        Assert.Contains(typeof(CommuneKind), DomainEnums);
        Assert.Contains(typeof(MergePart), DomainEnums);
    }

    [Theory]
    [MemberData(nameof(Enums))]
    public void EveryValue_HasVietnameseAndEnglishLabel(Type enumType)
    {
        var fields = enumType.GetFields(BindingFlags.Public | BindingFlags.Static);
        Assert.NotEmpty(fields);
        var unlabelled = fields
            .Where(f => f.GetCustomAttribute<LabelAttribute>() is not { } label
                        || string.IsNullOrWhiteSpace(label.Vietnamese)
                        || string.IsNullOrWhiteSpace(label.English))
            .Select(f => f.Name)
            .ToList();

        Assert.True(unlabelled.Count == 0, $"{enumType.Name} values without both labels: {string.Join(", ", unlabelled)}");
    }

    [Theory]
    [MemberData(nameof(Enums))]
    public void Of_ReturnsTheDeclaredLabel(Type enumType)
    {
        var of = typeof(EnumLabels).GetMethod(nameof(EnumLabels.Of))!.MakeGenericMethod(enumType);
        foreach (var field in enumType.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var declared = field.GetCustomAttribute<LabelAttribute>()!;
            var label = (LabelAttribute)of.Invoke(null, [field.GetValue(null)])!;
            Assert.Equal(declared.Vietnamese, label.Vietnamese);
            Assert.Equal(declared.English, label.English);
        }
    }

    [Theory]
    [MemberData(nameof(Enums))]
    public void ApiName_IsCamelCaseOfTheValueName(Type enumType)
    {
        var apiName = typeof(EnumLabels).GetMethod(nameof(EnumLabels.ApiName))!.MakeGenericMethod(enumType);
        foreach (var field in enumType.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var name = (string)apiName.Invoke(null, [field.GetValue(null)])!;
            Assert.Matches(CamelCase(), name);
            Assert.Equal(field.Name, char.ToUpperInvariant(name[0]) + name[1..]);
        }
    }

    [Fact]
    public void ApiName_Examples()
    {
        Assert.Equal("awaitingDissolution", EnumLabels.ApiName(OrganizationStatus.AwaitingDissolution));
        Assert.Equal("cooperativeGroup", EnumLabels.ApiName(OrganizationKind.CooperativeGroup));
        Assert.Equal("agricultureForestryFishery", EnumLabels.ApiName(Sector.AgricultureForestryFishery));
        Assert.Equal("specialZone", EnumLabels.ApiName(CommuneKind.SpecialZone));
    }

    [Fact]
    public void Of_Examples()
    {
        Assert.Equal("Hợp tác xã", EnumLabels.Of(OrganizationKind.Cooperative).Vietnamese);
        Assert.Equal("Tổ hợp tác", EnumLabels.Of(OrganizationKind.CooperativeGroup).Vietnamese);
        Assert.Equal("Liên hiệp hợp tác xã", EnumLabels.Of(OrganizationKind.CooperativeUnion).Vietnamese);
        Assert.Equal("Đang hoạt động", EnumLabels.Of(OrganizationStatus.Active).Vietnamese);
        Assert.Equal("Tạm ngừng hoạt động", EnumLabels.Of(OrganizationStatus.Suspended).Vietnamese);
        Assert.Equal("Ngừng hoạt động chờ giải thể", EnumLabels.Of(OrganizationStatus.AwaitingDissolution).Vietnamese);
        Assert.Equal("Đã giải thể", EnumLabels.Of(OrganizationStatus.Dissolved).Vietnamese);
    }

    [Fact]
    public void Of_UndefinedValue_FallsBackToItsName()
    {
        var label = EnumLabels.Of((OrganizationStatus)42);

        Assert.Equal("42", label.Vietnamese);
        Assert.Equal("42", label.English);
    }

    [GeneratedRegex("^[a-z][A-Za-z0-9]*$")]
    private static partial Regex CamelCase();
}
