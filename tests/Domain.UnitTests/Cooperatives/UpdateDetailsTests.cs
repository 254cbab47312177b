using CoopApi.Domain.Common;
using CoopApi.Domain.Cooperatives;
using static CoopApi.Domain.UnitTests.Cooperatives.Samples;

namespace CoopApi.Domain.UnitTests.Cooperatives;

public class UpdateDetailsTests
{
    private static CooperativeDetails Changed() => new(
        RegistrationCode: "4900999999-001",
        Name: "Liên hiệp hợp tác xã Nhật Tiến",
        Kind: OrganizationKind.CooperativeUnion,
        Sector: Sector.IndustryHandicraft,
        ProvinceCode: "24",
        CommuneCode: "06415",
        Address: "Xã Vân Nham",
        EstablishedOn: new DateOnly(2016, 4, 1),
        CharterCapital: 2_000_000_000,
        MemberCount: 3,
        EmployeeCount: 40,
        Representative: "Nguyễn Thị Hoa",
        Phone: "0204 3855 000",
        Email: "lhhtx@example.vn",
        IsYouthCooperative: true,
        MainProducts: ["Mây tre đan"]);

    [Fact]
    public void UpdateDetails_ValidDetails_ReplacesEveryField()
    {
        var cooperative = Registered();
        var id = cooperative.Id;
        var details = Changed();

        cooperative.UpdateDetails(details, Today);

        Assert.Equal(id, cooperative.Id);
        Assert.Equal(details.RegistrationCode, cooperative.RegistrationCode);
        Assert.Equal(details.Name, cooperative.Name);
        Assert.Equal(details.Kind, cooperative.Kind);
        Assert.Equal(details.Sector, cooperative.Sector);
        Assert.Equal(details.ProvinceCode, cooperative.ProvinceCode);
        Assert.Equal(details.CommuneCode, cooperative.CommuneCode);
        Assert.Equal(details.Address, cooperative.Address);
        Assert.Equal(details.EstablishedOn, cooperative.EstablishedOn);
        Assert.Equal(details.CharterCapital, cooperative.CharterCapital);
        Assert.Equal(details.MemberCount, cooperative.MemberCount);
        Assert.Equal(details.EmployeeCount, cooperative.EmployeeCount);
        Assert.Equal(details.Representative, cooperative.Representative);
        Assert.Equal(details.Phone, cooperative.Phone);
        Assert.Equal(details.Email, cooperative.Email);
        Assert.Equal(details.IsYouthCooperative, cooperative.IsYouthCooperative);
        Assert.Equal(details.MainProducts, cooperative.MainProducts);
    }

    [Fact]
    public void UpdateDetails_AbsentOptionalFields_BecomeEmpty()
    {
        var cooperative = Registered();

        cooperative.UpdateDetails(Details() with
        {
            Address = null, Representative = null, Phone = null, Email = null, EmployeeCount = null, MainProducts = [],
        }, Today);

        Assert.Null(cooperative.Address);
        Assert.Null(cooperative.Representative);
        Assert.Null(cooperative.Phone);
        Assert.Null(cooperative.Email);
        Assert.Null(cooperative.EmployeeCount);
        Assert.Empty(cooperative.MainProducts);
    }

    [Fact]
    public void UpdateDetails_DoesNotChangeStatusOrHistoryLength()
    {
        var cooperative = InStatus(OrganizationStatus.Suspended);

        cooperative.UpdateDetails(Changed(), Today);

        Assert.Equal(OrganizationStatus.Suspended, cooperative.Status);
        Assert.Equal(2, cooperative.StatusHistory.Count);
    }

