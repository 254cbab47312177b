namespace CoopApi.Domain.Common;

/// <summary>
/// One broken rule: a stable machine code, the field it concerns (camelCase as in the API, empty
/// when it concerns the record as a whole) and its text in English and Vietnamese. Every rule's
/// text exists once, in the domain's catalogues; validators and the aggregate both report it.
/// </summary>
/// <param name="Field">Offending field, camelCase (<c>communeCode</c>); empty for a record-level rule.</param>
/// <param name="Code">Stable code, e.g. <c>communeCode.notInProvince</c>.</param>
/// <param name="English">The message in English.</param>
/// <param name="Vietnamese">The message in Vietnamese.</param>
public sealed record DomainError(string Field, string Code, string English, string Vietnamese)
{
    /// <summary>As a field-level validation failure (HTTP 400).</summary>
    public DomainValidationException AsValidation() => new(Field, Code, English, Vietnamese);

    /// <summary>As a broken business rule in the current state of the record (HTTP 409).</summary>
    public BusinessRuleViolationException AsViolation() => new(Code, English, Vietnamese);
}
