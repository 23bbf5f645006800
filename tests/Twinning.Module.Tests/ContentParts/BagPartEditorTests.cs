using Twinning.Module.Features.ContentEditing;
using Twinning.Module.Features.ContentParts.BagPart;

namespace Twinning.Module.Tests.ContentParts;

/// <summary>The bag editor's pure parts: what its buttons do to the order of the items, and the names and ids of the
/// inputs of a held item.</summary>
public sealed class BagPartEditorTests
{
    private static readonly string[] Ids = ["a", "b", "c"];

    [Theory]
    [InlineData("up", "b", BagChangeKind.Moved, 1, 0)]
    [InlineData("down", "b", BagChangeKind.Moved, 1, 2)]
    [InlineData("remove", "c", BagChangeKind.Removed, 2, 2)]
    [InlineData("add", "GalleryPhoto", BagChangeKind.Added, 3, 3)]
    public void AButtonChangesTheOrder(string verb, string argument, BagChangeKind kind, int from, int to)
        => Assert.Equal(new BagChange(kind, from, to), BagPartEditor.Change(verb, argument, Ids, ["GalleryPhoto"]));

    [Theory]
    [InlineData("up", "a")] // already first
    [InlineData("down", "c")] // already last
    [InlineData("remove", "z")] // no such item
    [InlineData("add", "Article")] // a type the bag may not hold
    [InlineData("jump", "b")]
    public void AButtonThatNamesNothingPossibleChangesNothing(string verb, string argument)
        => Assert.Null(BagPartEditor.Change(verb, argument, Ids, ["GalleryPhoto"]));

    [Fact]
    public void AHeldItemsInputsAreNamedAfterItsPlaceAndTheirIdsNeedNoEscaping()
    {
        Assert.Equal("Photos.ContentItems[2]", BagPartEditor.ItemName("Photos", 2));
        Assert.Equal("f-Photos-ContentItems-2-GalleryPhoto-Caption", EditorModel.IdOf("Photos.ContentItems[2].GalleryPhoto.Caption"));
        Assert.Equal("f-Forum-StartDate", EditorModel.IdOf("Forum.StartDate"));
        Assert.Equal("Photo 3: Rynek", BagPartEditor.Numbered("Photo {n}: Rynek", 3));
    }

    /// <summary>What an untouched editor gives for a field the stored item never had: left out, so a save that changes
    /// nothing writes the bag as it was.</summary>
    [Theory]
    [InlineData("""{ "Text": "" }""", true)]
    [InlineData("""{ "Text": "  " }""", true)]
    [InlineData("""{ "ContentItemIds": [] }""", true)]
    [InlineData("""{ "Value": false }""", true)]
    [InlineData("""{ "Value": null }""", true)]
    [InlineData("""{ "Text": "Partner" }""", false)]
    [InlineData("""{ "ContentItemIds": ["4t6yna459kejwd27ce1n4eq21f"] }""", false)]
    [InlineData("""{ "Value": true }""", false)]
    [InlineData("""{ "Value": 0 }""", false)]
    public void AnEditorsValueIsBlankWhenItHoldsNothing(string json, bool blank)
        => Assert.Equal(blank, BagPartEditor.IsBlank(System.Text.Json.Nodes.JsonNode.Parse(json)));
}
