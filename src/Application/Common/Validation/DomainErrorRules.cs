using CoopApi.Application.Common.Localization;
using CoopApi.Domain.Common;
using FluentValidation;
using FluentValidation.Results;

namespace CoopApi.Application.Common.Validation;

/// <summary>
/// Lets a validator report the domain's own rules: the check, its code and its text live once in
/// the domain; the validator only decides which checks run on which field, so that a request
/// learns about every broken field at once (the aggregate stops at the first).
/// </summary>
public static class DomainErrorRules
{
    /// <summary>Adds the failure <paramref name="check"/> returns for the property, if any.</summary>
    public static IRuleBuilderOptionsConditions<T, TProperty> Satisfies<T, TProperty>(this IRuleBuilder<T, TProperty> rule,
        Func<T, TProperty, DomainError?> check)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(check);
        return rule.Custom((value, context) =>
        {
            if (check(context.InstanceToValidate, value) is { } error)
            {
                context.AddFailure(error.ToFailure(context.PropertyPath));
            }
        });
    }

    /// <summary>Adds every failure <paramref name="check"/> returns for the property.</summary>
    public static IRuleBuilderOptionsConditions<T, TProperty> SatisfiesAll<T, TProperty>(this IRuleBuilder<T, TProperty> rule,
        Func<T, TProperty, IEnumerable<DomainError>> check)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(check);
        return rule.Custom((value, context) =>
        {
            foreach (var error in check(context.InstanceToValidate, value))
            {
                context.AddFailure(error.ToFailure(context.PropertyPath));
            }
        });
    }

    /// <summary>The error as a FluentValidation failure in the caller's language, with its stable code.</summary>
    public static ValidationFailure ToFailure(this DomainError error, string propertyPath)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new ValidationFailure(error.Field.Length > 0 ? error.Field : propertyPath, Text.Pick(error.English, error.Vietnamese))
        {
            ErrorCode = error.Code,
        };
    }
}
