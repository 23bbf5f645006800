using Twinning.Module.Features.ContentEditing;
using Twinning.Module.Features.ContentParts;
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

    /// <summary>"Apply to selected": exactly the ticked items get the typed values, in the part that holds the field for
    /// their type; an empty box leaves that field alone, and the others keep their own.</summary>
    [Fact]
    public void ApplyingWritesTheTypedValuesIntoExactlyTheSelectedItems()
    {
        static System.Text.Json.Nodes.JsonObject Photo(string id, string credit) => new()
        {
            ["ContentItemId"] = id,
            ["ContentType"] = "GalleryPhoto",
            ["GalleryPhoto"] = new System.Text.Json.Nodes.JsonObject
            {
                ["Caption"] = new System.Text.Json.Nodes.JsonObject { ["Text"] = "Rynek " + id },
                ["Credit"] = new System.Text.Json.Nodes.JsonObject { ["Text"] = credit },
            },
        };
        var items = new[] { Photo("a", "Anna"), Photo("b", "Bartek"), Photo("c", "Celina") };
        var count = BagPartEditor.ApplyTo(items, new HashSet<string> { "a", "c", "gone" }, [("Credit", "Jan Kowalski"), ("Licence", "CC BY 4.0"), ("Caption", "")],
            (type, field) => type == "GalleryPhoto" ? "GalleryPhoto." + field : null);

        Assert.Equal(2, count);
        Assert.Equal(["Jan Kowalski", "Bartek", "Jan Kowalski"], items.Select(i => i["GalleryPhoto"]!["Credit"]!["Text"]!.GetValue<string>()));
        Assert.Equal("CC BY 4.0", items[0]["GalleryPhoto"]!["Licence"]!["Text"]!.GetValue<string>());
        Assert.Null(items[1]["GalleryPhoto"]!["Licence"]);
        // The empty box changed nothing.
        Assert.Equal(["Rynek a", "Rynek b", "Rynek c"], items.Select(i => i["GalleryPhoto"]!["Caption"]!["Text"]!.GetValue<string>()));
    }

    [Fact]
    public void ApplyingToAnItemWhoseTypeLacksTheFieldOrToNothingChangesNothing()
    {
        var item = new System.Text.Json.Nodes.JsonObject { ["ContentItemId"] = "a", ["ContentType"] = "OpeningHours" };
        Assert.Equal(1, BagPartEditor.ApplyTo([item], new HashSet<string> { "a" }, [("Credit", "Jan")], (_, _) => null));
        Assert.Equal(0, BagPartEditor.ApplyTo([item], new HashSet<string>(), [("Credit", "Jan")], (_, _) => "X.Credit"));
        Assert.Equal("""{"ContentItemId":"a","ContentType":"OpeningHours"}""", item.ToJsonString());
    }

    /// <summary>Which field of a held type "Apply to selected" writes: a text field of that name in any of its parts,
    /// named as its editor is; none when the field is of another kind or absent.</summary>
    [Fact]
    public void TheFieldToApplyToIsFoundInTheDefinitionsByNameAndKind()
    {
        var definitions = new Twinning.Core.Content.Definitions.ContentDefinitionDocument
        {
            ContentPartDefinitionRecords =
            [
                new() { Name = "Shot", ContentPartFieldDefinitionRecords = [new() { Name = "Credit", FieldName = "TextField" }, new() { Name = "Licence", FieldName = "HtmlField" }] },
            ],
        };
        var type = new Twinning.Core.Content.Definitions.ContentTypeDefinition
        {
            Name = "Picture",
            ContentTypePartDefinitionRecords = [new() { PartName = "TitlePart", Name = "TitlePart" }, new() { PartName = "Shot", Name = "Main" }],
        };
        Assert.Equal("Main.Credit", BagPartEditor.TextFieldOf(definitions, type, "Credit"));
        Assert.Null(BagPartEditor.TextFieldOf(definitions, type, "Licence"));
        Assert.Null(BagPartEditor.TextFieldOf(definitions, type, "Caption"));
    }
}
