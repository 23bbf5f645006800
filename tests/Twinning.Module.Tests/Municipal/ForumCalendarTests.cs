using System.Text.Json.Nodes;
using NodaTime;
using Twinning.Core.Content;
using Twinning.Core.Municipal;
using Twinning.Core.Municipal.Forums;

namespace Twinning.Module.Tests.Municipal;

/// <summary>The iCalendar of forums held in memory, for a site in Europe/Warsaw: a forum given by dates only is an
/// all-day event, one given with times stays timed.</summary>
public sealed class ForumCalendarTests
{
    private static readonly ViewSite Site = new("City", DateTimeZoneProviders.Tzdb["Europe/Warsaw"], new PageLinks("https://city.example"));

    private static ContentItem Forum(string id, string start, string? end)
    {
        var part = new JsonObject { ["StartDate"] = new JsonObject { ["Value"] = start } };
        if (end is not null)
        {
            part["EndDate"] = new JsonObject { ["Value"] = end };
        }
        var item = new ContentItem { ContentItemId = id, ContentItemVersionId = id + "v", ContentType = "Forum", DisplayText = "Forum " + id, Published = true, Latest = true };
        item.Data["Forum"] = part;
        return item;
    }

    private static async Task<string[]> LinesAsync(ContentItem forum, params ContentItem[] others)
    {
        var content = new InMemoryPublishedContent().Add(forum).Add(others);
        var calendar = await new ForumCalendar(content, TimeProvider.System).ForForumAsync(forum, Site);
        return calendar.Split("\r\n");
    }

    [Theory]
    // The imported forums: midnight to 23:59 in Warsaw.
    [InlineData("2025-05-11T22:00:00Z", "2025-05-13T21:59:00Z", "20250512", "20250514")]
    // Midnight of the last day, as a date picked without a time.
    [InlineData("2025-05-11T22:00:00Z", "2025-05-13T22:00:00Z", "20250512", "20250515")]
    [InlineData("2025-05-11T22:00:00Z", null, "20250512", "20250513")]
    public async Task AForumGivenByDatesOnlyIsAllDayWithTheDayAfterItsLastAsEnd(string start, string? end, string firstDay, string dayAfter)
    {
        var lines = await LinesAsync(Forum("4forum", start, end));

        Assert.Contains($"DTSTART;VALUE=DATE:{firstDay}", lines);
        Assert.Contains($"DTEND;VALUE=DATE:{dayAfter}", lines);
    }

    [Fact]
    public async Task AForumWithTimesStaysTimedInTheSitesZone()
    {
        var lines = await LinesAsync(Forum("4forum", "2025-05-12T07:00:00Z", "2025-05-12T15:30:00Z"));

        Assert.Contains("DTSTART;TZID=Europe/Warsaw:20250512T090000", lines);
        Assert.Contains("DTEND;TZID=Europe/Warsaw:20250512T173000", lines);
        Assert.DoesNotContain(lines, l => l.Contains("VALUE=DATE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APanelWithItsOwnTimesInAnAllDayForumIsTimed()
    {
        var forum = Forum("4forum", "2025-05-11T22:00:00Z", "2025-05-12T21:59:00Z");
        var panel = new ContentItem { ContentItemId = "4panel", ContentItemVersionId = "4panelv", ContentType = "Panel", DisplayText = "Panel", Published = true, Latest = true };
        panel.Data["Panel"] = new JsonObject { ["StartTime"] = new JsonObject { ["Value"] = "2025-05-12T08:00:00Z" }, ["EndTime"] = new JsonObject { ["Value"] = "2025-05-12T09:30:00Z" } };
        panel.Data["ContainedPart"] = new JsonObject { ["ListContentItemId"] = "4forum", ["Order"] = 0 };

        var lines = await LinesAsync(forum, panel);

        Assert.Contains("DTSTART;VALUE=DATE:20250512", lines);
        Assert.Contains("DTSTART;TZID=Europe/Warsaw:20250512T100000", lines);
        Assert.Contains("DTEND;TZID=Europe/Warsaw:20250512T113000", lines);
    }

    [Theory]
    [InlineData("2025-05-11T22:00:00Z", "2025-05-12T21:59:00Z", true)]
    [InlineData("2025-05-12T07:00:00Z", "2025-05-12T21:59:00Z", false)]
    [InlineData("2025-05-11T22:00:00Z", "2025-05-12T12:00:00Z", false)]
    public void TheModelSaysWhetherAForumIsAllDay(string start, string end, bool allDay)
        => Assert.Equal(allDay, ForumTimes.Of(Forum("4forum", start, end), Forum("4forum", start, end), Site.Zone).IsAllDay);
}
