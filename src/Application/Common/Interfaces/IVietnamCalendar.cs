namespace CoopApi.Application.Common.Interfaces;

/// <summary>
/// Today's date where the register applies. A founding date "in the future" is judged by the
/// calendar in Vietnam (UTC+7), not by the server's time zone.
/// </summary>
public interface IVietnamCalendar
{
    /// <summary>The current instant (UTC).</summary>
    DateTimeOffset Now { get; }

    /// <summary>Today's date in Vietnam.</summary>
    DateOnly Today { get; }
}
