using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Twinning.Module.Features.ContentDefinitions;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Site;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Admin.Content;

/// <summary>What the editors offer to choose from: items for pickers, terms of a taxonomy, the site's cultures.</summary>
public sealed class EditorLookups(ContentStore store, ContentDefinitionService definitions, SiteService site, TwinningDbContext db)
{
    public sealed record Choice(string Id, string Title);

    public sealed record Child(string Id, string Title, bool Published);

    /// <summary>The latest version of each child of a list, drafts included, in list order.</summary>
    public async Task<IReadOnlyList<Child>> ChildrenAsync(string listContentItemId)
        => await db.ContentItemVersions.AsNoTracking()
            .Where(v => v.ListContentItemId == listContentItemId && v.Latest)
            .OrderBy(v => v.ListOrder).ThenBy(v => v.Id)
            .Select(v => new Child(v.ContentItemId, v.DisplayText ?? v.ContentItemId, v.Published))
            .ToListAsync();

    /// <summary>The latest version of every item of <paramref name="types"/> (every listable type when empty), by title,
    /// with its language when it has one.</summary>
    public async Task<IReadOnlyList<Choice>> ItemsAsync(IReadOnlyList<string> types)
    {
        var names = types.Count > 0 ? types : (await definitions.GetAsync()).ContentTypeDefinitionRecords.Where(t => t.TypeSettings.Listable).Select(t => t.Name).ToList();
        var choices = new List<Choice>();
        foreach (var type in names)
        {
            foreach (var item in await store.ListAsync(type, VersionOptions.Latest))
            {
                var culture = ContentListPage.CultureOf(item);
                choices.Add(new Choice(item.ContentItemId, culture is null ? item.DisplayText ?? item.ContentItemId : $"{item.DisplayText} ({culture})"));
            }
        }
        return [.. choices.OrderBy(c => c.Title, StringComparer.CurrentCulture)];
    }

    /// <summary>The terms of a taxonomy in their order, nested terms after their parent with a dash per level.</summary>
    public async Task<IReadOnlyList<Choice>> TermsAsync(string? taxonomyId)
    {
        var taxonomy = string.IsNullOrEmpty(taxonomyId) ? null : await store.GetLatestAsync(taxonomyId);
        var choices = new List<Choice>();
        void Add(JsonNode? terms, int depth)
        {
            foreach (var term in (terms as JsonArray ?? []).OfType<JsonObject>())
            {
                var id = term["ContentItemId"]?.GetValue<string>() ?? "";
                var title = term["DisplayText"]?.GetValue<string>() ?? term["TitlePart"]?["Title"]?.GetValue<string>() ?? id;
                choices.Add(new Choice(id, new string('–', depth) + (depth > 0 ? " " : "") + title));
                Add(term["Terms"], depth + 1);
            }
        }
        Add(taxonomy?.Part("TaxonomyPart")?["Terms"], 0);
        return choices;
    }

    public async Task<IReadOnlyList<string>> CulturesAsync() => (await site.GetAsync()).LocalizationSettings.SupportedCultures;
}
