using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Security;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Admin;

/// <summary>The editor's form posted after the session ended, through real HTTP: given back after signing in only to
/// the user it was made for, in the browser that posted it; a form without a valid anti-forgery token (another site's)
/// is never given back.</summary>
public sealed partial class PendingFormTests
{
    private const string Password = "a long passphrase for tests";
    private const string Typed = "Wpisane przed wylogowaniem";

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();

    [GeneratedRegex("name=\"pendingFormOwner\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex OwnerInput();

    private static async Task<(TwinningApplication App, string Id)> StartAsync()
    {
        var app = new TwinningApplication(Providers.Sqlite, runRecipe: true, new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = Password });
        await app.DefineRoleAsync("Editor", Permissions.EditContent, Permissions.PublishContent);
        Assert.Empty(await app.InScopeAsync(s => s.GetRequiredService<UserService>().CreateAsync("redaktor", null, Password, ["Editor"])));
        var forum = (await app.InScopeAsync(s => s.GetRequiredService<ContentStore>().ListAsync("Forum", VersionOptions.Latest)))
            .Single(f => f.DisplayText == "Polsko-Białoruskie Forum Miast Partnerskich");
        return (app, forum.ContentItemId);
    }

    private static HttpClient NewBrowser(TwinningApplication app)
        => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Posts the editor's form with <paramref name="token"/> (and the form's <paramref name="owner"/>, if any)
    /// while signed out: sent to sign in.</summary>
    private static async Task PostSignedOutAsync(HttpClient browser, string id, string token, string? owner)
    {
        var response = await browser.PostAsync("/admin/content/edit/" + id, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["pendingFormOwner"] = owner ?? "",
            ["Forum.Subtitle.Text"] = Typed,
            ["submit"] = "draft",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login?ReturnUrl=", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private static async Task<string> EditorAfterSignInAsync(HttpClient browser, string userName, string id)
    {
        var signIn = await browser.SignInAsync(userName, Password, "/admin/content/edit/" + id);
        Assert.Equal("/admin/content/edit/" + id, signIn.Headers.Location!.OriginalString);
        return WebUtility.HtmlDecode(await (await browser.GetAsync("/admin/content/edit/" + id)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheFormIsGivenBackOnlyToTheUserItWasMadeForAndOnlyOnce()
    {
        var (app, id) = await StartAsync();
        using var _ = app;
        var browser = NewBrowser(app);
        await browser.SignInAsync("admin", Password);
        var editor = await (await browser.GetAsync("/admin/content/edit/" + id)).Content.ReadAsStringAsync();
        var token = TokenInput().Match(editor).Groups[1].Value;
        var owner = OwnerInput().Match(editor).Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync("/admin", "/account/logout", [])).StatusCode);

        // Another user signing in on the same browser gets the stored item.
        await PostSignedOutAsync(browser, id, token, owner);
        Assert.DoesNotContain(Typed, await EditorAfterSignInAsync(browser, "redaktor", id), StringComparison.Ordinal);
        await browser.SubmitAsync("/admin", "/account/logout", []);

        // The user it was made for gets what they typed, once.
        await PostSignedOutAsync(browser, id, token, owner);
        var restored = await EditorAfterSignInAsync(browser, "admin", id);
        Assert.Contains(Typed, restored, StringComparison.Ordinal);
        Assert.Contains("nothing was saved", restored, StringComparison.Ordinal);
        Assert.DoesNotContain(Typed, WebUtility.HtmlDecode(await (await browser.GetAsync("/admin/content/edit/" + id)).Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var stored = await app.InScopeAsync(s => s.GetRequiredService<ContentStore>().GetLatestAsync(id));
        Assert.NotEqual(Typed, stored!.Part("Forum")!["Subtitle"]?["Text"]?.GetValue<string>());
    }

    [Fact]
    public async Task AFormWithoutAValidAntiforgeryTokenIsNeverGivenBack()
    {
        var (app, id) = await StartAsync();
        using var _ = app;
        // Another site's form: the browser has its anti-forgery cookie, but the token is not one this site made.
        var browser = NewBrowser(app);
        await browser.GetAsync("/account/login");
        await PostSignedOutAsync(browser, id, "forged", owner: null);

        var editor = await EditorAfterSignInAsync(browser, "admin", id);

        Assert.DoesNotContain(Typed, editor, StringComparison.Ordinal);
        Assert.DoesNotContain("nothing was saved", editor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFormFromSomeoneWhoWasNeverSignedInIsNotKept()
    {
        var (app, id) = await StartAsync();
        using var _ = app;
        // Someone with no account takes a real anti-forgery token from the sign-in page and posts an editor's form. It
        // has no owner written by the editor page, so nothing is kept: the sign-in page does not speak of a form waiting
        // (the room kept for editors' forms is not taken), and nothing comes back after signing in.
        var browser = NewBrowser(app);
        var token = TokenInput().Match(await (await browser.GetAsync("/account/login")).Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.NotEmpty(token);
        var returnUrl = "/account/login?ReturnUrl=" + Uri.EscapeDataString("/admin/content/edit/" + id);
        await PostSignedOutAsync(browser, id, token, owner: "made up");
        Assert.DoesNotContain("Your session has ended", await (await browser.GetAsync(returnUrl)).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var editor = await EditorAfterSignInAsync(browser, "admin", id);

        Assert.DoesNotContain(Typed, editor, StringComparison.Ordinal);
        Assert.DoesNotContain("nothing was saved", editor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASignedInEditorsFormIsAnnouncedOnTheSignInPage()
    {
        var (app, id) = await StartAsync();
        using var _ = app;
        var browser = NewBrowser(app);
        await browser.SignInAsync("admin", Password);
        var editor = await (await browser.GetAsync("/admin/content/edit/" + id)).Content.ReadAsStringAsync();
        var (token, owner) = (TokenInput().Match(editor).Groups[1].Value, OwnerInput().Match(editor).Groups[1].Value);
        await browser.SubmitAsync("/admin", "/account/logout", []);

        await PostSignedOutAsync(browser, id, token, owner);

        var login = await (await browser.GetAsync("/account/login?ReturnUrl=" + Uri.EscapeDataString("/admin/content/edit/" + id))).Content.ReadAsStringAsync();
        Assert.Contains("Your session has ended", login, StringComparison.Ordinal);
    }
}
