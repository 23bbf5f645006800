using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Twinning.Module.Features.Authentication;

namespace Twinning.Module.Features.Admin.Account;

/// <summary><c>POST /account/language</c> (the shell's language switch): remembers the editor's language in a cookie
/// for a year and goes back to the page the editor was on. Works signed in or out, so the sign-in page can be read
/// in Polish too. It does not change the language of the editor's profile (<see cref="ProfilePage"/>), which
/// replaces the cookie at the next sign-in.</summary>
public sealed class LanguagePage : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/account/login");

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        if (AdminCultures.Find(culture) is not { } chosen)
        {
            return BadRequest();
        }
        AdminCultures.Remember(Response, chosen);
        return LocalRedirect(ReturnUrls.LocalOrHome(returnUrl));
    }
}
