using System.Text.Json.Nodes;
using Twinning.Core.Content;
using Twinning.Module.Features.ContentParts.BagPart;

namespace Twinning.Module.Features.Admin.Content;

/// <summary>
/// The one rule for what changed between two states of an item, editor by editor, used by the editor's conflict page
/// (what someone else saved meanwhile) and by the history's comparison of two versions: an editor's value changed when
/// the members it holds differ, an empty member (null, "", [] or {}) counting as an absent one, as the form shows
/// them alike; each side is shown as an editor reads it. A bag's items (a gallery's photos, opening hours) are compared
/// one by one, matched by their <c>ContentItemId</c> (by position when they carry none): an item added, removed or
/// moved is a row saying so with its positions, and each field that differs a row of its own, labelled as the editor
/// labels it (<see cref="BagItems"/>).
/// </summary>
public static class FieldDiff
{
    /// <summary>One editor's value on both sides, as text; a bag gives one for each item's change and changed field,
    /// all under the bag's <see cref="Name"/>.</summary>
    public sealed record Change(string Name, string Label, string Before, string After);

    /// <summary>What the comparison needs to look inside bag items: a held type's display name and editors (null for
    /// a type the definitions do not know), and the admin's texts (key and arguments) in the editor's language.</summary>
    public sealed record BagItems(Func<string, (string TypeName, IReadOnlyList<(string Name, string Label)> Editors)?> TypeOf, Func<string, object[], string> Text);

    /// <summary>The editors (form name and label, in the form's order) whose values differ between the two sides.
    /// <paramref name="show"/> may put a text in place of a stored one (a linked item's title for its id); with
    /// <paramref name="bags"/>, a bag's items are compared field by field.</summary>
    public static IReadOnlyList<Change> Between(IEnumerable<(string Name, string Label)> editors, Func<string, JsonObject?> before, Func<string, JsonObject?> after,
        Func<string, string>? show = null, BagItems? bags = null)
    {
        var changes = new List<Change>();
        foreach (var (name, label) in editors)
        {
            var (then, now) = (before(name) ?? [], after(name) ?? []);
            if (!JsonNode.DeepEquals(WithoutEmpty(then), WithoutEmpty(now)))
            {
                var itemChanges = bags is null ? [] : ItemChanges(name, label, then, now, bags, show);
                // A change the items' editors do not show (a member without an editor) is shown as the whole value.
                changes.AddRange(itemChanges.Count > 0 ? itemChanges : [new Change(name, label, Describe(then, show), Describe(now, show))]);
            }
        }
        return changes;
    }

    private const string BagMember = "ContentItems";

    /// <summary>The items a bag's value holds, or null when the value is not a bag's.</summary>
    private static List<JsonObject>? ItemsOf(JsonObject value)
        => value[BagMember] is JsonArray items ? [.. items.OfType<JsonObject>()] : value.Count == 0 ? [] : null;

    private static string? IdOf(JsonObject item) => item["ContentItemId"] is JsonValue v && v.TryGetValue<string>(out var id) && id.Length > 0 ? id : null;

    /// <summary>A bag's items compared: each after-side item matched with a before-side one by id, or by position
    /// when neither carries an id; what is left over was added or removed. An item whose place among the matched
    /// items changed was moved (one moved past another: both).</summary>
    private static List<Change> ItemChanges(string name, string label, JsonObject before, JsonObject after, BagItems bags, Func<string, string>? show)
    {
        var changes = new List<Change>();
        if (ItemsOf(before) is not { } old || ItemsOf(after) is not { } now || (old.Count == 0 && now.Count == 0))
        {
            return changes;
        }
        var match = new int[now.Count];
        var taken = new bool[old.Count];
        for (var j = 0; j < now.Count; j++)
        {
            var id = IdOf(now[j]);
            match[j] = id is not null ? old.FindIndex(o => IdOf(o) == id)
                : j < old.Count && IdOf(old[j]) is null ? j : -1;
            if (match[j] >= 0)
            {
                taken[match[j]] = true;
            }
        }
        // The order of the matched items on each side: a change of rank is a move.
        var beforeRanks = Enumerable.Range(0, old.Count).Where(i => taken[i]).Select((i, rank) => (i, rank)).ToDictionary(p => p.i, p => p.rank);
        var afterRank = 0;
        string Position(int index) => bags.Text("Diff.Position", [index + 1]);
        var absent = bags.Text("Diff.Absent", []);
        for (var j = 0; j < now.Count; j++)
        {
            var i = match[j];
            var moved = false;
            if (i >= 0)
            {
                moved = beforeRanks[i] != afterRank;
                afterRank++;
            }
            ItemRows(changes, name, label, i < 0 ? null : old[i], now[j], j, i < 0 ? "Diff.Item.Added" : moved ? "Diff.Item.Moved" : null,
                i < 0 ? absent : Position(i), Position(j), bags, show);
        }
        for (var i = 0; i < old.Count; i++)
        {
            if (!taken[i])
            {
                ItemRows(changes, name, label, old[i], null, i, "Diff.Item.Removed", Position(i), absent, bags, show);
            }
        }
        return changes;
    }

