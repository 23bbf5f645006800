using System.Text.Json.Nodes;
using Twinning.Core.Content;

namespace Twinning.Module.Features.Admin.Content;

/// <summary>
/// The one rule for what changed between two states of an item, editor by editor, used by the editor's conflict page
/// (what someone else saved meanwhile) and by the history's comparison of two versions: an editor's value changed when
/// the members it holds differ, an empty member (null, "", [] or {}) counting as an absent one, as the form shows
/// them alike; each side is shown as an editor reads it.
/// </summary>
public static class FieldDiff
{
    /// <summary>One editor's value on both sides, as text.</summary>
    public sealed record Change(string Name, string Label, string Before, string After);

    /// <summary>The editors (form name and label, in the form's order) whose values differ between the two sides.
    /// <paramref name="show"/> may put a text in place of a stored one (a linked item's title for its id).</summary>
    public static IReadOnlyList<Change> Between(IEnumerable<(string Name, string Label)> editors, Func<string, JsonObject?> before, Func<string, JsonObject?> after,
        Func<string, string>? show = null)
    {
        var changes = new List<Change>();
        foreach (var (name, label) in editors)
        {
            var (then, now) = (before(name) ?? [], after(name) ?? []);
            if (!JsonNode.DeepEquals(WithoutEmpty(then), WithoutEmpty(now)))
            {
                changes.Add(new Change(name, label, Describe(then, show), Describe(now, show)));
            }
        }
        return changes;
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
