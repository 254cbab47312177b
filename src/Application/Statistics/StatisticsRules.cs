using CoopApi.Application.Common.Localization;
using CoopApi.Application.Common.Validation;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Domain.AdministrativeUnits;
using FluentValidation;

namespace CoopApi.Application.Statistics;

/// <summary>The filters statistics share: an area (province, commune in it) and a date.</summary>
public interface IStatisticsArea
{
    /// <summary>Province (2 digits), or null for the whole register.</summary>
    string? ProvinceCode { get; }

    /// <summary>Commune (5 digits), or null.</summary>
    string? CommuneCode { get; }
}

/// <summary>Validation rules the statistics queries share, with messages in English and Vietnamese.</summary>
public static class StatisticsRules
{
    /// <summary>Earliest date or year a statistic may ask about.</summary>
    public static readonly DateOnly EarliestDate = new(1945, 1, 1);

    /// <summary>Longest range of years of a time series.</summary>
    public const int MaxYears = 50;

    /// <summary>Province and commune must name current units, the commune inside the province.</summary>
    public static void Area<T>(AbstractValidator<T> validator, IAdministrativeUnits units) where T : IStatisticsArea
    {
        ArgumentNullException.ThrowIfNull(validator);
        validator.RuleFor(x => x.ProvinceCode)
            .Satisfies((_, c) => ProvinceCode.CheckFormat(c) ?? ProvinceCode.CheckExists(c!, units))
            .When(x => x.ProvinceCode is not null);
        validator.RuleFor(x => x.CommuneCode)
            .Satisfies((_, c) => CommuneCode.CheckFormat(c) ?? CommuneCode.CheckExists(c!, units))
            .When(x => x.CommuneCode is not null);
        validator.RuleFor(x => x.CommuneCode)
            .Must((x, c) => units.FindCommune(c!)?.ProvinceCode == x.ProvinceCode)
            .When(x => x.ProvinceCode is not null && x.CommuneCode is not null
                && units.FindProvince(x.ProvinceCode) is not null && units.FindCommune(x.CommuneCode) is not null)
            .WithMessage(x => Text.Pick(
                $"Commune {x.CommuneCode} is not in province {x.ProvinceCode}.",
                $"Xã {x.CommuneCode} không thuộc tỉnh {x.ProvinceCode}."));
    }

    /// <summary>A date of a statistic: not in the future (Vietnam's today), not before 1945.</summary>
    public static void AsOf<T>(IRuleBuilder<T, DateOnly?> rule, IVietnamCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(rule);
        rule.Must(d => d is null || (d.Value <= calendar.Today && d.Value >= EarliestDate))
            .WithMessage(_ => Text.Pick(
                $"asOf must lie between {EarliestDate:yyyy-MM-dd} and today ({calendar.Today:yyyy-MM-dd}); the register knows nothing of the future.",
                $"asOf phải nằm trong khoảng từ {EarliestDate:yyyy-MM-dd} đến hôm nay ({calendar.Today:yyyy-MM-dd}); sổ đăng ký không biết tương lai."));
    }
}
