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
}
