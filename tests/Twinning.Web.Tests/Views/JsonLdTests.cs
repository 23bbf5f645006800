using System.Net;
using System.Text.Json.Nodes;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Views;

/// <summary>schema.org JSON-LD that a page embeds for search engines.</summary>
public sealed class JsonLdTests(MunicipalSite site) : IClassFixture<MunicipalSite>
{
    private static async Task<JsonObject> JsonLdAsync(TwinningApplication app, string contentItemId)
    {
        var response = await app.CreateClient().GetAsync($"/api/twinning/jsonld/{contentItemId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("https://schema.org", json["@context"]!.GetValue<string>());
        return json;
    }

    private static IEnumerable<string> Names(JsonNode? array) => array!.AsArray().Select(n => n!["name"]!.GetValue<string>());

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AForumIsAnEventWithPlaceOrganisersAndPanelsAsSubEvents(string provider)
    {
        var app = site.App(provider);
        app.CreateClient();
        var forum = await app.SingleAsync("Forum", "Polsko-Białoruskie Forum Miast Partnerskich");

        var json = await JsonLdAsync(app, forum.ContentItemId);

        Assert.Equal("Event", json["@type"]!.GetValue<string>());
        Assert.Equal($"http://localhost/api/twinning/jsonld/{forum.ContentItemId}", json["@id"]!.GetValue<string>());
        Assert.Equal("Polsko-Białoruskie Forum Miast Partnerskich", json["name"]!.GetValue<string>());
        // Given by dates only, the forum is dated without times.
        Assert.Equal("2017-04-27", json["startDate"]!.GetValue<string>());
        Assert.Equal("2017-04-27", json["endDate"]!.GetValue<string>());
        Assert.Equal("https://schema.org/EventScheduled", json["eventStatus"]!.GetValue<string>());
        Assert.Equal("pl-PL", json["inLanguage"]!.GetValue<string>());
        Assert.Equal("Place", json["location"]!["@type"]!.GetValue<string>());
        Assert.Equal("siedziba Rady Miasta Gdańska", json["location"]!["name"]!.GetValue<string>());
        Assert.Equal("ul. Wały Jagiellońskie 1, Gdańsk", json["location"]!["address"]!.GetValue<string>());
        Assert.Equal(54.3497m, json["location"]!["geo"]!["latitude"]!.GetValue<decimal>());
        Assert.Equal(["Prezydent Miasta Gdańska", "Gdański Obszar Metropolitalny"], Names(json["organizer"]));
        Assert.Equal("GovernmentOrganization", json["organizer"]![0]!["@type"]!.GetValue<string>());
        Assert.Equal(["Stowarzyszenie Współpracy POLSKA-WSCHÓD", "Konsulat Generalny Republiki Białorusi w Gdańsku"], Names(json["contributor"]));
        Assert.Equal(
            ["Panel samorządowy", "Panel gospodarczy", "Panel obywatelski przedstawicieli organizacji pozarządowych", "Wizyty gości z Białorusi w miastach partnerskich"],
            Names(json["subEvent"]));
        Assert.Equal("Dyplomacja miast", json["isPartOf"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheBialystokConferenceNamesItsFunderAndItsPatronsAsSponsors()
    {
        var app = site.App(Providers.Sqlite);
        app.CreateClient();
        var forum = await app.SingleAsync("Forum", "Wielojęzyczny świat – wspólny język partnerstwa");

        var json = await JsonLdAsync(app, forum.ContentItemId);

        Assert.Equal(["Towarzystwo Amicus"], Names(json["organizer"]));
        Assert.Equal("NGO", json["organizer"]![0]!["@type"]!.GetValue<string>());
        Assert.Equal(["Ministerstwo Spraw Zagranicznych"], Names(json["funder"]));
        Assert.Equal(["Wojewoda Podlaski", "Polskie Radio Białystok", "Gazeta Wyborcza"], Names(json["sponsor"]));
        Assert.Equal("2013-09-27", json["startDate"]!.GetValue<string>());
    }

    [Fact]
    public async Task APanelIsAnEventWithItsForumAsSuperEventAndTheForumsTimesAndPlace()
    {
        var app = site.App(Providers.Sqlite);
        app.CreateClient();
        var forum = await app.SingleAsync("Forum", "Polsko-Białoruskie Forum Miast Partnerskich");
        var panel = await app.SingleAsync("Panel", "Panel gospodarczy");

        var json = await JsonLdAsync(app, panel.ContentItemId);

        Assert.Equal("Event", json["@type"]!.GetValue<string>());
        Assert.Equal($"http://localhost/api/twinning/jsonld/{forum.ContentItemId}", json["superEvent"]!["@id"]!.GetValue<string>());
        Assert.Equal("2017-04-27", json["startDate"]!.GetValue<string>());
        Assert.Equal("siedziba Rady Miasta Gdańska", json["location"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task APartnerCityIsACityWithAlternateNamesGeoAndWikidata()
    {
        using var app = new TwinningApplication(Providers.Sqlite);
        app.CreateClient();
        var city = (await app.SingleAsync("PartnerCity", "Połock")).Clone();
        city.Data["PartnerCity"]!["WikidataId"]!["Text"] = "Q207079";
        Assert.True((await app.SaveAsync(city)).Succeeded);

        var json = await JsonLdAsync(app, city.ContentItemId);

        Assert.Equal("City", json["@type"]!.GetValue<string>());
        Assert.Equal("Połock", json["name"]!.GetValue<string>());
        Assert.Equal(["Полацк", "Polotsk", "Polatsk", "Полоцк"], json["alternateName"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(55.4856m, json["geo"]!["latitude"]!.GetValue<decimal>());
        Assert.Equal(28.7686m, json["geo"]!["longitude"]!.GetValue<decimal>());
        Assert.Equal(["https://www.wikidata.org/wiki/Q207079"], json["sameAs"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("http://localhost/polock", json["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task AContactPointListsPhonesAndOpeningHoursAsSchemaOrgDays()
    {
        var app = site.App(Providers.Sqlite);
        app.CreateClient();
        var contact = await app.SingleAsync("ContactPoint", "Ośrodek Pomocy Białystok");

        var json = await JsonLdAsync(app, contact.ContentItemId);

        Assert.Equal("ContactPoint", json["@type"]!.GetValue<string>());
        Assert.Equal("assistance-office", json["contactType"]!.GetValue<string>());
        Assert.Equal(["+48697697205"], json["telephone"]!.AsArray().Select(n => n!.GetValue<string>()));
        var hours = json["hoursAvailable"]!.AsArray();
        Assert.Equal(6, hours.Count);
        Assert.Equal("OpeningHoursSpecification", hours[0]!["@type"]!.GetValue<string>());
        Assert.Equal("https://schema.org/Monday", hours[0]!["dayOfWeek"]!.GetValue<string>());
        Assert.Equal("13:00:00", hours[0]!["opens"]!.GetValue<string>());
        Assert.Equal("20:00:00", hours[0]!["closes"]!.GetValue<string>());
        Assert.Equal("https://schema.org/Saturday", hours[5]!["dayOfWeek"]!.GetValue<string>());
    }

    [Fact]
    public async Task AGalleryIsAnImageGalleryOfImageObjectsUnderMedia()
    {
        var app = site.App(Providers.Sqlite);
        app.CreateClient();
        var gallery = await app.SingleAsync("Gallery", "Galeria – konferencja Wielojęzyczny świat");

        var json = await JsonLdAsync(app, gallery.ContentItemId);

        Assert.Equal("ImageGallery", json["@type"]!.GetValue<string>());
        var first = json["associatedMedia"]![0]!;
        Assert.Equal("ImageObject", first["@type"]!.GetValue<string>());
        Assert.Equal("http://localhost/media/gallery/bialystok-2013/photo-1.jpg", first["contentUrl"]!.GetValue<string>());
        Assert.Equal("1", first["caption"]!.GetValue<string>());
        Assert.Equal("Twinning sample image", first["creditText"]!.GetValue<string>());
        Assert.Equal("https://spdx.org/licenses/CC0-1.0.html", first["license"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync(new Uri(first["contentUrl"]!.GetValue<string>()).PathAndQuery)).StatusCode);
    }

    [Theory]
    [InlineData("Towarzystwo Amicus", "NGO")]
    [InlineData("Ministerstwo Spraw Zagranicznych", "GovernmentOrganization")]
    [InlineData("Gazeta Wyborcza", "NewsMediaOrganization")]
    public async Task AnOrganizationsTypeFollowsItsOrganizationType(string name, string type)
    {
        var app = site.App(Providers.Sqlite);
        app.CreateClient();
        var organization = await app.SingleAsync("Organization", name);

        var json = await JsonLdAsync(app, organization.ContentItemId);

        Assert.Equal(type, json["@type"]!.GetValue<string>());
        Assert.Equal(name, json["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task AProjectIsAProject()
    {
        var app = site.App(Providers.Sqlite);
        app.CreateClient();
        var project = await app.SingleAsync("Project", "Dyplomacja miast");

        var json = await JsonLdAsync(app, project.ContentItemId);

        Assert.Equal("Project", json["@type"]!.GetValue<string>());
        Assert.StartsWith("Projekt „Dyplomacja miast”", json["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATypeWithoutJsonLdIsA404Problem()
    {
        var app = site.App(Providers.Sqlite);
        var client = app.CreateClient();
        var document = await app.SingleAsync("Document", "Fundacja im. Anny Lindh");

        var response = await client.GetAsync($"/api/twinning/jsonld/{document.ContentItemId}");
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no JSON-LD for this type", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
