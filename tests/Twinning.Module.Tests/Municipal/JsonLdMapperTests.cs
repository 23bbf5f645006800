using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Twinning.Core.Content;
using Twinning.Core.Municipal;
using Twinning.Core.Municipal.JsonLd;

namespace Twinning.Module.Tests.Municipal;

/// <summary>schema.org JSON-LD of each twinning content type, written by the mappers <c>AddTwinningMunicipal</c>
/// registers, over published content held in memory. The site is https://city.example in Europe/Warsaw.</summary>
public sealed class JsonLdMapperTests
{
    private const string Base = "https://city.example";
    private static readonly ViewSite Site = new("City", DateTimeZoneProviders.Tzdb["Europe/Warsaw"], new PageLinks(Base));

    private static JsonLdBuilder Builder(InMemoryPublishedContent content)
    {
        using var provider = new ServiceCollection().AddTwinningMunicipal().BuildServiceProvider();
        return new JsonLdBuilder(content, provider.GetServices<IJsonLdMapper>());
    }

    private static async Task<string> JsonLdAsync(ContentItem item, params ContentItem[] others)
    {
        var content = new InMemoryPublishedContent().Add(item).Add(others);
        var document = await Builder(content).BuildAsync(item, Site);
        return document.ToJsonString(TwinningViews.EmbeddableJson);
    }

    private static ContentItem Item(string type, string id, string title, JsonObject? typePart = null, bool published = true)
    {
        var item = new ContentItem
        {
            ContentItemId = id,
            ContentItemVersionId = id + "v",
            ContentType = type,
            DisplayText = title,
            Published = published,
            Latest = true,
        };
        item.Data[type] = typePart ?? [];
        return item;
    }

    private static JsonObject Text(string value) => new() { ["Text"] = value };

    private static JsonObject Value(string value) => new() { ["Value"] = value };

    private static JsonObject Ids(params string[] ids) => new() { ["ContentItemIds"] = new JsonArray([.. ids.Select(i => (JsonNode)i)]) };

    private static JsonObject Bag(string entryType, params JsonObject[] entries) => new()
    {
        ["ContentItems"] = new JsonArray([.. entries.Select(e => new JsonObject { ["ContentType"] = entryType, [entryType] = e })]),
    };

    private static ContentItem Organization(string id, string title, string? organizationType)
        => Item("Organization", id, title, organizationType is null ? [] : new JsonObject { ["OrganizationType"] = Text(organizationType) });

    [Fact]
    public void EveryTwinningTypeHasOneMapperInTheOrderA404ListsThem()
    {
        var builder = Builder(new InMemoryPublishedContent());

        Assert.Equal(["Forum", "Panel", "PartnerCity", "ContactPoint", "Gallery", "Organization", "Project"], builder.Types);
        Assert.True(builder.Maps("Forum"));
        Assert.False(builder.Maps("Document"));
        Assert.False(builder.Maps("forum"));
    }

    [Fact]
    public async Task ATypeWithoutAMapperIsRefused()
    {
        var document = Item("Document", "4doc", "Minutes");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Builder(new InMemoryPublishedContent().Add(document)).BuildAsync(document, Site));

