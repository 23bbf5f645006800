using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Twinning.Module.Features.Authentication;
using Twinning.Module.Features.Security;

namespace Twinning.Module.Features.Admin.Account;

/// <summary><c>/account/password</c>: the signed-in user changes their own password, proving they know the current
/// one (rate limited as sign-in is, since it also checks a password). It is where a user with a temporary password
/// is sent (<see cref="PasswordChangeGate"/>); once changed, the session goes on with a new cookie and every other
/// session of the account ends.</summary>
[Authorize]
[EnableRateLimiting(SignInRateLimits.SignInPolicy)]
public sealed class PasswordPage(UserService users, EditorSignIn signIn, IStringLocalizer<AdminText> t) : ReturningPage
{
    public FieldErrors Errors { get; } = new();

    public bool Changed { get; private set; }

    public bool MustChange => User.HasClaim(EditorSignIn.MustChangePasswordClaim, "true");

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync(string? currentPassword, string? newPassword, string? confirmPassword)
    {
        if (PermissionService.UserIdOf(User) is not { } id)
        {
            return Challenge();
        }
        var problems = await users.ChangePasswordAsync(id, currentPassword, newPassword, confirmPassword);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                Errors.Add(problem.Field, AccountTexts.Of(t, problem));
            }
            var page = Page();
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }
        await signIn.IssueCookieAsync(HttpContext, (await users.FindByIdAsync(id))!);
        if (ReturnUrls.IsLocal(ReturnUrl))
        {
            return LocalRedirect(ReturnUrl!);
        }
        Changed = true;
        return Page();
    }
}
