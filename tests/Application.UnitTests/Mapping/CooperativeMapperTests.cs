using CoopApi.Domain.Common;
using CoopApi.Tests.Common;
using System.Collections;
using System.Reflection;
using CoopApi.Application.Cooperatives;
using CoopApi.Application.UnitTests.Fakes;
using CoopApi.Domain.Cooperatives;

namespace CoopApi.Application.UnitTests.Mapping;

public class CooperativeMapperTests
{
    private static readonly DateOnly Today = new(2025, 11, 20);
    private static readonly DateTimeOffset Now = new(2025, 11, 20, 3, 0, 0, TimeSpan.Zero);

    /// <summary>A registered organization where no property holds its type's default value.</summary>
    internal static Cooperative SampleCooperative()
    {
        var cooperative = Cooperative.Register(new CooperativeDetails(
            RegistrationCode: "4900123456-001",
            Name: "Hợp tác xã Cai Kinh",
            Kind: OrganizationKind.CooperativeUnion,
            Sector: Sector.TradeServices,
            ProvinceCode: "20",
            CommuneCode: "06427",
            Address: "Thôn Làng Bên",
            EstablishedOn: new DateOnly(2015, 3, 12),
            CharterCapital: 1_500_000_000,
            MemberCount: 35,
            EmployeeCount: 12,
            Representative: "Hoàng Văn Thắng",
            Phone: "0205 3825 123",
            Email: "htxcaikinh@example.vn",
            IsYouthCooperative: true,
            MainProducts: ["Na Chi Lăng", "Hồi"]), Today, Now, SmallMap.Instance);
        cooperative.ChangeStatus(OrganizationStatus.Suspended, new DateOnly(2023, 6, 30), "Quyết định 125/QĐ-UBND", Today, Now);
        cooperative.CreatedAt = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
        cooperative.UpdatedAt = new DateTimeOffset(2025, 6, 7, 8, 9, 10, TimeSpan.Zero);
        // The version is kept by the write path: set it as EF Core would, so that its mapping is checked too.
        typeof(AggregateRoot).GetProperty(nameof(Cooperative.Version))!.SetValue(cooperative, 4711);
        return cooperative;
    }

    internal static CooperativeDto SampleDto() => SampleCooperative().ToDto();

    [Fact]
    public void SampleCooperative_HasNoDefaultValues()
    {
        // Otherwise a property the mapper forgot could still compare equal (default == default).
        var cooperative = SampleCooperative();
        var defaults = typeof(Cooperative).GetProperties()
            .Where(p => IsDefault(p.GetValue(cooperative), p.PropertyType))
            .Select(p => p.Name)
            .ToList();

        Assert.True(defaults.Count == 0, $"Properties left at their default: {string.Join(", ", defaults)}");
    }

    [Fact]
    public void ToDto_Cooperative_MapsEveryDtoPropertyFromTheEntity()
    {
        var cooperative = SampleCooperative();

        var dto = cooperative.ToDto();

        AssertMapped(cooperative, dto);
    }

    [Fact]
    public void ToDto_Cooperative_ExplicitValues()
    {
        var cooperative = SampleCooperative();

        var dto = cooperative.ToDto();

        Assert.Equal(cooperative.Id, dto.Id);
        Assert.Equal("4900123456-001", dto.RegistrationCode);
        Assert.Equal(OrganizationKind.CooperativeUnion, dto.Kind);
        Assert.Equal(OrganizationStatus.Suspended, dto.Status);
        Assert.Equal(["Na Chi Lăng", "Hồi"], dto.MainProducts.ToArray());
        Assert.Equal(4711, dto.Version);
        Assert.True(dto.IsYouthCooperative);
    }

