using CoopApi.Application.Cooperatives.Commands.CreateCooperative;
using CoopApi.Application.Cooperatives.Commands.UpdateCooperative;
using CoopApi.Application.UnitTests.Fakes;
using CoopApi.Domain.Cooperatives;
using FluentValidation.Results;

namespace CoopApi.Application.UnitTests.Validators;

/// <summary>
/// The rules of <c>CooperativeFieldsValidator</c> that run without a database. Whether a province
/// or commune exists is looked up in the reference data; those rules are covered by the
/// integration tests. Here every command carries malformed province and commune codes, so the
/// validator stops at their format and never reaches the database (<see cref="NoDatabase"/>
/// fails the test if it does).
/// </summary>
public class CooperativeFieldsValidatorTests
{
    private const string NoProvince = "x";
    private const string NoCommune = "y";

    private readonly NoDatabase _db = new();

    private static CreateCooperativeCommand Command(OrganizationKind kind = OrganizationKind.Cooperative) => new()
    {
        RegistrationCode = kind == OrganizationKind.CooperativeGroup ? null : "4900123456",
        Name = "Hợp tác xã Cai Kinh",
        Kind = kind,
        Sector = Sector.AgricultureForestryFishery,
        ProvinceCode = NoProvince,
        CommuneCode = NoCommune,
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
    public async Task Validate_CompleteCommand_OnlyTheUnreachableCodesFail()
    {
        var errors = await Validate(Command());

        Assert.Equal(["CommuneCode", "ProvinceCode"], errors.Select(e => e.PropertyName).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task Validate_WellFormedProvinceCode_AsksTheReferenceData()
    {
        // The counterpart of every other test here: the fake does notice a database call.
        var validator = new CreateCooperativeCommandValidator(_db, new FixedCalendar());

        await Assert.ThrowsAsync<NoDatabaseException>(() => validator.ValidateAsync(Command() with { ProvinceCode = "20" }));
        Assert.True(_db.Touched > 0);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Validate_MissingName_IsRequired(string? name)
    {
        using var _ = new UiCulture("en-US");

        var error = Assert.Single(await ErrorsOn(Command() with { Name = name }, "Name"));

        Assert.Equal("The name is required.", error.ErrorMessage);
    }

    [Fact]
    public async Task Validate_Name256Characters_IsTooLong()
    {
        Assert.Single(await ErrorsOn(Command() with { Name = new string('H', 256) }, "Name"));
    }

    [Fact]
    public async Task Validate_Name255CharactersPlusSpaces_IsAccepted()
    {
        Assert.Empty(await ErrorsOn(Command() with { Name = " " + new string('H', 255) + " " }, "Name"));
    }

    [Fact]
    public async Task Validate_MissingKind_IsRequiredAndSkipsKindDependentRules()
    {
        var errors = await Validate(Command() with { Kind = null, RegistrationCode = null, MemberCount = 1 });

        Assert.Single(errors, e => e.PropertyName == "Kind");
        Assert.DoesNotContain(errors, e => e.PropertyName is "RegistrationCode" or "MemberCount");
    }

    [Fact]
    public async Task Validate_UnknownKind_IsInvalidAndSkipsKindDependentRules()
    {
        var errors = await Validate(Command() with { Kind = (OrganizationKind)42, MemberCount = 1 });

        Assert.Single(errors, e => e.PropertyName == "Kind");
        Assert.DoesNotContain(errors, e => e.PropertyName == "MemberCount");
    }

    [Fact]
    public async Task Validate_MissingSector_IsRequired()
    {
        Assert.Single(await ErrorsOn(Command() with { Sector = null }, "Sector"));
    }

    [Fact]
    public async Task Validate_UnknownSector_IsInvalid()
    {
        Assert.Single(await ErrorsOn(Command() with { Sector = (Sector)0 }, "Sector"));
    }

    [Theory]
    [InlineData(OrganizationKind.Cooperative, null)]
    [InlineData(OrganizationKind.Cooperative, "  ")]
    [InlineData(OrganizationKind.CooperativeUnion, null)]
    [InlineData(OrganizationKind.CooperativeUnion, "")]
    public async Task Validate_CooperativeOrUnionWithoutRegistrationCode_IsRequired(OrganizationKind kind, string? code)
    {
        using var _ = new UiCulture("vi");

        var error = Assert.Single(await ErrorsOn(Command(kind) with { RegistrationCode = code }, "RegistrationCode"));

        Assert.Equal("Hợp tác xã và liên hiệp hợp tác xã phải có mã số đăng ký.", error.ErrorMessage);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Validate_CooperativeGroupWithoutRegistrationCode_IsAccepted(string? code)
    {
        Assert.Empty(await ErrorsOn(Command(OrganizationKind.CooperativeGroup) with { RegistrationCode = code }, "RegistrationCode"));
    }

    [Theory]
    [InlineData(OrganizationKind.Cooperative, "490012345")]
    [InlineData(OrganizationKind.Cooperative, "4900123456-01")]
    [InlineData(OrganizationKind.Cooperative, "4900123456-")]
    [InlineData(OrganizationKind.CooperativeUnion, "49001234567")]
    [InlineData(OrganizationKind.CooperativeGroup, "abc")]
    public async Task Validate_MalformedRegistrationCode_IsInvalid(OrganizationKind kind, string code)
    {
        Assert.Single(await ErrorsOn(Command(kind) with { RegistrationCode = code }, "RegistrationCode"));
    }

    [Theory]
    [InlineData("4900123456")]
    [InlineData("4900123456-001")]
    [InlineData(" 4900123456 ")]
    public async Task Validate_WellFormedRegistrationCode_IsAccepted(string code)
    {
        Assert.Empty(await ErrorsOn(Command() with { RegistrationCode = code }, "RegistrationCode"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Validate_MissingProvinceCode_IsRequired(string? code)
    {
        using var _ = new UiCulture("en");

        var error = Assert.Single(await ErrorsOn(Command() with { ProvinceCode = code }, "ProvinceCode"));

        Assert.Equal("The province code is required.", error.ErrorMessage);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("200")]
    [InlineData("2a")]
    public async Task Validate_MalformedProvinceCode_IsRefusedWithoutDatabase(string code)
    {
        using var _ = new UiCulture("en");

        var error = Assert.Single(await ErrorsOn(Command() with { ProvinceCode = code }, "ProvinceCode"));

        Assert.Equal("The province code must be 2 digits.", error.ErrorMessage);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Validate_MissingCommuneCode_IsRequired(string? code)
    {
        using var _ = new UiCulture("en");

        var error = Assert.Single(await ErrorsOn(Command() with { CommuneCode = code }, "CommuneCode"));

        Assert.Equal("The commune code is required.", error.ErrorMessage);
    }

    [Theory]
    [InlineData("6427")]
    [InlineData("064270")]
    public async Task Validate_MalformedCommuneCode_IsRefusedWithoutDatabase(string code)
    {
        using var _ = new UiCulture("vi-VN");

        var error = Assert.Single(await ErrorsOn(Command() with { CommuneCode = code }, "CommuneCode"));

        Assert.Equal("Mã xã phải gồm 5 chữ số.", error.ErrorMessage);
    }

    [Fact]
    public async Task Validate_Address501Characters_IsTooLong()
    {
        Assert.Single(await ErrorsOn(Command() with { Address = new string('a', 501) }, "Address"));
        Assert.Empty(await ErrorsOn(Command() with { Address = new string('a', 500) }, "Address"));
    }

    [Fact]
    public async Task Validate_MissingFoundingDate_IsRequired()
    {
        Assert.Single(await ErrorsOn(Command() with { EstablishedOn = null }, "EstablishedOn"));
    }

    [Fact]
    public async Task Validate_FoundingDateAfterTodayInVietnam_IsInFuture()
    {
        using var _ = new UiCulture("en");

        var error = Assert.Single(await ErrorsOn(Command() with { EstablishedOn = FixedCalendar.Day.AddDays(1) }, "EstablishedOn"));

        Assert.Equal("The founding date cannot be in the future.", error.ErrorMessage);
    }

    [Fact]
    public async Task Validate_FoundingDateToday_IsAccepted()
    {
        Assert.Empty(await ErrorsOn(Command() with { EstablishedOn = FixedCalendar.Day }, "EstablishedOn"));
    }

    [Fact]
    public async Task Validate_FoundingDateBefore1900_IsRefused()
    {
        Assert.Single(await ErrorsOn(Command() with { EstablishedOn = new DateOnly(1899, 12, 31) }, "EstablishedOn"));
        Assert.Empty(await ErrorsOn(Command() with { EstablishedOn = new DateOnly(1900, 1, 1) }, "EstablishedOn"));
    }

    [Fact]
    public async Task Validate_MissingCapital_IsRequired()
    {
        Assert.Single(await ErrorsOn(Command() with { CharterCapital = null }, "CharterCapital"));
    }

    [Fact]
    public async Task Validate_NegativeCapital_IsRefusedAndZeroAccepted()
    {
        Assert.Single(await ErrorsOn(Command() with { CharterCapital = -1 }, "CharterCapital"));
        Assert.Empty(await ErrorsOn(Command() with { CharterCapital = 0 }, "CharterCapital"));
    }

    [Fact]
    public async Task Validate_MissingMemberCount_IsRequired()
    {
        Assert.Single(await ErrorsOn(Command() with { MemberCount = null }, "MemberCount"));
    }

    [Theory]
    [InlineData(OrganizationKind.Cooperative, 5)]
    [InlineData(OrganizationKind.CooperativeUnion, 3)]
    [InlineData(OrganizationKind.CooperativeGroup, 2)]
    public async Task Validate_MembersBelowMinimumForKind_IsRefused(OrganizationKind kind, int minimum)
    {
        using var _ = new UiCulture("en");

        var error = Assert.Single(await ErrorsOn(Command(kind) with { MemberCount = minimum - 1 }, "MemberCount"));

        Assert.Contains($"at least {minimum} members", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OrganizationKind.Cooperative, 5)]
    [InlineData(OrganizationKind.CooperativeUnion, 3)]
    [InlineData(OrganizationKind.CooperativeGroup, 2)]
    public async Task Validate_ExactlyMinimumMembers_IsAccepted(OrganizationKind kind, int minimum)
    {
        Assert.Empty(await ErrorsOn(Command(kind) with { MemberCount = minimum }, "MemberCount"));
    }

    [Fact]
    public async Task Validate_AbsurdMemberCount_IsRefused()
    {
        Assert.NotEmpty(await ErrorsOn(Command() with { MemberCount = 10_000_001 }, "MemberCount"));
    }

    [Fact]
    public async Task Validate_Employees_NegativeOrAbsurdRefused_NoneOrZeroAccepted()
    {
        Assert.Single(await ErrorsOn(Command() with { EmployeeCount = -1 }, "EmployeeCount"));
        Assert.Single(await ErrorsOn(Command() with { EmployeeCount = 10_000_001 }, "EmployeeCount"));
        Assert.Empty(await ErrorsOn(Command() with { EmployeeCount = null }, "EmployeeCount"));
        Assert.Empty(await ErrorsOn(Command() with { EmployeeCount = 0 }, "EmployeeCount"));
    }

    [Fact]
    public async Task Validate_Representative256Characters_IsTooLong()
    {
        Assert.Single(await ErrorsOn(Command() with { Representative = new string('r', 256) }, "Representative"));
    }

    [Theory]
    [InlineData("0205 3825 123")]
    [InlineData("+84 (205) 382-5123")]
    [InlineData("0912.345.678")]
    [InlineData(null)]
    [InlineData("")]
    public async Task Validate_PlausiblePhone_IsAccepted(string? phone)
    {
        Assert.Empty(await ErrorsOn(Command() with { Phone = phone }, "Phone"));
    }

    [Theory]
    [InlineData("call me")]
    [InlineData("12345")]
    [InlineData("0205 3825 123 ext 4")]
    [InlineData("0123456789012345678901234567890")]
    public async Task Validate_ImplausiblePhone_IsRefused(string phone)
    {
        Assert.NotEmpty(await ErrorsOn(Command() with { Phone = phone }, "Phone"));
    }

    [Theory]
    [InlineData("htx")]
    [InlineData("htx.example.vn")]
    public async Task Validate_MalformedEmail_IsRefused(string email)
    {
        Assert.NotEmpty(await ErrorsOn(Command() with { Email = email }, "Email"));
    }

    [Fact]
    public async Task Validate_MainProducts_AtMost50()
    {
        var fifty = Enumerable.Range(1, 50).Select(i => $"Sản phẩm {i}").ToArray();

        Assert.Empty(await ErrorsOn(Command() with { MainProducts = fifty }, "MainProducts"));
        Assert.Single(await ErrorsOn(Command() with { MainProducts = [.. fifty, "Thêm"] }, "MainProducts"));
    }

    [Fact]
    public async Task Validate_MainProductEmptyOrTooLong_IsRefusedByIndex()
    {
        var errors = await Validate(Command() with { MainProducts = ["Na", "", new string('p', 256)] });

        Assert.Contains(errors, e => e.PropertyName == "MainProducts[1]");
        Assert.Contains(errors, e => e.PropertyName == "MainProducts[2]");
        Assert.DoesNotContain(errors, e => e.PropertyName == "MainProducts[0]");
    }

    [Fact]
    public async Task Validate_UpdateCommand_HasTheSameRules()
    {
        var validator = new UpdateCooperativeCommandValidator(_db, new FixedCalendar());
        var command = new UpdateCooperativeCommand
        {
            Id = Guid.CreateVersion7(),
            Name = " ",
            Kind = OrganizationKind.Cooperative,
            Sector = Sector.Credit,
            ProvinceCode = NoProvince,
            CommuneCode = NoCommune,
            EstablishedOn = FixedCalendar.Day.AddDays(1),
            CharterCapital = -5,
            MemberCount = 4,
        };

        var result = await validator.ValidateAsync(command);

        Assert.Equal(
            ["CharterCapital", "CommuneCode", "EstablishedOn", "MemberCount", "Name", "ProvinceCode", "RegistrationCode"],
            result.Errors.Select(e => e.PropertyName).Distinct().Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(0, _db.Touched);
    }

    [Fact]
    public void Constructor_WithoutCalendar_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new CreateCooperativeCommandValidator(_db, null!));
    }

    private async Task<List<ValidationFailure>> Validate(CreateCooperativeCommand command)
    {
        var validator = new CreateCooperativeCommandValidator(_db, new FixedCalendar());
        var result = await validator.ValidateAsync(command);
        Assert.Equal(0, _db.Touched);
        return result.Errors;
    }

    private async Task<List<ValidationFailure>> ErrorsOn(CreateCooperativeCommand command, string property) =>
        (await Validate(command)).Where(e => e.PropertyName == property).ToList();
}
