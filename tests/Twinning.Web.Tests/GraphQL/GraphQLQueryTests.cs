using System.Net;
using System.Text.Json.Nodes;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.GraphQL;

/// <summary>The Orchard Core query shapes (reference §5.4) on the municipal site's types.</summary>
public sealed class GraphQLQueryTests(MunicipalSite site) : IClassFixture<MunicipalSite>
{
    [Fact]
    public async Task NamesInEveryScriptComeBackAsWritten()
    {
        var app = site.App(Providers.Sqlite);

        var response = await app.CreateClient().GetStringAsync("/api/graphql?query=" + Uri.EscapeDataString("{ partnerCity { displayText endonym } }"));

        Assert.Contains("Połock", response, StringComparison.Ordinal);
        Assert.Contains("Полацк", response, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PublishedForumsComeBackByDefault(string provider)
    {
        var app = site.App(provider);

        var data = await app.DataAsync("{ forum(status: PUBLISHED) { displayText published } }");
        var implicitStatus = await app.DataAsync("{ forum { displayText } }");

        Assert.Equal(6, data["forum"]!.AsArray().Count);
        Assert.All(data["forum"]!.AsArray(), f => Assert.True(f!["published"]!.GetValue<bool>()));
        Assert.Equal(6, implicitStatus["forum"]!.AsArray().Count);
    }

    [Fact]
    public async Task SitesOnSqliteAndPostgresInOneProcessBothLoadRelatedItems()
    {
        // The batched reads of related items are compiled per application: one compiled for one provider's model
        // must not be run against the other's.
        var sqlite = site.App(Providers.Sqlite);
        var postgres = site.App(Providers.Postgres);
        const string query = "{ forum(where: { displayText_contains: \"Polsko\" }) { partnerCities { contentItems { displayText } } list { contentItems { displayText } } } }";

        var answers = new[] { await sqlite.DataAsync(query), await postgres.DataAsync(query), await sqlite.DataAsync(query) };

        Assert.All(answers, data =>
        {
            Assert.Contains("Połock", data["forum"]![0]!["partnerCities"]!["contentItems"].Strings("displayText"));
            Assert.NotEmpty(data["forum"]![0]!["list"]!["contentItems"]!.AsArray());
        });
        Assert.Equal(answers[0].ToJsonString(), answers[1].ToJsonString());
    }

    [Fact]
    public async Task GetPostJsonAndPostGraphQLAllAnswer()
    {
        var app = site.App(Providers.Sqlite);
        var client = app.CreateClient();
        const string query = "query Cities($c: String) { partnerCity(where: { localization: { culture: $c } }, orderBy: { displayText: ASC }) { displayText } }";

        var get = await client.GetAsync($"/api/graphql?query={Uri.EscapeDataString(query)}&variables={Uri.EscapeDataString("{\"c\":\"en-GB\"}")}&operationName=Cities");
        var raw = await client.PostAsync("/api/graphql", GraphQLSite.GraphQLBody("{ partnerCity(where: { localization: { culture: \"en-GB\" } }) { displayText } }"));
        var json = await app.GraphQLAsync(query, new JsonObject { ["c"] = "en-GB" });

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var fromGet = JsonNode.Parse(await get.Content.ReadAsStringAsync())!;
        Assert.Equal(["Navapolatsk", "Polotsk"], fromGet["data"]!["partnerCity"].Strings("displayText"));
        Assert.Equal(HttpStatusCode.OK, raw.StatusCode);
        Assert.Equal(2, JsonNode.Parse(await raw.Content.ReadAsStringAsync())!["data"]!["partnerCity"]!.AsArray().Count);
        Assert.Equal(["Navapolatsk", "Polotsk"], json["data"]!["partnerCity"].Strings("displayText"));
    }

    [Fact]
    public async Task ForumsHaveTheirPartsFieldsAndPickedCities()
    {
        var app = site.App(Providers.Sqlite);

        var data = await app.DataAsync("""
            {
              forum(where: { displayText: "Polsko-Białoruskie Forum Miast Partnerskich" }) {
                contentItemId contentType servedCulture
                title { title }
                path
                htmlBody { html }
                localization { culture localizationSet localizations(culture: "en-GB") { displayText } }
                subtitle eventType startDate venue workingLanguages
                location { latitude longitude }
                partnerCities { contentItemIds contentItems { ... on PartnerCity { displayText endonym country partnershipSince } } }
                organizations { contentItems { ... on OrganizationRole { role organization { contentItems { displayText } } } } }
                list { contentItems { ... on Panel { displayText forum { listContentItemId order listContentItem { ... on Forum { displayText } } } } } }
              }
            }
            """);
        var forum = data["forum"]![0]!;

        Assert.Equal("Forum", forum["contentType"]!.GetValue<string>());
        Assert.Equal("pl-PL", forum["servedCulture"]!.GetValue<string>());
        Assert.Equal("Polsko-Białoruskie Forum Miast Partnerskich", forum["title"]!["title"]!.GetValue<string>());
        Assert.Equal("polsko-bialoruskie-forum-miast-partnerskich-gdansk-2017", forum["path"]!.GetValue<string>());
        Assert.Contains("Dyplomacji miast", forum["htmlBody"]!["html"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["Polish-Belarusian Forum of Partner Cities"], forum["localization"]!["localizations"].Strings("displayText"));
        Assert.Equal("Dyplomacja miast", forum["subtitle"]!.GetValue<string>());
        Assert.Equal("forum", forum["eventType"]!.GetValue<string>());
        Assert.Equal("2017-04-26T22:00:00Z", forum["startDate"]!.GetValue<string>());
        Assert.Equal(54.3497m, forum["location"]!["latitude"]!.GetValue<decimal>());
        Assert.Equal(["Połock", "Nowopołock"], forum["partnerCities"]!["contentItems"].Strings("displayText"));
        var polotsk = forum["partnerCities"]!["contentItems"]![0]!;
        Assert.Equal("Полацк", polotsk["endonym"]!.GetValue<string>());
        Assert.Equal("2008-01-01", polotsk["partnershipSince"]!.GetValue<string>());
        Assert.Equal("organizer", forum["organizations"]!["contentItems"]![0]!["role"]!.GetValue<string>());
        Assert.Equal(["Prezydent Miasta Gdańska"], forum["organizations"]!["contentItems"]![0]!["organization"]!["contentItems"].Strings("displayText"));
        var panels = forum["list"]!["contentItems"]!.AsArray();
        Assert.Equal(["Panel samorządowy", "Panel gospodarczy", "Panel obywatelski przedstawicieli organizacji pozarządowych"], panels.Strings("displayText"));
        Assert.Equal(1, panels[1]!["forum"]!["order"]!.GetValue<int>());
        Assert.Equal("Polsko-Białoruskie Forum Miast Partnerskich", panels[0]!["forum"]!["listContentItem"]!["displayText"]!.GetValue<string>());
    }

    [Fact]
    public async Task ContentItemReturnsAnyTypeThroughTheInterface()
    {
        var app = site.App(Providers.Sqlite);
        var city = await app.SingleAsync("PartnerCity", "Połock");

        var data = await app.DataAsync("query ($id: String!) { contentItem(contentItemId: $id) { contentType ... on PartnerCity { displayText country location { latitude } } } }",
            new JsonObject { ["id"] = city.ContentItemId });

        Assert.Equal("PartnerCity", data["contentItem"]!["contentType"]!.GetValue<string>());
        Assert.Equal("BY", data["contentItem"]!["country"]!.GetValue<string>());
    }
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheCultureOfALocalizationIsFilteredWithTheStringSuffixes(string provider)
    {
        var app = site.App(provider);

        var data = await app.DataAsync("""
            {
              startsWith: partnerCity(where: { localization: { culture_starts_with: "en" } }, orderBy: { displayText: ASC }) { displayText }
              not: partnerCity(where: { localization: { culture_not: "pl-PL" } }, orderBy: { displayText: ASC }) { displayText }
              in: partnerCity(where: { localization: { culture_in: ["en-GB"] } }, orderBy: { displayText: ASC }) { displayText }
              inOr: partnerCity(where: { OR: [{ localization: { culture: "en-GB" } }, { displayText: "Połock" }] }, orderBy: { displayText: ASC }) { displayText }
            }
            """);

        Assert.Equal(["Navapolatsk", "Polotsk"], data["startsWith"].Strings("displayText"));
        Assert.Equal(["Navapolatsk", "Polotsk"], data["not"].Strings("displayText"));
        Assert.Equal(["Navapolatsk", "Polotsk"], data["in"].Strings("displayText"));
        Assert.Equal(["Navapolatsk", "Polotsk", "Połock"], data["inOr"].Strings("displayText"));
    }

    [Fact]
    public async Task ATaxonomysTermsAPickersIdsAndMediaFilesArePagedWithFirstAndSkip()
    {
        var app = site.App(Providers.Sqlite);

        var data = await app.DataAsync("""
            {
              taxonomy(where: { displayText: "Rodzaje paneli" }) { taxonomy { termContentType all: contentItems { displayText } page: contentItems(first: 1, skip: 1) { displayText } } }
              forum(where: { displayText: "Polsko-Białoruskie Forum Miast Partnerskich" }) { partnerCities { all: contentItemIds page: contentItemIds(first: 1, skip: 1) } }
              gallery(first: 1) { photos { contentItems(first: 1) { ... on GalleryPhoto { image { all: files { path } skipped: files(skip: 1) { path } } } } } }
            }
            """);

        var taxonomy = data["taxonomy"]![0]!["taxonomy"]!;
        Assert.Equal("PanelTrack", taxonomy["termContentType"]!.GetValue<string>());
        var terms = taxonomy["all"].Strings("displayText");
        Assert.True(terms.Count >= 2, string.Join(", ", terms));
        Assert.Equal([terms[1]], taxonomy["page"].Strings("displayText"));
        var ids = data["forum"]![0]!["partnerCities"]!["all"]!.AsArray().Select(i => i!.GetValue<string>()).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Equal([ids[1]], data["forum"]![0]!["partnerCities"]!["page"]!.AsArray().Select(i => i!.GetValue<string>()));
        var image = data["gallery"]![0]!["photos"]!["contentItems"]![0]!["image"]!;
        Assert.Single(image["all"]!.AsArray());
        Assert.Empty(image["skipped"]!.AsArray());
    }

    [Fact]
    public async Task ATimeFieldIsOrchardsTimeSpanScalar()
    {
        var app = site.App(Providers.Sqlite);

        var data = await app.DataAsync("""
            {
              type: __type(name: "OpeningHoursSpecification") { fields { name type { name } } }
              contactPoint { openingHours { contentItems { ... on OpeningHoursSpecification { dayOfWeek opens closes } } } }
            }
            """);

        Assert.Equal("TimeSpan", data["type"]!["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == "opens")!["type"]!["name"]!.GetValue<string>());
        var hours = data["contactPoint"]!.AsArray().SelectMany(c => c!["openingHours"]!["contentItems"]!.AsArray()).ToList();
        Assert.NotEmpty(hours);
        Assert.All(hours, h => Assert.Matches(@"^\d{2}:\d{2}:\d{2}$", h!["opens"]!.GetValue<string>()));
    }

    [Fact]
    public async Task IdsAreOrchardsIdTypeInWhereInputs()
    {
        var app = site.App(Providers.Sqlite);
        var city = await app.SingleAsync("PartnerCity", "Połock");

        var data = await app.DataAsync("query ($id: ID) { partnerCity(where: { contentItemId: $id }) { displayText } }", new JsonObject { ["id"] = city.ContentItemId });
        var response = await app.CreateClient().PostAsync("/api/graphql", GraphQLSite.GraphQLBody("{ partnerCity(where: { contentItemId_contains: \"x\" }) { displayText } }"));

        Assert.Equal(["Połock"], data["partnerCity"].Strings("displayText"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AnAnswerWithErrorsIsA400EvenWithData()
    {
        var app = site.App(Providers.Sqlite);

        var response = await app.CreateClient().PostAsync("/api/graphql", GraphQLSite.GraphQLBody("{ partnerCity { displayText } forum(status: DRAFT) { displayText } }"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(body["data"]!["partnerCity"]!.AsArray());
        Assert.Contains("PreviewContent", body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
