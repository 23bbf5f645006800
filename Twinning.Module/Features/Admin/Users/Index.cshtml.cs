using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Admin.Users;

/// <summary><c>/admin/users</c>: every user with their roles and state, and the actions on each: disable or enable,
/// set a temporary password (generated, shown once on the answer, to be changed at next sign-in; it also lifts a
/// lockout), and reset two-factor sign-in. Plain forms posting to <c>/admin/users/{disable|enable|reset|resettwofactor}</c>
/// with the user's name.</summary>
[Authorize]
public sealed class UsersPage(UserService users, UserAdministration administration, IStringLocalizer<AdminText> t) : PageModel
{
    public sealed record Notice(string Text, bool IsError = false);

    public IReadOnlyList<UserRecord> Users { get; private set; } = [];

    public Notice? Message { get; private set; }

    public bool IsLockedOut(UserRecord user) => users.IsLockedOut(user);

    public Task<IActionResult> OnGetAsync() => RenderAsync(null);

    public Task<IActionResult> OnPostDisableAsync(string? userName)
        => ChangeAsync(userName, async user =>
            PermissionService.UserIdOf(User) == user.Id
                ? new Notice(t["Users.NotYourself"], IsError: true)
                : await users.SetDisabledAsync(user.UserName, true, By) ? new Notice(t["Users.DisabledNotice", user.UserName]) : null);

    public Task<IActionResult> OnPostEnableAsync(string? userName)
        => ChangeAsync(userName, async user =>
            await users.SetDisabledAsync(user.UserName, false, By) ? new Notice(t["Users.EnabledNotice", user.UserName]) : null);

    public Task<IActionResult> OnPostResetAsync(string? userName)
        => ChangeAsync(userName, async user =>
            await users.SetTemporaryPasswordAsync(user.UserName, By) is { } password ? new Notice(t["Users.ResetNotice", user.UserName, password]) : null);

    /// <summary>Removes the user's authenticator app (a lost phone) and ends their sessions.</summary>
    public Task<IActionResult> OnPostResetTwoFactorAsync(string? userName)
        => ChangeAsync(userName, async user =>
            await users.ResetTwoFactorAsync(user.UserName, By) ? new Notice(t["Audit.Users.ResetTwoFactorNotice", user.UserName]) : null);

    private string By => "The administrator '" + PermissionService.UserNameOf(User) + "'";

    private async Task<IActionResult> ChangeAsync(string? userName, Func<UserRecord, Task<Notice?>> change)
    {
        if (!await administration.MayManageAsync(User))
        {
            return administration.Refusal(this);
        }
        var user = string.IsNullOrWhiteSpace(userName) ? null : await users.FindAsync(userName);
        if (user is not null && !UserAdministration.MayChange(User, user))
        {
            return administration.Refusal(this);
        }
        var notice = user is null ? null : await change(user);
        return await RenderAsync(notice ?? new Notice(t["Users.NoSuchUser"], IsError: true));
    }

    private async Task<IActionResult> RenderAsync(Notice? notice)
    {
        if (!await administration.MayManageAsync(User))
        {
            return administration.Refusal(this);
        }
        Message = notice;
        Users = await users.ListAsync();
        var page = Page();
        if (notice is { IsError: true })
        {
            page.StatusCode = StatusCodes.Status400BadRequest;
        }
        return page;
    }
}
