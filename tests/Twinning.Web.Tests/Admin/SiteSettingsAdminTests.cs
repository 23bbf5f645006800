using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Twinning.Module.Features.Security;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Admin;

/// <summary>The site settings page (<c>/admin/settings</c>) in a real browser against the real host, checked with axe;
/// what it saves is read back through <c>GET /api/site</c>, whose kept answer must not outlive the change.</summary>
[Collection(AdministrationBrowserTestGroup.Name)]
public sealed class SiteSettingsAdminTests(Chromium chromium)
{
    private const string Password = "a long passphrase for tests";

    /// <summary>The Articles site (pl-PL and en-GB, Europe/Warsaw) with a configured public address and front-end
    /// pattern, whose anonymous callers may read the API; its administrator "admin" signed in at /admin/settings.</summary>
    private static async Task<(TwinningApplication App, Browser Browser)> StartAsync(Chromium chromium)
    {
        var app = new TwinningApplication(Providers.Sqlite, runRecipe: false, new Dictionary<string, string?>
        {
            ["Twinning:Setup:AdminPassword"] = Password,
            ["Twinning:Hosting:PublicBaseUrl"] = "https://cms.gdansk.example",
            ["Twinning:Hosting:FrontEndUrls:Article"] = "https://www.gdansk.example/artykuly/{path}",
        });
        var browser = await Browser.OpenAsync(chromium, app);
        Assert.True((await app.RunRecipeAsync(TestRecipes.Articles)).Succeeded);
        await app.DefineRoleAsync("Anonymous", "ViewContent", "AccessContentApi");
        await browser.SignInAsync("admin", Password, "/admin/settings");
        return (app, browser);
    }

