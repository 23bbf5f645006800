using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Twinning.Core.Content;
using Twinning.Core.Content.Definitions;
using Twinning.Core.Content.Localization;
using Twinning.Core.Municipal;
using Twinning.Core.Rules;
using Twinning.Module.Features.Admin.Users;
using Twinning.Module.Features.ContentDefinitions;
using Twinning.Module.Features.ContentEditing;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Queries;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Site;

namespace Twinning.Module.Features.Admin.Content;

/// <summary>
/// The content list, <c>/admin/content</c>: every listable type or one (<c>?type=Forum</c>), with a text search on the
/// display text, status, culture, owner, taxonomy term, partner city, the day of the last change (from, to), sort and
/// paging. The whole filter state is the query string, so a list can be
/// bookmarked, shared and returned to. A row's Publish, Unpublish and Delete are buttons posting the page's one form to
/// <c>/admin/content/{publish|unpublish|delete}?…</c> through <see cref="ContentEditor"/>, which checks the permissions;
/// a delete is asked first, in the page.
/// Rows ticked on a page go to <c>/admin/content/bulk?…</c> for one of those actions: each item on its own (its own
/// permission check and transaction), and the page reports item by item what was done and what was refused, and why.
/// </summary>
[Authorize]
public sealed class ContentListPage(
    ContentQuery query, ContentDefinitionService definitions, DataTranslationService dataTranslations, SiteService site, ContentEditor editor, ContentStore store,
    UserService users, UserAdministration userAdministration,
    IAuthorizationService permissions, IStringLocalizer<AdminText> t, IStringLocalizer<RuleText> ruleTexts, UsedBy usedBy, TermFilterChoices termChoices,
    TypeEditors typeEditors) : PageModel
{
    public const int PageSize = 20;

    /// <summary>A filtered list (a title search, a translation filter) is counted up to this many matches: counting
    /// 80,000 matches on every page of a search was most of its time. Beyond it the list says "more than".</summary>
    public const int MaxCounted = 10_000;

    /// <summary>The most partner cities a name in the partner city filter stands for.</summary>
    public const int MaxCities = 1000;

    /// <summary>The content type whose items the partner city filter names (the municipal recipe's).</summary>
    private const string PartnerCityType = "PartnerCity";

    /// <summary>The content type whose items hold the terms the term filter offers (Orchard's taxonomies).</summary>
    private const string TaxonomyType = "Taxonomy";

    /// <summary>The most items one bulk action takes: a few pages' worth.</summary>
    public const int MaxBulkItems = 100;

    /// <summary>What a bulk action did to one item, in the editor's words.</summary>
    public sealed record BulkResult(string Title, bool Done, string Text);

    /// <summary>The sort choices: the query-string value and its order.</summary>
    public static readonly IReadOnlyList<(string Value, ContentColumn Column, bool Descending)> Sorts =
    [
        ("modified-desc", ContentColumn.ModifiedUtc, true),
        ("modified-asc", ContentColumn.ModifiedUtc, false),
        ("title-asc", ContentColumn.DisplayText, false),
        ("title-desc", ContentColumn.DisplayText, true),
        ("created-desc", ContentColumn.CreatedUtc, true),
        ("created-asc", ContentColumn.CreatedUtc, false),
    ];

    public static readonly IReadOnlyList<string> Statuses = ["latest", "published", "draft"];

    public sealed record Row(ContentItem Item, string TypeName, string? Culture, string Modified);

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "culture")]
    public string? Language { get; set; }

    /// <summary>Only translatable items whose localization set has no item in this culture.</summary>
    [BindProperty(SupportsGet = true, Name = "missing")]
    public string? MissingCulture { get; set; }

    /// <summary>Only translations older than their set's source (<see cref="Twinning.Core.Content.Localization.Translations"/>).</summary>
    [BindProperty(SupportsGet = true, Name = "outdated")]
    public bool Outdated { get; set; }

    /// <summary>Only items owned by this user (a user id, as Orchard Core writes the owner).</summary>
    [BindProperty(SupportsGet = true, Name = "owner")]
    public string? Owner { get; set; }

    /// <summary>Only items tagged with this taxonomy term (its content item id).</summary>
    [BindProperty(SupportsGet = true, Name = "term")]
    public string? Term { get; set; }

    /// <summary>Only items that name a partner city (a content picker) whose title contains this text.</summary>
    [BindProperty(SupportsGet = true, Name = "city")]
    public string? City { get; set; }

    /// <summary>Only items last changed on or after this day (yyyy-MM-dd, the site's time zone).</summary>
    [BindProperty(SupportsGet = true, Name = "from")]
    public string? ChangedFrom { get; set; }

    /// <summary>Only items last changed on or before this day (yyyy-MM-dd, the site's time zone).</summary>
    [BindProperty(SupportsGet = true, Name = "to")]
    public string? ChangedTo { get; set; }

    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? Sort { get; set; }

    // "page" is a route value of Razor Pages itself.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The listable types the editor can filter on and create, by name with their display names.</summary>
    public IReadOnlyList<ContentTypeDefinition> Types { get; private set; } = [];

    /// <summary>The definitions' texts in the editor's language (type names).</summary>
    public DataTranslations Translations { get; private set; } = DataTranslations.None;

    public IReadOnlyList<string> Cultures { get; private set; } = [];

    /// <summary>The owners the owner filter offers, by user id and name: the editor, and everyone for those who manage
    /// users.</summary>
    public IReadOnlyList<(string Id, string Name)> Owners { get; private set; } = [];

    /// <summary>The terms the term filter offers, under their taxonomy's title.</summary>
    public IReadOnlyList<(string Taxonomy, IReadOnlyList<EditorChoice> Terms)> TermGroups { get; private set; } = [];

    /// <summary>Messages beside the filters (a day that is not a date, a partner city that no name matches), by input id.</summary>
    public FieldErrors FilterErrors { get; } = new();

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<AdminNotice> Notices { get; private set; } = [];

    public int Total { get; private set; }

    /// <summary>Whether <see cref="Total"/> is every match, not <see cref="MaxCounted"/> of more.</summary>
    public bool TotalIsExact { get; private set; } = true;

    /// <summary>After a bulk action: each selected item's outcome, in the order selected.</summary>
    public IReadOnlyList<BulkResult>? BulkResults { get; private set; }

    /// <summary>The pages there are; of a list counted only up to <see cref="MaxCounted"/>, the pages up to there.</summary>
    public int PageCount => Math.Max(1, (Math.Min(Total, TotalIsExact ? Total : MaxCounted) + PageSize - 1) / PageSize);

    public ContentTypeDefinition? CurrentType => Type is null ? null : Types.FirstOrDefault(d => d.Name == Type);

    public Task<IActionResult> OnGetAsync() => RenderAsync([]);

    public Task<IActionResult> OnPostPublishAsync(string? id) => ChangeAsync(id, Actions["publish"]);

    public Task<IActionResult> OnPostUnpublishAsync(string? id) => ChangeAsync(id, Actions["unpublish"]);

    /// <summary>A delete waiting for the editor's answer: the item, the items that use it (<see cref="UsedBy"/>; none for
    /// most), and where Cancel goes back to.</summary>
    public sealed record DeleteQuestion(string ContentItemId, string Title, UsedBy.Referrers Referrers, string Back);

    /// <summary>Set when a delete waits for the editor to confirm it.</summary>
    public DeleteQuestion? PendingDelete { get; private set; }

    /// <summary>Deletes an item once confirmed (<paramref name="confirmed"/>); before that the list asks, once, in the page
    /// and with or without scripts, naming the items that use it if any do. <paramref name="back"/> is where Cancel goes
    /// (the item's editor, when asked from there).</summary>
    public async Task<IActionResult> OnPostDeleteAsync(string? id, bool confirmed, string? back)
    {
        if (!confirmed && IdGenerator.IsValid(id) && await store.GetLatestAsync(id!) is { } item
            && await permissions.HasPermissionAsync(User, Permissions.DeleteContent, item.ContentType, item.Owner))
        {
            var referrers = await usedBy.OfAsync(item.ContentItemId, User);
            PendingDelete = new DeleteQuestion(item.ContentItemId, TitleOf(item)!, referrers,
                back is { Length: > 0 } && Url.IsLocalUrl(back) && back.StartsWith("/admin/", StringComparison.Ordinal) ? back : Here);
            return await RenderAsync([], referrers.Total > 0 ? StatusCodes.Status409Conflict : StatusCodes.Status200OK);
        }
        return await ChangeAsync(id, Actions["delete"]);
    }

    public async Task<IActionResult> OnPostBulkAsync(string[]? ids, string? action)
    {
        var selected = (ids ?? []).Where(IdGenerator.IsValid).Distinct(StringComparer.Ordinal).ToList();
        var refusal = !Actions.TryGetValue(action ?? "", out var change) ? t["Bulk.UnknownAction"]
            : selected.Count == 0 ? t["Bulk.NoneSelected"]
            : selected.Count > MaxBulkItems ? t.Plural("Bulk.TooMany", MaxBulkItems)
            : null;
        if (refusal is not null)
        {
            return await RenderAsync([new AdminNotice(refusal, IsError: true)], StatusCodes.Status400BadRequest);
        }
        var results = new List<BulkResult>(selected.Count);
        foreach (var id in selected)
        {
            // Each item through the editor on its own: one refusal leaves the others to be done.
            var item = await store.GetLatestAsync(id);
            var title = TitleOf(item) ?? id;
            if (action == "delete" && await usedBy.OfAsync(id, User, take: BulkNamed) is { Total: > 0 } referrers)
            {
                // Deleting a used item is confirmed item by item, from its row or its editor.
                results.Add(new BulkResult(title, false, t.Plural("Bulk.UsedBy", referrers.Total, title, referrers.Total, Names(referrers))));
                continue;
            }
            var result = await change!.Run(User, id, null);
            results.Add(result.Status == ContentEditStatus.Done
                ? new BulkResult(title, true, t[change.DoneKey, title])
                : new BulkResult(title, false, t["Bulk.Refused", title, await ReasonAsync(result, item)]));
        }
        BulkResults = results;
        return await RenderAsync([]);
    }

    /// <summary>The most items a bulk delete's refusal names as using an item.</summary>
    private const int BulkNamed = 3;

    /// <summary>The referring items' titles, quoted, "…" after them when there are more.</summary>
    private string Names(UsedBy.Referrers referrers)
        => string.Join(", ", referrers.Items.Select(e => t["UsedBy.Quoted", e.Title].Value)) + (referrers.More > 0 ? ", …" : "");

    /// <summary>A list action: what it does through the editor, and the text saying it was done.</summary>
    private sealed record ListAction(Func<System.Security.Claims.ClaimsPrincipal, string, ExpectedVersion?, Task<ContentEditResult>> Run, string DoneKey);

    private Dictionary<string, ListAction> Actions => new(StringComparer.Ordinal)
    {
        ["publish"] = new(editor.PublishAsync, "Content.Published"),
        ["unpublish"] = new(editor.UnpublishAsync, "Content.Unpublished"),
        ["delete"] = new(editor.DeleteAsync, "Content.Deleted"),
    };

    /// <summary>Why the editor refused a change to <paramref name="item"/> (as stored before it), in the editor's
    /// language: a rule's text names the field by the label its editor shows.</summary>
    private async Task<string> ReasonAsync(ContentEditResult result, ContentItem? item)
    {
        switch (result.Status)
        {
            case ContentEditStatus.Denied:
                return t["Content.Denied", result.Permission ?? ""];
            case ContentEditStatus.NotFound:
                return t["Content.NotFound"];
        }
        var defs = await definitions.GetAsync();
        var type = item is null ? null : defs.FindType(item.ContentType);
        IReadOnlyList<TypeEditors.Entry> editors = type is null ? [] : [.. typeEditors.Of(defs, type, await dataTranslations.GetAsync()).SelectMany(g => g.Editors)];
        return t["Bulk.Invalid", string.Join(" ", result.Errors.Select(e => TypeEditors.ErrorText(editors, ruleTexts, e)))];
    }

    private string? TitleOf(ContentItem? item)
        => item is null ? null : string.IsNullOrWhiteSpace(item.DisplayText) ? t["Content.Untitled"] : item.DisplayText;

    /// <summary>This list's address with one value changed (or removed, when null): the filter links and paging.</summary>
    public string UrlWith(string key, string? value)
    {
        var values = new List<KeyValuePair<string, string?>>();
        void Add(string name, string? current)
        {
            var v = name == key ? value : current;
            if (!string.IsNullOrEmpty(v))
            {
                values.Add(new(name, v));
            }
        }
        Add("q", Search);
        Add("type", Type);
        Add("status", Status);
        Add("culture", Language);
        Add("missing", MissingCulture);
        Add("outdated", Outdated ? "true" : null);
        Add("owner", Owner);
        Add("term", Term);
        Add("city", City);
        Add("from", ChangedFrom);
        Add("to", ChangedTo);
        Add("sort", Sort);
        // Any change of filter goes back to the first page.
        Add("p", key == "p" ? value : null);
        return "/admin/content" + QueryString.Create(values);
    }

    /// <summary>The list's current address, where the row forms return to.</summary>
    public string Here => UrlWith("p", PageNumber > 1 ? PageNumber.ToString(CultureInfo.InvariantCulture) : null);

    public string QueryPart => Here["/admin/content".Length..];

    private async Task<IActionResult> ChangeAsync(string? id, ListAction change)
    {
        var result = await change.Run(User, id ?? "", null);
        var notice = result.Status == ContentEditStatus.Done
            ? new AdminNotice(t[change.DoneKey, result.Item?.DisplayText ?? id ?? ""])
            : new AdminNotice(await ReasonAsync(result, result.Status == ContentEditStatus.Invalid && IdGenerator.IsValid(id) ? await store.GetLatestAsync(id!) : null),
                IsError: true);
        return await RenderAsync([notice], result.Status switch
        {
            ContentEditStatus.Done => StatusCodes.Status200OK,
            ContentEditStatus.Denied => StatusCodes.Status403Forbidden,
            ContentEditStatus.NotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status400BadRequest,
        });
    }

    /// <summary>A stored UTC time as the editor reads it: in the site's time zone, in the editor's language.</summary>
    public static string LocalTime(DateTime utc, NodaTime.DateTimeZone zone)
        => NodaTime.Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(zone).ToDateTimeUnspecified().ToString("g", CultureInfo.CurrentCulture);

    /// <summary>The culture a translatable item is written in (its LocalizationPart), or null.</summary>
    public static string? CultureOf(ContentItem item)
        => item.Part("LocalizationPart")?["Culture"] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var culture) ? culture : null;

    /// <summary>The text search and the other filters, all of which must hold; null without any. A filter the editor
    /// typed wrong (a day that is not a date) is left out, with its message beside it.</summary>
    private async Task<ContentFilter?> FiltersAsync(string defaultCulture, NodaTime.DateTimeZone zone)
    {
        var filters = new List<ContentFilter>();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            filters.Add(new ColumnFilter(ContentColumn.DisplayText, FilterOperator.Contains, Search.Trim()));
        }
        if (!string.IsNullOrWhiteSpace(Owner))
        {
            filters.Add(new ColumnFilter(ContentColumn.Owner, FilterOperator.Eq, Owner.Trim()));
        }
        if (IdGenerator.IsValid(Term))
        {
            filters.Add(new ReferencesFilter([Term!]));
        }
        if (!string.IsNullOrWhiteSpace(City))
        {
            var cities = new ContentQuerySpec
            {
                ContentType = PartnerCityType,
                Status = PublicationStatus.Latest,
                Filter = new ColumnFilter(ContentColumn.DisplayText, FilterOperator.Contains, City.Trim()),
            };
            // Only cities the editor may list, as the content picker offers them: a name must not find one the editor
            // may not see.
            var ids = await ContentListAccess.LimitAsync(permissions, User, cities, [PartnerCityType]) is null
                ? await query.ItemIdsAsync(cities, MaxCities, HttpContext.RequestAborted)
                : [];
            if (ids.Count == 0)
            {
                FilterErrors.Add("filter-city", t["Content.NoSuchCity", City.Trim()]);
            }
            filters.Add(new ReferencesFilter(ids));
        }
        var from = Day(ChangedFrom, "filter-from");
        var to = Day(ChangedTo, "filter-to");
        if (from is not null && to is not null && to < from)
        {
            FilterErrors.Add("filter-to", t["Content.ToBeforeFrom"]);
        }
        else
        {
            if (from is { } first)
            {
                filters.Add(new ColumnFilter(ContentColumn.ModifiedUtc, FilterOperator.Gte, zone.AtStartOfDay(first).ToDateTimeUtc()));
            }
            if (to is { } last)
            {
                // Up to the end of that day: before the start of the next.
                filters.Add(new ColumnFilter(ContentColumn.ModifiedUtc, FilterOperator.Lt, zone.AtStartOfDay(last.PlusDays(1)).ToDateTimeUtc()));
            }
        }
        if (MissingCulture is not null)
        {
            filters.Add(new MissingTranslationFilter(MissingCulture));
        }
        if (Outdated)
        {
            filters.Add(new OutdatedTranslationFilter(defaultCulture));
        }
        return filters.Count switch { 0 => null, 1 => filters[0], _ => new AllOf(filters) };
    }

    /// <summary>A day typed in a date box (yyyy-MM-dd); null when empty, or, with a message beside the box, when it is
    /// not a date.</summary>
    private NodaTime.LocalDate? Day(string? text, string inputId)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (AdminDays.TryParse(text, out var day))
        {
            return NodaTime.LocalDate.FromDateOnly(day);
        }
        FilterErrors.Add(inputId, t["Content.NotADay", text.Trim(), AdminDays.FirstYear, AdminDays.LastYear]);
        return null;
    }

    /// <summary>The owner filter's choices: the editor, and, for those who manage users, every user.</summary>
    private async Task<IReadOnlyList<(string Id, string Name)>> OwnersAsync()
    {
        var owners = new List<(string Id, string Name)>();
        if (PermissionService.UserIdOf(User) is { } me)
        {
            owners.Add((me, t["Content.Mine", PermissionService.UserNameOf(User) ?? me]));
        }
        if (await userAdministration.MayManageAsync(User))
        {
            owners.AddRange((await users.NamesAsync()).Where(u => owners.All(o => o.Id != u.Id)).Select(u => (u.Id, u.Name)));
        }
        // An owner named in the address (a shared link) stays chosen.
        if (!string.IsNullOrWhiteSpace(Owner) && owners.All(o => o.Id != Owner.Trim()))
        {
            owners.Add((Owner.Trim(), Owner.Trim()));
        }
        return owners;
    }

    /// <summary>The term filter's choices: every taxonomy's terms, under the taxonomy's title.</summary>
    private async Task<IReadOnlyList<(string Taxonomy, IReadOnlyList<EditorChoice> Terms)>> TermGroupsAsync()
    {
        var spec = new ContentQuerySpec { ContentType = TaxonomyType, Status = PublicationStatus.Latest, Take = query.Options.MaxPageSize };
        spec.Order.Add(ContentOrder.By(ContentColumn.DisplayText));
        var groups = new List<(string Taxonomy, IReadOnlyList<EditorChoice> Terms)>();
        foreach (var taxonomy in await query.ListAsync(spec, HttpContext.RequestAborted))
        {
            var terms = EditorLookups.TermsOf(taxonomy);
            if (terms.Count > 0)
            {
                groups.Add((EditorLookups.TitleOf(taxonomy), terms));
            }
        }
        return groups;
    }

    private async Task<IActionResult> RenderAsync(IReadOnlyList<AdminNotice> notices, int status = StatusCodes.Status200OK)
    {
        var defs = await definitions.GetAsync();
        var settings = await site.GetAsync();
        var translations = Translations = await dataTranslations.GetAsync();
        Types = [.. ContentDefinitionService.ListableTypes(defs).OrderBy(translations.TypeName, StringComparer.CurrentCulture)];
        Cultures = settings.LocalizationSettings.SupportedCultures;
        // Unknown values fall back to the defaults instead of failing: a hand-edited address still shows a list.
        Type = CurrentType?.Name;
        Status = Statuses.Contains(Status) ? Status : null;
        Language = Cultures.Contains(Language) ? Language : null;
        MissingCulture = Cultures.Contains(MissingCulture) ? MissingCulture : null;
        Sort = Sorts.Any(s => s.Value == Sort) ? Sort : null;
        PageNumber = Math.Max(1, PageNumber);
        Notices = notices;

        Owners = await OwnersAsync();
        TermGroups = await termChoices.GetAsync(TermGroupsAsync, HttpContext.RequestAborted);
        Term = TermGroups.Any(g => g.Terms.Any(term => term.Id == Term)) ? Term : null;

        var sort = Sorts.First(s => s.Value == (Sort ?? Sorts[0].Value));
        var zone = TwinningViews.Zone(settings.TimeZoneId);
        var spec = new ContentQuerySpec
        {
            ContentType = Type,
            Status = Status switch { "published" => PublicationStatus.Published, "draft" => PublicationStatus.Draft, _ => PublicationStatus.Latest },
            Culture = Language,
            Filter = await FiltersAsync(settings.LocalizationSettings.DefaultCulture, zone),
        };
        spec.Order.Add(ContentOrder.By(sort.Column, sort.Descending));
        if (Type is null)
        {
            // Every type in the list is one that an editor may list; part-only types (bag items) never are.
            spec.ContentTypes = [.. Types.Select(d => d.Name)];
            spec.TypesHoldMostItems = true;
        }
        if (await ContentListAccess.LimitAsync(permissions, User, spec, Types.Select(d => d.Name)) is not null)
        {
            return new AdminProblem(t["Problem.NotAllowed"], t["Content.MayNotList"]).ToResult(this, StatusCodes.Status403Forbidden);
        }
        await query.ResolveTitleSearchesAsync(spec, HttpContext.RequestAborted);
        Total = spec.Filter is null
            ? await query.CountAsync(spec, HttpContext.RequestAborted)
            : await query.CountAtMostAsync(spec, MaxCounted, HttpContext.RequestAborted);
        TotalIsExact = spec.Filter is null || Total <= MaxCounted;
        // A page past the last one shows the last; a page in the list's second half is read from its end, so the last
        // page costs what the first does rather than reading past every item before it.
        PageNumber = Math.Min(PageNumber, PageCount);
        var before = (PageNumber - 1) * PageSize;
        var after = Total - PageNumber * PageSize;
        (spec.FromEnd, spec.Skip, spec.Take) = TotalIsExact && before > 0 && after < before
            ? (true, Math.Max(0, after), PageSize + Math.Min(0, after))
            : (false, before, PageSize);
        Rows = [.. (await query.ListAsync(spec, HttpContext.RequestAborted)).Select(item => new Row(
            item,
            defs.FindType(item.ContentType) is { } type ? translations.TypeName(type) : item.ContentType,
            CultureOf(item),
            item.ModifiedUtc is { } modified ? LocalTime(modified, zone) : ""))];
        var page = Page();
        page.StatusCode = status;
        return page;
    }
}
