using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Twinning.Module.Features.Audit;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Admin.Audit;

/// <summary><c>/admin/audit</c>: the site-wide audit log, newest first, filtered by user, action and a range of
/// dates (whole UTC days, both included), a page at a time. Only for holders of <see cref="Permissions.ViewAuditLog"/>.
/// It shows what the entries hold, which never includes a secret or a password.</summary>
[Authorize]
public sealed class AuditPage(TwinningDbContext db, IAuthorizationService authorization, IStringLocalizer<AdminText> t) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? ActionFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    // "page" is a route value of Razor Pages itself.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public FieldErrors Errors { get; } = new();

    public IReadOnlyList<AuditEntryRecord> Entries { get; private set; } = [];

    /// <summary>The actions the filter offers: Twinning's own, then any other stored (another feature's).</summary>
    public IReadOnlyList<string> Actions { get; private set; } = [];

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>The action's name in the editor's language, or the stored name when the texts have none.</summary>
    public string ActionText(string action) => t["Audit.Action." + action] is { ResourceNotFound: false } text ? text.Value : action;

    public static string When(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await this.RefuseUnlessAsync(authorization, t, Permissions.ViewAuditLog, t["Audit.MayNotView"]) is { } refused)
        {
            return refused;
        }
        var from = ParseDate("from", From);
        var to = ParseDate("to", To);
        if (from is not null && to is not null && to < from)
        {
            Errors.Add("to", t["Audit.ToBeforeFrom"]);
        }

        var stored = await db.AuditEntries.AsNoTracking().Select(a => a.Action).Distinct().ToListAsync();
        Actions = [.. AuditActions.All, .. stored.Except(AuditActions.All, StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        if (Errors.Any)
        {
            var page = Page();
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }

        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(UserFilter))
        {
            var user = UserFilter.Trim();
            query = query.Where(a => a.UserName == user);
        }
        if (!string.IsNullOrEmpty(ActionFilter))
        {
            query = query.Where(a => a.Action == ActionFilter);
        }
        if (from is { } start)
        {
            var since = start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.Utc >= since);
        }
        if (to is { } end)
        {
            var before = end.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.Utc < before);
        }
        Total = await query.CountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Entries = await query.OrderByDescending(a => a.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
        return Page();
    }

    /// <summary>This page's address with the filters and another page number.</summary>
    public string UrlOf(int pageNumber)
    {
        var values = new List<KeyValuePair<string, string?>>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                values.Add(new(name, value));
            }
        }
        Add("user", UserFilter);
        Add("action", ActionFilter);
        Add("from", From);
        Add("to", To);
        Add("p", pageNumber > 1 ? pageNumber.ToString(CultureInfo.InvariantCulture) : null);
        return "/admin/audit" + QueryString.Create(values);
    }

    private DateOnly? ParseDate(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (AdminDays.TryParse(value, out var date))
        {
            return date;
        }
        Errors.Add(field, t["Audit.BadDate", AdminDays.FirstYear, AdminDays.LastYear]);
        return null;
    }
}