    [Theory]
    [InlineData(2010, 1, 1)]
    [InlineData(2020, 5, 5)]
    public void UpdateDetails_NewFoundingDate_MovesRegistrationEntry(int year, int month, int day)
    {
        var cooperative = Registered();
        var established = new DateOnly(year, month, day);

        cooperative.UpdateDetails(Details() with { EstablishedOn = established }, Today);

        Assert.Equal(established, cooperative.EstablishedOn);
        var entry = Assert.Single(cooperative.StatusHistory);
        Assert.Null(entry.FromStatus);
        Assert.Equal(established, entry.EffectiveOn);
    }

    [Fact]
    public void UpdateDetails_FoundingDateAfterFirstStatusChange_IsRefused()
    {
        var cooperative = Registered();
        var firstChange = new DateOnly(2020, 1, 1);
        cooperative.ChangeStatus(OrganizationStatus.Suspended, firstChange, "Tạm ngừng", Today, Now);

        var ex = Assert.Throws<DomainValidationException>(() =>
            cooperative.UpdateDetails(Details() with { EstablishedOn = firstChange.AddDays(1), Name = "Tên mới" }, Today));

        Assert.Equal("establishedOn", ex.Field);
        Assert.Equal("establishedOn.afterStatusChange", ex.Code);
        Assert.Contains("2020-01-01", ex.Message, StringComparison.Ordinal);
        Assert.Equal(Founded, cooperative.EstablishedOn);
        Assert.Equal(Founded, cooperative.StatusHistory[0].EffectiveOn);
        Assert.NotEqual("Tên mới", cooperative.Name);
    }

    [Fact]
    public void UpdateDetails_FoundingDateOnFirstStatusChange_IsAcceptedAndMovesRegistrationEntry()
    {
        var cooperative = Registered();
        var firstChange = new DateOnly(2020, 1, 1);
        cooperative.ChangeStatus(OrganizationStatus.Suspended, firstChange, "Tạm ngừng", Today, Now);

        cooperative.UpdateDetails(Details() with { EstablishedOn = firstChange }, Today);

        Assert.Equal(firstChange, cooperative.EstablishedOn);
        Assert.Equal(firstChange, cooperative.StatusHistory[0].EffectiveOn);
        Assert.Equal(firstChange, cooperative.StatusHistory[1].EffectiveOn);
    }

    [Fact]
    public void UpdateDetails_FoundingDateEarlierWithStatusChanges_MovesOnlyRegistrationEntry()
    {
        var cooperative = InStatus(OrganizationStatus.Dissolved);
        var later = cooperative.StatusHistory.Skip(1).Select(h => h.EffectiveOn).ToList();
        var established = new DateOnly(2001, 1, 1);

        cooperative.UpdateDetails(Details() with { EstablishedOn = established }, Today);

        Assert.Equal(established, cooperative.StatusHistory[0].EffectiveOn);
        Assert.Equal(later, cooperative.StatusHistory.Skip(1).Select(h => h.EffectiveOn));
    }

    [Fact]
    public void UpdateDetails_InvalidDetails_IsRefusedAndChangesNothing()
    {
        var cooperative = Registered();

        var ex = Assert.Throws<DomainValidationException>(() =>
            cooperative.UpdateDetails(Changed() with { MemberCount = 2 }, Today));

        Assert.Equal("memberCount", ex.Field);
        Assert.Equal(Details().Name, cooperative.Name);
        Assert.Equal(OrganizationKind.Cooperative, cooperative.Kind);
        Assert.Equal(Founded, cooperative.StatusHistory[0].EffectiveOn);
    }

    [Fact]
    public void UpdateDetails_FoundingDateInFuture_IsRefused()
    {
        var cooperative = Registered();

        var ex = Assert.Throws<DomainValidationException>(() =>
            cooperative.UpdateDetails(Details() with { EstablishedOn = Today.AddDays(1) }, Today));

        Assert.Equal("establishedOn", ex.Field);
        Assert.Equal("establishedOn.inFuture", ex.Code);
    }

    [Fact]
    public void UpdateDetails_NullDetails_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Registered().UpdateDetails(null!, Today));
    }
}
