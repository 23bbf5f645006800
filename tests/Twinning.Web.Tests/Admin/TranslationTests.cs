using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Core.Content;
using Twinning.Module.Features.ContentItems;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Admin;

/// <summary>Translating from the admin through real HTTP: "Translate into X" makes a linked draft copied from the
/// source, a second translation into one culture is refused (in the admin and the REST API alike), and the content
/// list's filters for missing and outdated translations answer the right items with their totals.</summary>
public sealed partial class TranslationTests
{
    private const string Password = "a long passphrase for tests";
    private const string PolishForum = "Polsko-Białoruskie Forum Miast Partnerskich";
    private const string EnglishForum = "Polish-Belarusian Forum of Partner Cities";

    private static TwinningApplication NewApp(string provider = Providers.Sqlite)
        => new(provider, runRecipe: true, new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = Password });

    private static async Task<HttpClient> SignedInAsync(TwinningApplication app)
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("admin", Password)).StatusCode);
        return browser;
    }

    private static Task<ContentItem> ItemAsync(TwinningApplication app, string type, string title)
        => app.InScopeAsync(async s => (await s.GetRequiredService<ContentStore>().ListAsync(type, VersionOptions.Latest)).Single(i => i.DisplayText == title));

    private static Task<ContentItem?> LatestAsync(TwinningApplication app, string id)
        => app.InScopeAsync(s => s.GetRequiredService<ContentStore>().GetLatestAsync(id));

    private static string? Text(JsonNode? node) => node?.GetValue<string>();

    private static Task<HttpResponseMessage> TranslateAsync(HttpClient browser, string id, string culture)
        => browser.SubmitAsync("/admin/content/edit/" + id, $"/admin/content/edit/{id}?handler=translate", new() { ["culture"] = culture });

    [Fact]
    public async Task TranslatingMakesALinkedDraftCopiedFromTheSourceAndASecondOneIntoTheSameCultureIsRefused()
    {
        using var app = NewApp();
        var english = await ItemAsync(app, "Forum", EnglishForum);
        await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().RemoveAsync(english.ContentItemId, "tester"));
        var source = await ItemAsync(app, "Forum", PolishForum);
        var browser = await SignedInAsync(app);

        var response = await TranslateAsync(browser, source.ContentItemId, "en-GB");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        var id = Regex.Match(location, "^/admin/content/edit/([^?]+)\\?saved=translated&source=" + source.ContentItemId + "$").Groups[1].Value;
        var translation = (await LatestAsync(app, id))!;
        Assert.False(translation.Published);
        Assert.Equal("admin", translation.Author);
        Assert.Equal(Text(source.Part("LocalizationPart")!["LocalizationSet"]), Text(translation.Part("LocalizationPart")!["LocalizationSet"]));
        Assert.Equal("en-GB", Text(translation.Part("LocalizationPart")!["Culture"]));
        // Copied: every part and field, picked items kept; its own address under its culture.
        Assert.Equal(PolishForum, translation.DisplayText);
        Assert.True(JsonNode.DeepEquals(source.Part("Forum"), translation.Part("Forum")));
        Assert.True(JsonNode.DeepEquals(source.Part("HtmlBodyPart"), translation.Part("HtmlBodyPart")));
        Assert.NotEmpty(translation.Part("Forum")!["PartnerCities"]!["ContentItemIds"]!.AsArray());
        Assert.Equal("en-gb/" + Text(source.Part("AutoroutePart")!["Path"]), Text(translation.Part("AutoroutePart")!["Path"]));
        // The editor opens with the source beside the form.
        var editor = WebUtility.HtmlDecode(await (await browser.GetAsync(location)).Content.ReadAsStringAsync());
        Assert.Contains("class=\"source-text\" lang=\"pl-PL\">" + PolishForum, editor, StringComparison.Ordinal);

        // A second translation into English is refused, saying which item it is; nothing is written.
        var again = await TranslateAsync(browser, source.ContentItemId, "en-GB");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("There is already a translation into English (United Kingdom) (en-GB): “" + PolishForum + "”.",
            WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var set = await app.InScopeAsync(s => s.GetRequiredService<ContentStore>().GetLocalizationSetAsync(Text(source.Part("LocalizationPart")!["LocalizationSet"])!));
        Assert.Single(set, m => m.Culture == "en-GB");

        // The REST API shares the rule.
        var forum = JsonNode.Parse(ContentItemJsonConverter.Serialize(translation))!.AsObject();
        foreach (var member in new[] { "ContentItemId", "ContentItemVersionId", "Owner", "Author", "CreatedUtc", "ModifiedUtc", "PublishedUtc", "Published", "Latest" })
        {
            forum.Remove(member);
        }
        forum["AutoroutePart"]!["Path"] = "another-english-forum";
        var duplicate = await browser.PostItemAsync(forum.ToJsonString(), draft: true);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("Localization.Taken", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATranslationIntoACultureTheSiteDoesNotListIsRefused()
    {
        using var app = NewApp();
        var source = await ItemAsync(app, "Organization", "Gazeta Wyborcza");
        var browser = await SignedInAsync(app);

        var response = await TranslateAsync(browser, source.ContentItemId, "de-DE");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("The translation was not created", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1, await app.InScopeAsync(async s => (await s.GetRequiredService<ContentStore>().ListAsync("Organization", VersionOptions.Latest)).Count(i => i.DisplayText == "Gazeta Wyborcza")));
    }

    [GeneratedRegex("id=\"list-total\">([^<]*)<")]
    private static partial Regex Total();

    private static async Task<(string Total, string Page)> ListAsync(HttpClient browser, string query)
    {
        var response = await browser.GetAsync("/admin/content?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        return (Total().Match(page).Groups[1].Value, page);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheListFindsItemsMissingATranslationAndOutdatedTranslationsWithTheirTotals(string provider)
    {
        using var app = NewApp(provider);
        var browser = await SignedInAsync(app);

        // 19 of the recipe's translatable items are in Polish only (organisations, projects, documents, contact
        // points, the gallery); the taxonomies are not translatable.
        Assert.Equal("Items 1–19 of 19", (await ListAsync(browser, "missing=en-GB")).Total);
        Assert.Equal("Items 1–9 of 9", (await ListAsync(browser, "type=Organization&missing=en-GB")).Total);
        // Two more organisations in Polish only: the list pages through 21.
        var organization = await ItemAsync(app, "Organization", "Gazeta Wyborcza");
        foreach (var title in new[] { "Aaa – pierwsza", "Aab – druga" })
        {
            var copy = ContentItemJsonConverter.Deserialize(ContentItemJsonConverter.Serialize(organization));
            copy.ContentItemId = IdGenerator.New();
            copy.ContentItemVersionId = IdGenerator.New();
            copy.DisplayText = title;
            copy.Part("TitlePart")!["Title"] = title;
            copy.Part("LocalizationPart")!["LocalizationSet"] = IdGenerator.New();
            copy.Part("AutoroutePart")!["Path"] = IdGenerator.New().ToLowerInvariant();
            Assert.True((await app.SaveAsync(copy)).Succeeded);
        }
        Assert.Equal("Items 1–20 of 21", (await ListAsync(browser, "missing=en-GB&sort=title-asc")).Total);
        var (lastPage, lastRows) = await ListAsync(browser, "missing=en-GB&sort=title-asc&p=2");
        Assert.Equal("Items 21–21 of 21", lastPage);
        Assert.Contains("Wojewoda Podlaski", lastRows, StringComparison.Ordinal);
        Assert.Equal("No items match.", (await ListAsync(browser, "missing=pl-PL")).Total);
        Assert.Equal("No items match.", (await ListAsync(browser, "outdated=true")).Total);

        // The source of the Gdańsk forum is saved: its English translation is now older than it.
        var source = await ItemAsync(app, "Forum", PolishForum);
        var english = await ItemAsync(app, "Forum", EnglishForum);
        await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().SaveAsync(source, publish: true, "tester"));
        var (total, page) = await ListAsync(browser, "outdated=true");
        Assert.Equal("Items 1–1 of 1", total);
        Assert.Contains(EnglishForum, page, StringComparison.Ordinal);
        Assert.Equal("Items 1–1 of 1", (await ListAsync(browser, "type=Forum&culture=en-GB&outdated=true")).Total);
        Assert.Equal("No items match.", (await ListAsync(browser, "type=Panel&outdated=true")).Total);

        // Saving the translation (a draft is enough) makes it current again.
        await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().SaveAsync(english, publish: false, "tester"));
        Assert.Equal("No items match.", (await ListAsync(browser, "outdated=true")).Total);
    }
}
