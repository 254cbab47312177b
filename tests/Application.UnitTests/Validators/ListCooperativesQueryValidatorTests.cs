using CoopApi.Tests.Common;
using CoopApi.Application.Cooperatives.Queries.ListCooperatives;
using CoopApi.Domain.Cooperatives;

namespace CoopApi.Application.UnitTests.Validators;

public class ListCooperativesQueryValidatorTests
{
    private readonly ListCooperativesQueryValidator _validator = new(SmallMap.Instance);

    public static TheoryData<string> SortKeysBothWays()
    {
        var data = new TheoryData<string>();
        foreach (var key in ListCooperativesQuery.SortKeys)
        {
            data.Add(key);
            data.Add("-" + key);
        }

        return data;
    }

    [Fact]
    public void Validate_Defaults_AreValid()
    {
        var query = new ListCooperativesQuery();

        Assert.True(_validator.Validate(query).IsValid);
        Assert.Equal(1, query.Page);
        Assert.Equal(20, query.PageSize);
    }

    [Fact]
    public void Validate_EveryFilterSet_IsValid()
    {
        var query = new ListCooperativesQuery
        {
            Kind = [OrganizationKind.Cooperative, OrganizationKind.CooperativeUnion],
            Sector = [Sector.Credit],
            Status = [OrganizationStatus.Suspended, OrganizationStatus.Active],
            ProvinceCode = "24",
            CommuneCode = "06427",
            IsYouthCooperative = true,
            EstablishedFrom = new DateOnly(2010, 1, 1),
            EstablishedTo = new DateOnly(2020, 1, 1),
            Q = "cai kinh",
            Sort = "-charterCapital",
            Page = 3,
            PageSize = 50,
        };

        Assert.True(_validator.Validate(query).IsValid);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(1_000_000)]
    public void Validate_PageInRange_IsValid(int page)
    {
        Assert.True(_validator.Validate(new ListCooperativesQuery { Page = page }).IsValid);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1_000_001)]
    [InlineData(int.MaxValue)]
    public void Validate_PageOutOfRange_IsInvalid(int page)
    {
        AssertOnlyError(new ListCooperativesQuery { Page = page }, nameof(ListCooperativesQuery.Page));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    [InlineData(ListCooperativesQuery.MaxPageSize)]
    public void Validate_PageSizeInRange_IsValid(int pageSize)
    {
        Assert.True(_validator.Validate(new ListCooperativesQuery { PageSize = pageSize }).IsValid);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-20)]
    [InlineData(201)]
    [InlineData(10_000)]
    public void Validate_PageSizeOutOfRange_IsInvalid(int pageSize)
    {
        AssertOnlyError(new ListCooperativesQuery { PageSize = pageSize }, nameof(ListCooperativesQuery.PageSize));
    }

    [Fact]
    public void SortKeys_AreTheDocumentedOnes()
    {
        Assert.Equal(["name", "establishedOn", "charterCapital", "memberCount", "createdAt"], ListCooperativesQuery.SortKeys.ToArray());
    }

    [Theory]
    [MemberData(nameof(SortKeysBothWays))]
    public void Validate_KnownSortKeyAscendingOrDescending_IsValid(string sort)
    {
        Assert.True(_validator.Validate(new ListCooperativesQuery { Sort = sort }).IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Validate_NoSort_IsValid(string? sort)
    {
        Assert.True(_validator.Validate(new ListCooperativesQuery { Sort = sort }).IsValid);
    }

    [Theory]
    [InlineData("Name")]
    [InlineData("id")]
    [InlineData("status")]
    [InlineData("-")]
    [InlineData("+name")]
    [InlineData(" name")]
    [InlineData("name ")]
    [InlineData("name,-memberCount")]
    [InlineData("name-")]
    public void Validate_UnknownSortKey_IsInvalid(string sort)
    {
        AssertOnlyError(new ListCooperativesQuery { Sort = sort }, nameof(ListCooperativesQuery.Sort));
    }

    /// <summary>
    /// One '-' means descending. The validator strips every leading '-' (TrimStart) so "--name"
    /// passes, while the handler only checks the first character: the undocumented key is served
    /// as "-name" instead of being refused.
    /// </summary>
    [Theory]
    [InlineData("--name")]
    [InlineData("---memberCount")]
    public void Validate_SortKeyWithMoreThanOneMinus_IsInvalid(string sort)
    {
        AssertOnlyError(new ListCooperativesQuery { Sort = sort }, nameof(ListCooperativesQuery.Sort));
    }

    [Fact]
    public void Validate_UnknownSortKey_MessageListsTheKeys()
    {
        using var _ = new Fakes.UiCulture("en");

        var error = Assert.Single(_validator.Validate(new ListCooperativesQuery { Sort = "id" }).Errors);

        Assert.All(ListCooperativesQuery.SortKeys, key => Assert.Contains(key, error.ErrorMessage, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_EstablishedToBeforeFrom_IsInvalid()
    {
        AssertOnlyError(new ListCooperativesQuery
        {
            EstablishedFrom = new DateOnly(2020, 1, 2),
            EstablishedTo = new DateOnly(2020, 1, 1),
        }, nameof(ListCooperativesQuery.EstablishedTo));
    }

    [Theory]
    [InlineData("2020-01-01", "2020-01-01")]
    [InlineData("2020-01-01", "2024-12-31")]
    [InlineData("2020-01-01", null)]
    [InlineData(null, "2020-01-01")]
    public void Validate_DatesInOrderOrOpenEnded_IsValid(string? from, string? to)
    {
        var query = new ListCooperativesQuery
        {
            EstablishedFrom = from is null ? null : DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            EstablishedTo = to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture),
        };

        Assert.True(_validator.Validate(query).IsValid);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("200")]
    [InlineData("ab")]
    [InlineData("")]
    public void Validate_MalformedProvinceCode_IsInvalid(string code)
    {
        AssertOnlyError(new ListCooperativesQuery { ProvinceCode = code }, "provinceCode");
    }

    [Fact]
    public void Validate_PreReformProvinceFilter_IsInvalidAndSaysWhatItBecame()
    {
        using var _ = new Fakes.UiCulture("en-US");

        var error = Assert.Single(_validator.Validate(new ListCooperativesQuery { ProvinceCode = "27" }).Errors);

        Assert.Equal("provinceCode.preReform", error.ErrorCode);
        Assert.Equal("27 is a pre-reform province code; since 1 July 2025 it is part of province 24.", error.ErrorMessage);
    }

    [Theory]
    [InlineData("99", null)]
    [InlineData(null, "99999")]
    [InlineData(null, "06433")]
    public void Validate_FilterOnAUnitThatDoesNotExistToday_IsInvalid(string? province, string? commune)
    {
        Assert.Single(_validator.Validate(new ListCooperativesQuery { ProvinceCode = province, CommuneCode = commune }).Errors);
    }

    [Theory]
    [InlineData("0642")]
    [InlineData("064270")]
    [InlineData("0642x")]
    [InlineData("")]
    public void Validate_MalformedCommuneCode_IsInvalid(string code)
    {
        AssertOnlyError(new ListCooperativesQuery { CommuneCode = code }, "communeCode");
    }

    [Fact]
    public void Validate_MalformedCodes_MessagesFollowTheCulture()
    {
        var query = new ListCooperativesQuery { ProvinceCode = "2", CommuneCode = "1" };
        string[] english, vietnamese;
        using (new Fakes.UiCulture("en-GB"))
        {
            english = _validator.Validate(query).Errors.Select(e => e.ErrorMessage).ToArray();
        }

        using (new Fakes.UiCulture("vi-VN"))
        {
            vietnamese = _validator.Validate(query).Errors.Select(e => e.ErrorMessage).ToArray();
        }

        Assert.Equal(["The province code must be exactly 2 digits (e.g. 24).", "The commune code must be exactly 5 digits (e.g. 06415)."], english);
        Assert.Equal(["Mã tỉnh phải gồm đúng 2 chữ số (ví dụ 24).", "Mã xã phải gồm đúng 5 chữ số (ví dụ 06415)."], vietnamese);
    }

    [Fact]
    public void Validate_UnknownEnumerationValues_AreInvalid()
    {
        var result = _validator.Validate(new ListCooperativesQuery
        {
            Kind = [(OrganizationKind)0],
            Sector = [Sector.Credit, (Sector)99],
            Status = [(OrganizationStatus)5],
        });

        Assert.Equal(["Kind[0]", "Sector[1]", "Status[0]"], result.Errors.Select(e => e.PropertyName).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Validate_SearchText200Characters_IsValid()
    {
        Assert.True(_validator.Validate(new ListCooperativesQuery { Q = new string('a', 200) }).IsValid);
    }

    [Fact]
    public void Validate_SearchText201Characters_IsInvalid()
    {
        AssertOnlyError(new ListCooperativesQuery { Q = new string('a', 201) }, nameof(ListCooperativesQuery.Q));
    }

    private void AssertOnlyError(ListCooperativesQuery query, string property)
    {
        var result = _validator.Validate(query);

        Assert.False(result.IsValid);
        Assert.All(result.Errors, e => Assert.Equal(property, e.PropertyName));
    }
}
