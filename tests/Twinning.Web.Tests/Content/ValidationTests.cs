using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Core.Content;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Queries;
using Twinning.Module.Features.Storage;
using Twinning.Web.Tests.Infrastructure;
using Twinning.Web.Tests.Media;

namespace Twinning.Web.Tests.Content;

/// <summary>The field and part settings of the definitions are enforced by the one rule set every entry point calls.</summary>
public sealed class ValidationTests
{
    // The rule table itself (every field and part setting of the Article definitions) is unit tested over an
    // in-memory lookup in Twinning.Module.Tests (ContentFieldRuleTests); this proves a save goes through it, looks
    // picked items up in the store and writes nothing when it refuses.
    [Fact]
    public async Task InvalidContentIsRejectedNamingTheFieldAndNothingIsWritten()
    {
        using var app = await Articles.StartAsync(Providers.Sqlite);

        var result = await app.SaveAsync(Item("""{ "ContentType": "Article", "TitlePart": { "Title": "picker to a missing item" }, "Article": { "Lead": { "Text": "x" }, "Related": { "ContentItemIds": ["nosuchitem0000000000000000"] } } }"""));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Field == "Article.Related.ContentItemIds[0]" && e.Message.Contains("no content item", StringComparison.Ordinal));
        Assert.Empty(await app.ListAsync("Article", options: VersionOptions.Latest));
    }

    [Fact]
    public async Task APickerRefusesItemsOfOtherTypes()
    {
        using var app = await Articles.StartAsync(Providers.Sqlite);
        var topic = (await app.SaveAsync(Item("""{ "ContentType": "Topic", "TitlePart": { "Title": "Kultura" } }"""))).Item!;

        var result = await app.SaveAsync(Item($$"""{ "ContentType": "Article", "TitlePart": { "Title": "x" }, "Article": { "Lead": { "Text": "x" }, "Related": { "ContentItemIds": ["{{topic.ContentItemId}}"] } } }"""));

        var error = Assert.Single(result.Errors);
        Assert.Equal("Article.Related.ContentItemIds[0]", error.Field);
        Assert.Contains("accepts Article", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondTranslationInTheSameCultureIsRefused()
    {
        using var app = await Articles.StartAsync(Providers.Sqlite);
        await app.SaveAsync(Item("""{ "ContentType": "Article", "TitlePart": { "Title": "Forum" }, "Article": { "Lead": { "Text": "x" } }, "LocalizationPart": { "Culture": "en-GB", "LocalizationSet": "forumset000000000000000000" } }"""));

        var result = await app.SaveAsync(Item("""{ "ContentType": "Article", "TitlePart": { "Title": "Forum again" }, "Article": { "Lead": { "Text": "x" } }, "LocalizationPart": { "Culture": "en-GB", "LocalizationSet": "forumset000000000000000000" } }"""));

        Assert.Contains(result.Errors, e => e.Field == "LocalizationPart.Culture" && e.Message.Contains("already the 'en-GB' translation", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StoredValuesAreNormalisedAndHtmlSanitised()
    {
        using var app = await Articles.StartAsync(Providers.Sqlite);

        var saved = (await app.SaveAsync(Item("""
            { "ContentType": "Article", "TitlePart": { "Title": "Konferencja" },
              "HtmlBodyPart": { "Html": "<p onclick=\"steal()\">Tekst<script>alert(1)</script></p>" },
              "Article": { "Lead": { "Text": "x" }, "Starts": { "Value": "2013-09-27T10:00:00+02:00" }, "Opens": { "Value": "8:00" },
                           "Note": { "Html": "<a href=\"javascript:alert(1)\">link</a>" } },
              "Links": { "ContentItems": [ { "ContentType": "LinkItem", "LinkItem": { "Label": { "Text": "Program" } } } ] } }
            """))).Item!;

        Assert.Equal("<p>Tekst</p>", saved.Text("HtmlBodyPart.Html"));
        Assert.DoesNotContain("javascript", saved.Text("Article.Note.Html"), StringComparison.Ordinal);
        Assert.Equal("2013-09-27T08:00:00Z", saved.Text("Article.Starts.Value"));
        Assert.Equal("08:00:00", saved.Text("Article.Opens.Value"));
        Assert.Equal("pl-PL", saved.Text("LocalizationPart.Culture"));
        Assert.Equal(26, saved.Text("LocalizationPart.LocalizationSet")!.Length);
        var link = Assert.Single(saved.Bag("Links"));
        Assert.Equal(26, link.ContentItemId.Length);
        Assert.Equal("Konferencja", saved.DisplayText);
    }

    [Fact]
    public async Task UnknownMembersOfABuiltInPartAreKeptAsDataButNeverReadAsItsValues()
    {
        using var app = await Articles.StartAsync(Providers.Sqlite);
        // "Extra" has the shape of a text field holding a number, which a declared field would refuse.
        var result = await app.SaveAsync(Item("""
            { "ContentType": "Article", "TitlePart": { "Title": "Forum", "Extra": { "Text": 5 }, "Lead": { "Text": "from the title part" } },
              "Article": { "Lead": { "Text": "x" } } }
            """));
        Assert.Empty(result.Errors);
        var id = result.Item!.ContentItemId;

        var stored = await app.CreateClient().GetFromJsonAsync<JsonObject>($"/api/content/{id}");
        Assert.Equal(5, stored!["TitlePart"]!["Extra"]!["Text"]!.GetValue<int>());
        // Only the type's own Lead field is indexed; nothing of the title part, not even its member named Lead.
        var indexed = await app.InScopeAsync(async s => await s.GetRequiredService<TwinningDbContext>().Set<ContentFieldValueRecord>()
            .Select(r => new { r.PartName, r.FieldName, r.TextValue }).ToListAsync());
        var row = Assert.Single(indexed);
        Assert.Equal(("Article", "Lead", "x"), (row.PartName, row.FieldName, row.TextValue));
    }

    [Fact]
    public async Task AnchorsBuiltInCodeAreCheckedLikeParsedOnes()
    {
        using var app = await Articles.StartAsync(Providers.Sqlite);
        await app.AddFileAsync("a.jpg", TestImages.Jpeg(8, 8));
        ContentItem WithAnchor(int x, int y)
        {
            var item = Item("""{ "ContentType": "Article", "TitlePart": { "Title": "Most" }, "Article": { "Lead": { "Text": "x" } } }""");
            item.Part("Article")!["Photo"] = new JsonObject
            {
                ["Paths"] = new JsonArray("a.jpg"),
                ["Anchors"] = new JsonArray(new JsonObject { ["X"] = x, ["Y"] = y }),
            };
            return item;
        }

        var inside = await app.SaveAsync(WithAnchor(1, 0));
        var outside = await app.SaveAsync(WithAnchor(2, 0));

        Assert.Empty(inside.Errors);
        Assert.Equal("Article.Photo.Anchors[0]", Assert.Single(outside.Errors).Field);
    }

    internal static ContentItem Item(string json) => ContentItemJsonConverter.FromJson(JsonNode.Parse(json)!.AsObject());
}