    [Fact]
    public void ToDto_CooperativeGroupWithoutOptionalFields_MapsNulls()
    {
        var cooperative = Cooperative.Register(new CooperativeDetails(null, "Tổ hợp tác Na", OrganizationKind.CooperativeGroup,
            Sector.AgricultureForestryFishery, "20", "06427", null, new DateOnly(2020, 1, 1), 0, 2, null, null, null, null,
            false, []), Today, Now, SmallMap.Instance);

        var dto = cooperative.ToDto();

        Assert.Null(dto.RegistrationCode);
        Assert.Null(dto.Address);
        Assert.Null(dto.EmployeeCount);
        Assert.Null(dto.Representative);
        Assert.Null(dto.Phone);
        Assert.Null(dto.Email);
        Assert.Empty(dto.MainProducts);
    }

    [Fact]
    public void ToDto_StatusChange_MapsEveryDtoPropertyFromTheEntity()
    {
        var change = SampleCooperative().StatusHistory[1];

        var dto = change.ToDto();

        AssertMapped(change, dto);
        Assert.Equal(OrganizationStatus.Active, dto.FromStatus);
        Assert.Equal(OrganizationStatus.Suspended, dto.ToStatus);
        Assert.Equal(new DateOnly(2023, 6, 30), dto.EffectiveOn);
        Assert.Equal("Quyết định 125/QĐ-UBND", dto.Reason);
    }

    [Fact]
    public void ToDto_RegistrationEntry_HasNoFromStatus()
    {
        var dto = SampleCooperative().StatusHistory[0].ToDto();

        Assert.Null(dto.FromStatus);
        Assert.Equal(OrganizationStatus.Active, dto.ToStatus);
    }

    [Theory]
    [InlineData(typeof(CooperativeDto), typeof(Cooperative))]
    [InlineData(typeof(StatusChangeDto), typeof(StatusChange))]
    public void DtoPropertyNames_AreASubsetOfEntityPropertyNames(Type dto, Type entity)
    {
        var entityNames = entity.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToHashSet();

        var unmatched = DtoProperties(dto).Select(p => p.Name).Where(n => !entityNames.Contains(n)).ToList();

        Assert.True(unmatched.Count == 0, $"{dto.Name} properties with no {entity.Name} property of that name: {string.Join(", ", unmatched)}");
    }

    [Theory]
    [InlineData(typeof(CooperativeDto), typeof(Cooperative))]
    [InlineData(typeof(StatusChangeDto), typeof(StatusChange))]
    public void DtoPropertyTypes_AreCompatibleWithEntityPropertyTypes(Type dto, Type entity)
    {
        var mismatched = DtoProperties(dto)
            .Select(d => (Dto: d, Entity: entity.GetProperty(d.Name)!))
            .Where(p => !Compatible(p.Entity.PropertyType, p.Dto.PropertyType))
            .Select(p => $"{p.Dto.Name} ({p.Entity.PropertyType.Name} → {p.Dto.PropertyType.Name})")
            .ToList();

        Assert.True(mismatched.Count == 0, string.Join(", ", mismatched));
    }

    private static IEnumerable<PropertyInfo> DtoProperties(Type dto) =>
        dto.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract");

    private static bool Compatible(Type source, Type target) =>
        target.IsAssignableFrom(source) || (Nullable.GetUnderlyingType(target) is { } underlying && underlying == source);

    private static void AssertMapped(object entity, object dto)
    {
        var properties = DtoProperties(dto.GetType()).ToList();
        Assert.NotEmpty(properties);
        foreach (var property in properties)
        {
            var expected = entity.GetType().GetProperty(property.Name)?.GetValue(entity);
            var actual = property.GetValue(dto);
            if (expected is IEnumerable expectedItems and not string && actual is IEnumerable actualItems)
            {
                Assert.True(expectedItems.Cast<object>().SequenceEqual(actualItems.Cast<object>()), $"{property.Name} differs");
            }
            else
            {
                Assert.True(Equals(expected, actual), $"{property.Name}: expected {expected}, got {actual}");
            }
        }
    }

    private static bool IsDefault(object? value, Type type) => value switch
    {
        null => true,
        IEnumerable items and not string => !items.Cast<object>().Any(),
        _ => type.IsValueType && value.Equals(Activator.CreateInstance(Nullable.GetUnderlyingType(type) ?? type)),
    };
}
