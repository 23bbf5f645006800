using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Authentication;

/// <summary>Editors' cookie sign-in and sign-out, and where to send them afterwards. No HTML here: the sign-in page
/// (<c>Features/Admin/Account</c>) calls it, so the checks stay in one place whatever the page looks like.</summary>
public sealed class EditorSignIn(UserService users)
{
    /// <summary>The account's security stamp when the cookie was issued: a password change, a reset or disabling
    /// gives the account a new one, which ends every older session.</summary>
    public const string StampClaim = "twinning:security_stamp";

    /// <summary>Present while the user signed in with a temporary password (<see cref="PasswordChangeGate"/>).</summary>
    public const string MustChangePasswordClaim = "twinning:must_change_password";

    /// <summary>Signs the editor in when the user name and password match and the account may sign in; false (and
    /// nobody signed in) otherwise.</summary>
    public async Task<bool> SignInAsync(HttpContext http, string? userName, string? password)
    {
        // UserService.SignInAsync costs the same for an unknown user as for a wrong password, a locked-out or disabled account.
        if (await users.SignInAsync(userName, password, http.Connection.RemoteIpAddress?.ToString()) is not { } user)
        {
            return false;
        }
        await IssueCookieAsync(http, user);
        return true;
    }

    /// <summary>A new cookie for the user as stored now (after a password change, with the new stamp).</summary>
    public static async Task IssueCookieAsync(HttpContext http, UserRecord user)
    {
        var identity = new ClaimsIdentity(TwinningAuthentication.CookieScheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, user.Id));
        identity.AddClaim(new Claim(ClaimTypes.Name, user.UserName));
        identity.AddClaim(new Claim(StampClaim, user.SecurityStamp));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(MustChangePasswordClaim, "true"));
        }
        foreach (var role in user.Roles)
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role.RoleName));
        }
        await http.SignInAsync(TwinningAuthentication.CookieScheme, new ClaimsPrincipal(identity));
    }

    public static Task SignOutAsync(HttpContext http) => http.SignOutAsync(TwinningAuthentication.CookieScheme);

    /// <summary>Every request with a cookie: the account must still exist, be enabled and have the stamp the cookie
    /// was issued with. One look-up by key; it is what lets disabling a user or changing a password take effect at once.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        var stamp = context.Principal?.FindFirst(StampClaim)?.Value;
        var state = id is null ? null : await context.HttpContext.RequestServices.GetRequiredService<UserService>().SessionStateAsync(id);
        if (state is not { Disabled: false } current || current.SecurityStamp != stamp)
        {
            context.RejectPrincipal();
            await SignOutAsync(context.HttpContext);
        }
    }
}
