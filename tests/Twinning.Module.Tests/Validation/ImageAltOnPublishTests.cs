using System.Resources;
using static Twinning.Module.Tests.Validation.ArticleSite;
using Twinning.Core.Content.Definitions;
using Twinning.Core.Rules;
using Twinning.Module.Tests.Infrastructure;

namespace Twinning.Module.Tests.Validation;

/// <summary>An image without an alt attribute in rich text stops a publish, never a draft (design: admin.md row 25).</summary>
public sealed class ImageAltOnPublishTests
{
    private const string Article = """
        { "ContentType": "Article", "TitlePart": { "Title": "Konferencja" },
          "Article": { "Lead": { "Text": "x" } },
          "HtmlBodyPart": { "Html": "<p><img src=\"/media/forums/town-hall.jpg?width=800\"> <img src=\"/media/line.png\" alt=\"\"> <img src=\"a.png\" alt=\"Rynek\"></p>" } }
        """;

    private static Task<IReadOnlyList<ContentValidationError>> ValidateAsync(string json, bool publishing, ContentDefinitionDocument? definitions = null)
        => Validator().ValidateAsync(Item(json), definitions ?? Definitions(), Settings(), new InMemoryContentLookup(), publishing: publishing);

    [Fact]
    public async Task ADraftKeepsAnImageWithoutAlt() => Assert.Empty(await ValidateAsync(Article, publishing: false));

    [Fact]
    public async Task PublishingRefusesAnImageWithoutAltNamingTheFieldAndTheFile()
    {
        var error = Assert.Single(await ValidateAsync(Article, publishing: true));

        Assert.Equal("HtmlBodyPart.Html", error.Field);
        Assert.StartsWith("HtmlBodyPart has an image without alternative text (town-hall.jpg), which stops publishing", error.Message, StringComparison.Ordinal);
        var polish = Translations.PolishTexts(new ResourceManager(typeof(RuleText)));
        Assert.StartsWith("HtmlBodyPart zawiera obraz bez tekstu alternatywnego (town-hall.jpg), co uniemożliwia publikację",
            error.Problem.Render(polish.GetValueOrDefault, Translations.Polish), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecorativeAndDescribedImagesArePublished()
        => Assert.Empty(await ValidateAsync(Article.Replace("<img src=\\\"/media/forums/town-hall.jpg?width=800\\\">", "", StringComparison.Ordinal), publishing: true));

    [Fact]
    public async Task AnItemNestedInAnotherIsCheckedToo()
    {
        var definitions = Definitions();
        definitions.ContentTypeDefinitionRecords.Add(new ContentTypeDefinition
        {
            Name = "Landing",
            ContentTypePartDefinitionRecords = [new() { Name = "TitlePart", PartName = "TitlePart" }, new() { Name = "FlowPart", PartName = "FlowPart" }],
        });
        var landing = $$"""{ "ContentType": "Landing", "TitlePart": { "Title": "Start" }, "FlowPart": { "Widgets": [ {{Article}} ] } }""";

        Assert.Empty(await ValidateAsync(landing, publishing: false, definitions));
        Assert.Equal("FlowPart.Widgets[0].HtmlBodyPart.Html", Assert.Single(await ValidateAsync(landing, publishing: true, definitions)).Field);
    }

    [Fact]
    public void OnlyImagesWithNoAltAttributeAtAllAreListed()
        => Assert.Equal(["town-hall.jpg", "b.png"], HtmlChecks.ImagesWithoutAlt("""<img src="/media/town-hall.jpg"><img alt="" src="x.png"><p><img src="b.png"></p>"""));
}
