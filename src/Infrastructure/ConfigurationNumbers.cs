using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace CoopApi.Infrastructure;

/// <summary>Whole-number settings read strictly: absent → the default; anything else must be a number within range.</summary>
internal static class ConfigurationNumbers
{
    /// <summary>
    /// <paramref name="key"/> of <paramref name="section"/> as a whole number of at least
    /// <paramref name="minimum"/>, or <paramref name="fallback"/> when it is not set. A value that
    /// is set but not such a number stops the start with a message naming the setting.
    /// </summary>
    public static int ReadAtLeast(IConfigurationSection section, string key, int fallback, int minimum)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < minimum)
        {
            throw new InvalidOperationException(
                $"Configuration {section.Path}:{key} must be a whole number of at least {minimum}, not '{text}'.");
        }

        return value;
    }
}
