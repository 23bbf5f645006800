using Twinning.Core.Content;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Twinning.Module.Features.ContentDefinitions;
using Twinning.Module.Features.ContentEditing;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Site;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Admin.Content;

/// <summary>The editors' choices read from the store and the site settings.</summary>
public sealed class EditorLookups(ContentStore store, ContentDefinitionService definitions, SiteService site, TwinningDbContext db) : IEditorLookups
{
    public async Task<IReadOnlyList<EditorChild>> ChildrenAsync(string listContentItemId)
        => await db.ContentItemVersions.AsNoTracking()
            .Where(v => v.ListContentItemId == listContentItemId && v.Latest)
            .OrderBy(v => v.ListOrder).ThenBy(v => v.Id)
            .Select(v => new EditorChild(v.ContentItemId, v.DisplayText ?? v.ContentItemId, v.Published))
            .ToListAsync();

    public async Task<IReadOnlyList<EditorChoice>> ItemsAsync(IReadOnlyList<string> types)
    {
        var names = types.Count > 0 ? types : (await definitions.GetAsync()).ContentTypeDefinitionRecords.Where(t => t.TypeSettings.Listable).Select(t => t.Name).ToList();
        var choices = new List<EditorChoice>();
        foreach (var type in names)
        {
            foreach (var item in await store.ListAsync(type, VersionOptions.Latest))
            {
                choices.Add(new EditorChoice(item.ContentItemId, TitleOf(item)));
            }
        }
        return [.. choices.OrderBy(c => c.Title, StringComparer.CurrentCulture)];
    }

    public async Task<IReadOnlyList<EditorChoice>> ChosenAsync(IReadOnlyList<string> ids)
    {
        var choices = new List<EditorChoice>(ids.Count);
        foreach (var id in ids)
        {
            choices.Add(await store.GetLatestAsync(id) is { } item ? new EditorChoice(id, TitleOf(item)) : new EditorChoice(id, id));
        }
        return choices;
    }

    /// <summary>How an item is named in a choice: its display text, with its language when it has one.</summary>
    public static string TitleOf(ContentItem item)
        => ContentListPage.CultureOf(item) is { } culture ? $"{item.DisplayText} ({culture})" : item.DisplayText ?? item.ContentItemId;

    public async Task<IReadOnlyList<EditorChoice>> TermsAsync(string? taxonomyId)
    {
        var taxonomy = string.IsNullOrEmpty(taxonomyId) ? null : await store.GetLatestAsync(taxonomyId);
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
