using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Twinning.Module.Features.Security;

namespace Twinning.Module.Features.Authentication;

/// <summary>Editors' cookie sign-in and sign-out, and where to send them afterwards. No HTML here: the sign-in page
/// (<c>Features/Admin/Account</c>) calls it, so the checks stay in one place whatever the page looks like.</summary>
public sealed class EditorSignIn(UserService users)
{
    /// <summary>Signs the editor in when the user name and password match; false (and nobody signed in) otherwise.</summary>
    public async Task<bool> SignInAsync(HttpContext http, string? userName, string? password)
    {
        // UserService.SignInAsync costs the same for an unknown user as for a wrong password.
        if (await users.SignInAsync(userName, password) is not { } user)
        {
            return false;
        }
        var identity = new ClaimsIdentity(TwinningAuthentication.CookieScheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, user.Id));
        identity.AddClaim(new Claim(ClaimTypes.Name, user.UserName));
        foreach (var role in user.Roles)
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role.RoleName));
        }
        await http.SignInAsync(TwinningAuthentication.CookieScheme, new ClaimsPrincipal(identity));
        return true;
    }

    public static Task SignOutAsync(HttpContext http) => http.SignOutAsync(TwinningAuthentication.CookieScheme);
}
