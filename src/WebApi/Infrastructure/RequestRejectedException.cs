namespace CoopApi.WebApi.Infrastructure;

/// <summary>
/// The HTTP layer refused a request before any handler ran (a query parameter that is unknown,
/// repeated or unreadable). Answered 400 with <see cref="Errors"/> as the field errors.
/// </summary>
internal sealed class RequestRejectedException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The request was rejected: " + string.Join(", ", errors.Keys))
{
    /// <summary>Messages by field name, in the caller's language.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
