using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Twinning.Core.Content;
using Twinning.Core.Content.Definitions;
using Twinning.Core.Municipal;
using Twinning.Module.Features.ContentDefinitions;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Queries;
using Twinning.Module.Features.Scheduling;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Site;

namespace Twinning.Module.Features.Admin.Content;

/// <summary>
/// The editor's start page, <c>/admin</c>: their drafts (items whose latest version is a draft they created or last
/// saved) and what changed most recently, each with a link to its editor. Only items the editor may edit are listed:
/// the list's own limit (what they may view and preview, in the query) and then the edit permission per item.
/// The scheduled publishing and unpublishing of items the editor may edit, soonest first, with the refusals of the last
/// week. Twinning has no review workflow yet, so there is no list of it.
/// </summary>
[Authorize]
public sealed class DashboardPage(ContentQuery query, ContentDefinitionService definitions, DataTranslationService dataTranslations, SiteService site, IAuthorizationService permissions,
    ContentSchedules schedules, ContentStore store, IStringLocalizer<AdminText> t) : PageModel
{
    /// <summary>How many items each list shows.</summary>
    public const int ListSize = 10;

    public sealed record Entry(ContentItem Item, string TypeName, string Modified);

    public IReadOnlyList<Entry> MyDrafts { get; private set; } = [];

    public IReadOnlyList<Entry> RecentlyChanged { get; private set; } = [];

    /// <summary>A scheduled change: the item, what and when, and for a refused one why.</summary>
    public sealed record ScheduledEntry(ContentItem Item, string TypeName, string Text, bool Refused);

    public IReadOnlyList<ScheduledEntry> Scheduled { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var userId = PermissionService.UserIdOf(User);
        var userName = PermissionService.UserNameOf(User);
        var mine = new List<ContentFilter>();
        if (userId is not null)
        {
            mine.Add(new ColumnFilter(ContentColumn.Owner, FilterOperator.Eq, userId));
        }
        if (userName is not null)
        {
            mine.Add(new ColumnFilter(ContentColumn.Author, FilterOperator.Eq, userName));
        }
        MyDrafts = mine.Count == 0 ? [] : await ListAsync(PublicationStatus.Draft, new AnyOf(mine));
        RecentlyChanged = await ListAsync(PublicationStatus.Latest, filter: null);
        Scheduled = await ScheduledAsync();
        return Page();
    }

    /// <summary>A type's display name in the editor's language.</summary>
    private async Task<string> TypeNameAsync(ContentDefinitionDocument defs, string contentType)
        => defs.FindType(contentType) is { } type ? (await dataTranslations.GetAsync()).TypeName(type) : contentType;

    private async Task<IReadOnlyList<ScheduledEntry>> ScheduledAsync()
    {
        var defs = await definitions.GetAsync();
        var zone = TwinningViews.Zone((await site.GetAsync()).TimeZoneId);
        var entries = new List<ScheduledEntry>();
        foreach (var schedule in await schedules.SiteAsync(ListSize * 3, TimeSpan.FromDays(7)))
        {
            if (entries.Count < ListSize && await store.GetLatestAsync(schedule.ContentItemId) is { } item
                && await permissions.HasPermissionAsync(User, Permissions.EditContent, item.ContentType, item.Owner))
            {
                var what = t[schedule.Action == ScheduledActions.Unpublish ? "Schedule.Unpublish" : "Schedule.Publish"].Value;
                var when = ContentListPage.LocalTime(schedule.DueUtc, zone);
                var refused = schedule.Status == ScheduleStatuses.Refused;
                var text = refused
                    ? t["Schedule.RefusedEntry", what, when, schedule.UserName, ContentEditPage.ReasonOf(t, schedule)].Value
                    : t["Schedule.Pending", what, when, schedule.UserName].Value;
                entries.Add(new ScheduledEntry(item, await TypeNameAsync(defs, item.ContentType), text, refused));
            }
        }
        return entries;
    }

    private async Task<IReadOnlyList<Entry>> ListAsync(PublicationStatus status, ContentFilter? filter)
    {
        var defs = await definitions.GetAsync();
        var types = defs.ContentTypeDefinitionRecords.Where(d => d.TypeSettings.Listable).Select(d => d.Name).ToList();
        var spec = new ContentQuerySpec { Status = status, ContentTypes = types, Filter = filter, Take = ListSize * 3 };
        spec.Order.Add(ContentOrder.By(ContentColumn.ModifiedUtc, descending: true));
        if (await ContentListAccess.LimitAsync(permissions, User, spec, types) is not null)
        {
            return [];
        }
        var zone = TwinningViews.Zone((await site.GetAsync()).TimeZoneId);
        var entries = new List<Entry>();
        // A few more than shown are read, since some the editor may view may not be theirs to edit.
        foreach (var item in await query.ListAsync(spec, HttpContext.RequestAborted))
        {
            if (entries.Count < ListSize && await permissions.HasPermissionAsync(User, Permissions.EditContent, item.ContentType, item.Owner))
            {
                entries.Add(new Entry(item, await TypeNameAsync(defs, item.ContentType),
                    item.ModifiedUtc is { } modified ? ContentListPage.LocalTime(modified, zone) : ""));
            }
        }
        return entries;
    }
}
