namespace CoopApi.Domain.Common;

/// <summary>
/// The Vietnamese and English labels of an enumeration value. The API serves both, so that
/// an official sees "Hợp tác xã" where a developer sees <c>cooperative</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class LabelAttribute(string vietnamese, string english) : Attribute
{
    /// <summary>Label in Vietnamese, as used in official documents.</summary>
    public string Vietnamese { get; } = vietnamese;

    /// <summary>Label in English.</summary>
    public string English { get; } = english;
}
