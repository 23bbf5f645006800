using System.Text.Json.Nodes;
using Twinning.Core.Content;
using Twinning.Module.Features.ContentEditing;
using Twinning.Module.Features.ContentParts.BagPart;

namespace Twinning.Module.Features.Admin.Content;

/// <summary>
/// The one rule for what changed between two states of an item, editor by editor, used by the editor's conflict page
/// (what someone else saved meanwhile) and by the history's comparison of two versions: an editor's value changed when
/// the members it holds differ, an empty member (null, "", [] or {}) counting as an absent one, as the form shows
/// them alike; each side is shown as the editor reads it (<see cref="ValueText"/>: yes/no, a list's option by its
/// name, a linked item by its title). A bag's items (a gallery's photos, opening hours) are compared one by one,
/// matched by their <c>ContentItemId</c> (by position when they carry none): an item added, removed or moved is a row
/// saying so with its positions (moved: the fewest items whose moves give the new order, <see cref="Moved"/>), and each
/// field that differs a row of its own, labelled as the editor labels it (<see cref="BagItems"/>).
/// </summary>
public static class FieldDiff
{
    /// <summary>One editor's value on both sides, as text; a bag gives one for each item's change and changed field,
    /// all under the bag's <see cref="Name"/>.</summary>
    public sealed record Change(string Name, string Label, string Before, string After);

    /// <summary>An editor: its form name, its label, and its settings (a list's options, for <see cref="ValueText"/>).</summary>
    public sealed record Editor(string Name, string Label, JsonObject? Settings = null);

    /// <summary>What the comparison needs to look inside bag items: a held type's display name and editors (null for
    /// a type the definitions do not know), and the admin's texts (key and arguments) in the editor's language.</summary>
    public sealed record BagItems(Func<string, (string TypeName, IReadOnlyList<Editor> Editors)?> TypeOf, Func<string, object[], string> Text);

    /// <summary>The editors (in the form's order) whose values differ between the two sides, each side read by
    /// <paramref name="values"/> (as stored without it); with <paramref name="bags"/>, a bag's items are compared field
    /// by field.</summary>
    public static IReadOnlyList<Change> Between(IEnumerable<Editor> editors, Func<string, JsonObject?> before, Func<string, JsonObject?> after,
        ValueText? values = null, BagItems? bags = null)
    {
        values ??= ValueText.AsStored;
        var changes = new List<Change>();
        foreach (var (name, label, settings) in editors)
        {
            var (then, now) = (before(name) ?? [], after(name) ?? []);
            if (!JsonNode.DeepEquals(WithoutEmpty(then), WithoutEmpty(now)))
            {
                var itemChanges = bags is null ? [] : ItemChanges(name, label, then, now, bags, values);
                // A change the items' editors do not show (a member without an editor) is shown as the whole value.
                changes.AddRange(itemChanges.Count > 0 ? itemChanges : [new Change(name, label, values.Describe(then, settings), values.Describe(now, settings))]);
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
    /// when neither carries an id; what is left over was added or removed. Of the matched items, those that keep their
    /// order stayed and the others moved (<see cref="Moved"/>).</summary>
    private static List<Change> ItemChanges(string name, string label, JsonObject before, JsonObject after, BagItems bags, ValueText values)
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
        var moved = Moved([.. match.Where(i => i >= 0)]);
        string Position(int index) => bags.Text("Diff.Position", [index + 1]);
        var absent = bags.Text("Diff.Absent", []);
        for (var j = 0; j < now.Count; j++)
        {
            var i = match[j];
            ItemRows(changes, name, label, i < 0 ? null : old[i], now[j], j, i < 0 ? "Diff.Item.Added" : moved.Contains(i) ? "Diff.Item.Moved" : null,
                i < 0 ? absent : Position(i), Position(j), bags, values);
        }
        for (var i = 0; i < old.Count; i++)
        {
            if (!taken[i])
            {
                ItemRows(changes, name, label, old[i], null, i, "Diff.Item.Removed", Position(i), absent, bags, values);
            }
        }
        return changes;
    }

    /// <summary>Of items at the old places <paramref name="oldPlaces"/>, listed in their new order, those that moved: all
    /// but a longest run that kept its order (a longest increasing subsequence), the fewest moves that give the new
    /// order. [A,B,C] to [C,A,B] is C moved; of two items swapped, the one now first is moved.</summary>
    public static IReadOnlySet<int> Moved(IReadOnlyList<int> oldPlaces)
    {
        ArgumentNullException.ThrowIfNull(oldPlaces);
        // ends[k]: the index of the item ending the increasing run of length k + 1 whose last old place is smallest;
        // before[j]: the item before j in the run that j ends.
        var ends = new List<int>();
        var before = new int[oldPlaces.Count];
        for (var j = 0; j < oldPlaces.Count; j++)
        {
            var (low, high) = (0, ends.Count);
            while (low < high)
            {
                var middle = (low + high) / 2;
                (low, high) = oldPlaces[ends[middle]] < oldPlaces[j] ? (middle + 1, high) : (low, middle);
            }
            before[j] = low > 0 ? ends[low - 1] : -1;
            if (low == ends.Count)
            {
                ends.Add(j);
            }
            else
            {
                ends[low] = j;
            }
        }
        var moved = new HashSet<int>(oldPlaces);
        for (var j = ends.Count > 0 ? ends[^1] : -1; j >= 0; j = before[j])
        {
            moved.Remove(oldPlaces[j]);
        }
        return moved;
    }

    /// <summary>One item's rows: its addition, removal or move (<paramref name="status"/>, a text key, null when it
    /// stayed in its place), then each of its fields that differs.</summary>
    private static void ItemRows(List<Change> changes, string name, string label, JsonObject? then, JsonObject? now, int index, string? status,
        string wasAt, string isAt, BagItems bags, ValueText values)
    {
        var item = now ?? then!;
        var type = item["ContentType"] is JsonValue v && v.TryGetValue<string>(out var t) ? t : "";
        var (typeName, editors) = bags.TypeOf(type) ?? (type, []);
        var legend = BagPartEditor.Summary(item, values, editorName => editors.FirstOrDefault(e => e.Name == editorName)?.Settings) is { } summary
            ? bags.Text("BagPart.ItemWithSummary", [typeName, index + 1, summary])
            : bags.Text("BagPart.Item", [typeName, index + 1]);
        if (status is not null)
        {
            changes.Add(new Change(name, bags.Text(status, [label, legend]), wasAt, isAt));
        }
        // An item added or removed shows the fields it holds (an unticked box holds nothing, as the editor reads it).
        var shown = then is null || now is null ? editors.Where(e => !BagPartEditor.IsBlank(ValueOf(item, e.Name))) : editors;
        foreach (var field in Between(shown, e => ValueOf(then, e), e => ValueOf(now, e), values))
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
