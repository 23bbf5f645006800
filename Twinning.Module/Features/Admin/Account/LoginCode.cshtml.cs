using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Twinning.Module.Features.Authentication;

namespace Twinning.Module.Features.Admin.Account;

/// <summary><c>/account/login/code</c>: the second step of a two-factor sign-in, the six-digit code of the user's
/// authenticator app. Only after the password step (<see cref="EditorSignIn.TwoFactorScheme"/>, five minutes);
/// rate limited as sign-in is, and wrong codes count towards the lockout.</summary>
[EnableRateLimiting(SignInRateLimits.SignInPolicy)]
public sealed class LoginCodePage(EditorSignIn signIn, IStringLocalizer<AdminText> t) : ReturningPage
{
    public FieldErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync()
        => await EditorSignIn.IsCodePendingAsync(HttpContext) ? Page() : LocalRedirect("/account/login");

    public async Task<IActionResult> OnPostAsync(string? code)
    {
        if (!await EditorSignIn.IsCodePendingAsync(HttpContext))
        {
            return LocalRedirect("/account/login");
        }
        if (!await signIn.SignInWithCodeAsync(HttpContext, code))
        {
            Errors.Add("code", t["Code.Wrong"]);
            var page = Page();
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }
        return LocalRedirect(ReturnUrls.LocalOrHome(ReturnUrl));
    }
}
