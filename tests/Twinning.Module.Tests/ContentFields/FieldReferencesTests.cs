using System.Text.Json.Nodes;
using Twinning.Module.Features.ContentFields;

namespace Twinning.Module.Tests.ContentFields;

/// <summary>The reference rows a field value gives: they keep picked items and used media files from being deleted.</summary>
public sealed class FieldReferencesTests
{
    [Fact]
    public void AMediaFieldProtectsEachFileOnceInTheLibrarysFormAndNothingOutsideIt()
    {
        var media = ContentFieldTypes.Indexing("MediaField")!;
        var value = JsonNode.Parse("""{ "Paths": ["/images/logo.png", "images/logo.png", "../secret.txt", 3, "images\\forum\\a.jpg"] }""")!.AsObject();

        Assert.Equal(["images/logo.png", "images/forum/a.jpg"], media.UsedMediaPaths(value));
        Assert.Empty(media.ReferencedItemIds(value));
    }

    [Theory]
    [InlineData("ContentPickerField", "ContentItemIds")]
    [InlineData("TaxonomyField", "TermContentItemIds")]
    public void PickedItemsAreReferencedInTheirOrder(string fieldType, string member)
    {
        var picker = ContentFieldTypes.Indexing(fieldType)!;
        var value = new JsonObject { [member] = new JsonArray("b", "a", "c") };

        Assert.Equal(["b", "a", "c"], picker.ReferencedItemIds(value));
        Assert.Empty(picker.UsedMediaPaths(value));
    }

    [Fact]
    public void AFieldThatHoldsNoReferencesGivesNone()
    {
        var text = ContentFieldTypes.Indexing("TextField")!;
        var value = new JsonObject { ["Text"] = "4ZGXq2ckbmq8ptg8wkhtfdnhs0" };

        Assert.Empty(text.ReferencedItemIds(value));
        Assert.Empty(text.UsedMediaPaths(value));
    }
}
