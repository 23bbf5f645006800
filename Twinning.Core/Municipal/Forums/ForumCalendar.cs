using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NodaTime;
using Twinning.Core.Content;
using Twinning.Core.Content.Shapes;

namespace Twinning.Core.Municipal.Forums;

/// <summary>Forums, their panels and their side events as an RFC 5545 calendar: one VEVENT each, times in the
/// site's time zone with its VTIMEZONE (a forum given by dates only is all-day: VALUE=DATE), panels and side events
/// related to their forum by RELATED-TO.</summary>
public sealed class ForumCalendar(IPublishedContent content, TimeProvider time)
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>Every published forum of <paramref name="culture"/> with its panels.</summary>
    public async Task<string> ForCultureAsync(string culture, ViewSite site)
    {
        var forums = await content.ListPublishedAsync("Forum", culture);
        var parents = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var forum in forums)
        {
            foreach (var sideEvent in ViewContent.Ids(ViewContent.TypePart(forum), "SideEvents"))
            {
                parents.TryAdd(sideEvent, forum.ContentItemId);
            }
        }
        var entries = new List<Entry>();
        foreach (var forum in forums.OrderBy(f => ViewContent.Utc(ViewContent.TypePart(f), "StartDate")))
        {
            await AddForumAsync(entries, forum, parents.GetValueOrDefault(forum.ContentItemId));
        }
        return Write(entries, site);
    }

    /// <summary>One forum with its panels, and its published side events with theirs.</summary>
    public async Task<string> ForForumAsync(ContentItem forum, ViewSite site)
    {
        var entries = new List<Entry>();
        await AddForumAsync(entries, forum, parentId: null);
        foreach (var id in ViewContent.Ids(ViewContent.TypePart(forum), "SideEvents"))
        {
            if (await content.GetPublishedAsync(id) is { ContentType: "Forum" } sideEvent)
            {
                await AddForumAsync(entries, sideEvent, forum.ContentItemId);
            }
        }
        return Write(entries, site);
    }

    public static string Uid(string contentItemId) => $"{contentItemId}@twinning";

    private async Task AddForumAsync(List<Entry> entries, ContentItem forum, string? parentId)
    {
        if (entries.Any(e => e.Item.ContentItemId == forum.ContentItemId))
        {
            return;
        }
        entries.Add(new Entry(forum, forum, parentId));
        foreach (var panel in await content.ListPublishedChildrenAsync(forum.ContentItemId))
        {
            if (panel.ContentType == "Panel")
            {
                entries.Add(new Entry(panel, forum, forum.ContentItemId));
            }
        }
    }

    private string Write(List<Entry> entries, ViewSite site)
    {
        var zone = site.Zone;
        var calendar = new Calendar { ProductId = "-//Twinning//Twinning views//EN" };
        calendar.AddProperty("X-WR-CALNAME", site.SiteName);
        calendar.AddProperty("X-WR-TIMEZONE", zone.Id);
        var events = entries.Select(e => ToEvent(e, zone, site.Links)).OfType<CalendarEvent>().ToList();
        if (zone != DateTimeZone.Utc)
        {
            calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zone.Id, EarliestRule(events), includeHistoricalData: false));
        }
        foreach (var calendarEvent in events)
        {
            calendar.Events.Add(calendarEvent);
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>
    /// Where the VTIMEZONE's rules start: a year before the earliest event, and no later than the present. Ical.Net
    /// reads the zone's changes from there up to the machine's present (its own clock, not ours) and refuses a start
    /// after it; events after the present need no more, since the rules in force then repeat yearly (RRULE) for
    /// every date the time zone database knows, up to the last year the model accepts.
    /// </summary>
    private static DateTime EarliestRule(List<CalendarEvent> events)
    {
        var present = DateTime.UtcNow;
        return events.Count == 0 ? present : new DateTime(Math.Min(events.Min(e => e.DtStart!.Value).Ticks, present.Ticks), DateTimeKind.Unspecified);
    }

    private CalendarEvent? ToEvent(Entry entry, DateTimeZone zone, PageLinks links)
    {
        var item = entry.Item;
        var forumPart = ViewContent.TypePart(entry.Forum);
        var isPanel = item.ContentType == "Panel";
        var times = ForumTimes.Of(item, entry.Forum, zone);
        if (times.Start is not { } start)
        {
            return null;
        }
        var calendarEvent = new CalendarEvent
        {
            Uid = Uid(item.ContentItemId),
            Summary = item.DisplayText ?? "",
            DtStart = Local(start, zone),
            DtStamp = Utc(item.ModifiedUtc ?? item.PublishedUtc ?? time.GetUtcNow().UtcDateTime),
        };
        if (times is { FirstDay: { } first, LastDay: { } last })
        {
            // All day: VALUE=DATE, and DTEND the day after the last one (RFC 5545 3.6.1: the end is not included).
            calendarEvent.DtStart = new CalDateTime(first);
            calendarEvent.DtEnd = new CalDateTime(last.AddDays(1));
        }
        else if (times.End is { } endUtc && endUtc >= start)
        {
            calendarEvent.DtEnd = Local(endUtc, zone);
        }
        if (item.ModifiedUtc is { } modified)
        {
            calendarEvent.LastModified = Utc(modified);
        }
        var description = HtmlText.ToPlainText(ViewContent.Html(item));
        if (description.Length == 0 && !isPanel)
        {
            description = ViewContent.Text(forumPart, "Subtitle") ?? "";
        }
        if (description.Length > 0)
        {
            calendarEvent.Description = description;
        }
        var location = string.Join(", ", new[]
        {
            isPanel ? ViewContent.Text(ViewContent.TypePart(item), "Room") : null,
            ViewContent.Text(forumPart, "Venue"),
            ViewContent.Text(forumPart, "VenueAddress"),
        }.OfType<string>());
        if (location.Length > 0)
        {
            calendarEvent.Location = location;
        }
        if (ViewContent.Geo(forumPart, "Location") is { } geo)
        {
            calendarEvent.GeographicLocation = new GeographicLocation((double)geo.Latitude, (double)geo.Longitude);
        }
        if (links.PageUrl(entry.Forum) is { } url)
        {
            calendarEvent.Url = new Uri(url);
        }
        if (!isPanel && ViewContent.Text(forumPart, "EventType") is { } eventType)
        {
            calendarEvent.Categories = [eventType];
        }
        if (entry.ParentId is not null)
        {
            calendarEvent.RelatedComponents = [Uid(entry.ParentId)];
        }
        return calendarEvent;
    }

    private static CalDateTime Local(DateTime utc, DateTimeZone zone)
    {
        if (zone == DateTimeZone.Utc)
        {
            return Utc(utc);
        }
        var local = Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(zone).LocalDateTime;
        return new CalDateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, local.Second, zone.Id);
    }

    private static CalDateTime Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc), CalDateTime.UtcTzId, true);

    /// <summary>An item to write, the forum it belongs to (itself for a forum), and the forum it relates to.</summary>
    private sealed record Entry(ContentItem Item, ContentItem Forum, string? ParentId);
}
