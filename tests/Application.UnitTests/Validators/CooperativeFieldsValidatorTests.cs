using CoopApi.Tests.Common;
using CoopApi.Application.Cooperatives.Commands.CreateCooperative;
using CoopApi.Application.Cooperatives.Commands.UpdateCooperative;
using CoopApi.Application.UnitTests.Fakes;
using CoopApi.Domain.Cooperatives;
using FluentValidation.Results;

namespace CoopApi.Application.UnitTests.Validators;

/// <summary>
/// The registration and update validators report the domain's rules field by field, all at once,
/// with the domain's codes and texts (the rules themselves are specified in the domain tests).
/// Provinces and communes come from an in-memory map: <see cref="NoDatabase"/> is never needed.
/// </summary>
public class CooperativeFieldsValidatorTests
{
    private static CreateCooperativeCommand Command(OrganizationKind kind = OrganizationKind.Cooperative) => new()
    {
        RegistrationCode = kind == OrganizationKind.CooperativeGroup ? null : "4900123456",
        Name = "Hợp tác xã Cai Kinh",
        Kind = kind,
        Sector = Sector.AgricultureForestryFishery,
        ProvinceCode = "20",
        CommuneCode = "06427",
        Address = "Thôn Làng Bên",
        EstablishedOn = new DateOnly(2015, 3, 12),
        CharterCapital = 1_500_000_000,
        MemberCount = 35,
        EmployeeCount = 12,
        Representative = "Hoàng Văn Thắng",
        Phone = "0205 3825 123",
        Email = "htxcaikinh@example.vn",
        IsYouthCooperative = false,
        MainProducts = ["Na Chi Lăng"],
    };

    [Fact]
    public async Task Validate_CompleteCommand_HasNoErrors()
    {
        Assert.Empty(await Validate(Command()));
    }

    [Fact]
    public async Task Validate_EveryBrokenField_IsReportedAtOnceWithTheDomainsCode()
    {
        var errors = await Validate(new CreateCooperativeCommand
        {
            RegistrationCode = "4900123456\n",
            Name = " ",
            Kind = OrganizationKind.Cooperative,
            Sector = (Sector)0,
            ProvinceCode = "27",
            CommuneCode = "06433",
            Address = "a\0b",
            EstablishedOn = new DateOnly(1899, 12, 31),
            CharterCapital = -1,
            MemberCount = 4,
            EmployeeCount = -1,
            Representative = new string('r', 256),
            Phone = "call me",
            Email = "htx",
            MainProducts = ["Na", " "],
        });

        Assert.Equal(
        [
            "address:address.containsNul", "charterCapital:charterCapital.negative", "communeCode:communeCode.preReform",
            "email:email.format", "employeeCount:employeeCount.negative", "establishedOn:establishedOn.tooEarly",
            "mainProducts[1]:mainProducts.blank", "memberCount:memberCount.belowMinimum", "name:name.required",
            "phone:phone.format", "provinceCode:provinceCode.preReform", "registrationCode:registrationCode.format",
            "representative:representative.tooLong", "sector:sector.unknown",
        ], errors.Select(e => $"{e.PropertyName}:{e.ErrorCode}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Validate_PreReformProvince_SaysWhatItBecame()
    {
        using var _ = new UiCulture("en-US");

        var error = Assert.Single(await Validate(Command() with { ProvinceCode = "27" }), e => e.PropertyName == "provinceCode");

        Assert.Equal("27 is a pre-reform province code; since 1 July 2025 it is part of province 24.", error.ErrorMessage);
    }

    [Fact]
    public async Task Validate_CommuneOfAnotherProvince_IsRefusedOnTheCommune()
    {
        using var _ = new UiCulture("vi-VN");

        var error = Assert.Single(await Validate(Command() with { ProvinceCode = "24" }));

        Assert.Equal("communeCode", error.PropertyName);
        Assert.Equal("Xã mã 06427 (Xã Cai Kinh) thuộc tỉnh mã 20, không thuộc tỉnh mã 24.", error.ErrorMessage);
    }

    [Fact]
    public async Task Validate_MalformedProvince_DoesNotAlsoBlameTheCommune()
    {
        var error = Assert.Single(await Validate(Command() with { ProvinceCode = "2" }));

        Assert.Equal("provinceCode.format", error.ErrorCode);
    }

    [Theory]
    [InlineData("en-US", "The charter capital must be 0 or more (VND, whole number).")]
    [InlineData("vi-VN", "Vốn điều lệ phải từ 0 trở lên (đồng, số nguyên).")]
    public async Task Validate_Messages_AreOurOwnAndSayWhatWasExpected(string culture, string expected)
    {
        using var _ = new UiCulture(culture);

        var error = Assert.Single(await Validate(Command() with { CharterCapital = -1 }));

        Assert.Equal(expected, error.ErrorMessage);
    }

    [Fact]
    public async Task Validate_PhoneAndEmail_AreExact_NotTrimmed()
    {
        var errors = await Validate(Command() with { Phone = "0205 3825 123\n", Email = " htxcaikinh@example.vn" });

        Assert.Equal(["email:email.format", "phone:phone.format"],
            errors.Select(e => $"{e.PropertyName}:{e.ErrorCode}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Validate_PhoneLimit_AppliesToTheValueAsSent()
    {
        var phone = "0205 3825 123 0205 3825 123 01";

        Assert.Empty(await Validate(Command() with { Phone = phone }));
        Assert.Equal("phone.tooLong", Assert.Single(await Validate(Command() with { Phone = " " + phone })).ErrorCode);
    }

    [Fact]
    public async Task Validate_LengthLimits_ApplyToTheTrimmedValue()
    {
        Assert.Empty(await Validate(Command() with { Name = "  " + new string('H', OrganizationRules.NameMaxLength) + "\t" }));
        Assert.Single(await Validate(Command() with { Name = new string('H', OrganizationRules.NameMaxLength + 1) }));
    }

    [Fact]
    public async Task Validate_MissingValueFields_AreRequired()
    {
        var errors = await Validate(Command() with
        {
            Kind = null, Sector = null, ProvinceCode = null, CommuneCode = "", EstablishedOn = null, CharterCapital = null, MemberCount = null,
        });

        Assert.Equal(
            ["charterCapital.required", "communeCode.required", "establishedOn.required", "kind.required", "memberCount.required",
             "provinceCode.required", "sector.required"],
            errors.Select(e => e.ErrorCode).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Validate_UpdateCommand_HasTheSameRules()
    {
        var validator = new UpdateCooperativeCommandValidator(SmallMap.Instance, new FixedCalendar());

        var result = await validator.ValidateAsync(new UpdateCooperativeCommand { Name = "x\0", Kind = OrganizationKind.CooperativeGroup });

        Assert.Contains(result.Errors, e => e.ErrorCode == "name.containsNul");
        Assert.Contains(result.Errors, e => e.ErrorCode == "memberCount.required");
    }

    private static async Task<List<ValidationFailure>> Validate(CreateCooperativeCommand command) =>
        (await new CreateCooperativeCommandValidator(SmallMap.Instance, new FixedCalendar()).ValidateAsync(command)).Errors;
}
