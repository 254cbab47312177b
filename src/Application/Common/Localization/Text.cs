using System.Globalization;

namespace CoopApi.Application.Common.Localization;

/// <summary>
/// Picks the Vietnamese or English text of a message by the request culture
/// (<c>Accept-Language</c>, set by the web layer on <see cref="CultureInfo.CurrentUICulture"/>).
/// Two languages are all the API speaks, so pairs in code read better than resource files.
/// </summary>
public static class Text
{
    /// <summary>True when the caller asked for Vietnamese.</summary>
    public static bool IsVietnamese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "vi";

    /// <summary>The text in the caller's language.</summary>
    public static string Pick(string english, string vietnamese) => IsVietnamese ? vietnamese : english;
}
