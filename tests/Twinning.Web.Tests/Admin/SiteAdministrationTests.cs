using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Twinning.Module.Features.Admin.Roles;
using Twinning.Module.Features.Security;
using Twinning.Web.Tests.Api;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Admin;

/// <summary>The roles and API clients pages in a real browser against the real host, checked with axe; what they
/// change is then tried with real access tokens.</summary>
[Collection(AdministrationBrowserTestGroup.Name)]
public sealed class SiteAdministrationTests(Chromium chromium)
{
    private const string Password = "a long passphrase for tests";
    private const string Notice = """{ "ContentType": "Notice", "TitlePart": { "Title": "Komunikat" } }""";

    /// <summary>A site with the securable Notice type, its administrator "admin" signed in at <paramref name="returnUrl"/>.</summary>
    private async Task<(TwinningApplication App, Browser Browser)> StartAsync(string returnUrl)
    {
        var app = new TwinningApplication(Providers.Sqlite, runRecipe: false, new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = Password });
        var browser = await Browser.OpenAsync(chromium, app);
        Assert.True((await app.RunRecipeAsync(ContentApiWriteTests.SecurableNotice)).Succeeded);
        await browser.SignInAsync("admin", Password, returnUrl);
        return (app, browser);
    }

    private static Task AssertAccessibleAsync(IPage page) => Browser.AssertAccessibleAsync(page);

    /// <summary>Signs the administrator out through the shell and <paramref name="userName"/> in.</summary>
    private static async Task SwitchUserAsync(Browser browser, string userName, string returnUrl)
    {
        await browser.Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await browser.SignInAsync(userName, Password, returnUrl);
    }

    private static Task<Role?> FindRoleAsync(TwinningApplication app, string name)
        => app.InScopeAsync(async s => (await s.GetRequiredService<RoleAdministration>().GetAsync()).Find(name));

    /// <summary>The token endpoint refuses the client with OAuth's <c>invalid_client</c>.</summary>
    private static async Task AssertNoTokenAsync(TwinningApplication app, string clientId, string secret)
    {
        var response = await app.RequestTokenAsync(clientId, secret);
        Assert.False(response.IsSuccessStatusCode);
        Assert.Equal("invalid_client", (await response.JsonAsync())["error"]!.GetValue<string>());
    }

    private static HttpClient WithToken(TwinningApplication app, string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task ARoleGivenPermissionsInThePageLetsItsClientPostFromTheNextRequest()
    {
        var (app, browser) = await StartAsync("/admin/roles");
        using var _ = app;
        await using var __ = browser;
        var page = browser.Page;
        var sections = page.GetByRole(AriaRole.Navigation, new() { Name = "Admin sections" });
        await Assertions.Expect(sections.GetByRole(AriaRole.Link, new() { Name = "Roles" })).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(sections.GetByRole(AriaRole.Link, new() { Name = "API clients" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "roles");
        // The same page in Polish for the Polish guide, then back to English.
        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Role");
        await Browser.ScreenshotAsync(page, "roles");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("NoticeDesk");
        await page.GetByLabel("Description").FillAsync("Publishes notices from the city hall's desk.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create role" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Role NoticeDesk");
        await app.RegisterClientAsync("desk", ApiClients.Secret, "NoticeDesk");
        var desk = await app.CreateBearerClientAsync("desk", ApiClients.Secret);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.PostItemAsync(Notice)).StatusCode);

        await page.GetByRole(AriaRole.Group, new() { Name = "General permissions" }).GetByLabel("AccessContentApi").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Content type Notice" }).GetByLabel("Publish_Notice", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save permissions" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved the permissions of 'NoticeDesk'");
        await AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "role-permissions");

        // The same token, issued before the change.
        Assert.Equal(HttpStatusCode.OK, (await desk.PostItemAsync(Notice)).StatusCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Typ treści Notice" }).GetByLabel("Publish_Notice", new() { Exact = true })).ToBeCheckedAsync();
        await AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "role-permissions");
    }

    [Fact]
    public async Task AnEditorOfARoleGivenAPermissionInThePageCanUseItOnTheirNextPage()
    {
        var (app, browser) = await StartAsync("/admin/roles");
        using var _ = app;
        await using var __ = browser;
        var page = browser.Page;
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Integrator");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create role" }).ClickAsync();
        Assert.Empty(await app.InScopeAsync(s => s.GetRequiredService<UserService>().CreateAsync("integrator", null, Password, ["Integrator"])));

        await page.GetByRole(AriaRole.Group, new() { Name = "General permissions" }).GetByLabel("ManageApplications").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save permissions" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved the permissions of 'Integrator'");
        await SwitchUserAsync(browser, "integrator", "/admin/api-clients");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("API clients");
        Assert.Equal(403, (await page.GotoAsync("/admin/roles"))!.Status);
    }

    [Fact]
    public async Task ARoleIsDeletedButTheBuiltInOnesCannotBe()
    {
        var (app, browser) = await StartAsync("/admin/roles");
        using var _ = app;
        await using var __ = browser;
        var page = browser.Page;
        await app.DefineRoleAsync("Archivist", "ViewContent");
        await app.DefineRoleAsync(RoleNames.Anonymous, "ViewContent");
        await page.GotoAsync("/admin/roles");
        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Usuń rolę Archivist" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Usunięto rolę „Archivist”.");
        await Assertions.Expect(page.Locator("tr[data-role='Archivist']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("tr[data-role='Anonymous'] button")).ToHaveCountAsync(0);
        await AssertAccessibleAsync(page);
        // Posted by hand, with the page's token: still refused.
        var token = await page.Locator("input[name='__RequestVerificationToken']").First.GetAttributeAsync("value");
        var response = await page.APIRequest.PostAsync("/admin/roles/delete", new()
        {
            Form = page.APIRequest.CreateFormData().Set("name", "Anonymous").Set("__RequestVerificationToken", token!),
        });
        Assert.Equal(404, response.Status);
        Assert.NotNull(await FindRoleAsync(app, "Anonymous"));
    }

    [Fact]
    public async Task ABadRoleNameIsExplainedNextToTheFieldAndNothingIsCreated()
    {
        var (app, browser) = await StartAsync("/admin/roles");
        using var _ = app;
        await using var __ = browser;
        var page = browser.Page;
        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();

        await page.GetByLabel("Nazwa", new() { Exact = true }).FillAsync("Administrator");
        await page.GetByRole(AriaRole.Button, new() { Name = "Utwórz rolę" }).ClickAsync();

        await Assertions.Expect(page.GetByLabel("Nazwa", new() { Exact = true })).ToHaveAccessibleDescriptionAsync("Rola o nazwie „Administrator” już istnieje.");
        await Assertions.Expect(page.GetByLabel("Nazwa", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task AnApiClientIsCreatedWithItsSecretShownOnceThenRotatedAndRevoked()
    {
        var (app, browser) = await StartAsync("/admin/api-clients");
        using var _ = app;
        await using var __ = browser;
        var page = browser.Page;
        await app.DefineRoleAsync("NoticeDesk", "AccessContentApi", "Publish_Notice");
        await page.GotoAsync("/admin/api-clients");
        await AssertAccessibleAsync(page);

        await page.GetByLabel("Client ID").FillAsync("bialystok-site");
        await page.GetByLabel("Display name").FillAsync("Białystok website");
        await page.GetByRole(AriaRole.Group, new() { Name = "Roles" }).GetByLabel("NoticeDesk").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create client" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Created the API client 'bialystok-site'.");
        var secret = await page.GetByLabel("Client secret").InputValueAsync();
        Assert.True(secret.Length >= 40, secret);
        await AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "api-clients");
        var token = await app.GetTokenAsync("bialystok-site", secret);
        Assert.Equal(HttpStatusCode.OK, (await WithToken(app, token).PostItemAsync(Notice)).StatusCode);

        // Shown once: the list shown again has no secret in it.
        await page.GotoAsync("/admin/api-clients");
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("tr[data-client='bialystok-site']")).ToContainTextAsync("NoticeDesk");

        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Nowy sekret dla bialystok-site" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("stary nie pozwala już uzyskać tokenów");
        var rotated = await page.GetByLabel("Sekret klienta").InputValueAsync();
        await AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "api-clients");
        await AssertNoTokenAsync(app, "bialystok-site", secret);
        var newToken = await app.GetTokenAsync("bialystok-site", rotated);

        await page.GetByRole(AriaRole.Button, new() { Name = "Unieważnij bialystok-site" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Unieważniono klienta API „bialystok-site”: jego tokeny są od teraz odrzucane.");
        await AssertAccessibleAsync(page);

        // Tokens issued before the revocation, still within their hour, are refused.
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithToken(app, token).PostItemAsync(Notice)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithToken(app, newToken).PostItemAsync(Notice)).StatusCode);
        await AssertNoTokenAsync(app, "bialystok-site", rotated);
    }

    [Fact]
    public async Task AClientWithoutAnIdIsExplainedNextToTheFieldAndNoOneButAnAdministratorGivesTheAdministratorRole()
    {
        var (app, browser) = await StartAsync("/admin/api-clients");
        using var _ = app;
        await using var __ = browser;
        var page = browser.Page;
        await page.GetByRole(AriaRole.Button, new() { Name = "Create client" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Client ID")).ToHaveAccessibleDescriptionAsync("Enter a client ID.");
        await AssertAccessibleAsync(page);

        // A client manager who is not an administrator is not offered the Administrator role, nor given it when posting it.
        await app.DefineRoleAsync("Integrator", "ManageApplications");
        Assert.Empty(await app.InScopeAsync(s => s.GetRequiredService<UserService>().CreateAsync("integrator", null, Password, ["Integrator"])));
        await SwitchUserAsync(browser, "integrator", "/admin/api-clients");
        var other = browser;
        await Assertions.Expect(other.Page.GetByRole(AriaRole.Group, new() { Name = "Roles" }).GetByLabel("Administrator")).ToHaveCountAsync(0);
        var form = other.Page.Locator("form[action='/admin/api-clients/create']");
        await form.EvaluateAsync("f => { const i = document.createElement('input'); i.type = 'checkbox'; i.name = 'roles'; i.value = 'Administrator'; i.checked = true; f.appendChild(i); }");
        await other.Page.GetByLabel("Client ID").FillAsync("escalation");
        await other.Page.GetByRole(AriaRole.Button, new() { Name = "Create client" }).ClickAsync();
        await Assertions.Expect(other.Page.GetByRole(AriaRole.Group, new() { Name = "Roles" })).ToContainTextAsync("The role 'Administrator' cannot be given to an API client by you.");
        await AssertNoTokenAsync(app, "escalation", "anything");
        // Nor may they manage roles.
        Assert.Equal(403, (await other.Page.GotoAsync("/admin/roles"))!.Status);
        await Assertions.Expect(other.Page.GetByRole(AriaRole.Navigation, new() { Name = "Admin sections" }).GetByRole(AriaRole.Link, new() { Name = "Roles" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AnEditorWithoutThePermissionsIsRefusedBothPagesAndTheirForms()
    {
        var (app, browser) = await StartAsync("/admin/media");
        using var _ = app;
        await using var __ = browser;
        await app.DefineRoleAsync("Editor", "ManageMediaFolder", "EditContent");
        Assert.Empty(await app.InScopeAsync(s => s.GetRequiredService<UserService>().CreateAsync("redaktor", null, Password, ["Editor"])));
        await app.RegisterClientAsync("kept", ApiClients.Secret, "Editor");
        await SwitchUserAsync(browser, "redaktor", "/admin/media");
        var page = browser.Page;
        var token = await page.Locator("input[name='__RequestVerificationToken']").First.GetAttributeAsync("value");

        Assert.Equal(403, (await page.GotoAsync("/admin/roles"))!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Your role may not manage roles.");
        await AssertAccessibleAsync(page);
        Assert.Equal(403, (await page.GotoAsync("/admin/api-clients"))!.Status);
        Assert.Equal(403, (await page.APIRequest.PostAsync("/admin/api-clients/revoke", new()
        {
            Form = page.APIRequest.CreateFormData().Set("clientId", "kept").Set("__RequestVerificationToken", token!),
        })).Status);
        Assert.Equal(403, (await page.APIRequest.PostAsync("/admin/roles/edit/Editor", new()
        {
            Form = page.APIRequest.CreateFormData().Set("permissions", "ManageRoles").Set("__RequestVerificationToken", token!),
        })).Status);
        Assert.True((await app.RequestTokenAsync("kept", ApiClients.Secret)).IsSuccessStatusCode);
        Assert.DoesNotContain("ManageRoles", (await FindRoleAsync(app, "Editor"))!.Permissions);
    }

    [Fact]
    public async Task FormsPostedWithoutTheAntiforgeryTokenChangeNothing()
    {
        var (app, browser) = await StartAsync("/admin/api-clients");
        using var _ = app;
        await using var __ = browser;
        await app.RegisterClientAsync("kept", ApiClients.Secret);
        var request = browser.Page.APIRequest;

        Assert.Equal(400, (await request.PostAsync("/admin/api-clients/revoke", new() { Form = request.CreateFormData().Set("clientId", "kept") })).Status);
        Assert.Equal(400, (await request.PostAsync("/admin/api-clients/rotate", new() { Form = request.CreateFormData().Set("clientId", "kept") })).Status);
        Assert.Equal(400, (await request.PostAsync("/admin/roles/create", new() { Form = request.CreateFormData().Set("name", "Forged") })).Status);

        Assert.True((await app.RequestTokenAsync("kept", ApiClients.Secret)).IsSuccessStatusCode);
        Assert.Null(await FindRoleAsync(app, "Forged"));
    }
}
