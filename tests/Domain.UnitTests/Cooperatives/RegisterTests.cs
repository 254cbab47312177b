using CoopApi.Tests.Common;
using CoopApi.Domain.Common;
using CoopApi.Domain.Cooperatives;
using static CoopApi.Domain.UnitTests.Cooperatives.Samples;

namespace CoopApi.Domain.UnitTests.Cooperatives;

public class RegisterTests
{
    [Fact]
    public void Register_ValidDetails_StartsActiveWithRegistrationEntry()
    {
        var cooperative = Registered();

        Assert.Equal(OrganizationStatus.Active, cooperative.Status);
        var entry = Assert.Single(cooperative.StatusHistory);
        Assert.Equal(0, entry.Sequence);
        Assert.Null(entry.FromStatus);
        Assert.Equal(OrganizationStatus.Active, entry.ToStatus);
        Assert.Equal(Founded, entry.EffectiveOn);
        Assert.Equal(Cooperative.RegistrationReason, entry.Reason);
        Assert.Equal(Now, entry.RecordedAt);
        Assert.Equal(cooperative.Id, entry.CooperativeId);
    }

    [Fact]
    public void Register_ValidDetails_CopiesEveryField()
    {
        var details = Details() with { IsYouthCooperative = true, Sector = Sector.TradeServices };

        var cooperative = Registered(details);

        Assert.Equal(details.RegistrationCode, cooperative.RegistrationCode);
        Assert.Equal(details.Name, cooperative.Name);
        Assert.Equal(details.Kind, cooperative.Kind);
        Assert.Equal(Sector.TradeServices, cooperative.Sector);
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
        Assert.True(cooperative.IsYouthCooperative);
        Assert.Equal(details.MainProducts, cooperative.MainProducts);
    }

    [Fact]
    public void Register_Ids_AreUuidVersion7()
    {
        var cooperative = Registered();
        var entry = cooperative.StatusHistory[0];

        Assert.Equal(7, cooperative.Id.Version);
        Assert.Equal(7, entry.Id.Version);
        Assert.Equal(0x8, cooperative.Id.Variant & 0xC); // RFC 9562 variant 10xx
        Assert.NotEqual(cooperative.Id, entry.Id);
        Assert.NotEqual(cooperative.Id, Registered().Id);
    }

