using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Twinning.Module.Features.Authentication;

namespace Twinning.Module.Features.Admin.Account;

/// <summary><c>/account/login</c>: editors sign in with their user name and password into a cookie
/// (<see cref="EditorSignIn"/>), then go back where they came from when that is on this site.</summary>
[EnableRateLimiting(SignInRateLimits.SignInPolicy)]
public sealed class LoginPage(EditorSignIn signIn, PendingForms pendingForms, IStringLocalizer<AdminText> t) : ReturningPage
{
    public string? Error { get; private set; }

    /// <summary>A form this browser posted when the session had ended waits at the return address.</summary>
    public bool FormWaits => pendingForms.Waits(HttpContext, LocalReturnUrl);

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync(string? userName, string? password)
    {
        var outcome = await signIn.SignInAsync(HttpContext, userName, password);
        if (outcome == SignInOutcome.CodeRequired)
        {
            return LocalRedirect("/account/login/code" + (ReturnUrls.IsLocal(ReturnUrl) ? "?returnUrl=" + Uri.EscapeDataString(ReturnUrl!) : ""));
        }
        if (outcome == SignInOutcome.Failed)
        {
            Error = t["Login.Wrong"];
            var page = Page();
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }
        return LocalRedirect(ReturnUrls.LocalOrHome(ReturnUrl));
    }
}
