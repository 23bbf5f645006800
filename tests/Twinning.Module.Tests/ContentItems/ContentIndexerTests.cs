using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Storage;
using static Twinning.Module.Tests.Validation.ArticleSite;

namespace Twinning.Module.Tests.ContentItems;

public sealed class ContentIndexerTests
{
    [Fact]
    public void MediaAndItemsUsedInsideFlowWidgetsAreIndexedAsABagsItemsAre()
    {
        var definitions = Definitions();
        definitions.ContentTypeDefinitionRecords.Add(new ContentTypeDefinition
        {
            Name = "Landing",
            ContentTypePartDefinitionRecords = [new() { Name = "FlowPart", PartName = "FlowPart" }],
        });
        var item = Item("""
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