    /// <summary>One item's rows: its addition, removal or move (<paramref name="status"/>, a text key, null when it
    /// stayed in its place), then each of its fields that differs.</summary>
    private static void ItemRows(List<Change> changes, string name, string label, JsonObject? then, JsonObject? now, int index, string? status,
        string wasAt, string isAt, BagItems bags, Func<string, string>? show)
    {
        var item = now ?? then!;
        var type = item["ContentType"] is JsonValue v && v.TryGetValue<string>(out var t) ? t : "";
        var (typeName, editors) = bags.TypeOf(type) ?? (type, Array.Empty<(string, string)>());
        var legend = BagPartEditor.Summary(item) is { } summary
            ? bags.Text("BagPart.ItemWithSummary", [typeName, index + 1, summary])
            : bags.Text("BagPart.Item", [typeName, index + 1]);
        if (status is not null)
        {
            changes.Add(new Change(name, bags.Text(status, [label, legend]), wasAt, isAt));
        }
        // An item added or removed shows the fields it holds (an unticked box holds nothing, as the editor reads it).
        var shown = then is null || now is null ? editors.Where(e => !BagPartEditor.IsBlank(ValueOf(item, e.Name))) : editors;
        foreach (var field in Between(shown, e => ValueOf(then, e), e => ValueOf(now, e), show))
        {
            changes.Add(new Change(name, bags.Text("Diff.ItemField", [label, legend, field.Label]), field.Before, field.After));
        }
    }

    /// <summary>The value of an editor (<c>TitlePart</c>, <c>GalleryPhoto.Caption</c>) in a bag item.</summary>
    private static JsonObject? ValueOf(JsonObject? item, string name)
    {
        var (partName, fieldName) = Split(name);
        var part = item?[partName] as JsonObject;
        return (fieldName is null ? part : part?[fieldName] as JsonObject)?.DeepClone() as JsonObject;
    }

    /// <summary>The value without its empty members, at any depth; null when nothing is left.</summary>
    private static JsonNode? WithoutEmpty(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                var kept = new JsonObject();
                foreach (var (key, value) in o)
                {
                    if (WithoutEmpty(value) is { } v)
                    {
                        kept[key] = v;
                    }
                }
                return kept.Count == 0 ? null : kept;
            case JsonArray a:
                return a.Count == 0 ? null : new JsonArray([.. a.Select(e => e?.DeepClone())]);
            case JsonValue v when v.TryGetValue<string>(out var s) && s.Length == 0:
                return null;
            default:
                return node?.DeepClone();
        }
    }

    /// <summary>What an editor named <paramref name="name"/> (<c>TitlePart</c>, <c>Forum.Venue</c>) holds in
    /// <paramref name="item"/>: the members listed, or, without a list, all of them.</summary>
    public static JsonObject ValueIn(ContentItem? item, string name, IEnumerable<string>? members = null)
    {
        var (partName, fieldName) = Split(name);
        var source = fieldName is null ? item?.Part(partName) : item?.Part(partName)?[fieldName] as JsonObject;
        var value = new JsonObject();
        foreach (var member in members ?? source?.Select(p => p.Key) ?? [])
        {
            value[member] = source?[member]?.DeepClone();
        }
        return value;
    }

    /// <summary>A value as the editor reads it: its texts and numbers, without JSON punctuation.</summary>
    public static string Describe(JsonNode? node, Func<string, string>? show = null) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => show?.Invoke(s) ?? s,
        JsonValue v => v.ToJsonString(),
        JsonArray a => string.Join(", ", a.Select(e => Describe(e, show)).Where(s => s.Length > 0)),
        JsonObject o => string.Join("; ", o.Select(p => Describe(p.Value, show)).Where(s => s.Length > 0)),
        _ => "",
    };

    /// <summary>Every text a value holds, at any depth (the ids a picker stores, among others).</summary>
    public static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        JsonArray a => a.SelectMany(Texts),
        JsonObject o => o.SelectMany(p => Texts(p.Value)),
        _ => [],
    };

    /// <summary>An editor's form name as its part and, for a field, the field.</summary>
    public static (string Part, string? Field) Split(string name)
        => name.IndexOf('.', StringComparison.Ordinal) is var dot and > 0 ? (name[..dot], name[(dot + 1)..]) : (name, null);
}
