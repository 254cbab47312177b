namespace CoopApi.Application.Common.Exceptions;

/// <summary>
/// The requested resource does not exist (HTTP 404). Carries the resource's name in both
/// languages, so that the web layer needs no table of resource names.
/// </summary>
public sealed class NotFoundException(string resource, string vietnameseResource, object key)
    : Exception($"{resource} '{key}' was not found.")
{
    /// <summary>Name of the resource in English, e.g. "Cooperative".</summary>
    public string Resource { get; } = resource;

    /// <summary>Name of the resource in Vietnamese, e.g. "tổ chức".</summary>
    public string VietnameseResource { get; } = vietnameseResource;

    /// <summary>The key that was looked up.</summary>
    public object Key { get; } = key;
}

/// <summary>
/// The record changed since the client read it (HTTP 412 when the client sent If-Match, 409
/// when two writers collided inside the server).
/// </summary>
public sealed class ConcurrencyConflictException(bool clientPrecondition)
    : Exception("The record was changed by someone else. Read it again and retry.")
{
    /// <summary>True when the conflict is with the version the client named in If-Match.</summary>
    public bool ClientPrecondition { get; } = clientPrecondition;
}

/// <summary>A value that must be unique is already taken (HTTP 409).</summary>
public sealed class DuplicateException(string field, string message, string vietnameseMessage)
    : Exception(message)
{
    /// <summary>The field whose value is taken, camelCase.</summary>
    public string Field { get; } = field;

    /// <summary>The message in Vietnamese.</summary>
    public string VietnameseMessage { get; } = vietnameseMessage;
}

/// <summary>The caller is known but lacks the right to do this (HTTP 403): a scope or a province.</summary>
public sealed class ForbiddenException(string code, string message, string vietnameseMessage) : Exception(message)
{
    /// <summary>Stable code, e.g. <c>provinceNotGranted</c>.</summary>
    public string Code { get; } = code;

    /// <summary>The message in Vietnamese.</summary>
    public string VietnameseMessage { get; } = vietnameseMessage;
}
