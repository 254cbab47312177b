namespace CoopApi.Domain.Common;

/// <summary>
/// Base of every exception the domain throws on purpose. Each carries a stable machine code and
/// its message in English and Vietnamese: the domain speaks the language of its users.
/// </summary>
public abstract class DomainException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected DomainException(string code, string message, string vietnameseMessage)
        : base(message)
    {
        Code = code;
        VietnameseMessage = vietnameseMessage;
    }

    /// <summary>Stable, machine-readable code, e.g. <c>status.transitionNotAllowed</c>.</summary>
    public string Code { get; }

    /// <summary>The message in Vietnamese.</summary>
    public string VietnameseMessage { get; }
}

/// <summary>
/// A business rule forbids the operation in the current state of the record (for example a
/// status transition the law does not allow). The request itself was well-formed.
/// </summary>
public sealed class BusinessRuleViolationException(string code, string message, string vietnameseMessage)
    : DomainException(code, message, vietnameseMessage);

/// <summary>
/// A value handed to the domain breaks an invariant of a single field (a negative capital, too
/// few members). Validators in the application layer normally catch these first; this is the
/// last line of defence, so that no layer can build an impossible record.
/// </summary>
public sealed class DomainValidationException(string field, string code, string message, string vietnameseMessage)
    : DomainException(code, message, vietnameseMessage)
{
    /// <summary>Name of the offending field, camelCase as in the API.</summary>
    public string Field { get; } = field;
}
