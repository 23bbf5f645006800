using System.Text.Json.Nodes;
using Twinning.Core.Content;
using Twinning.Module.Features.Admin.Content;
using Twinning.Module.Features.ContentEditing;
using Twinning.Module.Features.ContentParts.BagPart;

namespace Twinning.Module.Tests.Admin;

/// <summary>The one rule for what changed between two states of an item (the conflict page and the history), and how
/// a stored value reads there and in a bag item's name (<see cref="ValueText"/>, <see cref="Module.Features.ContentParts.HeldItemsEditor.Summary"/>).</summary>
public sealed class FieldDiffTests
{
    private static readonly FieldDiff.Editor[] Editors = [new("TitlePart", "Title"), new("Forum.Venue", "Venue"), new("Forum.PartnerCities", "Partner cities")];

    private static ContentItem Forum(string title, JsonObject venue, JsonObject cities)
        => ContentItemJsonConverter.FromJson(new JsonObject
        {
            ["ContentItemId"] = "4tzmxmd4c5qz7gzav4qvjmm1hf",
            ["ContentType"] = "Forum",
            ["TitlePart"] = new JsonObject { ["Title"] = title },
            ["Forum"] = new JsonObject { ["Venue"] = venue, ["PartnerCities"] = cities },
        });

    private static IReadOnlyList<FieldDiff.Change> Compare(ContentItem before, ContentItem after, Func<string, string>? titles = null)
        => FieldDiff.Between(Editors, name => FieldDiff.ValueIn(before, name), name => FieldDiff.ValueIn(after, name), new ValueText("Yes", "No", titles));

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

    /// <summary>A predefined list of days, its options named in the editor's language (as TypeEditors gives them).</summary>
    private static JsonObject DayOptions() => new()
    {
        ["ContentPartFieldSettings"] = new JsonObject { ["DisplayName"] = "Day of week", ["Editor"] = "PredefinedList" },
        ["TextFieldPredefinedListEditorSettings"] = new JsonObject
        {
            ["Options"] = new JsonArray(new JsonObject { ["name"] = "poniedziałek", ["value"] = "Monday" }, new JsonObject { ["name"] = "wtorek", ["value"] = "Tuesday" }),
        },
    };

