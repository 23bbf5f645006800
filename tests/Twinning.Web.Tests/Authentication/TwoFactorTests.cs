using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.Audit;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Storage;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Authentication;

/// <summary>Two-factor sign-in with an authenticator app (RFC 6238 codes): set up on <c>/account/two-factor</c>,
/// asked after the password on <c>/account/login/code</c>, and required of administrators when configured.</summary>
public sealed partial class TwoFactorTests
{
    private const string AdminPassword = "the administrator's passphrase";

    private static TwinningApplication Start(bool required = false) => new(Providers.Sqlite, runRecipe: false, new Dictionary<string, string?>
    {
        ["Twinning:Setup:AdminPassword"] = AdminPassword,
        ["Twinning:Accounts:RequireTwoFactorForAdministrators"] = required ? "true" : "false",
    });

    private static HttpClient Browser(TwinningApplication app)
        => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static string Now(string key, int stepsAhead = 0) => Totp.Code(key, Totp.StepAt(DateTimeOffset.UtcNow) + stepsAhead);

    /// <summary>Reads the key off the set-up page and confirms it with the app's current code.</summary>
    private static async Task<string> SetUpAsync(HttpClient browser)
    {
        var page = await (await browser.GetAsync("/account/two-factor")).Content.ReadAsStringAsync();
        var key = ShownKey().Match(page).Groups[1].Value;
        var enabled = await browser.SubmitAsync("/account/two-factor", "/account/two-factor/enable", new() { ["code"] = Now(key) });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        return key;
    }

    [Fact]
    public async Task AfterSetUpSignInNeedsTheCodeAndACodeCountsOnce()
    {
        using var app = Start();
        var admin = Browser(app);
        await admin.SignInAsync("admin", AdminPassword);
        var key = await SetUpAsync(admin);

        var browser = Browser(app);
        var password = await browser.SignInAsync("admin", AdminPassword, "/admin/users");
        Assert.Equal("/account/login/code?returnUrl=%2Fadmin%2Fusers", password.Headers.Location?.OriginalString);
        // The password alone signs nobody in.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/admin/users")).StatusCode);
        var wrong = await browser.SubmitAsync("/account/login/code", "/account/login/code", new() { ["code"] = "000000" == Now(key) ? "111111" : "000000" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("id=\"code-error\"", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The set-up already used this step's code: the next step's (within the allowed drift) signs in.
        var code = Now(key, 1);
        var signedIn = await browser.SubmitAsync("/account/login/code", "/account/login/code", new() { ["code"] = code, ["returnUrl"] = "/admin/users" });
        Assert.Equal("/admin/users", signedIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin/users")).StatusCode);

        var replay = Browser(app);
        await replay.SignInAsync("admin", AdminPassword);
        Assert.Equal(HttpStatusCode.BadRequest, (await replay.SubmitAsync("/account/login/code", "/account/login/code", new() { ["code"] = code })).StatusCode);
    }

    [Fact]
    public async Task TheCodePageWithoutThePasswordStepSendsToSignIn()
    {
        using var app = Start();
        var browser = Browser(app);

        var page = await browser.GetAsync("/account/login/code");

        Assert.Equal("/account/login", page.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AdministratorsMustSetItUpWhenRequiredAndCannotTurnItOff()
    {
        using var app = Start(required: true);
        var admin = Browser(app);
        await admin.SignInAsync("admin", AdminPassword);

        var page = await admin.GetAsync("/admin/users");
        Assert.Equal("/account/two-factor?returnUrl=%2Fadmin%2Fusers", page.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/content/anything")).StatusCode);

        await SetUpAsync(admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).StatusCode);
        var off = await admin.SubmitAsync("/account/two-factor", "/account/two-factor/disable", new() { ["currentPassword"] = AdminPassword });
        Assert.Equal(HttpStatusCode.Forbidden, off.StatusCode);
    }

    [Fact]
    public async Task AnAdministratorResetsAUsersTwoFactorWhichEndsTheirSessionsAndIsAudited()
    {
        const string password = "the editor's own passphrase";
        using var app = Start();
        Assert.Empty(await app.InScopeAsync(s => s.GetRequiredService<UserService>().CreateAsync("ola", null, password, [])));
        var ola = Browser(app);
        await ola.SignInAsync("ola", password);
        await SetUpAsync(ola);
        Assert.Equal(HttpStatusCode.OK, (await ola.GetAsync("/account/two-factor")).StatusCode);

        var admin = Browser(app);
        await admin.SignInAsync("admin", AdminPassword);
        var users = await (await admin.GetAsync("/admin/users")).Content.ReadAsStringAsync();
        Assert.Contains("formaction=\"/admin/users/resettwofactor\" aria-label=\"Reset two-factor: ola\"", users, StringComparison.Ordinal);
        var reset = await admin.SubmitAsync("/admin/users", "/admin/users/resettwofactor", new() { ["userName"] = "ola" });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains("Removed the authenticator app of &#x27;ola&#x27;", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Her session ended; the password alone signs her in now, and a new app can be set up.
        Assert.Equal(HttpStatusCode.Redirect, (await ola.GetAsync("/account/two-factor")).StatusCode);
        var again = Browser(app);
        var signedIn = await again.SignInAsync("ola", password, "/account/two-factor");
        Assert.Equal("/account/two-factor", signedIn.Headers.Location?.OriginalString);
        Assert.Contains("id=\"authenticator-key\"", await (await again.GetAsync("/account/two-factor")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var entry = await app.InScopeAsync(s => s.GetRequiredService<TwinningDbContext>().AuditEntries
            .SingleAsync(a => a.Action == AuditActions.UserTwoFactorReset));
        Assert.Equal(("admin", "ola"), (entry.UserName, entry.Target));
    }

    [GeneratedRegex("id=\"authenticator-key\">([A-Z2-7]+)<")]
    private static partial Regex ShownKey();
}
