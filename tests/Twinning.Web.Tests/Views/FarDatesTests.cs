using System.Net;
using System.Text.Json.Nodes;
using Ical.Net;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Views;

/// <summary>Forums years ahead, up to the last date the model accepts, in the calendars and JSON-LD; a date
/// past it is refused by the API instead of breaking the outputs for everyone.</summary>
public sealed class FarDatesTests
{
    [Fact]
    public async Task AForumIn2030IsAValidCalendarWithTheSitesTimeZone()
    {
        using var app = new TwinningApplication(Providers.Sqlite);
        var editor = await EditorAsync(app);
        var id = await PostForumAsync(editor, "Forum 2030", "2030-06-12T08:00:00Z", "2030-06-13T15:00:00Z");

        var response = await app.CreateClient().GetAsync($"/api/twinning/forums/{id}.ics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Warsaw\r\n", text, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Europe/Warsaw:20300612T100000\r\n", text, StringComparison.Ordinal);
        var calendar = Calendar.Load(text)!;
        var forum = Assert.Single(calendar.Events);
        // Read back through the VTIMEZONE the file carries: summer time, two hours ahead of UTC.
        Assert.Equal(new DateTime(2030, 6, 12, 8, 0, 0, DateTimeKind.Utc), forum.DtStart!.AsUtc);
        Assert.Single(calendar.TimeZones, z => z.TzId == "Europe/Warsaw");
    }

    [Fact]
    public async Task AForumOnTheLastAcceptedDayIsInTheFeedsAndInJsonLd()
    {
        using var app = new TwinningApplication(Providers.Sqlite);
        var editor = await EditorAsync(app);
        var id = await PostForumAsync(editor, "Forum 9998", "9998-12-31T20:00:00Z", "9998-12-31T23:59:59Z");
        var visitor = app.CreateClient();

        var feed = await visitor.GetAsync("/api/twinning/forums.ics?culture=pl-PL");
        var single = await visitor.GetAsync($"/api/twinning/forums/{id}.ics");
        var jsonLd = await visitor.GetAsync($"/api/twinning/jsonld/{id}");

        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        var forums = Calendar.Load(await feed.Content.ReadAsStringAsync())!.Events;
        Assert.Equal(new DateTime(9998, 12, 31, 20, 0, 0, DateTimeKind.Utc), forums.Single(e => e.Summary == "Forum 9998").DtStart!.AsUtc);
        Assert.Contains(forums, e => e.Summary == "Polsko-Białoruskie Forum Miast Partnerskich");
        Assert.Equal(HttpStatusCode.OK, single.StatusCode);
        Assert.Contains("DTSTART;TZID=Europe/Warsaw:99981231T210000\r\n", await single.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, jsonLd.StatusCode);
        var node = await jsonLd.JsonAsync();
        Assert.Equal("9998-12-31T21:00:00+01:00", node["startDate"]!.GetValue<string>());
        Assert.Equal("9999-01-01T00:59:59+01:00", node["endDate"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("9999-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:00:00Z")]
    [InlineData("0999-12-31T23:59:59Z")]
    public async Task ADateTimeOutsideTheAcceptedYearsIsAProblemNamingTheField(string start)
    {
        using var app = new TwinningApplication(Providers.Sqlite);
        var editor = await EditorAsync(app);

        var response = await editor.PostItemAsync(Forum("Forum poza zakresem", start, end: null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var message = Assert.Single((await response.JsonAsync())["errors"]!["Forum.StartDate.Value"]!.AsArray())!.GetValue<string>();
        Assert.Contains("1000", message, StringComparison.Ordinal);
        Assert.Contains("9998", message, StringComparison.Ordinal);
        Assert.DoesNotContain(await app.ListAsync("Forum", "pl-PL"), f => f.DisplayText == "Forum poza zakresem");
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/api/twinning/forums.ics")).StatusCode);
    }

    [Fact]
    public async Task ADateOutsideTheAcceptedYearsIsAProblemNamingTheField()
    {
        using var app = new TwinningApplication(Providers.Sqlite);
        var editor = await EditorAsync(app);
        var city = (await app.ListAsync("PartnerCity", "pl-PL"))[0];

        var response = await editor.PostItemAsync($$"""{ "ContentItemId": "{{city.ContentItemId}}", "PartnerCity": { "PartnershipSince": { "Value": "9999-06-01" } } }""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.JsonAsync())["errors"]!["PartnerCity.PartnershipSince.Value"]);
    }

    private static async Task<HttpClient> EditorAsync(TwinningApplication app)
    {
        await app.DefineRoleAsync("Editor", "AccessContentApi", "PublishContent", "EditContent", "ViewContent");
        return await app.CreateClientWithRolesAsync("Editor");
    }

    private static async Task<string> PostForumAsync(HttpClient editor, string title, string start, string end)
    {
        var response = await editor.PostItemAsync(Forum(title, start, end));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!["ContentItemId"]!.GetValue<string>();
    }

    private static string Forum(string title, string start, string? end) => new JsonObject
    {
        ["ContentType"] = "Forum",
        ["TitlePart"] = new JsonObject { ["Title"] = title },
        ["LocalizationPart"] = new JsonObject { ["Culture"] = "pl-PL" },
        ["Forum"] = new JsonObject
        {
            ["StartDate"] = new JsonObject { ["Value"] = start },
            ["EndDate"] = new JsonObject { ["Value"] = end },
        },
    }.ToJsonString();
}
