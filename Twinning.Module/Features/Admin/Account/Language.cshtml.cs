using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Twinning.Module.Features.Authentication;

namespace Twinning.Module.Features.Admin.Account;

/// <summary><c>POST /account/language</c> (the shell's language switch): remembers the editor's language in a cookie
/// for a year and goes back to the page the editor was on. Works signed in or out, so the sign-in page can be read
/// in Polish too.</summary>
public sealed class LanguagePage : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/account/login");

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        if (AdminCultures.Find(culture) is not { } chosen)
        {
            return BadRequest();
        }
        Response.Cookies.Append(AdminCultures.CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)), new CookieOptions
        {
            Expires = DateTimeOffset.UtcNow.AddYears(1),
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = Request.IsHttps,
        });
        return LocalRedirect(ReturnUrls.LocalOrHome(returnUrl));
    }
}