    private static async Task<(HttpResponseMessage Response, JsonObject Facts)> SiteAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/site");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response, await response.JsonAsync());
    }

    [Fact]
    public async Task SettingsSavedInThePageAreWhatTheApiAnswersFromTheNextRequest()
    {
        var (app, browser) = await StartAsync(chromium);
        using var _ = app;
        await using var __ = browser;
        var page = browser.Page;
        var client = app.CreateClient();
        var (before, facts) = await SiteAsync(client);
        Assert.Equal("Europe/Warsaw", facts["timeZone"]!.GetValue<string>());
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Admin sections" }).GetByRole(AriaRole.Link, new() { Name = "Site settings" }))
            .ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(page.GetByLabel("Time zone")).ToHaveValueAsync("Europe/Warsaw");
        // What configuration sets is shown, with where to change it, and not offered as a field.
        await Assertions.Expect(page.Locator("dl.configured")).ToContainTextAsync("https://cms.gdansk.example/");
        await Assertions.Expect(page.Locator("[data-front-end-type='Article']")).ToContainTextAsync("https://www.gdansk.example/artykuly/{path}");
        await Assertions.Expect(page.Locator("dl.configured")).ToContainTextAsync("Twinning__Hosting__PublicBaseUrl");
        await Browser.AssertAccessibleAsync(page);

        await page.GetByLabel("Site name").FillAsync("Miasta partnerskie Gdańska");
        await page.GetByLabel("Supported cultures").FillAsync("pl-PL, en-gb uk-UA");
        await page.GetByLabel("Default culture").FillAsync("en-GB");
        await page.GetByLabel("Time zone").FillAsync("Europe/Vilnius");
        await page.GetByLabel("Front-end preview address (optional)").FillAsync("https://www.gdansk.example/podglad/{id}?culture={culture}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved the site settings. They apply from the next request.");
        await Assertions.Expect(page.GetByLabel("Supported cultures")).ToHaveValueAsync("pl-PL, en-GB, uk-UA");
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "settings");
        // The answer kept under the old tag is not served again: the new one carries the change and another tag.
        var revalidate = new HttpRequestMessage(HttpMethod.Get, "/api/site");
        revalidate.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(revalidate)).StatusCode);
        var (after, changed) = await SiteAsync(client);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.Equal("Miasta partnerskie Gdańska", changed["siteName"]!.GetValue<string>());
        Assert.Equal("en-GB", changed["defaultCulture"]!.GetValue<string>());
        Assert.Equal(["pl-PL", "en-GB", "uk-UA"], changed["supportedCultures"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("Europe/Vilnius", changed["timeZone"]!.GetValue<string>());
        Assert.Equal("https://cms.gdansk.example", changed["publicBaseUrl"]!.GetValue<string>());

        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Nazwa serwisu")).ToHaveValueAsync("Miasta partnerskie Gdańska");
        await Assertions.Expect(page.GetByLabel("Adres podglądu w serwisie frontowym (opcjonalny)")).ToHaveValueAsync("https://www.gdansk.example/podglad/{id}?culture={culture}");
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "settings");
    }

    [Fact]
    public async Task BadSettingsAreExplainedNextToTheirFieldsInPolishAndNothingIsSaved()
    {
        var (app, browser) = await StartAsync(chromium);
        using var _ = app;
        await using var __ = browser;
        var page = browser.Page;
        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();

        await page.GetByLabel("Nazwa serwisu").FillAsync("Nowa nazwa");
        await page.GetByLabel("Obsługiwane kultury").FillAsync("pl-PL, xx-Nigdzie");
        await page.GetByLabel("Strefa czasowa").FillAsync("Europe/Gdansk");
        await page.GetByLabel("Adres podglądu w serwisie frontowym (opcjonalny)").FillAsync("ftp://podglad.example/{id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zapisz ustawienia" }).ClickAsync();

        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Błąd: "));
        await Assertions.Expect(page.GetByLabel("Obsługiwane kultury")).ToHaveAccessibleDescriptionAsync(
            "Nazwy kultur oddzielone przecinkami, np. pl-PL, en-GB, uk-UA. „xx-Nigdzie” nie jest nazwą kultury, taką jak pl-PL lub en-GB.");
        await Assertions.Expect(page.GetByLabel("Strefa czasowa")).ToHaveAccessibleDescriptionAsync(
            "Strefa czasowa IANA, np. Europe/Warsaw. „Europe/Gdansk” nie jest strefą czasową IANA, taką jak Europe/Warsaw.");
        await Assertions.Expect(page.GetByLabel("Strefa czasowa")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByLabel("Adres podglądu w serwisie frontowym (opcjonalny)")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByLabel("Nazwa serwisu")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        // Every value stays in the form to be corrected.
        await Assertions.Expect(page.GetByLabel("Nazwa serwisu")).ToHaveValueAsync("Nowa nazwa");
        await Browser.AssertAccessibleAsync(page);

        // The valid name was not saved on its own.
        var (_, facts) = await SiteAsync(app.CreateClient());
        Assert.NotEqual("Nowa nazwa", facts["siteName"]!.GetValue<string>());
        Assert.Equal(["pl-PL", "en-GB"], facts["supportedCultures"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("Europe/Warsaw", facts["timeZone"]!.GetValue<string>());
    }

    [Fact]
    public async Task OnlyAdministratorsReachTheSettingsAndItsFormWantsTheAntiforgeryToken()
    {
        var (app, browser) = await StartAsync(chromium);
        using var _ = app;
        await using var __ = browser;
        var page = browser.Page;
        var request = page.APIRequest;
        Assert.Equal(400, (await request.PostAsync("/admin/settings", new()
        {
            Form = request.CreateFormData().Set("siteName", "Forged").Set("supportedCultures", "pl-PL").Set("defaultCulture", "pl-PL").Set("timeZone", "Europe/Warsaw"),
        })).Status);
        // A role that manages roles and users is still no administrator; the roles page does not offer the permission.
        await app.DefineRoleAsync("Webmaster", "ManageRoles", "ManageUsers", "ManageWebhooks");
        await page.GotoAsync("/admin/roles/edit/Webmaster");
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "General permissions" }).GetByLabel("ManageWebhooks")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("ManageSettings")).ToHaveCountAsync(0);
        Assert.Empty(await app.InScopeAsync(s => s.GetRequiredService<UserService>().CreateAsync("webmaster", null, Password, ["Webmaster"])));
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await browser.SignInAsync("webmaster", Password, "/admin/webhooks");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Admin sections" }).GetByRole(AriaRole.Link, new() { Name = "Site settings" })).ToHaveCountAsync(0);
        var token = await page.Locator("input[name='__RequestVerificationToken']").First.GetAttributeAsync("value");

        Assert.Equal(403, (await page.GotoAsync("/admin/settings"))!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Only administrators may change the site settings.");
        await Browser.AssertAccessibleAsync(page);
        Assert.Equal(403, (await request.PostAsync("/admin/settings", new()
        {
            Form = request.CreateFormData().Set("siteName", "Forged").Set("supportedCultures", "pl-PL").Set("defaultCulture", "pl-PL")
                .Set("timeZone", "Europe/Warsaw").Set("__RequestVerificationToken", token!),
        })).Status);
        var (_, facts) = await SiteAsync(app.CreateClient());
        Assert.NotEqual("Forged", facts["siteName"]!.GetValue<string>());
    }
}
