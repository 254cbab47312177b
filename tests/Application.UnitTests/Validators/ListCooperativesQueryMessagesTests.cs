using CoopApi.Tests.Common;
using CoopApi.Application.Cooperatives.Queries.ListCooperatives;
using CoopApi.Domain.Cooperatives;

namespace CoopApi.Application.UnitTests.Validators;

/// <summary>
/// The list validator's messages are ours, in English and Vietnamese, and say what was expected
/// (not FluentValidation's "… You entered …" defaults).
/// </summary>
public sealed class ListCooperativesQueryMessagesTests
{
    private readonly ListCooperativesQueryValidator _validator = new(SmallMap.Instance);

    public static TheoryData<string, string, string> Cases => new()
    {
        { "page=0", "page must be between 1 and 1,000,000.", "page phải nằm trong khoảng từ 1 đến 1.000.000." },
        { "page=1000001", "page must be between 1 and 1,000,000.", "page phải nằm trong khoảng từ 1 đến 1.000.000." },
        { "pageSize=0", "pageSize must be between 1 and 200.", "pageSize phải nằm trong khoảng từ 1 đến 200." },
        { "pageSize=201", "pageSize must be between 1 and 200.", "pageSize phải nằm trong khoảng từ 1 đến 200." },
        { "q=201", "q must be at most 200 characters long.", "q chỉ được dài tối đa 200 ký tự." },
        {
            "sort=size",
            "Unknown sort key. Use one of: name, establishedOn, charterCapital, memberCount, createdAt (prefix - for descending).",
            "Khóa sắp xếp không hợp lệ. Dùng một trong: name, establishedOn, charterCapital, memberCount, createdAt (thêm - phía trước để sắp giảm dần)."
        },
        { "dates", "establishedTo must be on or after establishedFrom.", "establishedTo phải bằng hoặc sau establishedFrom." },
        { "status=9", "status must be one of: active, suspended, awaitingDissolution, dissolved.", "status phải là một trong: active, suspended, awaitingDissolution, dissolved." },
        { "kind=9", "kind must be one of: cooperative, cooperativeGroup, cooperativeUnion.", "kind phải là một trong: cooperative, cooperativeGroup, cooperativeUnion." },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_InvalidParameter_SaysWhatWasExpected_InTheCallersLanguage(string invalid, string english, string vietnamese)
    {
        var query = Query(invalid);

        Assert.Equal([english], Messages(query, "en-GB"));
        Assert.Equal([vietnamese], Messages(query, "vi-VN"));
    }

    [Fact]
    public void Validate_NoMessage_EchoesTheValueOrUsesTheLibraryDefaults()
    {
        var query = new ListCooperativesQuery
        {
            Page = 0, PageSize = 999, Q = new string('x', 300), Sort = "size",
            EstablishedFrom = new DateOnly(2020, 1, 2), EstablishedTo = new DateOnly(2020, 1, 1),
        };

        var messages = Messages(query, "en-GB");

        Assert.Equal(5, messages.Length);
        Assert.All(messages, m =>
        {
            Assert.DoesNotContain("You entered", m, StringComparison.Ordinal);
            Assert.DoesNotContain("'", m, StringComparison.Ordinal);
            Assert.DoesNotContain("999", m, StringComparison.Ordinal);
        });
    }

    private static ListCooperativesQuery Query(string invalid) => invalid switch
    {
        "page=0" => new ListCooperativesQuery { Page = 0 },
        "page=1000001" => new ListCooperativesQuery { Page = 1_000_001 },
        "pageSize=0" => new ListCooperativesQuery { PageSize = 0 },
        "pageSize=201" => new ListCooperativesQuery { PageSize = 201 },
        "q=201" => new ListCooperativesQuery { Q = new string('a', 201) },
        "sort=size" => new ListCooperativesQuery { Sort = "size" },
        "dates" => new ListCooperativesQuery { EstablishedFrom = new DateOnly(2020, 1, 2), EstablishedTo = new DateOnly(2020, 1, 1) },
        "status=9" => new ListCooperativesQuery { Status = [(OrganizationStatus)9] },
        "kind=9" => new ListCooperativesQuery { Kind = [(OrganizationKind)9] },
        _ => throw new ArgumentOutOfRangeException(nameof(invalid)),
    };

    private string[] Messages(ListCooperativesQuery query, string culture)
    {
        using (new Fakes.UiCulture(culture))
        {
            return _validator.Validate(query).Errors.Select(e => e.ErrorMessage).ToArray();
        }
    }
}
