using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Twinning.Module.Features.Authentication;
using Twinning.Module.Features.Security;

namespace Twinning.Module.Features.Admin.Account;

/// <summary><c>/account/two-factor</c>: the signed-in user sets up an authenticator app (the key shown, typed into
/// the app, confirmed with one of its codes) or, with their password, turns it off; administrators cannot turn it
/// off while <see cref="AccountOptions.RequireTwoFactorForAdministrators"/> is on. It is where such an administrator
/// is sent until set up (<see cref="PasswordChangeGate"/>).</summary>
[Authorize]
[EnableRateLimiting(SignInRateLimits.SignInPolicy)]
public sealed class TwoFactorPage(UserService users, EditorSignIn signIn, Microsoft.Extensions.Options.IOptions<AccountOptions> options,
    IStringLocalizer<AdminText> t) : ReturningPage
{
    public FieldErrors Errors { get; } = new();

    public bool Enabled { get; private set; }

    public string? Key { get; private set; }

    public string? Uri => Key is null ? null : Totp.Uri("Twinning", User.Identity?.Name ?? "", Key);

    /// <summary>The <see cref="Uri"/> as a QR code, inline SVG drawn on the server, for the app's camera.</summary>
    public string? QrCodeSvg => Uri is null ? null : QrCode(Uri);

    /// <summary>Black modules on white with the quiet zone, whatever the page's colours; error
    /// correction M; sized by the stylesheet (a view box, no width). No XML declaration: it goes inside the HTML.</summary>
    public static string QrCode(string text)
    {
        using var data = QRCoder.QRCodeGenerator.GenerateQrCode(text, QRCoder.QRCodeGenerator.ECCLevel.M);
        var svg = new QRCoder.SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", drawQuietZones: true, QRCoder.SvgQRCode.SizingMode.ViewBoxAttribute);
        return svg[svg.IndexOf("<svg", StringComparison.Ordinal)..];
    }

    public string? Notice { get; private set; }

    public bool Required => options.Value.RequireTwoFactorForAdministrators && Admin.Users.UserAdministration.IsAdministrator(User);

    public Task<IActionResult> OnGetAsync() => RenderAsync(StatusCodes.Status200OK);

    public async Task<IActionResult> OnPostEnableAsync(string? code)
    {
        var id = PermissionService.UserIdOf(User)!;
        if (!await users.EnableTwoFactorAsync(id, code))
        {
            Errors.Add("code", t["Code.Wrong"]);
            return await RenderAsync(StatusCodes.Status400BadRequest);
        }
        // A new cookie, without the obligation to set it up.
        await signIn.IssueCookieAsync(HttpContext, (await users.FindByIdAsync(id))!);
        if (ReturnUrls.IsLocal(ReturnUrl))
        {
            return LocalRedirect(ReturnUrl!);
        }
        Notice = t["TwoFactor.TurnedOn"];
        return await RenderAsync(StatusCodes.Status200OK);
    }

    public async Task<IActionResult> OnPostDisableAsync(string? currentPassword)
    {
        var id = PermissionService.UserIdOf(User)!;
        if (Required)
        {
            return await RenderAsync(StatusCodes.Status403Forbidden);
        }
        if (!await users.DisableTwoFactorAsync(id, currentPassword))
        {
            Errors.Add("currentPassword", t["Accounts.CurrentPasswordWrong"]);
            return await RenderAsync(StatusCodes.Status400BadRequest);
        }
        Notice = t["TwoFactor.TurnedOff"];
        return await RenderAsync(StatusCodes.Status200OK);
    }

    private async Task<IActionResult> RenderAsync(int status)
    {
        var id = PermissionService.UserIdOf(User);
        if (id is null || await users.FindByIdAsync(id) is not { } user)
        {
            return Challenge();
        }
        Enabled = user.TwoFactorEnabled;
        Key = Enabled ? null : await users.PendingAuthenticatorKeyAsync(id);
        var page = Page();
        page.StatusCode = status;
        return page;
    }
}
