using CoopApi.Application.Common.Interfaces;

namespace CoopApi.Infrastructure.Time;

/// <summary>Dates as the calendar in Vietnam (UTC+7, no daylight saving) shows them.</summary>
public sealed class VietnamCalendar(TimeProvider time) : IVietnamCalendar
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <inheritdoc />
    public DateTimeOffset Now => time.GetUtcNow();

    /// <inheritdoc />
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(Offset).DateTime);
}
