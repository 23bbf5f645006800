using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.Security;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Authentication;

/// <summary>Administrators manage users through <c>/admin/users</c>: create them with a role and a temporary password
/// that must be changed at first sign-in, disable them (which ends their sessions) and reset their passwords.</summary>
public sealed class AccountsTests
{
    private const string AdminPassword = "the administrator's passphrase";
    private const string Temporary = "a temporary passphrase";
    private const string Own = "the editor's own passphrase";
    private const string Article = """{ "ContentType": "Article", "TitlePart": { "Title": "Z redakcji" }, "Article": { "Lead": { "Text": "x" } } }""";

    private static async Task<TwinningApplication> StartAsync()
    {
        var app = new TwinningApplication(Providers.Sqlite, runRecipe: false, new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = AdminPassword });
        app.CreateClient();
        Assert.True((await app.RunRecipeAsync(TestRecipes.Articles)).Succeeded);
        await app.DefineRoleAsync("Editor", Permissions.AccessContentApi, Permissions.EditContent, Permissions.PublishContent);
        await app.DefineRoleAsync("UserManager", Permissions.ManageUsers);
        return app;
    }

    private static HttpClient Browser(TwinningApplication app)
        => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<HttpClient> AdministratorAsync(TwinningApplication app)
    {
        var admin = Browser(app);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SignInAsync("admin", AdminPassword)).StatusCode);
        return admin;
    }

    private static Task<HttpResponseMessage> UserActionAsync(HttpClient admin, string action, string userName)
        => admin.SubmitAsync("/admin/users", "/admin/users/" + action, new() { ["userName"] = userName });

    [Fact]
    public async Task AUserCreatedByAnAdministratorMustChangeTheTemporaryPasswordThenHasExactlyTheirRolesPermissions()
    {
        using var app = await StartAsync();
        var admin = await AdministratorAsync(app);

        var created = await admin.SubmitAsync("/admin/users/new", "/admin/users/new", new()
        {
            ["userName"] = "redaktor",
            ["email"] = "",
            ["role"] = "Editor",
            ["temporaryPassword"] = Temporary,
        });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("Created the user redaktor", await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var editor = Browser(app);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SignInAsync("redaktor", Temporary, "/admin/media")).StatusCode);
        var page = await editor.GetAsync("/admin/media");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/account/password?returnUrl=%2Fadmin%2Fmedia", page.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostItemAsync(Article, draft: true)).StatusCode);

        var changed = await editor.SubmitAsync("/account/password", "/account/password", new()
        {
            ["currentPassword"] = Temporary,
            ["newPassword"] = Own,
            ["confirmPassword"] = Own,
        });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains("Your password has been changed.", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The Editor role: writing and publishing through the API, but neither deleting nor managing users.
        var posted = await editor.PostItemAsync(Article);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var id = (await posted.JsonAsync())["ContentItemId"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.DeleteAsync("/api/content/" + id)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/admin/users")).StatusCode);
        // The temporary password is gone; the new one signs in without another change.
        Assert.Equal(HttpStatusCode.BadRequest, (await Browser(app).SignInAsync("redaktor", Temporary)).StatusCode);
        var again = Browser(app);
        await again.SignInAsync("redaktor", Own);
        Assert.Equal(HttpStatusCode.OK, (await again.PostItemAsync(Article, draft: true)).StatusCode);
    }

    [Fact]
    public async Task ADisabledUserCannotSignInNorGoOnWithTheirCookie()
    {
        using var app = await StartAsync();
        Assert.Empty(await app.InScopeAsync(s => s.GetRequiredService<UserService>().CreateAsync("redaktor", null, Own, ["Editor"])));
        var editor = Browser(app);
        await editor.SignInAsync("redaktor", Own);
        Assert.Equal(HttpStatusCode.OK, (await editor.PostItemAsync(Article, draft: true)).StatusCode);
        var admin = await AdministratorAsync(app);

        var disabled = await UserActionAsync(admin, "disable", "redaktor");

        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await editor.PostItemAsync(Article, draft: true)).StatusCode);
        var refused = await Browser(app).SignInAsync("redaktor", Own);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(await (await Browser(app).SignInAsync("nobody", Own)).AlertAsync(), await refused.AlertAsync());

        Assert.Equal(HttpStatusCode.OK, (await UserActionAsync(admin, "enable", "redaktor")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Browser(app).SignInAsync("redaktor", Own)).StatusCode);
    }

    [Fact]
    public async Task AdministratorsCannotDisableThemselves()
    {
        using var app = await StartAsync();
        var admin = await AdministratorAsync(app);

        var refused = await UserActionAsync(admin, "disable", "admin");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task AUserManagerCannotTouchAdministratorsNorMakeOne()
    {
        using var app = await StartAsync();
        Assert.Empty(await app.InScopeAsync(s => s.GetRequiredService<UserService>().CreateAsync("kadry", null, Own, ["UserManager"])));
        var manager = Browser(app);
        await manager.SignInAsync("kadry", Own);

        var list = await manager.GetAsync("/admin/users");
        var reset = await UserActionAsync(manager, "reset", "admin");
        var made = await manager.SubmitAsync("/admin/users/new", "/admin/users/new", new()
        {
            ["userName"] = "intruz",
            ["role"] = "Administrator",
            ["temporaryPassword"] = Temporary,
        });

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reset.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, made.StatusCode);
        Assert.Contains("id=\"role-error\"", await made.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Browser(app).SignInAsync("admin", AdminPassword)).StatusCode);
        Assert.Null(await app.InScopeAsync(s => s.GetRequiredService<UserService>().FindAsync("intruz")));
    }

    [Fact]
    public async Task UsersReadTheirPasswordsNeverAndAResetPasswordIsShownOnceAndMustBeChanged()
    {
        using var app = await StartAsync();
        Assert.Empty(await app.InScopeAsync(s => s.GetRequiredService<UserService>().CreateAsync("redaktor", null, Own, ["Editor"])));
        var editor = Browser(app);
        await editor.SignInAsync("redaktor", Own);
        var admin = await AdministratorAsync(app);

        var reset = await UserActionAsync(admin, "reset", "redaktor");
        var text = await reset.Content.ReadAsStringAsync();
        var password = System.Text.RegularExpressions.Regex.Match(text, "The temporary password of redaktor is (\\w+) ").Groups[1].Value;

        Assert.Equal(24, password.Length);
        Assert.DoesNotContain(password, await (await admin.GetAsync("/admin/users")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The reset ends the editor's session; the old password no longer signs in, the new one must be changed.
        Assert.Equal(HttpStatusCode.Unauthorized, (await editor.PostItemAsync(Article, draft: true)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Browser(app).SignInAsync("redaktor", Own)).StatusCode);
        var fresh = Browser(app);
        await fresh.SignInAsync("redaktor", password);
        Assert.Equal(HttpStatusCode.Forbidden, (await fresh.PostItemAsync(Article, draft: true)).StatusCode);
    }
}
