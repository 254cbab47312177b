using CoopApi.Tests.Common;
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
        CommuneCode: "07210",
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

        cooperative.UpdateDetails(details, Today, Now, SmallMap.Instance);

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
        }, Today, Now, SmallMap.Instance);

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

        cooperative.UpdateDetails(Changed() with { EstablishedOn = Founded }, Today, Now, SmallMap.Instance);

        Assert.Equal(OrganizationStatus.Suspended, cooperative.Status);
        Assert.Equal(2, cooperative.StatusHistory.Count);
    }

    [Fact]
    public void UpdateDetails_NewFoundingDateBeforeAnyStatusChange_KeepsTheRegistrationEntryAsRecorded()
    {
        var cooperative = Registered();
        var corrected = new DateOnly(2010, 1, 1);

        cooperative.UpdateDetails(Details() with { EstablishedOn = corrected }, Today, Now, SmallMap.Instance);

        Assert.Equal(corrected, cooperative.EstablishedOn);
        Assert.Equal(Founded, Assert.Single(cooperative.StatusHistory).EffectiveOn);
    }

    [Fact]
    public void UpdateDetails_NewFoundingDateOnceTheHistoryHasMovedOn_IsABrokenRule()
    {
        var cooperative = InStatus(OrganizationStatus.Suspended);

        var ex = Assert.Throws<BusinessRuleViolationException>(() =>
            cooperative.UpdateDetails(Details() with { EstablishedOn = new DateOnly(2001, 1, 1), Name = "Tên mới" }, Today, Now, SmallMap.Instance));

        Assert.Equal("establishedOn.historyStarted", ex.Code);
        Assert.Equal(Founded, cooperative.EstablishedOn);
        Assert.NotEqual("Tên mới", cooperative.Name);
    }

    [Fact]
    public void UpdateDetails_SameFoundingDateOnceTheHistoryHasMovedOn_IsAccepted()
    {
        var cooperative = InStatus(OrganizationStatus.Suspended);

        cooperative.UpdateDetails(Details() with { Name = "Tên mới" }, Today, Now, SmallMap.Instance);

        Assert.Equal("Tên mới", cooperative.Name);
    }

    [Fact]
    public void UpdateDetails_OfADissolvedOrganization_IsABrokenRuleAndChangesNothing()
    {
        var cooperative = InStatus(OrganizationStatus.Dissolved);

        var ex = Assert.Throws<BusinessRuleViolationException>(() =>
            cooperative.UpdateDetails(Details(OrganizationKind.CooperativeUnion) with { MemberCount = 3 }, Today, Now, SmallMap.Instance));

        Assert.Equal("cooperative.dissolved", ex.Code);
        Assert.Equal(OrganizationKind.Cooperative, cooperative.Kind);
    }

    [Fact]
    public void UpdateDetails_CommuneOfAnotherProvince_IsRefused()
    {
        var cooperative = Registered();

        var ex = Assert.Throws<DomainValidationException>(() =>
            cooperative.UpdateDetails(Details() with { ProvinceCode = "24" }, Today, Now, SmallMap.Instance));

        Assert.Equal("communeCode", ex.Field);
        Assert.Equal("communeCode.notInProvince", ex.Code);
        Assert.Equal("20", cooperative.ProvinceCode);
    }

    [Fact]
    public void UpdateDetails_InvalidDetails_IsRefusedAndChangesNothing()
    {
        var cooperative = Registered();

        var ex = Assert.Throws<DomainValidationException>(() =>
            cooperative.UpdateDetails(Changed() with { MemberCount = 2 }, Today, Now, SmallMap.Instance));

        Assert.Equal("memberCount", ex.Field);
        Assert.Equal(Details().Name, cooperative.Name);
        Assert.Equal(OrganizationKind.Cooperative, cooperative.Kind);
    }

    [Fact]
    public void UpdateDetails_FoundingDateInFuture_IsRefused()
    {
        var cooperative = Registered();

        var ex = Assert.Throws<DomainValidationException>(() =>
            cooperative.UpdateDetails(Details() with { EstablishedOn = Today.AddDays(1) }, Today, Now, SmallMap.Instance));

        Assert.Equal("establishedOn", ex.Field);
        Assert.Equal("establishedOn.inFuture", ex.Code);
    }

    [Fact]
    public void UpdateDetails_NullDetails_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Registered().UpdateDetails(null!, Today, Now, SmallMap.Instance));
    }
}
