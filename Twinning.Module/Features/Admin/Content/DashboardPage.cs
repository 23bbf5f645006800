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
using Twinning.Module.Features.Reviews;
using Twinning.Module.Features.Scheduling;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Site;

namespace Twinning.Module.Features.Admin.Content;

/// <summary>
/// The editor's start page, <c>/admin</c>: their drafts (items whose latest version is a draft they created or last
/// saved) and what changed most recently, each with a link to its editor. Only items the editor may edit are listed:
/// the list's own limit (what they may view and preview, in the query) and then the edit permission per item.
/// The scheduled publishing and unpublishing of items the editor may edit, soonest first, with the refusals of the last
/// week. For an editor who may publish: the drafts waiting for their review, longest waiting first; for one who may not:
/// their own open requests for review (<see cref="ContentReviews"/>).
/// </summary>
[Authorize]
public sealed class DashboardPage(ContentQuery query, ContentDefinitionService definitions, DataTranslationService dataTranslations, SiteService site, IAuthorizationService permissions,
    ContentSchedules schedules, ContentStore store, IStringLocalizer<AdminText> t,
    ContentReviews reviews) : PageModel
{
    /// <summary>How many items each list shows.</summary>
    public const int ListSize = 10;

    public sealed record Entry(ContentItem Item, string TypeName, string Modified);

    public IReadOnlyList<Entry> MyDrafts { get; private set; } = [];

    public IReadOnlyList<Entry> RecentlyChanged { get; private set; } = [];

    /// <summary>A scheduled change: the item, what and when, and for a refused one why.</summary>
    public sealed record ScheduledEntry(ContentItem Item, string TypeName, string Text, bool Refused);

    public IReadOnlyList<ScheduledEntry> Scheduled { get; private set; } = [];

    /// <summary>A review request: the item, who asked and when, and their note.</summary>
    public sealed record ReviewEntry(ContentItem Item, string TypeName, string Text, string? Note);

    /// <summary>The editor may publish items of some type, so reviews: <see cref="Reviews"/> are the drafts waiting for
    /// them, not their own requests.</summary>
    public bool Reviewer { get; private set; }

    public IReadOnlyList<ReviewEntry> Reviews { get; private set; } = [];

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
        Reviews = await ReviewsAsync(userId);
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

    private async Task<IReadOnlyList<ReviewEntry>> ReviewsAsync(string? userId)
    {
        var defs = await definitions.GetAsync();
        foreach (var type in ContentDefinitionService.ListableTypes(defs))
        {
            if (await permissions.HasPermissionAsync(User, Permissions.PublishContent, type.Name))
            {
                Reviewer = true;
                break;
            }
        }
        var requests = Reviewer ? await reviews.OpenAsync(ListSize * 3) : userId is null ? [] : await reviews.ByUserAsync(userId, ListSize * 3);
        var zone = TwinningViews.Zone((await site.GetAsync()).TimeZoneId);
        var entries = new List<ReviewEntry>();
        foreach (var request in requests)
        {
            // Only drafts: a version published meanwhile by a path that raised no event (a recipe's import) is not waiting.
            if (entries.Count < ListSize && await store.GetLatestAsync(request.ContentItemId) is { Published: false } item
                && await permissions.HasPermissionAsync(User, Reviewer ? Permissions.PublishContent : Permissions.EditContent, item.ContentType, item.Owner))
            {
                entries.Add(new ReviewEntry(item, await TypeNameAsync(defs, item.ContentType),
                    t["Review.Entry", request.UserName, ContentListPage.LocalTime(request.RequestedUtc, zone)].Value, request.Note));
            }
        }
        return entries;
    }

    private async Task<IReadOnlyList<Entry>> ListAsync(PublicationStatus status, ContentFilter? filter)
    {
        var defs = await definitions.GetAsync();
        var types = ContentDefinitionService.ListableTypes(defs).Select(d => d.Name).ToList();
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
