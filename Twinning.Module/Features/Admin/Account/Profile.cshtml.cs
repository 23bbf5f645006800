using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Twinning.Module.Features.Security;

namespace Twinning.Module.Features.Admin.Account;

/// <summary><c>/account/profile</c>: the signed-in editor's own settings, for now the admin language. The choice is
/// stored with the user (<c>Users.Culture</c>) and applied at once (in this browser) and at every sign-in (<see cref="ProfileLanguage"/>);
/// "the browser's language" stores none and lets this browser follow its own languages again.</summary>
[Authorize]
public sealed class ProfilePage(UserService users, IStringLocalizer<AdminText> t) : PageModel
{
    public FieldErrors Errors { get; } = new();

    /// <summary>The stored choice (a culture name), or "" for the browser's language.</summary>
    public string Culture { get; private set; } = "";

    /// <summary>Set by the redirect after a save (as the content editor's <c>?saved=</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (PermissionService.UserIdOf(User) is not { } id || await users.FindByIdAsync(id) is not { } user)
        {
            return Challenge();
        }
        Culture = AdminCultures.Find(user.Culture)?.Name ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? culture)
    {
        if (PermissionService.UserIdOf(User) is not { } id)
        {
            return Challenge();
        }
        var chosen = AdminCultures.Find(culture);
        if (chosen is null && !string.IsNullOrEmpty(culture))
        {
            Errors.Add("culture", t["Profile.LanguageUnknown"]);
            var page = Page();
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }
        if (!await users.SetCultureAsync(id, chosen?.Name))
        {
            return Challenge();
        }
        if (chosen is null)
        {
            AdminCultures.Forget(Response);
        }
        else
        {
            AdminCultures.Remember(Response, chosen);
        }
        // A redirect, so that the page showing the saved choice is read in the new language.
        return LocalRedirect("/account/profile?saved=true");
    }
}