    [Fact]
    public void Register_NullDetails_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Cooperative.Register(null!, Today, Now, SmallMap.Instance));
    }

    [Fact]
    public void Register_NameWithSurroundingSpaces_IsTrimmed()
    {
        var cooperative = Registered(Details() with { Name = "  HTX Cai Kinh \t" });

        Assert.Equal("HTX Cai Kinh", cooperative.Name);
    }

    [Fact]
    public void Register_MainProducts_AreTrimmed()
    {
        var cooperative = Registered(Details() with { MainProducts = [" Na Chi Lăng ", "Hồi"] });

        Assert.Equal(["Na Chi Lăng", "Hồi"], cooperative.MainProducts);
    }

    [Fact]
    public void Register_BlankMainProduct_IsRefusedNamingItsPosition()
    {
        AssertRefused(Details() with { MainProducts = ["Hồi", "   "] }, "mainProducts[1]", "mainProducts.blank");
    }

    [Theory]
    [InlineData("name")]
    [InlineData("address")]
    [InlineData("representative")]
    [InlineData("phone")]
    [InlineData("email")]
    [InlineData("mainProducts[0]")]
    public void Register_NulCharacterInAnyText_IsRefusedNamingTheField(string field)
    {
        const string nul = "HTX\0";
        var details = field switch
        {
            "name" => Details() with { Name = nul },
            "address" => Details() with { Address = nul },
            "representative" => Details() with { Representative = nul },
            "phone" => Details() with { Phone = "0205\0 3825 123" },
            "email" => Details() with { Email = "htx@exa\0mple.vn" },
            _ => Details() with { MainProducts = [nul] },
        };

        AssertRefused(details, field, $"{field}.containsNul");
    }

    [Fact]
    public void Register_AddressOf500CharactersPlusSpaces_IsAcceptedTrimmed()
    {
        var address = new string('a', OrganizationRules.AddressMaxLength);

        Assert.Equal(address, Registered(Details() with { Address = " " + address + " " }).Address);
    }

    [Fact]
    public void Register_Address501CharactersAfterTrimming_IsRefused()
    {
        AssertRefused(Details() with { Address = new string('a', OrganizationRules.AddressMaxLength + 1) }, "address", "address.tooLong");
    }

    /// <summary>
    /// A phone is a format field: exact, like a code. "0205 3825 123\n" or " 0205 3825 123" is not
    /// a phone number (nothing is trimmed), so the document's pattern and the server agree.
    /// </summary>
    [Theory]
    [InlineData("0205 3825 123\n")]
    [InlineData(" 0205 3825 123")]
    [InlineData("0205 3825 123 ")]
    [InlineData("\t0205 3825 123")]
    [InlineData("   ")]
    public void Register_PhoneWithSurroundingWhiteSpace_IsRefused(string phone)
    {
        AssertRefused(Details() with { Phone = phone }, "phone", "phone.format");
    }

    /// <summary>The phone limit applies to the value as sent: surrounding spaces count.</summary>
    [Fact]
    public void Register_Phone30CharactersPlusASpace_IsRefusedAsTooLong()
    {
        var phone = "0205 3825 123 0205 3825 123 01";
        Assert.Equal(OrganizationRules.PhoneMaxLength, phone.Length);

        Assert.Equal(phone, Registered(Details() with { Phone = phone }).Phone);
        AssertRefused(Details() with { Phone = phone + " " }, "phone", "phone.tooLong");
    }

    /// <summary>An e-mail is a format field: exact, never trimmed.</summary>
    [Theory]
    [InlineData(" htxcaikinh@example.vn")]
    [InlineData("htxcaikinh@example.vn ")]
    [InlineData("htxcaikinh@example.vn\n")]
    [InlineData("   ")]
    public void Register_EmailWithSurroundingWhiteSpace_IsRefused(string email)
    {
        AssertRefused(Details() with { Email = email }, "email", "email.format");
    }

    [Fact]
    public void Register_EmptyPhoneAndEmail_MeanNone()
    {
        var cooperative = Registered(Details() with { Phone = "", Email = "" });

        Assert.Null(cooperative.Phone);
        Assert.Null(cooperative.Email);
    }

    [Fact]
    public void Register_FoundedBefore1900_IsRefused()
    {
        AssertRefused(Details() with { EstablishedOn = new DateOnly(1899, 12, 31) }, "establishedOn", "establishedOn.tooEarly");
    }

    [Fact]
    public void Register_CommuneOfAnotherProvince_IsRefused()
    {
        AssertRefused(Details() with { ProvinceCode = "24" }, "communeCode", "communeCode.notInProvince");
    }

    [Fact]
    public void Register_PreReformProvinceCode_IsRefusedWithItsSuccessor()
    {
        var ex = AssertRefused(Details() with { ProvinceCode = "27" }, "provinceCode", "provinceCode.preReform");

        Assert.Contains("24", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_UnknownCommune_IsRefused()
    {
        AssertRefused(Details() with { CommuneCode = "99999" }, "communeCode", "communeCode.unknown");
    }

    [Fact]
    public void Register_OptionalFreeTexts_BlankBecomesNullAndOthersAreTrimmed()
    {
        var cooperative = Registered(Details() with
        {
            Address = "   ",
            Representative = " Hoàng Văn Thắng ",
        });

        Assert.Null(cooperative.Address);
        Assert.Equal("Hoàng Văn Thắng", cooperative.Representative);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Register_EmptyName_IsRefused(string name)
    {
        AssertRefused(Details() with { Name = name }, "name", "name.required");
    }

    [Fact]
    public void Register_Name256Characters_IsRefused()
    {
        AssertRefused(Details() with { Name = new string('H', 256) }, "name", "name.tooLong");
    }

    [Fact]
    public void Register_Name255CharactersPlusSpaces_IsAccepted()
    {
        var name = new string('H', OrganizationRules.NameMaxLength);

        var cooperative = Registered(Details() with { Name = "  " + name + "  " });

        Assert.Equal(name, cooperative.Name);
    }

    [Fact]
    public void Register_UnknownKind_IsRefused()
    {
        AssertRefused(Details() with { Kind = (OrganizationKind)99 }, "kind", "kind.unknown");
    }

    [Fact]
    public void Register_UnknownSector_IsRefused()
    {
        AssertRefused(Details() with { Sector = (Sector)0 }, "sector", "sector.unknown");
    }

    [Theory]
    [InlineData(OrganizationKind.Cooperative, null)]
    [InlineData(OrganizationKind.Cooperative, "")]
    [InlineData(OrganizationKind.CooperativeUnion, null)]
    public void Register_CooperativeOrUnionWithoutRegistrationCode_IsRefused(OrganizationKind kind, string? code)
    {
        AssertRefused(Details(kind) with { RegistrationCode = code }, "registrationCode", "registrationCode.required");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Register_CooperativeGroupWithoutRegistrationCode_IsAcceptedWithNullCode(string? code)
    {
        var cooperative = Registered(Details(OrganizationKind.CooperativeGroup) with { RegistrationCode = code });

        Assert.Null(cooperative.RegistrationCode);
    }

    [Theory]
    [InlineData(OrganizationKind.Cooperative, "490012345")]
    [InlineData(OrganizationKind.Cooperative, "49001234567")]
    [InlineData(OrganizationKind.Cooperative, "490012345a")]
    [InlineData(OrganizationKind.Cooperative, "4900-123456")]
    [InlineData(OrganizationKind.Cooperative, "4900123456-")]
    [InlineData(OrganizationKind.Cooperative, "4900123456-01")]
    [InlineData(OrganizationKind.Cooperative, "4900123456-0001")]
    [InlineData(OrganizationKind.Cooperative, "4900123456_001")]
    [InlineData(OrganizationKind.Cooperative, "4900123456 001")]
    [InlineData(OrganizationKind.CooperativeUnion, "ABCDEFGHIJ")]
    [InlineData(OrganizationKind.CooperativeGroup, "12345")]
    [InlineData(OrganizationKind.Cooperative, "4900123456\n")]
    [InlineData(OrganizationKind.Cooperative, " 4900123456")]
    [InlineData(OrganizationKind.Cooperative, "   ")]
    [InlineData(OrganizationKind.CooperativeGroup, "   ")]
    [InlineData(OrganizationKind.Cooperative, "４９００１２３４５６")]
    public void Register_MalformedRegistrationCode_IsRefused(OrganizationKind kind, string code)
    {
        AssertRefused(Details(kind) with { RegistrationCode = code }, "registrationCode", "registrationCode.format");
    }

    [Theory]
    [InlineData("4900123456", "4900123456")]
    [InlineData("4900123456-001", "4900123456-001")]
    public void Register_WellFormedRegistrationCode_IsStoredExactly(string code, string stored)
    {
        var cooperative = Registered(Details() with { RegistrationCode = code });

        Assert.Equal(stored, cooperative.RegistrationCode);
    }

    [Fact]
    public void Register_CooperativeGroupWithWellFormedCode_KeepsIt()
    {
        var cooperative = Registered(Details(OrganizationKind.CooperativeGroup) with { RegistrationCode = "4900123456-002" });

        Assert.Equal("4900123456-002", cooperative.RegistrationCode);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("200")]
    [InlineData("2a")]
    [InlineData(" 20")]
    public void Register_MalformedProvinceCode_IsRefused(string code)
    {
        AssertRefused(Details() with { ProvinceCode = code }, "provinceCode", "provinceCode.format");
    }

    [Fact]
    public void Register_NullProvinceCode_IsRefused()
    {
        AssertRefused(Details() with { ProvinceCode = null! }, "provinceCode", "provinceCode.required");
    }

    [Theory]
    [InlineData("0642")]
    [InlineData("064270")]
    [InlineData("0642a")]
    [InlineData("06 427")]
    public void Register_MalformedCommuneCode_IsRefused(string code)
    {
        AssertRefused(Details() with { CommuneCode = code }, "communeCode", "communeCode.format");
    }

    [Fact]
    public void Register_NullCommuneCode_IsRefused()
    {
        AssertRefused(Details() with { CommuneCode = null! }, "communeCode", "communeCode.required");
    }

    /// <summary>
    /// A province code is 2 digits. "20\n" is three characters, yet the pattern
    /// <c>^\d{2}$</c> accepts it (in .NET <c>$</c> also matches before a final newline), and the
    /// domain stores the code untrimmed.
    /// </summary>
    [Fact]
    public void Register_ProvinceCodeWithTrailingNewline_IsRefused()
    {
        AssertRefused(Details() with { ProvinceCode = "20\n" }, "provinceCode", "provinceCode.format");
    }

    /// <summary>
    /// docs/domain.md: a tax code is 10 digits. Full-width digits are not, yet <c>\d</c> matches every
    /// Unicode decimal digit, so "４９００１２３４５６" is accepted and would sit in the register
    /// beside (and not collide with) "4900123456".
    /// </summary>
    [Fact]
    public void Register_RegistrationCodeInFullWidthDigits_IsRefused()
    {
        AssertRefused(Details() with { RegistrationCode = "４９００１２３４５６" }, "registrationCode", "registrationCode.format");
    }

    [Fact]
    public void Register_FoundingDateTomorrow_IsRefused()
    {
        AssertRefused(Details() with { EstablishedOn = Today.AddDays(1) }, "establishedOn", "establishedOn.inFuture");
    }

    [Fact]
    public void Register_FoundingDateToday_IsAccepted()
    {
        var cooperative = Registered(Details() with { EstablishedOn = Today });

        Assert.Equal(Today, cooperative.EstablishedOn);
        Assert.Equal(Today, cooperative.StatusHistory[0].EffectiveOn);
    }

    [Fact]
    public void Register_NegativeCapital_IsRefused()
    {
        AssertRefused(Details() with { CharterCapital = -1 }, "charterCapital", "charterCapital.negative");
    }

    [Fact]
    public void Register_ZeroCapital_IsAccepted()
    {
        Assert.Equal(0, Registered(Details() with { CharterCapital = 0 }).CharterCapital);
    }

    [Theory]
    [InlineData(OrganizationKind.Cooperative, 5)]
    [InlineData(OrganizationKind.CooperativeUnion, 3)]
    [InlineData(OrganizationKind.CooperativeGroup, 2)]
    public void Register_OneMemberBelowMinimum_IsRefused(OrganizationKind kind, int minimum)
    {
        var ex = AssertRefused(Details(kind) with { MemberCount = minimum - 1 }, "memberCount", "memberCount.belowMinimum");

        Assert.Contains(minimum.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OrganizationKind.Cooperative, 5)]
    [InlineData(OrganizationKind.CooperativeUnion, 3)]
    [InlineData(OrganizationKind.CooperativeGroup, 2)]
    public void Register_ExactlyMinimumMembers_IsAccepted(OrganizationKind kind, int minimum)
    {
        var cooperative = Registered(Details(kind) with { MemberCount = minimum });

        Assert.Equal(minimum, cooperative.MemberCount);
        Assert.Equal(kind, cooperative.Kind);
    }

    [Fact]
    public void Register_NegativeMembers_IsRefused()
    {
        AssertRefused(Details() with { MemberCount = -5 }, "memberCount", "memberCount.belowMinimum");
    }

    [Fact]
    public void Register_NegativeEmployees_IsRefused()
    {
        AssertRefused(Details() with { EmployeeCount = -1 }, "employeeCount", "employeeCount.negative");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    public void Register_NoOrZeroEmployees_IsAccepted(int? employees)
    {
        Assert.Equal(employees, Registered(Details() with { EmployeeCount = employees }).EmployeeCount);
    }

    private static DomainValidationException AssertRefused(CooperativeDetails details, string field, string code)
    {
        var ex = Assert.Throws<DomainValidationException>(() => Cooperative.Register(details, Today, Now, SmallMap.Instance));
        Assert.Equal(field, ex.Field);
        Assert.Equal(code, ex.Code);
        Assert.False(string.IsNullOrWhiteSpace(ex.Message));
        Assert.False(string.IsNullOrWhiteSpace(ex.VietnameseMessage));
        return ex;
    }
}
