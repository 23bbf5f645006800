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
    public static TheoryData<string, string, string, string> Rejected => new()
    {
        // case, Article item JSON (parts beyond the title), expected field, message fragment
        { "required text missing", """ "Article": {} """, "Article.Lead.Text", "is required" },
        { "required text blank", """ "Article": { "Lead": { "Text": "  " } } """, "Article.Lead.Text", "is required" },
        { "text not text", """ "Article": { "Lead": { "Text": 5 } } """, "Article.Lead.Text", "must be text" },
        { "value outside predefined list", """ "Article": { "Lead": { "Text": "x" }, "Kind": { "Text": "rumour" } } """, "Article.Kind.Text", "must be one of: news, report" },
        { "number below minimum", """ "Article": { "Lead": { "Text": "x" }, "Visitors": { "Value": -1 } } """, "Article.Visitors.Value", "at least 0" },
        { "number above maximum", """ "Article": { "Lead": { "Text": "x" }, "Visitors": { "Value": 100001 } } """, "Article.Visitors.Value", "at most 100000" },
        { "number with too many decimals", """ "Article": { "Lead": { "Text": "x" }, "Visitors": { "Value": 1.5 } } """, "Article.Visitors.Value", "at most 0 decimal places" },
        { "number as text", """ "Article": { "Lead": { "Text": "x" }, "Visitors": { "Value": "many" } } """, "Article.Visitors.Value", "must be a number" },
        { "bad date", """ "Article": { "Lead": { "Text": "x" }, "Day": { "Value": "27 kwietnia" } } """, "Article.Day.Value", "must be a date" },
        { "date with a time of day", """ "Article": { "Lead": { "Text": "x" }, "Day": { "Value": "2017-04-27T15:30:00Z" } } """, "Article.Day.Value", "must be a date" },
        { "date at midnight of another offset", """ "Article": { "Lead": { "Text": "x" }, "Day": { "Value": "2017-04-27T00:00:00+02:00" } } """, "Article.Day.Value", "must be a date" },
        { "date as empty text", """ "Article": { "Lead": { "Text": "x" }, "Day": { "Value": "" } } """, "Article.Day.Value", "send null when there is no value" },
        { "date-time as empty text", """ "Article": { "Lead": { "Text": "x" }, "Starts": { "Value": "" } } """, "Article.Starts.Value", "send null when there is no value" },
        { "part property in another case", """ "Article": { "Lead": { "Text": "x" } }, "HtmlBodyPart": { "html": "<script>alert(1)</script>" } """, "HtmlBodyPart.html", "differs from 'Html' of part 'HtmlBodyPart' only in case" },
        { "field member in another case", """ "Article": { "Lead": { "Text": "x" }, "Note": { "Html": "<p>ok</p>", "html": "<script>alert(1)</script>" } } """, "Article.Note.html", "differs from 'Html' only in case" },
        { "field in another case", """ "Article": { "Lead": { "Text": "x" }, "lead": { "Text": "<b>y</b>" } } """, "Article.lead", "differs from 'Lead' of part 'Article' only in case" },
        { "bad date-time", """ "Article": { "Lead": { "Text": "x" }, "Starts": { "Value": "soon" } } """, "Article.Starts.Value", "must be a date and time" },
        { "bad time", """ "Article": { "Lead": { "Text": "x" }, "Opens": { "Value": "25:00" } } """, "Article.Opens.Value", "must be a time of day" },
        { "script link", """ "Article": { "Lead": { "Text": "x" }, "Website": { "Url": "javascript:alert(1)" } } """, "Article.Website.Url", "must be an http, https" },
        { "latitude out of range", """ "Article": { "Lead": { "Text": "x" }, "Location": { "Latitude": 95, "Longitude": 18.6 } } """, "Article.Location.Latitude", "from -90 to 90" },
        { "two files in a single media field", """ "Article": { "Lead": { "Text": "x" }, "Photo": { "Paths": ["a.jpg", "b.jpg"] } } """, "Article.Photo.Paths", "takes one file, not 2" },
        { "media path traversal", """ "Article": { "Lead": { "Text": "x" }, "Photo": { "Paths": ["../secret.jpg"] } } """, "Article.Photo.Paths[0]", "is not a media library path" },
        { "media texts misaligned", """ "Article": { "Lead": { "Text": "x" }, "Photo": { "Paths": ["a.jpg"], "MediaTexts": ["one", "two"] } } """, "Article.Photo.MediaTexts", "each file needs its own" },
        { "anchor outside the image", """ "Article": { "Lead": { "Text": "x" }, "Photo": { "Paths": ["a.jpg"], "Anchors": [ { "X": 1.5, "Y": 0.5 } ] } } """, "Article.Photo.Anchors[0]", "between 0 and 1" },
        { "picker to a missing item", """ "Article": { "Lead": { "Text": "x" }, "Related": { "ContentItemIds": ["nosuchitem0000000000000000"] } } """, "Article.Related.ContentItemIds[0]", "no content item" },
        { "value outside multi-text options", """ "Article": { "Lead": { "Text": "x" }, "Languages": { "Values": ["pl", "xx"] } } """, "Article.Languages.Values[1]", "must be among: pl, en" },
        { "boolean as text", """ "Article": { "Lead": { "Text": "x" }, "Featured": { "Value": "yes" } } """, "Article.Featured.Value", "true or false" },
        { "unknown field", """ "Article": { "Lead": { "Text": "x" }, "Colour": { "Text": "red" } } """, "Article.Colour", "has no field 'Colour'" },
        { "bag item of a type the bag does not hold", """ "Article": { "Lead": { "Text": "x" } }, "Links": { "ContentItems": [ { "ContentType": "Article" } ] } """, "Links.ContentItems[0].ContentType", "Only LinkItem may be added" },
        { "bag item missing its required field", """ "Article": { "Lead": { "Text": "x" } }, "Links": { "ContentItems": [ { "ContentType": "LinkItem", "LinkItem": {} } ] } """, "Links.ContentItems[0].LinkItem.Label.Text", "is required" },
        { "culture the site does not have", """ "Article": { "Lead": { "Text": "x" } }, "LocalizationPart": { "Culture": "de-DE" } """, "LocalizationPart.Culture", "not one of the site's cultures" },
        { "part that is not an object", """ "Article": "text" """, "Article", "must be a JSON object" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public async Task InvalidContentIsRejectedNamingTheField(string name, string parts, string field, string message)
    {
        using var app = await Articles.StartAsync(Providers.Sqlite);

        var result = await app.SaveAsync(Item($$"""{ "ContentType": "Article", "TitlePart": { "Title": "{{name}}" }, {{parts}} }"""));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Field == field && e.Message.Contains(message, StringComparison.Ordinal));
        Assert.Empty(await app.ListAsync("Article", options: VersionOptions.Latest));
    }

    [Fact]
    public async Task ATitleIsRequiredWhenTheTypeSaysSo()
    {
        using var app = await Articles.StartAsync(Providers.Sqlite);

        var result = await app.SaveAsync(Item("""{ "ContentType": "Article", "Article": { "Lead": { "Text": "x" } } }"""));

        Assert.Contains(result.Errors, e => e.Field == "TitlePart.Title");
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

    [Theory]
    [InlineData("2017-04-27")]
    [InlineData("2017-04-27T00:00:00")]
    [InlineData("2017-04-27T00:00:00Z")]
    [InlineData("2017-04-27T00:00:00.000+00:00")]
    public async Task ADateFieldTakesADateAndTheMidnightDateTimesOrchardWritesForIt(string value)
    {
        using var app = await Articles.StartAsync(Providers.Sqlite);

        var result = await app.SaveAsync(Item($$"""{ "ContentType": "Article", "TitlePart": { "Title": "Forum" }, "Article": { "Lead": { "Text": "x" }, "Day": { "Value": "{{value}}" } } }"""));

        Assert.Empty(result.Errors);
        Assert.Equal("2017-04-27", result.Item!.Text("Article.Day.Value"));
    }

    [Fact]
    public async Task ADateFieldWithoutAValueIsNullUnlessRequired()
    {
        using var app = await Articles.StartAsync(Providers.Sqlite);

        var result = await app.SaveAsync(Item("""{ "ContentType": "Article", "TitlePart": { "Title": "Forum" }, "Article": { "Lead": { "Text": "x" }, "Day": { "Value": null } } }"""));

        Assert.Empty(result.Errors);
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
