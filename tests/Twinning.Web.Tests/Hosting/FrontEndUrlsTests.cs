using System.Net;
using System.Text.Json.Nodes;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Hosting;

/// <summary>With <c>Twinning:Hosting:FrontEndUrls</c> configured, the page links of JSON-LD, iCalendar and GeoJSON point
/// at the front end's pages, whatever <c>Host</c> the request carries; a pattern that cannot name pages stops start-up.</summary>
public sealed class FrontEndUrlsTests
{
    private const string ForumPage = "https://www.gdansk.pl/pl-PL/fora/polsko-bialoruskie-forum-miast-partnerskich-gdansk-2017";
    private const string CityPage = "https://www.gdansk.pl/miasta-partnerskie/polock";

    private static TwinningApplication App() => new(Providers.Sqlite, settings: new Dictionary<string, string?>
    {
        ["Twinning:Hosting:FrontEndUrls:Forum"] = "https://www.gdansk.pl/{culture}/fora/{path}",
        ["Twinning:Hosting:FrontEndUrls:PartnerCity"] = "https://www.gdansk.pl/miasta-partnerskie/{path}",
    });

    [Fact]
    public async Task PageLinksPointAtTheFrontEndAndAForgedHostChangesNoneOfThem()
    {
        using var app = App();
        var client = app.CreateClient();
        var forum = await app.SingleAsync("Forum", "Polsko-Białoruskie Forum Miast Partnerskich");
        var polotsk = await app.SingleAsync("PartnerCity", "Połock");

        foreach (var host in new[] { "localhost", "evil.example" })
        {
            var jsonLd = JsonNode.Parse(await GetAsync(client, $"/api/twinning/jsonld/{forum.ContentItemId}", host))!;
            Assert.Equal(ForumPage, jsonLd["url"]!.GetValue<string>());

            // iCalendar folds lines longer than 75 octets; unfolded, the forum's event carries its front-end page.
            var calendar = (await GetAsync(client, "/api/twinning/forums.ics?culture=pl-PL", host)).Replace("\r\n ", "", StringComparison.Ordinal);
            Assert.Contains($"URL:{ForumPage}\r\n", calendar, StringComparison.Ordinal);
            Assert.DoesNotContain("URL:http://", calendar, StringComparison.Ordinal);

            var map = JsonNode.Parse(await GetAsync(client, "/api/twinning/partner-cities.geojson?culture=pl-PL", host))!;
            var city = map["features"]!.AsArray().Single(f => f!["id"]!.GetValue<string>() == polotsk.ContentItemId)!;
            Assert.Equal(CityPage, city["properties"]!["url"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task ATypeWithoutAPatternKeepsItsLinkUnderTheSiteAddress()
    {
        using var app = App();
        var client = app.CreateClient();
        var organization = await app.SingleAsync("Organization", "Prezydent Miasta Gdańska");

        var jsonLd = JsonNode.Parse(await GetAsync(client, $"/api/twinning/jsonld/{organization.ContentItemId}", "localhost"))!;

        Assert.Equal("http://localhost/prezydent-miasta-gdanska", jsonLd["url"]!.GetValue<string>());
    }

    [Fact]
    public void APatternThatCannotNamePagesStopsTheStartNamingItsSetting()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: false, new Dictionary<string, string?>
        {
            ["Twinning:Hosting:FrontEndUrls:Forum"] = "https://www.gdansk.pl/fora/{slug}",
        });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("Twinning:Hosting:FrontEndUrls:Forum", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("{slug}", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<string> GetAsync(HttpClient client, string path, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
