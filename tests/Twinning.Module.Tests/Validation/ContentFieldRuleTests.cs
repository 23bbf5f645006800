using static Twinning.Module.Tests.Validation.ArticleSite;

namespace Twinning.Module.Tests.Validation;

/// <summary>The field and part settings of the Article definitions, enforced by the validator every entry point calls
/// (the host test <c>ValidationTests</c> proves a save goes through it and writes nothing when it refuses).</summary>
public sealed class ContentFieldRuleTests
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
        var errors = await ValidateAsync(Item($$"""{ "ContentType": "Article", "TitlePart": { "Title": "{{name}}" }, {{parts}} }"""));

        Assert.Contains(errors, e => e.Field == field && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATitleIsRequiredWhenTheTypeSaysSo()
    {
        var errors = await ValidateAsync(Item("""{ "ContentType": "Article", "Article": { "Lead": { "Text": "x" } } }"""));

        Assert.Contains(errors, e => e.Field == "TitlePart.Title");
    }

    [Theory]
    [InlineData("2017-04-27")]
    [InlineData("2017-04-27T00:00:00")]
    [InlineData("2017-04-27T00:00:00Z")]
    [InlineData("2017-04-27T00:00:00.000+00:00")]
    public async Task ADateFieldTakesADateAndTheMidnightDateTimesOrchardWritesForIt(string value)
    {
        var item = Item($$"""{ "ContentType": "Article", "TitlePart": { "Title": "Forum" }, "Article": { "Lead": { "Text": "x" }, "Day": { "Value": "{{value}}" } } }""");

        var errors = await ValidateAsync(item);

        Assert.Empty(errors);
        Assert.Equal("2017-04-27", item.Part("Article")!["Day"]!["Value"]!.GetValue<string>());
    }

    [Fact]
    public async Task ADateFieldWithoutAValueIsNullUnlessRequired()
    {
        var errors = await ValidateAsync(Item("""{ "ContentType": "Article", "TitlePart": { "Title": "Forum" }, "Article": { "Lead": { "Text": "x" }, "Day": { "Value": null } } }"""));

        Assert.Empty(errors);
    }
}
