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
/// showed, so a draft saved meanwhile is never replaced unseen. The versions are listed 50 a page, the newest first
/// (<c>?p=2</c>); only the two compared are read whole.
/// </summary>
[Authorize]
public sealed class ContentHistoryPage(
    ContentStore store, ContentDefinitionService definitions, DataTranslationService dataTranslations, SiteService site, ContentEditor editor, IAuthorizationService permissions,
    TypeEditors typeEditors, IStringLocalizer<AdminText> t, IStringLocalizer<RuleText> ruleTexts) : PageModel
{
    public const int PageSize = 50;

    /// <summary>One kept revision, numbered from 1 (the oldest), with its time in the site's zone.</summary>
    public sealed record Row(ContentRevisionRecord Revision, int Number, string When, bool IsLatest, bool IsLive);

    // "page" is a route value of Razor Pages itself.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>How many revisions the item has.</summary>
    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>The revision just before the oldest on this page (on the next page), to compare that one with.</summary>
    public Row? BeforePage { get; private set; }

    public ContentItem Item { get; private set; } = null!;

    public string TypeName { get; private set; } = "";

    /// <summary>This page's revisions, the newest first.</summary>
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
        string MessageOf(ContentValidationError e) => TypeEditors.ErrorText(editors, ruleTexts, e);
        (Notices, var status) = result.Status switch
        {
            ContentEditStatus.Denied => ([new AdminNotice(t["Content.Denied", result.Permission ?? ""], IsError: true)], StatusCodes.Status403Forbidden),
            ContentEditStatus.Stale => ([new AdminNotice(t["History.Stale"], IsError: true)], StatusCodes.Status409Conflict),
            ContentEditStatus.NotFound => ([new AdminNotice(t["History.NoSuchVersion"], IsError: true)], StatusCodes.Status404NotFound),
            _ => (new List<AdminNotice> { new(t["History.Invalid", string.Join(" ", result.Errors.Select(MessageOf))], IsError: true) },
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
        TypeName = (await dataTranslations.GetAsync()).TypeName(type!);
        BaseVersion = ExpectedVersion.TagOf(Item);
        var published = await store.GetAsync(id, VersionOptions.Published);
        _zone = TwinningViews.Zone((await site.GetAsync()).TimeZoneId);
        Total = await store.CountRevisionsAsync(id);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        var skip = (PageNumber - 1) * PageSize;
        // One more than the page: the revision before its oldest, for "compare with version n".
        var revisions = await store.GetRevisionsNewestFirstAsync(id, skip, PageSize + 1);
        // The newest revision of a version holds it as it is now.
        _latestRow = await store.GetNewestRevisionIdAsync(id, Item.ContentItemVersionId);
        _liveRow = published is null ? null : await store.GetNewestRevisionIdAsync(id, published.ContentItemVersionId);
        var rows = revisions.Select((r, i) => RowOf(r, Total - skip - i)).ToList();
        Rows = [.. rows.Take(PageSize)];
        BeforePage = rows.Count > PageSize ? rows[PageSize] : null;
        return null;
    }

    private NodaTime.DateTimeZone _zone = null!;
    private long? _latestRow;
    private long? _liveRow;

    private Row RowOf(ContentRevisionRecord revision, int number)
        => new(revision, number, ContentListPage.LocalTime(revision.Utc, _zone), revision.Id == _latestRow, revision.Id == _liveRow);

    /// <summary>A compared revision: from this page, or read on its own (its metadata only).</summary>
    private async Task<Row?> RowOfAsync(long revisionId)
        => Rows.FirstOrDefault(r => r.Revision.Id == revisionId)
            ?? (await store.GetRevisionInfoAsync(Item.ContentItemId, revisionId) is { } info ? RowOf(info.Revision, info.Number) : null);

    private async Task CompareAsync(long from, long to)
    {
        var (a, b) = (await RowOfAsync(from), await RowOfAsync(to));
        var (before, after) = (a is null ? null : await store.GetRevisionAsync(Item.ContentItemId, from), b is null ? null : await store.GetRevisionAsync(Item.ContentItemId, to));
        if (a is null || b is null || before is null || after is null)
        {
            Notices = [new AdminNotice(t["History.NoSuchVersion"], IsError: true)];
            return;
        }
        var entries = (await EditorsAsync()).ToDictionary(e => e.Name);
        var editors = entries.Values.Select(e => new FieldDiff.Editor(e.Name, e.Label, e.Settings)).ToList();
        var titles = await LinkedTitles.OfAsync(store, entries.Values.SelectMany(e => new JsonNode?[] { e.ValueIn(before), e.ValueIn(after) }), TitleOf);
        Comparison = (a, b, FieldDiff.Between(editors, name => entries[name].ValueIn(before), name => entries[name].ValueIn(after), typeEditors.Values(titles),
            typeEditors.BagItemsOf(await definitions.GetAsync(), await dataTranslations.GetAsync())));
    }

    private async Task<IReadOnlyList<TypeEditors.Entry>> EditorsAsync()
    {
        var defs = await definitions.GetAsync();
        return [.. typeEditors.Of(defs, defs.FindType(Item.ContentType)!, await dataTranslations.GetAsync()).SelectMany(g => g.Editors)];
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

    /// <summary>The address comparing revision <paramref name="to"/> with <paramref name="from"/>, on this page.</summary>
    public string CompareUrl(long from, long to)
        => $"{PageUrl(PageNumber)}{(PageNumber > 1 ? "&" : "?")}from={from.ToString(CultureInfo.InvariantCulture)}&to={to.ToString(CultureInfo.InvariantCulture)}#comparison";

    /// <summary>The address of a page of the versions.</summary>
    public string PageUrl(int number)
        => $"/admin/content/history/{Item.ContentItemId}" + (number > 1 ? "?p=" + number.ToString(CultureInfo.InvariantCulture) : "");
}
