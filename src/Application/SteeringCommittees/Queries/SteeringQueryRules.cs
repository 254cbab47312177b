using CoopApi.Application.Common.Localization;
using FluentValidation;

namespace CoopApi.Application.SteeringCommittees.Queries;

/// <summary>Paging and area rules shared by the feature's list queries.</summary>
public static class SteeringQueryRules
{
    /// <summary>Largest page.</summary>
    public const int MaxPageSize = 200;

    /// <summary>Largest page number.</summary>
    public const int MaxPage = 1_000_000;

    /// <summary>An area code: 2 (province), 3 (pre-reform district) or 5 (commune) digits.</summary>
    public const string AreaCodePattern = "^([0-9]{2}|[0-9]{3}|[0-9]{5})$";

    /// <summary>True when <paramref name="code"/> has the form of an area code.</summary>
    public static bool IsAreaCode(string code) =>
        code is { Length: 2 or 3 or 5 } && code.All(char.IsAsciiDigit);

    /// <summary>Page and page size within bounds.</summary>
    public static void Paging<T>(AbstractValidator<T> validator, Func<T, int> page, Func<T, int> pageSize)
    {
        ArgumentNullException.ThrowIfNull(validator);
        validator.RuleFor(x => page(x)).InclusiveBetween(1, MaxPage).OverridePropertyName("page")
            .WithMessage(_ => Text.Pick($"page must be between 1 and {MaxPage}.", $"page phải nằm trong khoảng từ 1 đến {MaxPage}."));
        validator.RuleFor(x => pageSize(x)).InclusiveBetween(1, MaxPageSize).OverridePropertyName("pageSize")
            .WithMessage(_ => Text.Pick($"pageSize must be between 1 and {MaxPageSize}.", $"pageSize phải nằm trong khoảng từ 1 đến {MaxPageSize}."));
    }

    /// <summary>An optional area code of the right form.</summary>
    public static void Area<T>(AbstractValidator<T> validator, Func<T, string?> area)
    {
        ArgumentNullException.ThrowIfNull(validator);
        validator.RuleFor(x => area(x)).Must(a => a is null || IsAreaCode(a)).OverridePropertyName("areaCode")
            .WithMessage(_ => Text.Pick(
                "areaCode must be a province (2 digits), pre-reform district (3 digits) or commune (5 digits) code.",
                "areaCode phải là mã tỉnh (2 chữ số), mã huyện trước sắp xếp (3 chữ số) hoặc mã xã (5 chữ số)."));
    }
}
