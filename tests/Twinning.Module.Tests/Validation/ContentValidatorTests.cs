using static Twinning.Module.Tests.Validation.ArticleSite;
using Twinning.Core.Content.Definitions;
using Twinning.Core.Rules;

namespace Twinning.Module.Tests.Validation;

/// <summary>The order of the one rule set: the type and its parts, then each part's fields (which normalise what they
/// accept), then the content item rules registered for the type.</summary>
public sealed class ContentValidatorTests
{
    private const string ValidArticle = """
        { "ContentType": "Article", "TitlePart": { "Title": "Konferencja" },
          "Article": { "Lead": { "Text": "x" }, "Starts": { "Value": "2013-09-27T10:00:00+02:00" } } }
        """;

    [Fact]
    public async Task AnUnknownTypeIsTheOnlyErrorAndNoRuleRuns()
    {
        var rule = new RecordingRule("Nope");

        var error = Assert.Single(await ValidateAsync(Item("""{ "ContentType": "Nope", "Whatever": 1 }"""), rules: [rule]));

        Assert.Equal("ContentType", error.Field);
        Assert.Contains("no content type 'Nope'", error.Message, StringComparison.Ordinal);
        Assert.Empty(rule.Seen);
    }

    [Fact]
    public async Task KeysThatAreNotPartsOfTheTypeAreKeptAsDataAndNeverCheckedAsParts()
    {
        // As Orchard Core keeps them: a part of another type, a misspelt envelope key, a number.
        var item = Item("""
            { "ContentType": "Topic", "TitlePart": { "Title": "Kultura" }, "HtmlBodyPart": { "Html": 5 },
              "Displaytext": "Kultura", "Id": 0 }
            """);

        Assert.Empty(await ValidateAsync(item));

        Assert.Equal(5, item.Data["HtmlBodyPart"]!["Html"]!.GetValue<int>());
        Assert.Equal("Kultura", item.Data["Displaytext"]!.GetValue<string>());
        Assert.Equal(0, item.Data["Id"]!.GetValue<int>());
    }

    [Fact]
    public async Task PartsNoModuleDefinesKeepTheirDataAndFlowWidgetsAreCheckedAsItemsOfTheirTypes()
    {
        var definitions = Definitions();
        definitions.ContentTypeDefinitionRecords.Add(new ContentTypeDefinition
        {
            Name = "Landing",
            ContentTypePartDefinitionRecords =
            [
                new() { Name = "Landing", PartName = "Landing" },
                new() { Name = "TitlePart", PartName = "TitlePart" },
                new() { Name = "FlowPart", PartName = "FlowPart" },
                new() { Name = "FormPart", PartName = "FormPart" },
            ],
        });
        var item = Item("""
            { "ContentType": "Landing", "TitlePart": { "Title": "Start" }, "Landing": { "Anything": 1 }, "FormPart": { "Action": 5 },
              "FlowPart": { "Widgets": [
                { "ContentType": "Article", "TitlePart": { "Title": "W" }, "Article": { "Lead": { "Text": "x" } },
                  "HtmlBodyPart": { "Html": "<p>ok</p><script>alert(1)</script>" }, "FlowMetadata": { "Size": 100 } },
                { "ContentType": "LinkItem", "LinkItem": {} } ] } }
            """);

        var errors = await Validator().ValidateAsync(item, definitions, Settings(), new InMemoryContentLookup());

        Assert.Equal("FlowPart.Widgets[1].LinkItem.Label.Text", Assert.Single(errors).Field);
        Assert.Equal(1, item.Data["Landing"]!["Anything"]!.GetValue<int>());
        Assert.Equal(5, item.Data["FormPart"]!["Action"]!.GetValue<int>());
        var widget = item.Data["FlowPart"]!["Widgets"]![0]!;
        Assert.Equal("<p>ok</p>", widget["HtmlBodyPart"]!["Html"]!.GetValue<string>());
        Assert.Equal(26, widget["ContentItemId"]!.GetValue<string>().Length);
        Assert.Equal(100, widget["FlowMetadata"]!["Size"]!.GetValue<int>());
    }

    [Fact]
    public async Task RulesSeeTheValuesTheFieldsNormalisedAndTheTitleAsDisplayText()
    {
        var rule = new RecordingRule("Article");
        var item = Item(ValidArticle);

        Assert.Empty(await ValidateAsync(item, rules: [rule]));

        var seen = Assert.Single(rule.Seen);
        Assert.Equal("2013-09-27T08:00:00Z", seen.Starts);
        Assert.Equal("Konferencja", seen.DisplayText);
        Assert.Equal("Konferencja", item.DisplayText);
    }

    [Fact]
    public async Task ARuleRunsOnlyForItsTypeAndAlsoForItemsInABagWithTheBagPathBeforeItsField()
    {
        var articleRule = new RecordingRule("Article", failField: "Article.Lead.Text");
        var linkRule = new RecordingRule("LinkItem", failField: "LinkItem.Label.Text");
        var item = Item("""
            { "ContentType": "Article", "TitlePart": { "Title": "Most" }, "Article": { "Lead": { "Text": "x" } },
              "Links": { "ContentItems": [ { "ContentType": "LinkItem", "LinkItem": { "Label": { "Text": "Program" } } } ] } }
            """);

        var errors = await ValidateAsync(item, rules: [articleRule, linkRule]);

        Assert.Single(articleRule.Seen);
        Assert.Single(linkRule.Seen);
        Assert.Equal(["Article.Lead.Text", "Links.ContentItems[0].LinkItem.Label.Text"], errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.All(errors, e => Assert.Equal(RecordingRule.Key, e.Problem.Key));
    }

    [Fact]
    public async Task ARuleDoesNotRepeatAFieldTheDefinitionsAlreadyRefused()
    {
        var rule = new RecordingRule("Article", failField: "Article.Lead.Text");

        var errors = await ValidateAsync(Item("""{ "ContentType": "Article", "TitlePart": { "Title": "x" }, "Article": {} }"""), rules: [rule]);

        var error = Assert.Single(errors);
        Assert.Equal("Article.Lead.Text", error.Field);
        Assert.Contains("is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARuleMayNormaliseTheItemItIsAbout()
    {
        var rule = new RecordingRule("Article", setLead: "normalised");
        var item = Item(ValidArticle);

        Assert.Empty(await ValidateAsync(item, rules: [rule]));

        Assert.Equal("normalised", item.Part("Article")!["Lead"]!["Text"]!.GetValue<string>());
    }

    /// <summary>A content item rule that notes what it was shown and, when asked, fails one field or rewrites the lead.</summary>
    private sealed class RecordingRule(string contentType, string? failField = null, string? setLead = null) : IContentItemRule
    {
        /// <summary>Any key of RuleText will do.</summary>
        public const string Key = "Title.Required";

        public List<(string? DisplayText, string? Starts)> Seen { get; } = [];

        public bool AppliesTo(string type) => type == contentType;

        public ValueTask ValidateAsync(ContentValidationContext context)
        {
            var part = context.Item.Part(contentType);
            Seen.Add((context.Item.DisplayText, part?["Starts"]?["Value"]?.GetValue<string>()));
            if (failField is not null)
            {
                context.Fail(failField, Key);
            }
            if (setLead is not null)
            {
                part!["Lead"]!["Text"] = setLead;
            }
            return ValueTask.CompletedTask;
        }
    }
}
