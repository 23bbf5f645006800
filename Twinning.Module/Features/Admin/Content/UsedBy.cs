using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Twinning.Core.Content.Definitions;
using Twinning.Core.Content.Localization;
using Twinning.Module.Features.ContentDefinitions;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Admin.Content;

/// <summary>
/// The items that refer to an item through a content picker or a taxonomy field, read from the reference index
/// (<c>ContentReferences</c>): those whose latest or published version names it. The editor shows them as "Used by",
/// and deleting a referenced item asks first (<see cref="ContentListPage"/>). Two queries whatever the number: the
/// count, and the first <see cref="Shown"/> items (by title) with the fields they name it in. An item the editor may
/// not view is counted and named only as such, without its title or a link.
/// </summary>
public sealed class UsedBy(TwinningDbContext db, ContentDefinitionService definitions, DataTranslationService dataTranslations, TypeEditors typeEditors,
    IAuthorizationService permissions, IStringLocalizer<AdminText> t)
{
    /// <summary>The most referring items listed; the others are counted.</summary>
    public const int Shown = 20;

    /// <summary>A referring item: its title, its type's name and the labels of the fields naming the item, in the
    /// editor's language; <paramref name="Visible"/> false for an item the editor may not view (its title withheld).</summary>
    public sealed record Entry(string ContentItemId, string Title, string TypeName, IReadOnlyList<string> Fields, bool Visible = true);

    /// <summary>The first referring items and how many there are in all.</summary>
    public sealed record Referrers(IReadOnlyList<Entry> Items, int Total)
    {
        public static readonly Referrers None = new([], 0);

        /// <summary>The referring items not listed.</summary>
        public int More => Total - Items.Count;
    }

    public async Task<Referrers> OfAsync(string contentItemId, ClaimsPrincipal user, int take = Shown)
    {
        var referring = from r in db.ContentReferences.AsNoTracking()
                        join v in db.ContentItemVersions.AsNoTracking() on r.ContentItemVersionRecordId equals v.Id
                        where r.TargetContentItemId == contentItemId && r.SourceContentItemId != contentItemId && (v.Latest || v.Published)
                        select new { r.SourceContentItemId, r.FieldPath, v.ContentType, v.DisplayText, v.Latest, v.Owner };
        var total = await referring.Select(r => r.SourceContentItemId).Distinct().CountAsync();
        if (total == 0)
        {
            return Referrers.None;
        }
        var first = referring.GroupBy(r => r.SourceContentItemId)
            .Select(g => new { Id = g.Key, Title = g.Max(r => r.DisplayText) })
            .OrderBy(g => g.Title).ThenBy(g => g.Id).Take(take).Select(g => g.Id);
        var rows = await referring.Where(r => first.Contains(r.SourceContentItemId)).ToListAsync();
        var defs = await definitions.GetAsync();
        var translations = await dataTranslations.GetAsync();
        var items = new List<Entry>();
        foreach (var g in rows.GroupBy(r => r.SourceContentItemId))
        {
            // The latest version's title and type when it still refers, else the published one's.
            var shown = g.OrderByDescending(r => r.Latest).First();
            var type = defs.FindType(shown.ContentType);
            var visible = await permissions.HasPermissionAsync(user, Permissions.ViewContent, shown.ContentType, shown.Owner);
            items.Add(new Entry(g.Key,
                !visible ? t["UsedBy.NotVisible"] : string.IsNullOrWhiteSpace(shown.DisplayText) ? t["Content.Untitled"] : shown.DisplayText,
                type is null ? shown.ContentType : translations.TypeName(type),
                [.. g.Select(r => r.FieldPath).Distinct(StringComparer.Ordinal).Select(path => type is null ? path : LabelOf(defs, type, translations, path))],
                visible));
        }
        items = [.. items.OrderBy(e => !e.Visible).ThenBy(e => e.Title, StringComparer.CurrentCulture).ThenBy(e => e.ContentItemId, StringComparer.Ordinal)];
        return new Referrers(items, total);
    }

    /// <summary>A field's label as the type's editor shows it, for a reference index path: <c>Forum.PartnerCities</c>, or
    /// inside a bag's item <c>Participants.ParticipatingPlace.PartnerCity</c> ("Participants › Partner city").</summary>
    private string LabelOf(ContentDefinitionDocument defs, ContentTypeDefinition type, DataTranslations translations, string path)
    {
        var editors = typeEditors.Of(defs, type, translations).SelectMany(g => g.Editors).ToList();
        if (editors.FirstOrDefault(e => e.Name == path) is { } field)
        {
            return field.Label;
        }
        if (editors.FirstOrDefault(e => path.StartsWith(e.Name + ".", StringComparison.Ordinal)) is { } bag)
        {
            // A bag item's part is named after its type (the indexer writes the held item's part names).
            var inner = path[(bag.Name.Length + 1)..];
            return defs.FindType(inner.Split('.')[0]) is { } held ? $"{bag.Label} › {LabelOf(defs, held, translations, inner)}" : bag.Label;
        }
        return path[(path.LastIndexOf('.') + 1)..];
    }
}
