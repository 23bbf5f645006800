using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Twinning.Module.Features.Authentication;

namespace Twinning.Module.Features.Admin.Account;

/// <summary><c>/account/login</c>: editors sign in with their user name and password into a cookie
/// (<see cref="EditorSignIn"/>), then go back where they came from when that is on this site.</summary>
[EnableRateLimiting(SignInRateLimits.SignInPolicy)]
public sealed class LoginPage(EditorSignIn signIn, IStringLocalizer<AdminText> t) : PageModel
{
    /// <summary>Where to go after signing in; only a local path is kept (<see cref="ReturnUrls.IsLocal"/>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public string LocalReturnUrl => ReturnUrls.IsLocal(ReturnUrl) ? ReturnUrl! : "";

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync(string? userName, string? password)
    {
        if (!await signIn.SignInAsync(HttpContext, userName, password))
        {
            Error = t["Login.Wrong"];
            var page = Page();
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }
        return LocalRedirect(ReturnUrls.LocalOrHome(ReturnUrl));
    }
}
