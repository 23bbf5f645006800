using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NodaTime;
using Twinning.Core.Content;
using Twinning.Core.Content.Localization;
using Twinning.Core.Content.Definitions;
using Twinning.Core.Municipal;
using Twinning.Core.Rules;
using Twinning.Module.Features.Admin.Account;
using Twinning.Module.Features.ContentDefinitions;
using Twinning.Module.Features.ContentEditing;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.ContentParts.ListPart;
using Twinning.Module.Features.ContentParts.LocalizationPart;
using Twinning.Module.Features.Presence;
using Twinning.Module.Features.Reviews;
using Twinning.Module.Features.Scheduling;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Site;
using Twinning.Module.Features.Validation;

namespace Twinning.Module.Features.Admin.Content;

/// <summary>
/// The editor of one item, <c>/admin/content/edit/{id}</c>, and of a new one, <c>/admin/content/new/{type}</c>: a
/// form derived from the type's definition, one editor per part and field (<see cref="IContentFieldEditor"/>,
/// <see cref="IContentPartEditor"/>). A save goes through <see cref="ContentEditor"/> as a draft or published; when
/// anything is refused, nothing is written and the form comes back with the typed values, an error summary and each
/// message next to its field. The form carries the version it was loaded from: a save over a newer version is
/// refused and shows what changed meanwhile.
/// </summary>
[Authorize]
public sealed class ContentEditPage(
    ContentStore store, ContentDefinitionService definitions, DataTranslationService dataTranslations, SiteService site, ContentEditor editor,
    HtmlSanitizerService sanitizer,
    IAuthorizationService permissions, TypeEditors typeEditors, IEditorLookups lookups, PendingForms pendingForms, IStringLocalizer<AdminText> t, IStringLocalizer<RuleText> ruleTexts,
    ContentSchedules schedules, TimeProvider clock, UsedBy usedBy,
    ContentReviews reviews, EditingPresence presence) : PageModel
{
    /// <summary>One editor on the page, with its model.</summary>
    public sealed record Slot(EditorModel Model, string View, bool Grouped, string? SourceText = null)
    {
        /// <summary>The editors rendered inside this one (a bag item's fields), innermost last.</summary>
        public IReadOnlyList<EditorModel> Inner { get; init; } = [];
    }

    /// <summary>A part's editors under one heading (null for the item's own parts: title, address, language, body).</summary>
    public sealed record Section(string? Heading, IReadOnlyList<Slot> Slots);

    /// <summary>A value someone else saved since this form was loaded: the field and its value now.</summary>
    public sealed record Change(string Label, string Id, string Now);

    private ContentDefinitionDocument _definitions = null!;
    private DataTranslations _translations = DataTranslations.None;

    private EditorContext _context = null!;

    public ContentTypeDefinition Type { get; private set; } = null!;

    /// <summary>The item as stored; null for a new one.</summary>
    public ContentItem? Item { get; private set; }

    /// <summary>The version the form is based on, sent back with the save.</summary>
    public string? BaseVersionId { get; private set; }

    public string? BaseModified { get; private set; }

    /// <summary>Who the form is for, so that a save posted after the session ended is kept for them alone
    /// (<see cref="PendingForms"/>).</summary>
    public string? PendingFormOwner => pendingForms.Owner(User);

    public IReadOnlyList<Section> Sections { get; private set; } = [];

    public IReadOnlyList<ContentValidationError> Errors { get; private set; } = [];

    /// <summary>Set when the save was refused because the item changed meanwhile.</summary>
    public IReadOnlyList<Change>? Changes { get; private set; }

    public IReadOnlyList<AdminNotice> Notices { get; private set; } = [];

    /// <summary>The page follows a save of this form (<c>?saved=</c>): the browser's copy of it is needless
    /// (wwwroot/admin-local-copy.js).</summary>
    public bool JustSaved { get; private set; }

    /// <summary>An accessibility problem in a rich-text field's text (<see cref="HtmlChecks"/>): the field's label, the
    /// address of the field in the editor, what is wrong and how to fix it, in the editor's language.</summary>
    public sealed record Finding(string Label, string Link, string Problem, string Fix);

    /// <summary>The accessibility checks' findings in the values shown: warnings that do not stop a save.</summary>
    public IReadOnlyList<Finding> Findings { get; private set; } = [];

    /// <summary>A schedule of the item with its time in the site's zone.</summary>
    public sealed record ScheduleRow(ContentScheduleRecord Schedule, string When);

    /// <summary>A problem of the schedule form: the input it concerns, its label and the message in the editor's language
    /// (which names the field, as the rules' messages do).</summary>
    public sealed record ScheduleError(string InputId, string Label, string Message);

    /// <summary>The name of the schedule form's inputs (<c>schedule.PublishAt</c>, <c>schedule.UnpublishAt</c>).</summary>
    public const string ScheduleForm = "schedule";

    /// <summary>The editor may publish this item, so may schedule its publishing.</summary>
    public bool CanPublish { get; private set; }

    /// <summary>The item's pending schedules and its recent refusals.</summary>
    public IReadOnlyList<ScheduleRow> Schedules { get; private set; } = [];

    public IReadOnlyList<ScheduleError> ScheduleErrors { get; private set; } = [];

    /// <summary>The schedule form's times as typed, shown again when refused.</summary>
    public string? PublishAtText { get; private set; }

    public string? UnpublishAtText { get; private set; }

    /// <summary>The item's open review request (its latest version is a draft), and when it was made in the site's zone.</summary>
    public ReviewRequestRecord? ReviewRequest { get; private set; }

    public string? ReviewRequestedAt { get; private set; }

    /// <summary>Another editor who has this item's editor open, and since when, in the site's zone (<see cref="EditingPresence"/>).</summary>
    public sealed record Editing(string UserName, string Since);

    /// <summary>The other editors who have this item open now; never the editor themselves, none for a new item.</summary>
    public IReadOnlyList<Editing> Presence { get; private set; } = [];

    /// <summary>Where the open editor says it is here (<see cref="OnPostPresenceAsync"/>); null for a new item.</summary>
    public string? PresenceUrl => Item is null ? null : "/admin/content/edit/" + Item.ContentItemId + "?handler=presence";

    /// <summary>The site's time zone, in which times are typed and shown.</summary>
    public string ZoneId { get; private set; } = "";

    /// <summary>The site has a front-end preview page (<c>FrontEndPreviewUrl</c>).</summary>
    public bool HasFrontEndPreview { get; private set; }

    /// <summary>The form name of the optional note kept with a save in the item's history.</summary>
    public const string NoteField = "note";

    /// <summary>The note as typed, shown again when a save is refused.</summary>
    public string? Note { get; private set; }

    /// <summary>The items whose pickers or taxonomy fields name this one (none for a new item).</summary>
    public UsedBy.Referrers Referrers { get; private set; } = UsedBy.Referrers.None;

    /// <summary>The editor may delete this item (the form posts to the content list, which asks first when it is used).</summary>
    public bool CanDelete { get; private set; }

    /// <summary>For a new item added from a list's editor (<c>?list=</c>): the list it goes into.</summary>
    public ContentItem? List { get; private set; }

    public string Action => Item is null
        ? "/admin/content/new/" + Uri.EscapeDataString(Type.Name) + (List is null ? "" : "?list=" + Uri.EscapeDataString(List.ContentItemId))
        : "/admin/content/edit/" + Item.ContentItemId + (Source is null ? "" : "?source=" + Source.ContentItemId);

    /// <summary>For an item with a LocalizationPart: each of the site's cultures, whether the item's localization set has
    /// an item in it, its state, and whether it is older than the set's source (<see cref="Translations"/>).</summary>
    public IReadOnlyList<TranslationCell>? TranslationMatrix { get; private set; }

    /// <summary>Another item of the same localization set shown, read-only, beside the form (<c>?source=</c>): what a
    /// translator translates from.</summary>
    public ContentItem? Source { get; private set; }

    /// <summary>The language a culture is written in, as the language editor lists it.</summary>
    public static string CultureName(string culture)
    {
        try
        {
            return $"{CultureInfo.GetCultureInfo(culture).NativeName} ({culture})";
        }
        catch (CultureNotFoundException)
        {
            return culture;
        }
    }

    private string? _sourceId;

    public string TypeName => _translations.TypeName(Type);

    /// <summary>The list the item is in (its ContainedPart), or null.</summary>
    public string? ParentId => List?.ContentItemId
        ?? (Item?.Part("ContainedPart")?["ListContentItemId"] is JsonValue v && v.TryGetValue<string>(out var id) ? id : null);

    public async Task<IActionResult> OnGetAsync(string mode, string key, string? saved, string? list, string? source)
    {
        _sourceId = source;
        if (await LoadAsync(mode, key, list) is { } refused)
        {
            return refused;
        }
        JustSaved = saved is "draft" or "published" or "review";
        Notices = saved switch
        {
            "draft" => [new AdminNotice(t["Editor.SavedDraft"])],
            "published" => [new AdminNotice(t["Editor.SavedPublished"])],
            "restored" => [new AdminNotice(t["History.Restored"])],
            "translated" => [new AdminNotice(t["Translate.Created", CultureName(ContentListPage.CultureOf(Item!) ?? "")])],
            "scheduled" => [new AdminNotice(t["Schedule.Saved"])],
            "cancelled" => [new AdminNotice(t["Schedule.CancelledNotice"])],
            "review" => [new AdminNotice(t["Review.Saved"])],
            _ => [],
        };
        if (await pendingForms.TakeAsync(HttpContext, Request.Path + Request.QueryString) is { } typed)
        {
            return await RestoreAsync(typed);
        }
        await BuildAsync(values: null);
        return Page();
    }

    /// <summary>The form an editor posted when their session had ended (<see cref="PendingForms"/>), back as they typed
    /// it, unsaved, still based on the version they loaded: a save checks it against the item as it is now.</summary>
    private async Task<IActionResult> RestoreAsync(IFormCollection typed)
    {
        var errors = new List<ContentValidationError>();
        var (values, _) = Read(typed, await ZoneAsync(), errors);
        Note = typed[NoteField].FirstOrDefault();
        if (Item is not null)
        {
            BaseVersionId = typed["baseVersionId"].FirstOrDefault();
            BaseModified = typed["baseModified"].FirstOrDefault();
        }
        Notices = [new AdminNotice(t["Relogin.Restored"])];
        Errors = errors;
        await BuildAsync(values);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string mode, string key, string? submit, string? baseVersionId, string? baseModified, string? list, string? note, string? source)
    {
        _sourceId = source;
        if (await LoadAsync(mode, key, list) is { } refused)
        {
            return refused;
        }
        var zone = await ZoneAsync();
        var errors = new List<ContentValidationError>();
        Note = note;
        if (ContentRevisionRecord.NoteProblem(NoteField, note) is { } noteProblem)
        {
            errors.Add(noteProblem);
        }
        var (values, body) = Read(Request.Form, zone, errors);
        if (_context.Redisplay is { } redisplay)
        {
            // An item added, removed or moved by a button (without script): the form again with the change, unsaved.
            Notices = [new AdminNotice(t.Text(redisplay.Key, redisplay.Arguments), redisplay.Refused)];
            Focus = redisplay.Focus;
            return await ShowAsync(values, [], redisplay.Refused ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
        }
        if (errors.Count > 0)
        {
            return await ShowAsync(values, errors, StatusCodes.Status400BadRequest);
        }

        if (Item is null && List is not null)
        {
            // Added at the end of the list; the rule set checks that the list may hold this type.
            body["ContainedPart"] = new JsonObject
            {
                ["ListContentItemId"] = List.ContentItemId,
                ["ListContentType"] = List.ContentType,
                ["Order"] = (await lookups.ChildrenAsync(List.ContentItemId, take: 0)).Total,
            };
        }
        ExpectedVersion? expected = null;
        if (Item is not null)
        {
            body[nameof(ContentItem.ContentItemId)] = Item.ContentItemId;
            expected = new ExpectedVersion([baseVersionId ?? ""],
                DateTime.TryParse(baseModified, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var modified) ? modified : null);
        }
        var publish = submit == "publish";
        var result = await editor.SaveAsync(User, body, publish, expected, nullsClear: true, note: note, draftTakesEdit: true);
        // "Save and ask for review": the draft as "Save draft" saves it, then the request, by the same editor.
        var review = submit == "review" && result.Status == ContentEditStatus.Done
            && await reviews.RequestAsync(User, result.Item!.ContentItemId, note) == ContentEditStatus.Done;
        switch (result.Status)
        {
            case ContentEditStatus.Done:
                return Redirect($"/admin/content/edit/{result.Item!.ContentItemId}?saved={(publish ? "published" : review ? "review" : "draft")}"
                    + (IdGenerator.IsValid(_sourceId) ? "&source=" + _sourceId : ""));
            case ContentEditStatus.Denied:
                Notices = [new AdminNotice(t["Content.Denied", result.Permission ?? ""], IsError: true)];
                return await ShowAsync(values, [], StatusCodes.Status403Forbidden);
            case ContentEditStatus.Stale:
                return await ConflictAsync(values, expected!);
            case ContentEditStatus.NotFound:
                return new AdminProblem(t["Problem.NotFound"], t["Content.NotFound"], t["Content.Title"], "/admin/content").ToResult(this, StatusCodes.Status404NotFound);
            default:
                return await ShowAsync(values, result.Errors, StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>The posted form as each editor reads it: the values to show again, and the item's JSON to save.</summary>
    private (Dictionary<string, JsonObject> Values, JsonObject Body) Read(IFormCollection form, DateTimeZone zone, List<ContentValidationError> errors)
    {
        var values = new Dictionary<string, JsonObject>();
        var body = new JsonObject { [nameof(ContentItem.ContentType)] = Type.Name };
        foreach (var (name, label, _, settings, kind) in Editors())
        {
            var read = kind switch
            {
                IContentPartEditor part => part.Read(new EditorForm(form, name, label, settings, zone, errors, _context, StoredValue(Item, name))),
                IContentFieldEditor field => field.Read(new EditorForm(form, name, label, settings, zone, errors, _context, StoredValue(Item, name))),
                _ => [],
            };
            values[name] = read;
            var (partName, fieldName) = FieldDiff.Split(name);
            var target = body[partName] as JsonObject ?? [];
            body[partName] = target;
            if (fieldName is null)
            {
                foreach (var (member, value) in read)
                {
                    target[member] = value?.DeepClone();
                }
            }
            else
            {
                target[fieldName] = read.DeepClone();
            }
        }
        return (values, body);
    }

    /// <summary><c>POST /admin/content/edit/{id}?handler=presence</c> (anti-forgery token in the form), sent by the open
    /// editor every <see cref="EditingPresence.PingInterval"/> (<c>admin-presence.js</c>): records that this editor is
    /// here and answers the notice of the others (<c>_Presence.cshtml</c>), which the page puts in place of its own. The
    /// page's refusals: 404 for no such item (and for a new one, which nobody else can have open), 403 for an editor
    /// who may not edit it.</summary>
    public async Task<IActionResult> OnPostPresenceAsync(string mode, string key)
    {
        if (mode != "edit")
        {
            return new AdminProblem(t["Problem.NotFound"], t["Content.NotFound"], t["Content.Title"], "/admin/content").ToResult(this, StatusCodes.Status404NotFound);
        }
        if (await LoadAsync(mode, key) is { } refused)
        {
            return refused;
        }
        if (PermissionService.UserIdOf(User) is not { } userId)
        {
            return new AdminProblem(t["Problem.NotAllowed"], t["Editor.MayNotEdit"]).ToResult(this, StatusCodes.Status403Forbidden);
        }
        await presence.PingAsync(Item!.ContentItemId, userId, PermissionService.UserNameOf(User) ?? userId, HttpContext.RequestAborted);
        await PresenceStateAsync(await ZoneAsync());
        return Partial(PresenceView, Presence);
    }

    /// <summary>The notice of the other editors, on the page and as the answer to its ping.</summary>
    public const string PresenceView = "/Features/Admin/Content/_Presence.cshtml";

    private async Task PresenceStateAsync(DateTimeZone zone)
    {
        if (Item is null)
        {
            return;
        }
        var today = Instant.FromDateTimeOffset(clock.GetUtcNow()).InZone(zone).Date;
        Presence = [.. (await presence.OthersAsync(Item.ContentItemId, PermissionService.UserIdOf(User), HttpContext.RequestAborted)).Select(p =>
        {
            var since = Instant.FromDateTimeUtc(DateTime.SpecifyKind(p.SinceUtc, DateTimeKind.Utc)).InZone(zone);
            // "since 10:42" on the day itself; an editor left open overnight says the day too.
            return new Editing(p.UserName, since.Date == today ? since.ToDateTimeUnspecified().ToString("t", CultureInfo.CurrentCulture) : ContentListPage.LocalTime(p.SinceUtc, zone));
        })];
    }

    /// <summary>"Translate into X" (<c>POST /admin/content/edit/{id}?handler=translate</c>): a linked draft through
    /// <see cref="ContentEditor.TranslateAsync"/>, then its editor with this item beside the form. A culture that already
    /// has its translation is refused by the rule set, and the page says which item it is.</summary>
    public async Task<IActionResult> OnPostTranslateAsync(string mode, string key, string? culture)
    {
        if (mode != "edit")
        {
            return new AdminProblem(t["Problem.NotFound"], t["Content.NotFound"], t["Content.Title"], "/admin/content").ToResult(this, StatusCodes.Status404NotFound);
        }
        if (await LoadAsync(mode, key) is { } refused)
        {
            return refused;
        }
        var result = await editor.TranslateAsync(User, Item!.ContentItemId, culture ?? "");
        switch (result.Status)
        {
            case ContentEditStatus.Done:
                return Redirect($"/admin/content/edit/{result.Item!.ContentItemId}?saved=translated&source={Item.ContentItemId}");
            case ContentEditStatus.Denied:
                Notices = [new AdminNotice(t["Content.Denied", result.Permission ?? ""], IsError: true)];
                return await ShowAsync(null, [], StatusCodes.Status403Forbidden);
            case ContentEditStatus.NotFound:
                return new AdminProblem(t["Problem.NotFound"], t["Content.NotFound"], t["Content.Title"], "/admin/content").ToResult(this, StatusCodes.Status404NotFound);
            default:
                await BuildAsync(null);
                var existing = TranslationMatrix?.FirstOrDefault(c => c.Culture == culture)?.Item;
                Notices = [new AdminNotice(result.Errors.Any(e => e.Problem.Key == "Localization.Taken") && existing is not null
                    ? t["Translate.Exists", CultureName(culture!), existing.DisplayText ?? existing.ContentItemId]
                    : t["Translate.Refused", string.Join(" ", result.Errors.Select(MessageOf))], IsError: true)];
                var page = Page();
                page.StatusCode = StatusCodes.Status409Conflict;
                return page;
        }
    }

    /// <summary>"Move up" / "Move down" beside a child in the list's section (<c>POST /admin/content/edit/{id}?handler=moveChild</c>,
    /// <see cref="ListPartEditor.MoveForm"/>): swaps the child with its neighbour through
    /// <see cref="ContentEditor.ReorderChildrenAsync"/>, stored at once, apart from a save of the form; then the editor
    /// again, whose list says where the child went and focuses its button (<c>?moved=</c>). The form carries the children as the page
    /// listed them, so a list changed meanwhile is shown as it is now rather than reordered unseen.</summary>
    public async Task<IActionResult> OnPostMoveChildAsync(string mode, string key, string? move, string? shown)
    {
        if (mode != "edit")
        {
            return new AdminProblem(t["Problem.NotFound"], t["Content.NotFound"], t["Content.Title"], "/admin/content").ToResult(this, StatusCodes.Status404NotFound);
        }
        if (await LoadAsync(mode, key) is { } refused)
        {
            return refused;
        }
        var listed = (shown ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var (verb, child) = ListPartEditor.ParseMove(move);
        var from = Array.IndexOf(listed, child);
        var to = verb == ListPartEditor.Up ? from - 1 : from + 1;
        // A child the page did not list where it says, or moved past an end, is a page out of date (or forged): nothing moves.
        var result = from < 0 || to < 0 || to >= listed.Length
            ? new ContentEditResult(ContentEditStatus.Stale)
            : await editor.ReorderChildrenAsync(User, Item!.ContentItemId, listed, Swap(listed.ToArray(), from, to));
        switch (result.Status)
        {
            case ContentEditStatus.Done:
                // No #fragment: the list's editor focuses the moved child's button, which a fragment would stop (autofocus).
                return Redirect($"/admin/content/edit/{Item!.ContentItemId}?moved={Uri.EscapeDataString(move!)}");
            case ContentEditStatus.Denied:
                Notices = [new AdminNotice(result.Item is { } refusedChild
                    ? t["Editor.ListMoveDenied", TitleOf(refusedChild), result.Permission ?? ""]
                    : t["Content.Denied", result.Permission ?? ""], IsError: true)];
                return await ShowAsync(null, [], StatusCodes.Status403Forbidden);
            case ContentEditStatus.Stale:
                Notices = [new AdminNotice(t["Editor.ListChanged"], IsError: true)];
                return await ShowAsync(null, [], StatusCodes.Status409Conflict);
            default:
                return new AdminProblem(t["Problem.NotFound"], t["Content.NotFound"], t["Content.Title"], "/admin/content").ToResult(this, StatusCodes.Status404NotFound);
        }
    }

    private static string[] Swap(string[] ids, int a, int b)
    {
        (ids[a], ids[b]) = (ids[b], ids[a]);
        return ids;
    }

    /// <summary>Schedules a publish and/or an unpublish of the item at times typed in the site's time zone.</summary>
    public async Task<IActionResult> OnPostScheduleAsync(string mode, string key)
    {
        if (await LoadAsync(mode, key) is { } refused)
        {
            return refused;
        }
        if (Item is null || !await permissions.HasPermissionAsync(User, Permissions.PublishContent, Item.ContentType, Item.Owner))
        {
            return new AdminProblem(t["Problem.NotAllowed"], t["Schedule.MayNotPublish"]).ToResult(this, StatusCodes.Status403Forbidden);
        }
        var zone = await ZoneAsync();
        var unreadable = new List<ContentValidationError>();
        var (publishLabel, unpublishLabel) = (t["Schedule.PublishAt"].Value, t["Schedule.UnpublishAt"].Value);
        var publishAt = LocalDateTimes.Read(new EditorForm(Request.Form, ScheduleForm, publishLabel, [], zone, unreadable), "PublishAt");
        var unpublishAt = LocalDateTimes.Read(new EditorForm(Request.Form, ScheduleForm, unpublishLabel, [], zone, unreadable), "UnpublishAt");
        (PublishAtText, UnpublishAtText) = (Request.Form[ScheduleForm + ".PublishAt"].ToString().Trim(), Request.Form[ScheduleForm + ".UnpublishAt"].ToString().Trim());
        var errors = unreadable.Select(e => e.Field.EndsWith(".PublishAt", StringComparison.Ordinal)
            ? new ScheduleError(ScheduleInputId("PublishAt"), publishLabel, MessageOf(e))
            : new ScheduleError(ScheduleInputId("UnpublishAt"), unpublishLabel, MessageOf(e))).ToList();
        var now = NodaTime.Instant.FromDateTimeOffset(clock.GetUtcNow());
        if (errors.Count == 0 && publishAt is null && unpublishAt is null)
        {
            errors.Add(new ScheduleError(ScheduleInputId("PublishAt"), publishLabel, t["Schedule.NothingGiven", publishLabel]));
        }
        if (publishAt <= now)
        {
            errors.Add(new ScheduleError(ScheduleInputId("PublishAt"), publishLabel, t["Schedule.InPast", publishLabel]));
        }
        if (unpublishAt <= now)
        {
            errors.Add(new ScheduleError(ScheduleInputId("UnpublishAt"), unpublishLabel, t["Schedule.InPast", unpublishLabel]));
        }
        else if (publishAt is { } p && unpublishAt is { } u && u <= p)
        {
            errors.Add(new ScheduleError(ScheduleInputId("UnpublishAt"), unpublishLabel, t["Schedule.UnpublishFirst", unpublishLabel]));
        }
        if (errors.Count > 0)
        {
            ScheduleErrors = errors;
            return await ShowAsync([], [], StatusCodes.Status400BadRequest);
        }
        return await schedules.ScheduleAsync(User, Item.ContentItemId, publishAt?.ToDateTimeUtc(), unpublishAt?.ToDateTimeUtc()) switch
        {
            ContentEditStatus.Done => Redirect($"/admin/content/edit/{Item.ContentItemId}?saved=scheduled"),
            ContentEditStatus.Denied => new AdminProblem(t["Problem.NotAllowed"], t["Schedule.MayNotPublish"]).ToResult(this, StatusCodes.Status403Forbidden),
            _ => new AdminProblem(t["Problem.NotFound"], t["Content.NotFound"], t["Content.Title"], "/admin/content").ToResult(this, StatusCodes.Status404NotFound),
        };
    }

    /// <summary>Cancels one of the item's pending schedules.</summary>
    public async Task<IActionResult> OnPostCancelScheduleAsync(string mode, string key, long schedule)
    {
        if (await LoadAsync(mode, key) is { } refused)
        {
            return refused;
        }
        return await schedules.CancelAsync(User, Item?.ContentItemId ?? "", schedule) switch
        {
            ContentEditStatus.Done => Redirect($"/admin/content/edit/{Item!.ContentItemId}?saved=cancelled"),
            ContentEditStatus.Denied => new AdminProblem(t["Problem.NotAllowed"], t["Schedule.MayNotPublish"]).ToResult(this, StatusCodes.Status403Forbidden),
            _ => new AdminProblem(t["Problem.NotFound"], t["Schedule.NotFound"], t["Preview.BackToEditor"], "/admin/content/edit/" + key).ToResult(this, StatusCodes.Status404NotFound),
        };
    }

    /// <summary>The id of a schedule form input.</summary>
    public static string ScheduleInputId(string member) => $"{ScheduleForm}-{member}";

    /// <summary>A schedule in the editor's words: what, when, by whom, and for a refused one why.</summary>
    public string Describe(ScheduleRow row)
    {
        var s = row.Schedule;
        var what = t[s.Action == ScheduledActions.Unpublish ? "Schedule.Unpublish" : "Schedule.Publish"].Value;
        if (s.Status != ScheduleStatuses.Refused)
        {
            return t["Schedule.Pending", what, row.When, s.UserName];
        }
        return t["Schedule.RefusedEntry", what, row.When, s.UserName, ReasonOf(t, s)];
    }

    /// <summary>Why a schedule was refused, in the editor's language.</summary>
    public static string ReasonOf(IStringLocalizer<AdminText> texts, ContentScheduleRecord schedule)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(schedule);
        return texts["Schedule.Problem." + schedule.Problem, schedule.UserName, schedule.Permission ?? "", schedule.Detail ?? ""];
    }

    /// <summary>An error's message in the editor's language, naming a field of the item by its label on the page
    /// (the rules name it as the definitions write it): a bag item's field by its own label once the page is built.</summary>
    public string MessageOf(ContentValidationError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var label = Sections.SelectMany(s => s.Slots).SelectMany(s => s.Inner).LastOrDefault(m => Owns(m.Name, error.Field))?.Label
            // Inside a bag item but in none of its editors: the bag's label would misname it.
            ?? (error.Field.Contains('[', StringComparison.Ordinal) ? null : Editors().FirstOrDefault(e => Owns(e.Name, error.Field))?.Label);
        return MessageOf(error, label);
    }

    /// <summary>An error as the error summary lists it: the field named once, after where it sits (a bag item's place),
    /// so that a message which names its field itself does not read "Photos: Photos: …".</summary>
    public string SummaryOf(ContentValidationError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var label = LabelOf(error.Field);
        return error.Problem.Arguments.ContainsKey("field") ? MessageOf(error, label) : $"{label}: {MessageOf(error)}";
    }

    /// <summary>An error's message naming its field by <paramref name="label"/> (as the rule wrote it without one).</summary>
    private string MessageOf(ContentValidationError error, string? label) => ruleTexts.Text(error.Problem, label);

    /// <summary>The label of a field or part, for the error summary (a nested one's after where it sits).</summary>
    public string LabelOf(string errorField)
        => errorField == NoteField ? t["History.Note"]
            : ModelOf(errorField) is { } model ? (model.Place is null ? model.Label : $"{model.Place}, {model.Label}") : errorField;

    /// <summary>Where the error summary's link for an error goes: the input it is shown beside, or its field's first input.</summary>
    public string TargetOf(string errorField)
        => errorField == NoteField ? NoteField : ModelOf(errorField)?.TargetOf(errorField) ?? "main";

    /// <summary>The innermost editor an error concerns.</summary>
    private EditorModel? ModelOf(string errorField)
        => Sections.SelectMany(s => s.Slots).FirstOrDefault(s => Owns(s.Model.Name, errorField)) is { } slot
            ? slot.Inner.LastOrDefault(m => Owns(m.Name, errorField)) ?? slot.Model
            : null;

    /// <summary>The element the page focuses when shown again after a rearrangement (<see cref="EditorContext.Redisplay"/>).</summary>
    public string? Focus { get; private set; }

    private static bool Owns(string name, string errorField) => EditorContext.Owns(name, errorField);

    /// <summary>An editor's value in an item as stored: its part, or its field in a part.</summary>
    private static JsonObject? StoredValue(ContentItem? item, string name)
    {
        var (partName, fieldName) = FieldDiff.Split(name);
        return fieldName is null ? item?.Part(partName) : item?.Part(partName)?[fieldName] as JsonObject;
    }

    private async Task<IActionResult> ShowAsync(Dictionary<string, JsonObject>? values, IReadOnlyList<ContentValidationError> errors, int status)
    {
        Errors = errors;
        await BuildAsync(values);
        var page = Page();
        page.StatusCode = status;
        return page;
    }

    /// <summary>The save was based on an older version: the typed values stay, the fields changed meanwhile are
    /// listed with their value now, and the form is based on the current version, so saving again is a choice
    /// made knowing what it replaces.</summary>
    private async Task<IActionResult> ConflictAsync(Dictionary<string, JsonObject> values, ExpectedVersion expected)
    {
        var current = await store.GetLatestAsync(Item!.ContentItemId);
        if (current is null)
        {
            return new AdminProblem(t["Problem.NotFound"], t["Content.NotFound"], t["Content.Title"], "/admin/content").ToResult(this, StatusCodes.Status404NotFound);
        }
        // The version the editor started from, as it was then (a draft saved over is found among the revisions).
        var based = await store.GetAsReadAsync(Item.ContentItemId, expected);
        Item = current;
        await BuildAsync(values);
        var slots = Sections.SelectMany(s => s.Slots).ToDictionary(s => s.Model.Name);
        var titles = await LinkedTitles.OfAsync(store, slots.Keys.Select(name => FieldDiff.ValueIn(current, name)), TitleOf);
        // Without the starting version, what differs from the typed values is what the editor must look at.
        var changes = FieldDiff.Between(slots.Values.Select(s => new FieldDiff.Editor(s.Model.Name, s.Model.Label, s.Model.Settings)),
            before: name => based is null ? values[name] : FieldDiff.ValueIn(based, name, values[name].Select(p => p.Key)),
            after: name => FieldDiff.ValueIn(current, name, values[name].Select(p => p.Key)), typeEditors.Values(titles),
            typeEditors.BagItemsOf(_definitions, _translations))
            .Select(c => new Change(c.Label, slots[c.Name].Model.Id, c.After)).ToList();
        Changes = changes;
        var page = Page();
        page.StatusCode = StatusCodes.Status409Conflict;
        return page;
    }

    private async Task<IActionResult?> LoadAsync(string mode, string key, string? list = null)
    {
        var defs = _definitions = await definitions.GetAsync();
        _translations = await dataTranslations.GetAsync();
        _context = new EditorContext(defs, ItemEditorsOf, Errors, MessageOf, _translations, typeEditors.Values());
        List = mode == "new" && IdGenerator.IsValid(list) ? await store.GetLatestAsync(list!) : null;
        if (mode == "new")
        {
            if (defs.FindType(key) is not { } type || !type.TypeSettings.Creatable)
            {
                return new AdminProblem(t["Problem.NotFound"], t["Editor.NoSuchType", key], t["Content.Title"], "/admin/content").ToResult(this, StatusCodes.Status404NotFound);
            }
            Type = type;
            return await permissions.HasPermissionAsync(User, Permissions.EditContent, type.Name, PermissionService.UserIdOf(User))
                ? null
                : new AdminProblem(t["Problem.NotAllowed"], t["Editor.MayNotEdit"]).ToResult(this, StatusCodes.Status403Forbidden);
        }
        Item = IdGenerator.IsValid(key) ? await store.GetLatestAsync(key) : null;
        if (Item is null || defs.FindType(Item.ContentType) is not { } itemType)
        {
            return new AdminProblem(t["Problem.NotFound"], t["Content.NotFound"], t["Content.Title"], "/admin/content").ToResult(this, StatusCodes.Status404NotFound);
        }
        Type = itemType;
        BaseVersionId = Item.ContentItemVersionId;
        BaseModified = Item.ModifiedUtc?.ToString("O", CultureInfo.InvariantCulture);
        return await permissions.HasPermissionAsync(User, Permissions.EditContent, Item.ContentType, Item.Owner)
            ? null
            : new AdminProblem(t["Problem.NotAllowed"], t["Editor.MayNotEdit"]).ToResult(this, StatusCodes.Status403Forbidden);
    }

    /// <summary>An item's title, or "(untitled)".</summary>
    public string TitleOf(ContentItem item) => string.IsNullOrWhiteSpace(item.DisplayText) ? t["Content.Untitled"] : item.DisplayText;

    private async Task ScheduleStateAsync(DateTimeZone zone)
    {
        ZoneId = zone.Id;
        HasFrontEndPreview = (await site.GetAsync()).FrontEndPreviewUrl is { Length: > 0 };
        if (Item is null)
        {
            // A new item will be the editor's own.
            CanPublish = await permissions.HasPermissionAsync(User, Permissions.PublishContent, Type.Name, PermissionService.UserIdOf(User));
            return;
        }
        CanPublish = await permissions.HasPermissionAsync(User, Permissions.PublishContent, Item.ContentType, Item.Owner);
        if (!Item.Published && await reviews.OfItemAsync(Item.ContentItemId) is { } request)
        {
            ReviewRequest = request;
            ReviewRequestedAt = ContentListPage.LocalTime(request.RequestedUtc, zone);
        }
        Schedules = [.. (await schedules.OfItemAsync(Item.ContentItemId)).Select(s => new ScheduleRow(s, ContentListPage.LocalTime(s.DueUtc, zone)))];
    }

    private async Task<DateTimeZone> ZoneAsync() => TwinningViews.Zone((await site.GetAsync()).TimeZoneId);

    /// <summary>The editors of a type as an editor holding its items (a bag) renders and reads them.</summary>
    private IReadOnlyList<ItemEditor> ItemEditorsOf(ContentTypeDefinition type)
        => [.. typeEditors.Of(_definitions, type, _translations).SelectMany(g => g.Editors).Select(e => e.Editor switch
        {
            IContentPartEditor p => new ItemEditor(e.Name, e.Label, e.Hint, e.Settings, p.View, p.Grouped, p.Read),
            IContentFieldEditor f => new ItemEditor(e.Name, e.Label, e.Hint, e.Settings, f.View, f.Grouped, f.Read, f.InputOf),
            _ => throw new InvalidOperationException(),
        })];

    /// <summary>Every editor of the type, in the definition's order.</summary>
    private IEnumerable<TypeEditors.Entry> Editors() => typeEditors.Of(_definitions, Type, _translations).SelectMany(g => g.Editors);

    /// <summary>The translation matrix of the item's localization set, and the item shown beside the form when it is
    /// another item of that set the editor may edit.</summary>
    private async Task TranslationsAsync()
    {
        if (Item?.Part("LocalizationPart")?["LocalizationSet"] is not JsonValue setValue || !setValue.TryGetValue<string>(out var set))
        {
            return;
        }
        var settings = (await site.GetAsync()).LocalizationSettings;
        TranslationMatrix = Translations.Matrix(settings.SupportedCultures, await store.GetLocalizationSetAsync(set), settings.DefaultCulture);
        if (IdGenerator.IsValid(_sourceId) && _sourceId != Item.ContentItemId && await store.GetLatestAsync(_sourceId!) is { } source
            && source.Part("LocalizationPart")?["LocalizationSet"] is JsonValue s && s.TryGetValue<string>(out var sourceSet) && sourceSet == set
            && await permissions.HasPermissionAsync(User, Permissions.EditContent, source.ContentType, source.Owner))
        {
            Source = source;
        }
    }

    /// <summary>The sections to render, with the stored values or, after a refused save, the typed ones.</summary>
    private async Task BuildAsync(Dictionary<string, JsonObject>? values)
    {
        _context.Errors = Errors;
        _context.ItemText = field => Editors().Where(e => FieldDiff.Split(e.Name).Field == field)
            .Select(e => (values?.GetValueOrDefault(e.Name) ?? StoredValue(Item, e.Name))?["Text"])
            .OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var text) ? text : null).FirstOrDefault(text => !string.IsNullOrWhiteSpace(text));
        var zone = await ZoneAsync();
        await TranslationsAsync();
        // The source's values as text, pickers' ids as the picked items' titles; its language is not translated.
        var sourceEditors = Editors().Where(e => e.Editor is not LocalizationPartEditor).ToList();
        var editors = sourceEditors.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var sourceValues = Source is null ? null : typeEditors.Values(await LinkedTitles.OfAsync(store, sourceEditors.Select(e => e.ValueIn(Source)), TitleOf));
        var findings = new List<Finding>();
        Sections = [.. typeEditors.Of(_definitions, Type, _translations).Where(g => g.Editors.Count > 0).Select(g => new Section(g.Heading, [.. g.Editors.Select(e =>
        {
            var (partName, fieldName) = FieldDiff.Split(e.Name);
            var value = values?.GetValueOrDefault(e.Name)
                ?? (fieldName is null ? Item?.Part(partName) : Item?.Part(partName)?[fieldName] as JsonObject)
                ?? [];
            var hint = e.Hint;
            // The errors an inner editor (a bag item's field) shows next to its input are not repeated around the part.
            var inner = e.Editor is IContentPartEditor withInner ? withInner.Inner(new EditorModel(e.Name, e.Label, hint, value, e.Settings, [], zone, t, _context)) : [];
            var (errors, beside) = EditorModel.Split(e.Name, Errors.Where(err => Owns(e.Name, err.Field) && !inner.Any(m => Owns(m.Name, err.Field))), MessageOf,
                e.Editor is IContentFieldEditor field ? field.InputOf : null);
            // A publish refused for an image without alt text says so beside the field; the same warning is not repeated.
            var altRefused = Errors.Any(err => Owns(e.Name, err.Field) && err.Problem.Key == HtmlChecks.ImageWithoutAltKey);
            var found = FindingsOf(e, value, sanitizer, ruleTexts, "#" + EditorModel.IdOf(e.Name), altRefused);
            findings.AddRange(found);
            var model = new EditorModel(e.Name, e.Label, hint, value, e.Settings, errors, zone, t, _context)
            {
                InputErrors = beside,
                Checks = [.. found.Select(f => f.Problem)],
            };
            var sourceText = sourceValues is null || !editors.Contains(e.Name) ? null : sourceValues.Describe(e.ValueIn(Source), e.Settings);
            return e.Editor switch
            {
                IContentPartEditor p => new Slot(model, p.View, p.Grouped, sourceText) { Inner = inner },
                IContentFieldEditor f => new Slot(model, f.View, f.Grouped, sourceText),
                _ => throw new InvalidOperationException(),
            };
        })]))];
        Findings = findings;
        await ScheduleStateAsync(zone);
        await PresenceStateAsync(zone);
        Referrers = Item is null ? UsedBy.Referrers.None : await usedBy.OfAsync(Item.ContentItemId, User);
        CanDelete = Item is not null && await permissions.HasPermissionAsync(User, Permissions.DeleteContent, Item.ContentType, Item.Owner);
    }

    /// <summary>The accessibility checks of a rich-text editor's value (stored, or as typed after a refused save) as the
    /// sanitiser would keep it, each linked to <paramref name="link"/>; none for other editors, and for markup nested too
    /// deeply to parse, which a save refuses. The preview lists them too. <paramref name="altRefused"/> leaves out the
    /// images without alt text when a publish was refused for them (the error beside the field says it).</summary>
    public static IReadOnlyList<Finding> FindingsOf(TypeEditors.Entry editor, JsonObject value, HtmlSanitizerService sanitizer, IStringLocalizer<RuleText> texts, string link,
        bool altRefused = false)
    {
        ArgumentNullException.ThrowIfNull(editor);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(sanitizer);
        return editor.IsHtml && value["Html"] is JsonValue html && html.TryGetValue<string>(out var markup)
            && !HtmlNesting.IsDeeperThan(markup, HtmlSanitizerService.MaxDepth)
            ? [.. HtmlChecks.Of(sanitizer.Sanitize(markup)).Where(c => !(altRefused && c.Problem.Key == HtmlChecks.ImageAltCheckKey))
                .Select(c => new Finding(editor.Label, link, texts.Text(c.Problem), texts.Text(c.Fix)))]
            : [];
    }
}
