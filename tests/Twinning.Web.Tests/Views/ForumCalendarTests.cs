using System.Net;
using System.Text;
using Ical.Net;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Views;

/// <summary>The iCalendar feeds of forums and panels a calendar app subscribes to.</summary>
public sealed class ForumCalendarTests(MunicipalSite site) : IClassFixture<MunicipalSite>
{
    private const string GdanskForum = "Polsko-Białoruskie Forum Miast Partnerskich";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheGdanskForumIsOn27April2017InWarsawWithItsThreePanelsRelatedToIt(string provider)
    {
        var app = site.App(provider);
        var client = app.CreateClient();
        var forum = await app.SingleAsync("Forum", GdanskForum);

        var response = await client.GetAsync("/api/twinning/forums.ics?culture=pl-PL");
        var text = await response.Content.ReadAsStringAsync();
        var calendar = Calendar.Load(text)!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var gdansk = calendar.Events.Single(e => e.Uid == $"{forum.ContentItemId}@twinning");
        Assert.Equal(GdanskForum, gdansk.Summary);
        // Given by dates only (midnight to 23:59 in Warsaw), the forum is all-day: the end is the next day, not included.
        Assert.False(gdansk.DtStart!.HasTime);
        Assert.Equal(new DateOnly(2017, 4, 27), gdansk.DtStart.Date);
        Assert.False(gdansk.DtEnd!.HasTime);
        Assert.Equal(new DateOnly(2017, 4, 28), gdansk.DtEnd.Date);
        Assert.Contains("DTSTART;VALUE=DATE:20170427\r\n", text, StringComparison.Ordinal);
        Assert.Equal("siedziba Rady Miasta Gdańska, ul. Wały Jagiellońskie 1, Gdańsk", gdansk.Location);
        Assert.Equal(54.3497, gdansk.GeographicLocation!.Latitude, 4);
        Assert.Equal(18.6472, gdansk.GeographicLocation.Longitude, 4);
        Assert.Equal("http://localhost/polsko-bialoruskie-forum-miast-partnerskich-gdansk-2017", gdansk.Url!.ToString());
        Assert.StartsWith("W ramach projektu „Dyplomacji miast” w czwartek, 27 kwietnia 2017 r.", gdansk.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("<", gdansk.Description, StringComparison.Ordinal);
        Assert.Equal(new DateTime(2017, 4, 20, 10, 0, 0, DateTimeKind.Utc), gdansk.LastModified!.AsUtc);
        Assert.NotNull(gdansk.DtStamp);

        var panels = calendar.Events.Where(e => e.RelatedComponents.Contains(gdansk.Uid!)).ToList();
        Assert.Equal(
            ["Panel samorządowy", "Panel gospodarczy", "Panel obywatelski przedstawicieli organizacji pozarządowych", "Wizyty gości z Białorusi w miastach partnerskich"],
            panels.Select(p => p.Summary));
        Assert.All(panels.Take(3), p => Assert.Equal(gdansk.DtStart, p.DtStart));
        Assert.Single(calendar.TimeZones, z => z.TzId == "Europe/Warsaw");
        Assert.DoesNotContain(calendar.Events, e => e.Summary == "Polish-Belarusian Forum of Partner Cities");
    }

    [Fact]
    public async Task TheDefaultFeedIsValidICalendarTextWithCrlfAndFoldedLines()
    {
        var app = site.App(Providers.Sqlite);

        var bytes = await app.CreateClient().GetByteArrayAsync("/api/twinning/forums.ics");
        var text = Encoding.UTF8.GetString(bytes);
        var lines = text.Split("\r\n");

        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', text.Replace("\r\n", "", StringComparison.Ordinal));
        Assert.All(lines, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"{Encoding.UTF8.GetByteCount(line)} octets: {line}"));
        Assert.Contains(lines, line => line.StartsWith(' '));
        Assert.Contains("DTEND;VALUE=DATE:20170428\r\n", text, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Warsaw\r\n", text, StringComparison.Ordinal);
        Assert.Equal(6, Calendar.Load(text)!.Events.Count);
    }

    [Fact]
    public async Task TheEnglishFeedHoldsTheEnglishForumsAndPanels()
    {
        var app = site.App(Providers.Sqlite);

        var calendar = Calendar.Load(await app.CreateClient().GetStringAsync("/api/twinning/forums.ics?culture=en-GB"))!;

        Assert.Contains(calendar.Events, e => e.Summary == "Polish-Belarusian Forum of Partner Cities");
        Assert.Contains(calendar.Events, e => e.Summary == "Economic panel");
        Assert.DoesNotContain(calendar.Events, e => e.Summary == GdanskForum);
    }

    [Fact]
    public async Task OneForumsFileHoldsItsPanelsAndItsSideEventRelatedToIt()
    {
        var app = site.App(Providers.Sqlite);
        var client = app.CreateClient();
        var forum = await app.SingleAsync("Forum", GdanskForum);

        var calendar = Calendar.Load(await client.GetStringAsync($"/api/twinning/forums/{forum.ContentItemId}.ics"))!;

        Assert.Equal(5, calendar.Events.Count);
        var sideEvent = calendar.Events.Single(e => e.Summary == "Wizyty gości z Białorusi w miastach partnerskich");
        Assert.Equal([$"{forum.ContentItemId}@twinning"], sideEvent.RelatedComponents);
        Assert.Equal(new DateOnly(2017, 4, 28), sideEvent.DtStart!.Date);
        Assert.All(calendar.Events.Where(e => e.Uid != $"{forum.ContentItemId}@twinning"),
            e => Assert.Equal([$"{forum.ContentItemId}@twinning"], e.RelatedComponents));
    }

    [Fact]
    public async Task AnUnsupportedCultureIsAProblemNamingCulture()
    {
        var app = site.App(Providers.Sqlite);

        var response = await app.CreateClient().GetAsync("/api/twinning/forums.ics?culture=de-DE");
        var problem = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"culture\"", problem, StringComparison.Ordinal);
    }
}
