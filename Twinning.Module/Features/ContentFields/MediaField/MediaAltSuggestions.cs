using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.ContentFields.MediaField;

/// <summary>An alternative text another item gave the same file: how many items use it, and the title of one of them.</summary>
public sealed record AltSuggestion(string Text, int Uses, string? UsedIn);

/// <summary>
/// ATAG B.2.3.3 "save for reuse": the alternative texts that other items' latest or published versions gave a library
/// file, so that the editor can offer them beside an empty text box. They are only offered, never filled in: the same
/// photo may need other words in another context. Empty texts and decorative files are skipped, and when the item
/// has a culture, so are items in another culture (an item without one may be in any language, so it counts).
/// The media reference index finds the versions; their MediaField JSON holds the texts.
/// </summary>
public sealed class MediaAltSuggestions(TwinningDbContext db)
{
    /// <summary>At most this many suggestions for a file: a short list to read, not a search.</summary>
    public const int Limit = 3;

    /// <summary>At most this many versions are read for a file, the most recently changed: a logo on every page of a
    /// large site must not load every item's JSON for three suggestions.</summary>
    public const int MaxVersionsRead = 200;

    /// <summary>The texts other items gave <paramref name="path"/>, most used first (then the most recently modified).</summary>
    public async Task<IReadOnlyList<AltSuggestion>> ForAsync(string path, string? culture, string? exceptItemId)
    {
        if (path.Length == 0 || path.Length > ContentMediaReferenceRecord.MaxPathLength)
        {
            return [];
        }
        var versions = await (
            from r in db.Set<ContentMediaReferenceRecord>().AsNoTracking()
            join v in db.ContentItemVersions.AsNoTracking() on r.ContentItemVersionRecordId equals v.Id
            where r.MediaPath == path && (v.Latest || v.Published) && v.ContentItemId != exceptItemId
                && (culture == null || v.Culture == null || v.Culture == culture)
            orderby v.ModifiedUtc descending, v.Id
            select new { v.Id, v.ContentItemId, v.Latest, v.DisplayText, v.ModifiedUtc, v.Content })
            .Take(MaxVersionsRead)
            .ToListAsync();
        // A draft and its published version are one item: the draft holds its newest words.
        var items = versions.GroupBy(v => v.ContentItemId).Select(g => g.OrderByDescending(v => v.Latest).First());
        var uses = new List<(string Text, string? Title, DateTime? Modified)>();
        foreach (var item in items)
        {
            if (JsonNode.Parse(item.Content) is not { } content)
            {
                continue;
            }
            foreach (var text in TextsOf(content, path).Distinct(StringComparer.Ordinal))
            {
                uses.Add((text, item.DisplayText, item.ModifiedUtc));
            }
        }
        return uses
            .GroupBy(u => u.Text, StringComparer.Ordinal)
            .Select(g => (Suggestion: new AltSuggestion(g.Key, g.Count(), g.MaxBy(u => u.Modified).Title), Latest: g.Max(u => u.Modified)))
            .OrderByDescending(s => s.Suggestion.Uses).ThenByDescending(s => s.Latest).ThenBy(s => s.Suggestion.Text, StringComparer.Ordinal)
            .Take(Limit)
            .Select(s => s.Suggestion)
            .ToList();
    }

    /// <summary>The non-empty texts of <paramref name="path"/> in every MediaField of an item's JSON, nested items
    /// included (a MediaField is the object that holds both <c>Paths</c> and <c>MediaTexts</c>).</summary>
    private static IEnumerable<string> TextsOf(JsonNode node, string path)
    {
        if (node is JsonArray array)
        {
            foreach (var text in array.OfType<JsonNode>().SelectMany(n => TextsOf(n, path)))
            {
                yield return text;
            }
            yield break;
        }
        if (node is not JsonObject obj)
        {
            yield break;
        }
        if (obj["Paths"] is JsonArray paths && obj["MediaTexts"] is JsonArray texts)
        {
            var marks = obj["Decorative"] as JsonArray ?? [];
            for (var i = 0; i < paths.Count && i < texts.Count; i++)
            {
                var decorative = i < marks.Count && marks[i] is JsonValue mark && mark.TryGetValue<bool>(out var d) && d;
                if (!decorative && paths[i] is JsonValue p && p.TryGetValue<string>(out var candidate) && candidate == path
                    && texts[i] is JsonValue t && t.TryGetValue<string>(out var text) && text.Trim() is { Length: > 0 } trimmed)
                {
                    yield return trimmed;
                }
            }
            yield break;
        }
        foreach (var child in obj.Select(p => p.Value).OfType<JsonNode>().SelectMany(n => TextsOf(n, path)))
        {
            yield return child;
        }
    }
}
