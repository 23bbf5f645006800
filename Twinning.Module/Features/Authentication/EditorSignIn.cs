using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Authentication;

/// <summary>How a sign-in attempt ended.</summary>
public enum SignInOutcome
{
    Failed,
    SignedIn,

    /// <summary>The password was right; the code from the authenticator app comes next (<c>/account/login/code</c>).</summary>
    CodeRequired,
}

/// <summary>Something to do in the response that signs an editor in (the admin remembers the language of their
/// profile); kept as an interface so that sign-in knows nothing of the admin's pages.</summary>
public interface IEditorSignedIn
{
    void SignedIn(HttpContext http, UserRecord user);
}

/// <summary>Editors' cookie sign-in and sign-out, and where to send them afterwards. No HTML here: the sign-in pages
/// (<c>Features/Admin/Account</c>) call it, so the checks stay in one place whatever the pages look like.</summary>
public sealed class EditorSignIn(UserService users, IOptions<AccountOptions> options, IEnumerable<IEditorSignedIn> signedIn)
{
    /// <summary>The account's security stamp when the cookie was issued: a password change, a reset or disabling
    /// gives the account a new one, which ends every older session.</summary>
    public const string StampClaim = "twinning:security_stamp";

    /// <summary>Present while the user signed in with a temporary password (<see cref="PasswordChangeGate"/>).</summary>
    public const string MustChangePasswordClaim = "twinning:must_change_password";

    /// <summary>Present while an administrator who must use two-factor sign-in has not set it up.</summary>
    public const string MustSetUpTwoFactorClaim = "twinning:must_set_up_two_factor";

    /// <summary>A short-lived cookie between the password and the code: it names the user, and signs nobody in.</summary>
    public const string TwoFactorScheme = "Twinning.TwoFactor";

    /// <summary>Signs the editor in when the user name and password match and the account may sign in; asks for the
    /// code next when the account has two-factor sign-in on.</summary>
    public async Task<SignInOutcome> SignInAsync(HttpContext http, string? userName, string? password)
    {
        // UserService.SignInAsync costs the same for an unknown user as for a wrong password, a locked-out or disabled account.
        if (await users.SignInAsync(userName, password, http.Connection.RemoteIpAddress?.ToString()) is not { } user)
        {
            return SignInOutcome.Failed;
        }
        if (user.TwoFactorEnabled)
        {
            var pending = new ClaimsIdentity(TwoFactorScheme);
            pending.AddClaim(new Claim(ClaimTypes.NameIdentifier, user.Id));
            await http.SignInAsync(TwoFactorScheme, new ClaimsPrincipal(pending));
            return SignInOutcome.CodeRequired;
        }
        await SignedInAsync(http, user);
        return SignInOutcome.SignedIn;
    }

    /// <summary>The second step: signs in the user the password step named when the code is right.</summary>
    public async Task<bool> SignInWithCodeAsync(HttpContext http, string? code)
    {
        var pending = await http.AuthenticateAsync(TwoFactorScheme);
        if (pending.Principal?.FindFirst(ClaimTypes.NameIdentifier)?.Value is not { } id
            || await users.VerifyTwoFactorAsync(id, code, http.Connection.RemoteIpAddress?.ToString()) is not { } user)
        {
            return false;
        }
        await http.SignOutAsync(TwoFactorScheme);
        await SignedInAsync(http, user);
        return true;
    }

    /// <summary>Whether a password step is waiting for its code.</summary>
    public static async Task<bool> IsCodePendingAsync(HttpContext http) => (await http.AuthenticateAsync(TwoFactorScheme)).Succeeded;

    /// <summary>A new cookie for the user as stored now (after a password change, with the new stamp).</summary>
    public async Task IssueCookieAsync(HttpContext http, UserRecord user)
    {
        var identity = new ClaimsIdentity(TwinningAuthentication.CookieScheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, user.Id));
        identity.AddClaim(new Claim(ClaimTypes.Name, user.UserName));
        identity.AddClaim(new Claim(StampClaim, user.SecurityStamp));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(MustChangePasswordClaim, "true"));
        }
        if (options.Value.RequireTwoFactorForAdministrators && !user.TwoFactorEnabled
            && user.Roles.Any(r => string.Equals(r.RoleName, RoleNames.Administrator, StringComparison.OrdinalIgnoreCase)))
        {
            identity.AddClaim(new Claim(MustSetUpTwoFactorClaim, "true"));
        }
        foreach (var role in user.Roles)
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role.RoleName));
        }
        await http.SignInAsync(TwinningAuthentication.CookieScheme, new ClaimsPrincipal(identity));
    }

    /// <summary>A sign-in proper (password, or password and code): the cookie, then what the admin does on sign-in.
    /// A new cookie for a session that goes on (after a password change) is not one.</summary>
    private async Task SignedInAsync(HttpContext http, UserRecord user)
    {
        await IssueCookieAsync(http, user);
        foreach (var handler in signedIn)
        {
            handler.SignedIn(http, user);
        }
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
