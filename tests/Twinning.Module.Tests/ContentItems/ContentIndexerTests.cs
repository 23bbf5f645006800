using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Storage;
using Twinning.Module.Tests.Validation;

namespace Twinning.Module.Tests.ContentItems;

/// <summary>The index row of a version: the columns the culture, list and path parts fill (through their handlers in
/// Features/ContentParts), and the reference rows of pickers, also inside a bag's items.</summary>
public sealed class ContentIndexerTests
{
    [Fact]
    public void ThePartsFillTheirColumnsAndAbsentPartsLeaveThemEmpty()
    {
        var record = new ContentItemVersionRecord { Culture = "old", Path = "old", ListContentItemId = "old", ListOrder = 4 };
        var item = ArticleSite.Item("""
            { "ContentItemId": "4a0sdb2r6y6v0gyswn2mhv2c7f", "ContentItemVersionId": "4b0sdb2r6y6v0gyswn2mhv2c7f", "ContentType": "Article",
              "LocalizationPart": { "Culture": "en-GB", "LocalizationSet": "4c0sdb2r6y6v0gyswn2mhv2c7f" },
              "AutoroutePart": { "Path": "news/first" },
              "ContainedPart": { "ListContentItemId": "4d0sdb2r6y6v0gyswn2mhv2c7f", "Order": 2 } }
            """);

        ContentIndexer.Apply(item, ArticleSite.Definitions(), record);

        Assert.Equal(("en-GB", "4c0sdb2r6y6v0gyswn2mhv2c7f", "news/first", "4d0sdb2r6y6v0gyswn2mhv2c7f", 2),
            (record.Culture, record.LocalizationSet, record.Path, record.ListContentItemId, record.ListOrder));

        ContentIndexer.Apply(ArticleSite.Item("""{ "ContentItemId": "4a0sdb2r6y6v0gyswn2mhv2c7f", "ContentType": "Article" }"""), ArticleSite.Definitions(), record);

        Assert.Equal((null, null, null, null, null), (record.Culture, record.LocalizationSet, record.Path, record.ListContentItemId, record.ListOrder));
    }

    [Fact]
    public void APickerInsideABagItemGivesTheItemAReferenceRowUnderTheBagsPath()
    {
        var definitions = ArticleSite.Definitions();
        definitions.FindPart("LinkItem")!.ContentPartFieldDefinitionRecords.Add(new ContentPartFieldDefinition { FieldName = "ContentPickerField", Name = "Target" });
        var record = new ContentItemVersionRecord();
        var item = ArticleSite.Item("""
            { "ContentItemId": "4a0sdb2r6y6v0gyswn2mhv2c7f", "ContentType": "Article",
              "Article": { "Related": { "ContentItemIds": ["4e0sdb2r6y6v0gyswn2mhv2c7f"] } },
              "Links": { "ContentItems": [ { "ContentItemId": "4f0sdb2r6y6v0gyswn2mhv2c7f", "ContentType": "LinkItem",
                "LinkItem": { "Target": { "ContentItemIds": ["4g0sdb2r6y6v0gyswn2mhv2c7f"] } } } ] } }
            """);

        ContentIndexer.Apply(item, definitions, record);

        Assert.Equal([("Article.Related", "4e0sdb2r6y6v0gyswn2mhv2c7f"), ("Links.LinkItem.Target", "4g0sdb2r6y6v0gyswn2mhv2c7f")],
            record.References.Select(r => (r.FieldPath, r.TargetContentItemId)).Order());
    }

    [Fact]
    public void MediaAndItemsUsedInsideFlowWidgetsAreIndexedAsABagsItemsAre()
    {
        var definitions = ArticleSite.Definitions();
        definitions.ContentTypeDefinitionRecords.Add(new ContentTypeDefinition
        {
            Name = "Landing",
            ContentTypePartDefinitionRecords = [new() { Name = "FlowPart", PartName = "FlowPart" }],
        });
        var item = ArticleSite.Item("""
            { "ContentItemId": "landing0000000000000000000", "ContentType": "Landing", "FlowPart": { "Widgets": [
                { "ContentItemId": "widget00000000000000000000", "ContentType": "Article", "Article": {
                    "Photo": { "Paths": [ "gallery/polock.jpg" ] }, "Related": { "ContentItemIds": [ "other000000000000000000000" ] } } } ] } }
            """);
        var record = new ContentItemVersionRecord();

        ContentIndexer.Apply(item, definitions, record);

        Assert.Equal(("FlowPart.Article.Photo", "gallery/polock.jpg"), (Assert.Single(record.MediaReferences).FieldPath, record.MediaReferences[0].MediaPath));
        Assert.Equal(("FlowPart.Article.Related", "other000000000000000000000"), (Assert.Single(record.References).FieldPath, record.References[0].TargetContentItemId));
    }
}
