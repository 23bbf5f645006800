using NodaTime;
using Twinning.Core.Content;
using Twinning.Core.Content.Shapes;

namespace Twinning.Core.Municipal.Forums;

/// <summary>When a forum or panel takes place. An all-day event (<see cref="IsAllDay"/>) runs from the start of
/// <see cref="FirstDay"/> to the end of <see cref="LastDay"/> in the site's zone, with no time of day; a timed one from
/// <see cref="Start"/> to <see cref="End"/> (UTC).</summary>
public sealed record EventTimes(DateTime? Start, DateTime? End, DateOnly? FirstDay = null, DateOnly? LastDay = null)
{
    public bool IsAllDay => FirstDay is not null;
}

/// <summary>When a forum or one of its panels starts and ends, as the calendar and JSON-LD give it.</summary>
internal static class ForumTimes
{
    /// <summary>
    /// A forum's own dates; a panel's own times, or its forum's when it has no start of its own. A panel with a start
    /// but no end has no end (the calendar then ends it when it starts, RFC 5545 3.6.1).
    /// A forum's date-time fields hold a date only when the editor gave no time: it then starts at midnight in the
    /// site's zone and ends at midnight or at 23:59 of its last day (as the imported forums do); such a forum, and a
    /// panel that takes its forum's dates, is all-day.
    /// </summary>
    public static EventTimes Of(ContentItem item, ContentItem? forum, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(item);
        var forumPart = forum is null ? null : ViewContent.TypePart(forum);
        var forumStart = ViewContent.Utc(forumPart, "StartDate");
        var forumEnd = ViewContent.Utc(forumPart, "EndDate");
        if (item.ContentType == "Panel")
        {
            var part = ViewContent.TypePart(item);
            var ownStart = ViewContent.Utc(part, "StartTime");
            var ownEnd = ViewContent.Utc(part, "EndTime");
            if (ownStart is not null)
            {
                return new(ownStart, ownEnd);
            }
            if (ownEnd is not null)
            {
                return new(forumStart, ownEnd);
            }
        }
        return Days(forumStart, forumEnd, zone) is var (first, last) ? new(forumStart, forumEnd, first, last) : new(forumStart, forumEnd);
    }

    /// <summary>The first and last days of an event given by dates only; null when either end has a time of day.</summary>
    private static (DateOnly First, DateOnly Last)? Days(DateTime? start, DateTime? end, DateTimeZone zone)
    {
        if (start is not { } startUtc)
        {
            return null;
        }
        var startLocal = LocalOf(startUtc, zone);
        if (startLocal.TimeOfDay != LocalTime.Midnight)
        {
            return null;
        }
        var first = DateOnly.FromDateTime(startLocal.Date.ToDateTimeUnspecified());
        if (end is not { } endUtc)
        {
            return (first, first);
        }
        var endLocal = LocalOf(endUtc, zone);
        var isDateOnly = endLocal.TimeOfDay == LocalTime.Midnight || (endLocal.Hour == 23 && endLocal.Minute == 59);
        var last = DateOnly.FromDateTime(endLocal.Date.ToDateTimeUnspecified());
        return isDateOnly && last >= first ? (first, last) : null;
    }

    private static LocalDateTime LocalOf(DateTime utc, DateTimeZone zone)
        => Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(zone).LocalDateTime;
}
