using Twinning.Core.Content;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Twinning.Module.Features.ContentEditing;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Site;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Admin.Content;

/// <summary>The editors' choices read from the store and the site settings.</summary>
public sealed class EditorLookups(ContentStore store, SiteService site, TwinningDbContext db) : IEditorLookups
{
    public async Task<EditorChildren> ChildrenAsync(string listContentItemId, int take)
    {
        var children = db.ContentItemVersions.AsNoTracking().Where(v => v.ListContentItemId == listContentItemId && v.Latest);
        List<EditorChild> items = take <= 0 ? [] : await children
            .OrderBy(v => v.ListOrder).ThenBy(v => v.Id).Take(take)
            .Select(v => new EditorChild(v.ContentItemId, v.DisplayText ?? v.ContentItemId, v.Published))
            .ToListAsync();
        return new EditorChildren(items, items.Count < take ? items.Count : await children.CountAsync());
    }

    public async Task<IReadOnlyList<EditorChoice>> ChosenAsync(IReadOnlyList<string> ids)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        // One query by id over the index columns, whatever the number of items the field could pick from.
        var wanted = ids.Distinct(StringComparer.Ordinal).ToList();
        var found = await db.ContentItemVersions.AsNoTracking()
            .Where(v => v.Latest && wanted.Contains(v.ContentItemId))
            .Select(v => new { v.ContentItemId, v.DisplayText, v.Culture })
            .ToDictionaryAsync(v => v.ContentItemId, v => TitleOf(v.DisplayText, v.Culture, v.ContentItemId), StringComparer.Ordinal);
        return [.. ids.Select(id => new EditorChoice(id, found.GetValueOrDefault(id) ?? id))];
    }

    /// <summary>How an item is named in a choice: its display text, with its language when it has one.</summary>
    public static string TitleOf(ContentItem item) => TitleOf(item.DisplayText, ContentListPage.CultureOf(item), item.ContentItemId);

    private static string TitleOf(string? displayText, string? culture, string id)
        => culture is not null ? $"{displayText} ({culture})" : displayText ?? id;

    public async Task<IReadOnlyList<EditorChoice>> TermsAsync(string? taxonomyId)
        => TermsOf(string.IsNullOrEmpty(taxonomyId) ? null : await store.GetLatestAsync(taxonomyId));

    /// <summary>A taxonomy's terms in their tree's order, a nested term after its parent with a dash per level.</summary>
    public static IReadOnlyList<EditorChoice> TermsOf(ContentItem? taxonomy)
    {
        var choices = new List<EditorChoice>();
        void Add(JsonNode? terms, int depth)
        {
            foreach (var term in (terms as JsonArray ?? []).OfType<JsonObject>())
            {
                var id = term["ContentItemId"]?.GetValue<string>() ?? "";
                var title = term["DisplayText"]?.GetValue<string>() ?? term["TitlePart"]?["Title"]?.GetValue<string>() ?? id;
                choices.Add(new EditorChoice(id, new string('–', depth) + (depth > 0 ? " " : "") + title));
                Add(term["Terms"], depth + 1);
            }
        }
        Add(taxonomy?.Part("TaxonomyPart")?["Terms"], 0);
        return choices;
    }

    public async Task<IReadOnlyList<string>> CulturesAsync() => (await site.GetAsync()).LocalizationSettings.SupportedCultures;
}
