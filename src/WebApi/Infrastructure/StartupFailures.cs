using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;

namespace CoopApi.WebApi.Infrastructure;

/// <summary>Start-up failures an operator can fix, told in one line instead of a stack trace.</summary>
internal static partial class StartupFailures
{
    public static bool IsAddressInUse(Exception exception) =>
        exception is AddressInUseException || exception.InnerException is AddressInUseException;

    /// <summary>One line naming the address and what to set.</summary>
    public static string AddressInUseMessage(Exception exception, IConfiguration configuration)
    {
        var address = BindAddress().Match(exception.Message) is { Success: true } m
            ? m.Groups["address"].Value
            : configuration["urls"] ?? "http://localhost:5000";
        var port = Port().Match(address) is { Success: true } p ? p.Groups["port"].Value : "?";
        return $"CoopApi cannot start: port {port} ({address}) is already in use. Stop the program that holds it, "
               + "or choose another address with ASPNETCORE_URLS, e.g. ASPNETCORE_URLS=http://127.0.0.1:5081.";
    }

    [GeneratedRegex(@"bind to address (?<address>\S+?):? address already in use", RegexOptions.IgnoreCase)]
    private static partial Regex BindAddress();

    [GeneratedRegex(@":(?<port>\d+)/?$")]
    private static partial Regex Port();
}