    private static readonly FieldDiff.BagItems Bags = new(
        type => type switch
        {
            "GalleryPhoto" => ("Gallery photo", [new("GalleryPhoto.Caption", "Caption"), new("GalleryPhoto.SampleImage", "Sample image")]),
            "OpeningHoursSpecification" => ("Opening hours", [new("OpeningHoursSpecification.DayOfWeek", "Day of week", DayOptions()), new("OpeningHoursSpecification.Opens", "Opens")]),
            _ => null,
        },
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
        return FieldDiff.Between([new("Photos", "Photos")], name => FieldDiff.ValueIn(before, name), name => FieldDiff.ValueIn(after, name), new ValueText("Yes", "No"), Bags);
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
            ("Photos: Gallery photo 1: Most nocą, Sample image", "No", "Yes"),
            // Ratusz is second now only because Most moved above it: no row.
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

    /// <summary>The captions of the photos reported as moved when photos captioned by the letters of
    /// <paramref name="before"/> are put in the order of <paramref name="after"/>.</summary>
    private static string MovedIn(string before, string after)
    {
        JsonObject[] Photos(string letters) => [.. letters.Select(c => Photo(c.ToString(), c.ToString()))];
        return string.Concat(CompareBags(Photos(before), Photos(after)).Where(c => c.Label.EndsWith(", moved", StringComparison.Ordinal))
            .Select(c => c.Label.Split(": ")[2][..1]));
    }

    [Theory]
    [InlineData("abc", "cab", "c")] // moved to the top: only it, not the two it passed
    [InlineData("abc", "bca", "a")] // moved to the end
    [InlineData("ab", "ba", "b")] // a swap: one move, the item now first
    [InlineData("abcde", "aecdb", "eb")] // two moves
    [InlineData("abc", "cba", "cb")] // reversed: all but one
    [InlineData("abc", "abc", "")]
    public void OnlyTheFewestItemsWhoseMovesGiveTheNewOrderAreReportedAsMoved(string before, string after, string moved)
        => Assert.Equal(moved, MovedIn(before, after));

    [Fact]
    public void TheMovedItemsAreThoseOutsideALongestRunThatKeptItsOrder()
    {
        Assert.Equal([1, 4], FieldDiff.Moved([0, 4, 2, 3, 1]).Order());
        Assert.Empty(FieldDiff.Moved([]));
        Assert.Empty(FieldDiff.Moved([0, 3, 7]));
        Assert.Equal([2, 3, 4, 5], FieldDiff.Moved([5, 4, 3, 2, 1]).Order());
    }

    private static JsonObject Hours(string id, string day, string opens = "08:00") => new()
    {
        ["ContentItemId"] = id,
        ["ContentType"] = "OpeningHoursSpecification",
        ["OpeningHoursSpecification"] = new JsonObject { ["DayOfWeek"] = new JsonObject { ["Text"] = day }, ["Opens"] = new JsonObject { ["Value"] = opens } },
    };

    [Fact]
    public void AListsValueReadsAsItsOptionsNameInTheItemsNameAndInItsRows()
    {
        var changes = CompareBags([Hours("a", "Monday")], [Hours("a", "Tuesday", "09:00")]);

        Assert.Equal(
        [
            ("Photos: Opening hours 1: wtorek, Day of week", "poniedziałek", "wtorek"),
            ("Photos: Opening hours 1: wtorek, Opens", "08:00", "09:00"),
        ], changes.Select(c => (c.Label, c.Before, c.After)));
    }

    [Fact]
    public void ABagItemIsNamedByItsFirstTextAsItsEditorShowsIt()
    {
        var values = new ValueText("Tak", "Nie");
        JsonObject? SettingsOf(string name) => name == "OpeningHoursSpecification.DayOfWeek" ? DayOptions() : null;

        Assert.Equal("poniedziałek", BagPartEditor.Summary(Hours("a", "Monday"), values, SettingsOf));
        // A value the options do not hold, and a field without options, read as stored.
        Assert.Equal("Sunday", BagPartEditor.Summary(Hours("a", "Sunday"), values, SettingsOf));
        Assert.Equal("Most", BagPartEditor.Summary(Photo("a", "Most"), values, SettingsOf));
        Assert.Null(BagPartEditor.Summary(Photo("a", " "), values, SettingsOf));
    }

    [Theory]
    [InlineData("""{ "Value": true }""", "Tak")]
    [InlineData("""{ "Value": false }""", "Nie")]
    [InlineData("""{ "Value": 12.5 }""", "12.5")]
    [InlineData("""{ "Text": "Monday" }""", "poniedziałek")]
    [InlineData("""{ "Text": "Sunday" }""", "Sunday")]
    [InlineData("""{ "ContentItemIds": ["4thr611dqsvr5cywsay1ex83h8"] }""", "Polotsk")]
    public void AValueReadsAsItsEditorShowsIt(string json, string text)
    {
        var values = new ValueText("Tak", "Nie", id => id == "4thr611dqsvr5cywsay1ex83h8" ? "Polotsk" : id);

        Assert.Equal(text, values.Describe(JsonNode.Parse(json), DayOptions()));
        Assert.Equal("true", ValueText.AsStored.Describe(JsonNode.Parse("""{ "Value": true }""")));
    }

    [Fact]
    public void AMultiTextFieldsValuesReadAsTheirOptionsNamesAndATextFieldsOnlyWhenItIsAList()
    {
        var values = new ValueText("Yes", "No");
        var multiText = new JsonObject
        {
            ["MultiTextFieldSettings"] = new JsonObject { ["Options"] = new JsonArray(new JsonObject { ["name"] = "angielski", ["value"] = "en" }) },
        };
        var plainText = DayOptions();
        plainText["ContentPartFieldSettings"]!["Editor"] = "TextArea";

        Assert.Equal("angielski, pl", values.Describe(JsonNode.Parse("""{ "Values": ["en", "pl"] }"""), multiText));
        Assert.Equal("Monday", values.Describe(JsonNode.Parse("""{ "Text": "Monday" }"""), plainText));
    }
}
