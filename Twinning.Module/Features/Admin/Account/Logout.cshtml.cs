using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Twinning.Module.Features.Authentication;

namespace Twinning.Module.Features.Admin.Account;

/// <summary><c>POST /account/logout</c> (the shell's "Sign out" form) ends the session; a GET shows that form on its own.
/// A POST without the form's anti-forgery token is refused (400), so another site cannot sign an editor out.</summary>
public sealed class LogoutPage : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        await EditorSignIn.SignOutAsync(HttpContext);
        return LocalRedirect("/account/login");
    }
}
