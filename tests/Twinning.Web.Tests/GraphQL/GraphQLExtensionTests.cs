using System.Text.Json.Nodes;
using Twinning.Core.Content;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.GraphQL;

/// <summary>What Twinning adds beside Orchard's shape: counts, field filters and order, reverse references,
/// locale fallback, and batched loading.</summary>
public sealed class GraphQLExtensionTests(MunicipalSite site) : IClassFixture<MunicipalSite>
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task FieldFiltersOrderAndCountsWork(string provider)
    {
        var app = site.App(provider);

        var data = await app.DataAsync("""
            {
              conferences: forum(where: { eventType: "conference" }) { displayText }
              recent: forum(where: { startDate_gt: "2014-01-01T00:00:00Z", localization: { culture: "en-GB" } }, orderBy: { startDate: DESC }) { displayText }
              ordered: forum(orderBy: { publishedUtc: DESC, displayText: ASC }, first: 2) { contentItemId displayText publishedUtc }
              either: forum(where: { OR: { eventType: "conference", displayText_starts_with: "Polish" } }) { displayText }
              notForum: forum(where: { NOT: { eventType_in: ["forum", "bilateral-visit"] }, localization: { culture: "pl-PL" } }) { displayText }
              forumCount
              conferenceCount: forumCount(where: { eventType: "conference" })
            }
            """);

        Assert.Equal(2, data["conferences"]!.AsArray().Count);
        Assert.Equal(["Visits of the Belarusian guests to their partner cities", "Polish-Belarusian Forum of Partner Cities"], data["recent"].Strings("displayText"));
        Assert.Equal(["Polish-Belarusian Forum of Partner Cities", "Polsko-Białoruskie Forum Miast Partnerskich"], data["ordered"].Strings("displayText"));
        Assert.Equal(3, data["either"]!.AsArray().Count);
        Assert.Equal(["Wielojęzyczny świat – wspólny język partnerstwa"], data["notForum"].Strings("displayText"));
        Assert.Equal(6, data["forumCount"]!.GetValue<int>());
        Assert.Equal(2, data["conferenceCount"]!.GetValue<int>());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task APartnerCityListsTheForumsItTookPartIn(string provider)
    {
        var app = site.App(provider);

        var data = await app.DataAsync("""
            { partnerCity(where: { displayText: "Połock" }) { displayText referencedBy(contentType: "Forum") { ... on Forum { displayText } } } }
            """);

        Assert.Equal(
            ["Polsko-Białoruskie Forum Miast Partnerskich", "Wizyty gości z Białorusi w miastach partnerskich"],
            data["partnerCity"]![0]!["referencedBy"].Strings("displayText").Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheCultureArgumentServesTheBestTranslation(string provider)
    {
        var app = site.App(provider);

        var data = await app.DataAsync("""
            {
              english: partnerCity(culture: "en-GB", orderBy: { displayText: ASC }) { displayText servedCulture }
              german: forum(culture: "de-DE") { servedCulture }
            }
            """);

        Assert.Equal(["Navapolatsk", "Polotsk"], data["english"].Strings("displayText"));
        Assert.Equal(["en-GB", "en-GB"], data["english"].Strings("servedCulture"));
        Assert.Equal(["pl-PL", "pl-PL", "pl-PL"], data["german"].Strings("servedCulture"));
    }

    [Fact]
    public async Task ListingTwentyForumsWithTheirCitiesTakesAHandfulOfQueries()
    {
        using var counter = new GraphQLSqlCounter();
        using var app = await GraphQLSite.StartAsync(Providers.Sqlite);
        var template = await app.SingleAsync("Forum", "Polsko-Białoruskie Forum Miast Partnerskich");
        for (var i = 0; i < 20; i++)
        {
            var copy = template.Clone();
            copy.ContentItemId = IdGenerator.New();
            copy.ContentItemVersionId = IdGenerator.New();
            copy.Data["TitlePart"]!["Title"] = $"Forum {i:00}";
            copy.Data["AutoroutePart"]!["Path"] = $"forum-{i:00}";
            copy.Data["LocalizationPart"]!["LocalizationSet"] = IdGenerator.New();
            Assert.True((await app.SaveAsync(copy)).Succeeded);
        }
        counter.Watch(app.DataPath);

        var data = await app.DataAsync("""
            { forum(where: { displayText_starts_with: "Forum " }, first: 20) { displayText partnerCities { contentItems { ... on PartnerCity { displayText country } } } } }
            """);

        Assert.Equal(20, data["forum"]!.AsArray().Count);
        Assert.All(data["forum"]!.AsArray(), f => Assert.Equal(2, f!["partnerCities"]!["contentItems"]!.AsArray().Count));
        // One query for the forums, one for all their cities; the rest are per-request reads of site documents.
        var contentQueries = counter.Commands.Count(c => c.Contains("\"ContentItemVersions\"", StringComparison.Ordinal));
        Assert.True(contentQueries == 2 && counter.Count < 20, $"{counter.Count} SQL commands:\n{string.Join("\n---\n", counter.Commands)}");
    }

    [Fact]
    public async Task TheSchemaFollowsADefinitionChangeWithoutARestart()
    {
        using var app = await GraphQLSite.StartAsync(Providers.Sqlite);
        var before = await app.GraphQLAsync("{ partnerCity { motto } }");
        var result = await app.RunRecipeAsync("""
            { "name": "motto", "steps": [ { "name": "ContentDefinition", "ContentParts": [
              { "Name": "PartnerCity", "ContentPartFieldDefinitionRecords": [ { "FieldName": "TextField", "Name": "Motto", "Settings": {} } ] } ] } ] }
            """);
        Assert.True(result.Succeeded, result.ToString());
        var city = await app.SingleAsync("PartnerCity", "Połock");
        city.Data["PartnerCity"]!["Motto"] = new JsonObject { ["Text"] = "Miasto nad Dźwiną" };
        Assert.True((await app.SaveAsync(city)).Succeeded);

        var after = await app.DataAsync("""{ partnerCity(where: { motto_contains: "dźwin" }) { displayText motto } }""");

        Assert.NotNull(before["errors"]);
        Assert.Equal(["Połock"], after["partnerCity"].Strings("displayText"));
        Assert.Equal("Miasto nad Dźwiną", after["partnerCity"]![0]!["motto"]!.GetValue<string>());
    }
}