        Assert.Contains("'Document'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoMappersForOneTypeAreRefused()
    {
        using var provider = new ServiceCollection().AddTwinningMunicipal().BuildServiceProvider();
        var mappers = provider.GetServices<IJsonLdMapper>().ToList();

        var error = Assert.Throws<InvalidOperationException>(() => new JsonLdBuilder(new InMemoryPublishedContent(), [.. mappers, mappers[0]]));

        Assert.Contains("'Forum'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AForumIsAnEventWithItsPlaceOrganisationsByRolePanelsSideEventsAndProject()
    {
        var forum = Item("Forum", "4forum", "Forum of Partner Cities", new JsonObject
        {
            ["StartDate"] = Value("2017-04-26T22:00:00Z"),
            ["EndDate"] = Value("2017-04-27T21:59:00Z"),
            ["Venue"] = Text("City Council"),
            ["VenueAddress"] = Text("Wały Jagiellońskie 1, Gdańsk"),
            ["Location"] = new JsonObject { ["Latitude"] = 54.3497, ["Longitude"] = 18.6466 },
            ["SideEvents"] = Ids("4side", "4draft"),
            ["Project"] = Ids("4project"),
        });
        forum.Data["HtmlBodyPart"] = new JsonObject { ["Html"] = "<p>Cities &amp; <b>people</b></p>" };
        forum.Data["AutoroutePart"] = new JsonObject { ["Path"] = "forums/2017" };
        forum.Data["LocalizationPart"] = new JsonObject { ["Culture"] = "pl-PL" };
        forum.Data["Organizations"] = Bag("OrganizationRole",
            new JsonObject { ["Role"] = Text("host"), ["Organization"] = Ids("4mayor") },
            new JsonObject { ["Role"] = Text("Media-Patron"), ["Organization"] = Ids("4radio") },
            new JsonObject { ["Role"] = Text("partner"), ["Organization"] = Ids("4ngo", "4gone") },
            new JsonObject { ["Role"] = Text("caterer"), ["Organization"] = Ids("4ngo") });
        var panel = Item("Panel", "4panel", "Economic panel");
        panel.Data["ContainedPart"] = new JsonObject { ["ListContentItemId"] = "4forum", ["Order"] = 0 };
        var timedPanel = Item("Panel", "4timed", "Civic panel", new JsonObject { ["StartTime"] = Value("2017-04-27T10:00:00Z") });
        timedPanel.Data["ContainedPart"] = new JsonObject { ["ListContentItemId"] = "4forum", ["Order"] = 1 };
        var side = Item("Forum", "4side", "Visits", new JsonObject { ["StartDate"] = Value("2017-04-28T06:00:00Z") });
        var draft = Item("Forum", "4draft", "Unannounced", published: false);

        var json = await JsonLdAsync(forum, panel, timedPanel, side, draft,
            Organization("4mayor", "Mayor", "city-office"), Organization("4radio", "Radio", "media"), Organization("4ngo", "Friends", null),
            Item("Project", "4project", "City diplomacy"));

        Assert.Equal(
            """{"@context":"https://schema.org","@type":"Event","@id":"https://city.example/api/twinning/jsonld/4forum","name":"Forum of Partner Cities","url":"https://city.example/forums/2017","description":"Cities \u0026 people","startDate":"2017-04-27","endDate":"2017-04-27","eventStatus":"https://schema.org/EventScheduled","eventAttendanceMode":"https://schema.org/OfflineEventAttendanceMode","location":{"@type":"Place","name":"City Council","address":"Wały Jagiellońskie 1, Gdańsk","geo":{"@type":"GeoCoordinates","latitude":54.3497,"longitude":18.6466}},"inLanguage":"pl-PL","organizer":[{"@type":"GovernmentOrganization","@id":"https://city.example/api/twinning/jsonld/4mayor","name":"Mayor"}],"sponsor":[{"@type":"NewsMediaOrganization","@id":"https://city.example/api/twinning/jsonld/4radio","name":"Radio"}],"contributor":[{"@type":"Organization","@id":"https://city.example/api/twinning/jsonld/4ngo","name":"Friends"}],"subEvent":[{"@type":"Event","@id":"https://city.example/api/twinning/jsonld/4panel","name":"Economic panel","startDate":"2017-04-27","endDate":"2017-04-27"},{"@type":"Event","@id":"https://city.example/api/twinning/jsonld/4timed","name":"Civic panel","startDate":"2017-04-27T12:00:00\u002B02:00"},{"@type":"Event","@id":"https://city.example/api/twinning/jsonld/4side","name":"Visits","startDate":"2017-04-28T08:00:00\u002B02:00"}],"isPartOf":{"@type":"Project","@id":"https://city.example/api/twinning/jsonld/4project","name":"City diplomacy"}}""",
            json);
    }

    [Fact]
    public async Task APanelTakesItsForumsPlaceTimesAndPageAndNamesItsRoomFirst()
    {
        var forum = Item("Forum", "4forum", "Forum", new JsonObject
        {
            ["StartDate"] = Value("2017-04-26T22:00:00Z"),
            ["EndDate"] = Value("2017-04-27T21:59:00Z"),
            ["Venue"] = Text("City Council"),
        });
        forum.Data["AutoroutePart"] = new JsonObject { ["Path"] = "/forums/2017" };
        var panel = Item("Panel", "4panel", "Economic panel", new JsonObject { ["Room"] = Text("Room 3"), ["Subtitle"] = Text("Trade and jobs") });
        panel.Data["ContainedPart"] = new JsonObject { ["ListContentItemId"] = "4forum" };

        var json = await JsonLdAsync(panel, forum);

        Assert.Equal(
            """{"@context":"https://schema.org","@type":"Event","@id":"https://city.example/api/twinning/jsonld/4panel","name":"Economic panel","description":"Trade and jobs","startDate":"2017-04-27","endDate":"2017-04-27","eventStatus":"https://schema.org/EventScheduled","eventAttendanceMode":"https://schema.org/OfflineEventAttendanceMode","location":{"@type":"Place","name":"Room 3, City Council"},"superEvent":{"@type":"Event","@id":"https://city.example/api/twinning/jsonld/4forum","name":"Forum","url":"https://city.example/forums/2017"},"url":"https://city.example/forums/2017"}""",
            json);
    }

    [Theory]
    [InlineData("2017-04-26T22:00:00Z", "2017-04-28T21:59:00Z", "2017-04-27", "2017-04-28")]
    [InlineData("2017-04-26T22:00:00Z", "2017-04-28T22:00:00Z", "2017-04-27", "2017-04-29")]
    [InlineData("2017-04-26T22:00:00Z", null, "2017-04-27", "2017-04-27")]
    [InlineData("2017-04-27T07:00:00Z", "2017-04-28T15:30:00Z", "2017-04-27T09:00:00\\u002B02:00", "2017-04-28T17:30:00\\u002B02:00")]
    [InlineData("2017-04-26T22:00:00Z", "2017-04-28T15:30:00Z", "2017-04-27T00:00:00\\u002B02:00", "2017-04-28T17:30:00\\u002B02:00")]
    public async Task AForumGivenByDatesOnlyIsDatedWithoutTimesAndOneWithTimesKeepsThem(string start, string? end, string startDate, string endDate)
    {
        var part = new JsonObject { ["StartDate"] = Value(start) };
        if (end is not null)
        {
            part["EndDate"] = Value(end);
        }

        var json = await JsonLdAsync(Item("Forum", "4forum", "Forum", part));

        Assert.Contains($"\"startDate\":\"{startDate}\",\"endDate\":\"{endDate}\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APanelOfAnUnpublishedForumHasNoForumTimesPlaceOrSuperEvent()
    {
        var forum = Item("Forum", "4forum", "Forum", new JsonObject { ["StartDate"] = Value("2017-04-26T22:00:00Z"), ["Venue"] = Text("Hall") }, published: false);
        var panel = Item("Panel", "4panel", "Panel", new JsonObject { ["Room"] = Text("Room 3") });
        panel.Data["ContainedPart"] = new JsonObject { ["ListContentItemId"] = "4forum" };

        var json = await JsonLdAsync(panel, forum);

        Assert.Equal(
            """{"@context":"https://schema.org","@type":"Event","@id":"https://city.example/api/twinning/jsonld/4panel","name":"Panel","eventStatus":"https://schema.org/EventScheduled","eventAttendanceMode":"https://schema.org/OfflineEventAttendanceMode"}""",
            json);
    }

    [Fact]
    public async Task APartnerCityIsACityWithItsOtherNamesCountryAndSameAs()
    {
        var city = Item("PartnerCity", "4city", "Polotsk", new JsonObject
        {
            ["Endonym"] = Text("Полацк"),
            ["AlternateNames"] = new JsonObject { ["Values"] = new JsonArray("Polotsk", "Połock", "Полацк", " ") },
            ["Location"] = new JsonObject { ["Latitude"] = "55.4856", ["Longitude"] = 28.7686 },
            ["Country"] = Text("BY"),
            ["WikidataId"] = Text("Q 1"),
            ["OfficialWebsite"] = new JsonObject { ["Url"] = "https://polotsk.example/" },
        });

        var json = await JsonLdAsync(city);

        Assert.Equal(
            """{"@context":"https://schema.org","@type":"City","@id":"https://city.example/api/twinning/jsonld/4city","name":"Polotsk","alternateName":["Полацк","Połock"],"geo":{"@type":"GeoCoordinates","latitude":55.4856,"longitude":28.7686},"containedInPlace":{"@type":"Country","identifier":"BY"},"sameAs":["https://www.wikidata.org/wiki/Q%201","https://polotsk.example/"]}""",
            json);
    }

    [Fact]
    public async Task AContactPointListsItsPhonesLanguagesAndOpeningHours()
    {
        var contact = TwinningItems.ContactPoint(
            [TwinningItems.Hours("Monday", "13:00:00", "20:00:00"), TwinningItems.Hours("Tuesday", "08:00:00", "15:00:00")],
            [TwinningItems.Phone("+48 85 869 6100"), TwinningItems.Phone(null)]);
        contact.Published = true;
        contact.Data["ContactPoint"] = new JsonObject
        {
            ["Kind"] = Text("customer support"),
            ["Email"] = Text("twinning@city.example"),
            ["Website"] = new JsonObject { ["Url"] = "https://city.example/twinning" },
            ["AvailableLanguages"] = new JsonObject { ["Values"] = new JsonArray("pl", "be") },
            ["Locality"] = Text("Białystok"),
        };

        var json = await JsonLdAsync(contact);

        Assert.Equal(
            $$"""{"@context":"https://schema.org","@type":"ContactPoint","@id":"https://city.example/api/twinning/jsonld/{{contact.ContentItemId}}","name":"ContactPoint","contactType":"customer support","telephone":["\u002B48 85 869 6100"],"email":"twinning@city.example","url":"https://city.example/twinning","availableLanguage":["pl","be"],"areaServed":"Białystok","hoursAvailable":[{"@type":"OpeningHoursSpecification","dayOfWeek":"https://schema.org/Monday","opens":"13:00:00","closes":"20:00:00"},{"@type":"OpeningHoursSpecification","dayOfWeek":"https://schema.org/Tuesday","opens":"08:00:00","closes":"15:00:00"}]}""",
            json);
    }

    [Fact]
    public async Task AGalleryGivesEachPhotoItsOwnOrTheGallerysCreditAndLicence()
    {
        var gallery = Item("Gallery", "4gallery", "Conference", new JsonObject
        {
            ["DefaultCredit"] = Text("City Hall"),
            ["DefaultLicence"] = Text("CC-BY-4.0"),
        });
        gallery.Data["Photos"] = Bag("GalleryPhoto",
            new JsonObject
            {
                ["Image"] = new JsonObject { ["Paths"] = new JsonArray("/gallery/hall #1.jpg"), ["MediaTexts"] = new JsonArray("The hall") },
                ["Caption"] = Text("Opening"),
            },
            new JsonObject
            {
                ["Image"] = new JsonObject { ["Paths"] = new JsonArray("gallery/ząb.jpg") },
                ["Credit"] = Text("J. Kowalski"),
                ["Licence"] = Text("https://example.org/licence"),
            });

        var json = await JsonLdAsync(gallery);

        Assert.Equal(
            """{"@context":"https://schema.org","@type":"ImageGallery","@id":"https://city.example/api/twinning/jsonld/4gallery","name":"Conference","associatedMedia":[{"@type":"ImageObject","contentUrl":"https://city.example/media/gallery/hall%20%231.jpg","caption":"Opening","description":"The hall","creditText":"City Hall","license":"https://spdx.org/licenses/CC-BY-4.0.html"},{"@type":"ImageObject","contentUrl":"https://city.example/media/gallery/z%C4%85b.jpg","creditText":"J. Kowalski","license":"https://example.org/licence"}]}""",
            json);
    }

    [Fact]
    public async Task AnOrganisationIsTypedByItsKindWithLogoCountryAndPublishedParent()
    {
        var organization = Item("Organization", "4consulate", "Consulate", new JsonObject
        {
            ["OrganizationType"] = Text("Consulate"),
            ["Website"] = new JsonObject { ["Url"] = "https://consulate.example" },
            ["Country"] = Text("BY"),
            ["Logo"] = new JsonObject { ["Paths"] = new JsonArray("logos/a.svg", "logos/b.svg") },
            ["Parent"] = Ids("4ministry"),
        });

        var json = await JsonLdAsync(organization, Organization("4ministry", "Ministry", "ministry"));

        Assert.Equal(
            """{"@context":"https://schema.org","@type":"GovernmentOrganization","@id":"https://city.example/api/twinning/jsonld/4consulate","name":"Consulate","sameAs":"https://consulate.example","address":{"@type":"PostalAddress","addressCountry":"BY"},"logo":"https://city.example/media/logos/a.svg","parentOrganization":{"@type":"GovernmentOrganization","@id":"https://city.example/api/twinning/jsonld/4ministry","name":"Ministry"}}""",
            json);
    }

    [Fact]
    public async Task AProjectNamesItsFunderDatesAndGrant()
    {
        var project = Item("Project", "4project", "Twinning-winning", new JsonObject
        {
            ["Funder"] = Ids("4ministry", "4notanorganization"),
            ["StartDate"] = Value("2013-05-01"),
            ["EndDate"] = Value("2013-12-31T00:00:00Z"),
            // Stored JSON is parsed, as here; a number made in code (an int) is not one the shape reads.
            ["GrantAmount"] = JsonNode.Parse("""{"Value":50000}"""),
            ["Currency"] = Text("PLN"),
            ["Programme"] = Text("Public diplomacy 2013"),
        });

        var json = await JsonLdAsync(project, Organization("4ministry", "Ministry", "ministry"), Item("Forum", "4notanorganization", "Forum"));

        Assert.Equal(
            """{"@context":"https://schema.org","@type":"Project","@id":"https://city.example/api/twinning/jsonld/4project","name":"Twinning-winning","funder":{"@type":"GovernmentOrganization","@id":"https://city.example/api/twinning/jsonld/4ministry","name":"Ministry"},"foundingDate":"2013-05-01","dissolutionDate":"2013-12-31","funding":{"@type":"MonetaryGrant","amount":{"@type":"MonetaryAmount","value":50000,"currency":"PLN"},"name":"Public diplomacy 2013"}}""",
            json);
    }
}
