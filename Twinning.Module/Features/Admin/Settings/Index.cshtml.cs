using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NodaTime;
using Twinning.Module.Features.ContentEditing;
using Twinning.Module.Features.Hosting;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Site;

namespace Twinning.Module.Features.Admin.Settings;

/// <summary><c>/admin/settings</c>: the site's name, cultures, time zone and front-end preview address, which are
/// stored in the database and hold from the next request; and, read-only, the public addresses set in configuration.
/// Only for holders of <see cref="Permissions.ManageSettings"/>.</summary>
[Authorize]
public sealed class SettingsPage(SiteSettingsAdministration administration, SiteService site, IAuthorizationService authorization, IStringLocalizer<AdminText> t)
    : PageModel
{
    public SiteSettingsForm Form { get; private set; } = new(null, null, null, null, null);

    public FieldErrors Errors { get; } = new();

    public string? Notice { get; private set; }

    public HostingOptions Configured => administration.Configured;

    /// <summary>The IANA zones, offered as suggestions to the time zone field.</summary>
    public static IEnumerable<string> TimeZones => DateTimeZoneProviders.Tzdb.Ids;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await RefuseAsync() is { } refused)
        {
            return refused;
        }
        Form = SiteSettingsForm.Of(await site.GetAsync());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? siteName, string? supportedCultures, string? defaultCulture, string? timeZone, string? frontEndPreviewUrl)
    {
        if (await RefuseAsync() is { } refused)
        {
            return refused;
        }
        var problems = await administration.SaveAsync(new SiteSettingsForm(siteName, supportedCultures, defaultCulture, timeZone, frontEndPreviewUrl));
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                Errors.Add(problem.Field, t.Text(problem.MessageKey, problem.Arguments));
            }
            Form = new SiteSettingsForm(siteName, supportedCultures, defaultCulture, timeZone, frontEndPreviewUrl);
            var page = Page();
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }
        Notice = t["Settings.Saved"];
        Form = SiteSettingsForm.Of(await site.GetAsync());
        return Page();
    }

    private Task<IActionResult?> RefuseAsync() => this.RefuseUnlessAsync(authorization, t, Permissions.ManageSettings, t["Settings.MayNotManage"]);
}
