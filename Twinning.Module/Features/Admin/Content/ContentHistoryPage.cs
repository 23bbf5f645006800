using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Twinning.Core.Content;
using Twinning.Core.Municipal;
using Twinning.Core.Rules;
using Twinning.Module.Features.ContentDefinitions;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Site;

namespace Twinning.Module.Features.Admin.Content;

/// <summary>
/// An item's history, <c>/admin/content/history/{id}</c>: every save and publication kept
/// (<see cref="ContentRevisionRecord"/>) with who, when, its status and the editor's note; any two compared field by
/// field (<c>?from=&amp;to=</c>, the same rule as the editor's conflict page: <see cref="FieldDiff"/>); and a version
/// restored as a new draft through <see cref="ContentEditor"/>. The restore form names the latest version the page
/// showed, so a draft saved meanwhile is never replaced unseen.
/// </summary>
[Authorize]
public sealed class ContentHistoryPage(
    ContentStore store, ContentDefinitionService definitions, SiteService site, ContentEditor editor, IAuthorizationService permissions,
    TypeEditors typeEditors, IStringLocalizer<AdminText> t, IStringLocalizer<RuleText> ruleTexts) : PageModel
{
    /// <summary>One kept revision, numbered from 1 (the oldest), with its time in the site's zone.</summary>
    public sealed record Row(ContentRevisionRecord Revision, int Number, string When, bool IsLatest, bool IsLive);

    public ContentItem Item { get; private set; } = null!;

    public string TypeName { get; private set; } = "";

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>The latest version's tag when the page was made: a restore is based on it.</summary>
    public string BaseVersion { get; private set; } = "";

    public IReadOnlyList<AdminNotice> Notices { get; private set; } = [];

    /// <summary>The two revisions compared, when asked, and what differs between them.</summary>
    public (Row From, Row To, IReadOnlyList<FieldDiff.Change> Changes)? Comparison { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, long? from, long? to)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }
        if (from is not null && to is not null)
        {
            await CompareAsync(from.Value, to.Value);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(string id, long revision, string? baseVersion)
    {
        var result = await editor.RestoreAsync(User, id, revision, new ExpectedVersion([baseVersion ?? ""]));
        if (result.Status == ContentEditStatus.Done)
        {
            return Redirect($"/admin/content/edit/{result.Item!.ContentItemId}?saved=restored");
        }
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }
        var editors = await EditorsAsync();
        string LabelOf(string field) => editors.FirstOrDefault(e => field == e.Name || field.StartsWith(e.Name + ".", StringComparison.Ordinal))?.Label ?? field;
        (Notices, var status) = result.Status switch
        {
            ContentEditStatus.Denied => ([new AdminNotice(t["Content.Denied", result.Permission ?? ""], IsError: true)], StatusCodes.Status403Forbidden),
            ContentEditStatus.Stale => ([new AdminNotice(t["History.Stale"], IsError: true)], StatusCodes.Status409Conflict),
            ContentEditStatus.NotFound => ([new AdminNotice(t["History.NoSuchVersion"], IsError: true)], StatusCodes.Status404NotFound),
            _ => (new List<AdminNotice> { new(t["History.Invalid", string.Join(" ", result.Errors.Select(e => $"{LabelOf(e.Field)}: {ruleTexts.Text(e.Problem)}"))], IsError: true) },
                StatusCodes.Status400BadRequest),
        };
        var page = Page();
        page.StatusCode = status;
        return page;
    }

    private async Task<IActionResult?> LoadAsync(string id)
    {
        // The history shows every draft: it is for those who may edit the item.
        var (item, type, refusal) = await EditableItems.LoadAsync(this, id, store, definitions, permissions, t);
        if (refusal is not null)
        {
            return refusal;
        }
        Item = item!;
        TypeName = type!.DisplayName ?? type.Name;
        BaseVersion = ExpectedVersion.TagOf(Item);
        var published = await store.GetAsync(id, VersionOptions.Published);
        var zone = TwinningViews.Zone((await site.GetAsync()).TimeZoneId);
        var revisions = await store.GetRevisionsAsync(id);
        // The newest revision of a version holds it as it is now.
        var latestRow = revisions.LastOrDefault(r => r.ContentItemVersionId == Item.ContentItemVersionId)?.Id;
        var liveRow = published is null ? null : revisions.LastOrDefault(r => r.ContentItemVersionId == published.ContentItemVersionId)?.Id;
        Rows = [.. revisions.Select((r, i) => new Row(r, i + 1, ContentListPage.LocalTime(r.Utc, zone), r.Id == latestRow, r.Id == liveRow))];
        return null;
    }

    private async Task CompareAsync(long from, long to)
    {
        var (a, b) = (Rows.FirstOrDefault(r => r.Revision.Id == from), Rows.FirstOrDefault(r => r.Revision.Id == to));
        var (before, after) = (a is null ? null : await store.GetRevisionAsync(Item.ContentItemId, from), b is null ? null : await store.GetRevisionAsync(Item.ContentItemId, to));
        if (a is null || b is null || before is null || after is null)
        {
            Notices = [new AdminNotice(t["History.NoSuchVersion"], IsError: true)];
            return;
        }
        var editors = (await EditorsAsync()).Select(e => (e.Name, e.Label)).ToList();
        var titles = await LinkedTitles.OfAsync(store, editors.SelectMany(e => new JsonNode?[] { FieldDiff.ValueIn(before, e.Name), FieldDiff.ValueIn(after, e.Name) }), TitleOf);
        Comparison = (a, b, FieldDiff.Between(editors, name => FieldDiff.ValueIn(before, name), name => FieldDiff.ValueIn(after, name), show: titles));
    }

    private async Task<IReadOnlyList<TypeEditors.Entry>> EditorsAsync()
    {
        var defs = await definitions.GetAsync();
        return [.. typeEditors.Of(defs, defs.FindType(Item.ContentType)!).SelectMany(g => g.Editors)];
    }

    /// <summary>An item's title, or "(untitled)".</summary>
    public string TitleOf(ContentItem item) => string.IsNullOrWhiteSpace(item.DisplayText) ? t["Content.Untitled"] : item.DisplayText;

    /// <summary>The status of a revision in the editor's words.</summary>
    public string StatusOf(Row row)
        => string.Join(", ", new[]
        {
            t[row.Revision.Published ? "History.Status.Published" : "History.Status.Draft"].Value,
            row.IsLive ? t["History.Status.Live"].Value : null,
            row.IsLatest ? t["History.Status.Latest"].Value : null,
        }.OfType<string>());

    /// <summary>The address comparing revision <paramref name="to"/> with <paramref name="from"/>.</summary>
    public string CompareUrl(long from, long to)
        => $"/admin/content/history/{Item.ContentItemId}?from={from.ToString(CultureInfo.InvariantCulture)}&to={to.ToString(CultureInfo.InvariantCulture)}#comparison";
}
