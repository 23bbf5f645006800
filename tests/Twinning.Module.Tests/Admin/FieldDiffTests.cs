using System.Text.Json.Nodes;
using Twinning.Core.Content;
using Twinning.Module.Features.Admin.Content;

namespace Twinning.Module.Tests.Admin;

/// <summary>The one rule for what changed between two states of an item (the conflict page and the history).</summary>
public sealed class FieldDiffTests
{
    private static readonly (string, string)[] Editors = [("TitlePart", "Title"), ("Forum.Venue", "Venue"), ("Forum.PartnerCities", "Partner cities")];

    private static ContentItem Forum(string title, JsonObject venue, JsonObject cities)
        => ContentItemJsonConverter.FromJson(new JsonObject
        {
            ["ContentItemId"] = "4tzmxmd4c5qz7gzav4qvjmm1hf",
            ["ContentType"] = "Forum",
            ["TitlePart"] = new JsonObject { ["Title"] = title },
            ["Forum"] = new JsonObject { ["Venue"] = venue, ["PartnerCities"] = cities },
        });

    private static IReadOnlyList<FieldDiff.Change> Compare(ContentItem before, ContentItem after, Func<string, string>? show = null)
        => FieldDiff.Between(Editors, name => FieldDiff.ValueIn(before, name), name => FieldDiff.ValueIn(after, name), show);

    [Fact]
    public void AChangedValueIsListedWithBothSidesAsTheEditorReadsThem()
    {
        var before = Forum("Forum", new JsonObject { ["Text"] = "Ratusz" }, new JsonObject { ["ContentItemIds"] = new JsonArray("a", "b") });
        var after = Forum("Forum", new JsonObject { ["Text"] = "Dwór Artusa" }, new JsonObject { ["ContentItemIds"] = new JsonArray("b", "a") });

        var changes = Compare(before, after);

        Assert.Equal(["Venue", "Partner cities"], changes.Select(c => c.Label));
        Assert.Equal(("Ratusz", "Dwór Artusa"), (changes[0].Before, changes[0].After));
        Assert.Equal(("a, b", "b, a"), (changes[1].Before, changes[1].After));
    }

    [Fact]
    public void AnEmptyValueIsNoChangeFromAnAbsentOne()
    {
        var before = Forum("Forum", [], []);
        var after = Forum("Forum", new JsonObject { ["Text"] = "" }, new JsonObject { ["ContentItemIds"] = new JsonArray() });

        Assert.Empty(Compare(before, after));
        Assert.Single(Compare(before, Forum("Forum 2", [], [])));
    }

    [Fact]
    public void StoredTextsCanBeShownOtherwise()
    {
        var before = Forum("Forum", [], new JsonObject { ["ContentItemIds"] = new JsonArray("4thr611dqsvr5cywsay1ex83h8") });
        var after = Forum("Forum", [], []);

        var change = Assert.Single(Compare(before, after, id => id == "4thr611dqsvr5cywsay1ex83h8" ? "Polotsk" : id));

        Assert.Equal(("Polotsk", ""), (change.Before, change.After));
    }

    private static readonly Dictionary<string, string> Texts = new()
    {
        ["BagPart.Item"] = "{0} {1}",
        ["BagPart.ItemWithSummary"] = "{0} {1}: {2}",
        ["Diff.Item.Added"] = "{0}: {1}, added",
        ["Diff.Item.Removed"] = "{0}: {1}, removed",
        ["Diff.Item.Moved"] = "{0}: {1}, moved",
        ["Diff.ItemField"] = "{0}: {1}, {2}",
        ["Diff.Position"] = "position {0}",
        ["Diff.Absent"] = "not in this version",
    };

    private static readonly FieldDiff.BagItems Bags = new(
        type => type == "GalleryPhoto" ? ("Gallery photo", [("GalleryPhoto.Caption", "Caption"), ("GalleryPhoto.SampleImage", "Sample image")]) : null,
        (key, arguments) => string.Format(System.Globalization.CultureInfo.InvariantCulture, Texts[key], arguments));

    private static JsonObject Photo(string? id, string caption, bool sample = false) => new()
    {
        ["ContentItemId"] = id,
        ["ContentType"] = "GalleryPhoto",
        ["GalleryPhoto"] = new JsonObject { ["Caption"] = new JsonObject { ["Text"] = caption }, ["SampleImage"] = new JsonObject { ["Value"] = sample } },
    };

    private static IReadOnlyList<FieldDiff.Change> CompareBags(params JsonObject[][] sides)
    {
        ContentItem Gallery(JsonObject[] photos) => ContentItemJsonConverter.FromJson(new JsonObject
        {
            ["ContentItemId"] = "4tzmxmd4c5qz7gzav4qvjmm1hf",
            ["ContentType"] = "Gallery",
            ["Photos"] = new JsonObject { ["ContentItems"] = new JsonArray([.. photos]) },
        });
        var (before, after) = (Gallery(sides[0]), Gallery(sides[1]));
        return FieldDiff.Between([("Photos", "Photos")], name => FieldDiff.ValueIn(before, name), name => FieldDiff.ValueIn(after, name), bags: Bags);
    }

    [Fact]
    public void BagItemsAreMatchedByTheirIdsAndComparedFieldByFieldWithTheEditorsLabels()
    {
        var changes = CompareBags(
            [Photo("a", "Ratusz"), Photo("b", "Most"), Photo("c", "Port")],
            [Photo("b", "Most nocą", sample: true), Photo("a", "Ratusz"), Photo("d", "Rynek")]);

        Assert.Equal(
        [
            ("Photos: Gallery photo 1: Most nocą, moved", "position 2", "position 1"),
            ("Photos: Gallery photo 1: Most nocą, Caption", "Most", "Most nocą"),
            ("Photos: Gallery photo 1: Most nocą, Sample image", "false", "true"),
            ("Photos: Gallery photo 2: Ratusz, moved", "position 1", "position 2"),
            ("Photos: Gallery photo 3: Rynek, added", "not in this version", "position 3"),
            ("Photos: Gallery photo 3: Rynek, Caption", "", "Rynek"),
            ("Photos: Gallery photo 3: Port, removed", "position 3", "not in this version"),
            ("Photos: Gallery photo 3: Port, Caption", "Port", ""),
        ], changes.Select(c => (c.Label, c.Before, c.After)));
        Assert.All(changes, c => Assert.Equal("Photos", c.Name));
    }

    [Fact]
    public void BagItemsWithoutIdsAreMatchedByPositionAndAnItemLeftInPlaceIsNoMove()
    {
        var changes = CompareBags([Photo(null, "Ratusz"), Photo(null, "Most")], [Photo(null, "Ratusz"), Photo(null, "Most nocą")]);

        var change = Assert.Single(changes);
        Assert.Equal(("Photos: Gallery photo 2: Most nocą, Caption", "Most", "Most nocą"), (change.Label, change.Before, change.After));
        Assert.Empty(CompareBags([Photo("a", "Ratusz"), Photo("b", "Most")], [Photo("a", "Ratusz"), Photo("b", "Most")]));
        // One removed before another: the other shifts up, and is not reported as moved.
        Assert.Equal(["Photos: Gallery photo 1: Ratusz, removed", "Photos: Gallery photo 1: Ratusz, Caption"],
            CompareBags([Photo("a", "Ratusz"), Photo("b", "Most")], [Photo("b", "Most")]).Select(c => c.Label));
    }
}
