using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Webhooks;
using Twinning.Web.Tests.Infrastructure;
using Twinning.Web.Tests.Webhooks;

namespace Twinning.Web.Tests.Admin;

/// <summary>The webhooks pages (<c>/admin/webhooks</c>) in a real browser against the real host, checked with axe, with
/// a real HTTP receiver on a local port getting what the subscriptions made there send.</summary>
[Collection(AdministrationBrowserTestGroup.Name)]
public sealed class WebhooksAdminTests(Chromium chromium)
{
    private const string Password = "a long passphrase for tests";

    /// <summary>The Articles site with a fast retry schedule, its administrator "admin" signed in at /admin/webhooks.</summary>
    private static async Task<(TwinningApplication App, Browser Browser)> StartAsync(Chromium chromium, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(settings ?? [])
        {
            ["Twinning:Setup:AdminPassword"] = Password,
            ["Twinning:Webhooks:Backoff"] = "00:00:00.100",
        };
        var app = new TwinningApplication(Providers.Sqlite, runRecipe: false, all);
        var browser = await Browser.OpenAsync(chromium, app);
        Assert.True((await app.RunRecipeAsync(TestRecipes.Articles)).Succeeded);
        await browser.SignInAsync("admin", Password, "/admin/webhooks");
        return (app, browser);
    }

    private static Task<List<WebhookSubscriptionRecord>> SubscriptionsAsync(TwinningApplication app)
        => app.InScopeAsync(s => s.GetRequiredService<Module.Features.Storage.TwinningDbContext>().Set<WebhookSubscriptionRecord>().AsNoTracking().ToListAsync());

    /// <summary>Shows the page again until the row of delivery <paramref name="row"/> (1 is the newest) contains <paramref name="text"/>:
    /// the sender writes the outcome a moment after the receiver answered.</summary>
    private static async Task<ILocator> WaitForRowAsync(IPage page, int row, string text)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var locator = page.Locator("tr[data-delivery]").Nth(row - 1);
        while (!((await locator.CountAsync()) > 0 && (await locator.InnerTextAsync()).Contains(text, StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"The delivery log did not show '{text}' in time: {await page.Locator("main").InnerTextAsync()}");
            await Task.Delay(100);
            await page.ReloadAsync();
        }
        return locator;
    }

    [Fact]
    public async Task ASubscriptionMadeInThePageGetsThePublishWhichIsLoggedAndSentAgainOnRequest()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (app, browser) = await StartAsync(chromium);
        using var _ = app;
        await using var __ = browser;
        var page = browser.Page;
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Admin sections" }).GetByRole(AriaRole.Link, new() { Name = "Webhooks" }))
            .ToHaveAttributeAsync("aria-current", "page");
        await Browser.AssertAccessibleAsync(page);

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Front end");
        await page.GetByLabel("Receiver address").FillAsync(receiver.Url + "/revalidate");
        await page.GetByRole(AriaRole.Group, new() { Name = "Events" }).GetByLabel("published", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Content types" }).GetByLabel("Article", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create subscription" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Created the webhook subscription 'Front end'.");
        var secret = await page.GetByLabel("Signing secret").InputValueAsync();
        Assert.True(secret.Length >= WebhookSubscriptionStore.MinimumSecretLength, secret);
        await Assertions.Expect(page.Locator("tr[data-subscription='Front end']")).ToContainTextAsync("published");
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "webhooks");
        await page.GotoAsync("/admin/webhooks");
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
        // The list in Polish for the Polish guide (the secret is shown once only, so not in it), then back to English.
        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Webhooki");
        await Browser.ScreenshotAsync(page, "webhooks");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        var article = await app.PublishArticleAsync("Forum miast partnerskich");
        var first = Assert.Single(await receiver.WaitForAsync(r => r.Count == 1));
        Assert.Equal("/revalidate", first.Path);
        Assert.Equal(WebhookTestSite.ExpectedSignature(secret, first), first.Header("X-Twinning-Signature"));
        Assert.Equal(article.ContentItemId, JsonNode.Parse(first.Body)!["contentItemId"]!.GetValue<string>());

        await page.GetByRole(AriaRole.Link, new() { Name = "Front end" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Webhook Front end");
        var row = await WaitForRowAsync(page, 1, "delivered");
        await Assertions.Expect(row).ToContainTextAsync(article.ContentItemId);
        await Assertions.Expect(row).ToContainTextAsync("200");
        await Assertions.Expect(row).ToContainTextAsync(" ms");
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "webhook-deliveries");

        await row.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("is queued to be sent again");
        var both = await receiver.WaitForAsync(r => r.Count == 2);
        // The same event, signed again.
        Assert.Equal(first.Body, both[1].Body);
        Assert.Equal(WebhookTestSite.ExpectedSignature(secret, both[1]), both[1].Header("X-Twinning-Signature"));
        await WaitForRowAsync(page, 1, "delivered");
        await Assertions.Expect(page.Locator("tr[data-delivery]")).ToHaveCountAsync(2);

        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        await Assertions.Expect(page.Locator("tr[data-delivery]").First).ToContainTextAsync("dostarczono");
        await Assertions.Expect(page.Locator("tr[data-delivery]").First).ToContainTextAsync("opublikowano");
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "webhook-deliveries");
    }

    [Fact]
    public async Task ABadSubscriptionIsExplainedNextToItsFieldsInPolishAndNothingIsCreated()
    {
        var (app, browser) = await StartAsync(chromium);
        using var _ = app;
        await using var __ = browser;
        var page = browser.Page;
        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();

        await page.GetByLabel("Nazwa", new() { Exact = true }).FillAsync("Przebudowa");
        await page.GetByLabel("Adres odbiorcy").FillAsync("ftp://build.example.org/hook");
        // An event the form does not offer, posted as a forged form would.
        await page.Locator("form[action='/admin/webhooks/create'] fieldset").First.EvaluateAsync(
            "f => { const i = document.createElement('input'); i.type = 'checkbox'; i.name = 'events'; i.value = 'archived'; i.checked = true; f.appendChild(i); }");
        await page.GetByRole(AriaRole.Button, new() { Name = "Utwórz subskrypcję" }).ClickAsync();

        await Assertions.Expect(page.GetByLabel("Adres odbiorcy")).ToHaveAccessibleDescriptionAsync(
            "Bezwzględny adres http lub https, np. https://build.example.org/hooks/twinning. „ftp://build.example.org/hook” nie jest bezwzględnym adresem http lub https.");
        await Assertions.Expect(page.GetByLabel("Adres odbiorcy")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Zdarzenia" })).ToContainTextAsync("„archived” nie jest zdarzeniem.");
        await Assertions.Expect(page.GetByLabel("Nazwa", new() { Exact = true })).ToHaveValueAsync("Przebudowa");
        await Browser.AssertAccessibleAsync(page);
        Assert.Empty(await SubscriptionsAsync(app));

        // A name already used is refused too, rather than changing the other subscription.
        await page.GetByLabel("Adres odbiorcy").FillAsync("https://build.example.org/hook");
        await page.GetByRole(AriaRole.Button, new() { Name = "Utwórz subskrypcję" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Utworzono subskrypcję webhooka „Przebudowa”.");
        await page.GetByLabel("Nazwa", new() { Exact = true }).FillAsync("Przebudowa");
        await page.GetByLabel("Adres odbiorcy").FillAsync("https://other.example.org/hook");
        await page.GetByRole(AriaRole.Button, new() { Name = "Utwórz subskrypcję" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Nazwa", new() { Exact = true })).ToHaveAccessibleDescriptionAsync("Subskrypcja o nazwie „Przebudowa” już istnieje.");
        Assert.Equal("https://build.example.org/hook", Assert.Single(await SubscriptionsAsync(app)).Url);
    }

    [Fact]
    public async Task ASubscriptionIsChangedAndDeletedButOneFromConfigurationIsOnlyShown()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (app, browser) = await StartAsync(chromium, new()
        {
            ["Twinning:Webhooks:Subscriptions:0:Name"] = "Configured",
            ["Twinning:Webhooks:Subscriptions:0:Url"] = "https://configured.example.org/hook",
            ["Twinning:Webhooks:Subscriptions:0:Secret"] = WebhookTestSite.Secret,
            ["Twinning:Webhooks:Subscriptions:0:Enabled"] = "false",
        });
        using var _ = app;
        await using var __ = browser;
        var page = browser.Page;
        Assert.True((await app.RunRecipeAsync(WebhookTestSite.SubscriptionRecipe(receiver.Url))).Succeeded);

        // A new secret, shown once, signs what is sent from then on.
        await page.GotoAsync("/admin/webhooks");
        await page.GetByRole(AriaRole.Link, new() { Name = "Static site rebuild" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "New signing secret" }).ClickAsync();
        var secret = await page.GetByLabel("Signing secret").InputValueAsync();
        Assert.NotEqual(WebhookTestSite.Secret, secret);
        await Browser.AssertAccessibleAsync(page);
        await app.PublishArticleAsync("Pierwszy");
        var first = Assert.Single(await receiver.WaitForAsync(r => r.Count == 1));
        Assert.Equal(WebhookTestSite.ExpectedSignature(secret, first), first.Header("X-Twinning-Signature"));

        await page.GotoAsync(page.Url.Replace("/rotate", "", StringComparison.Ordinal));
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
        await page.GetByLabel("Send events to this receiver").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save subscription" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved the subscription.");
        await Browser.AssertAccessibleAsync(page);
        await app.PublishArticleAsync("Drugi");

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete the subscription Static site rebuild and its delivery log" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Webhooks");
        await Assertions.Expect(page.Locator("tr[data-subscription='Static site rebuild']")).ToHaveCountAsync(0);
        Assert.Equal(0, await app.InScopeAsync(s => s.GetRequiredService<Module.Features.Storage.TwinningDbContext>().Set<WebhookDeliveryRecord>().CountAsync()));
        // Turned off before the second publish: the receiver got only the first.
        Assert.Single(receiver.Received);

        await page.GetByRole(AriaRole.Link, new() { Name = "Configured" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("This subscription is set in configuration");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save subscription" })).ToHaveCountAsync(0);
        await Browser.AssertAccessibleAsync(page);
        var id = Assert.Single(await SubscriptionsAsync(app)).Id;
        var token = await page.Locator("input[name='__RequestVerificationToken']").First.GetAttributeAsync("value");
        var request = page.APIRequest;
        Assert.Equal(404, (await request.PostAsync($"/admin/webhooks/edit/{id}/delete", new() { Form = request.CreateFormData().Set("__RequestVerificationToken", token!) })).Status);
        Assert.Equal(404, (await request.PostAsync($"/admin/webhooks/edit/{id}/rotate", new() { Form = request.CreateFormData().Set("__RequestVerificationToken", token!) })).Status);
        Assert.Equal(404, (await request.PostAsync($"/admin/webhooks/edit/{id}/save", new()
        {
            Form = request.CreateFormData().Set("url", "https://elsewhere.example.org/").Set("__RequestVerificationToken", token!),
        })).Status);
        var configured = Assert.Single(await SubscriptionsAsync(app));
        Assert.Equal(("https://configured.example.org/hook", WebhookTestSite.Secret), (configured.Url, configured.Secret));
    }

    [Fact]
    public async Task WithoutManageWebhooksThePagesAndFormsAreRefused()
    {
        var (app, browser) = await StartAsync(chromium);
        using var _ = app;
        await using var __ = browser;
        var page = browser.Page;
        var request = page.APIRequest;
        Assert.Equal(400, (await request.PostAsync("/admin/webhooks/create", new()
        {
            Form = request.CreateFormData().Set("name", "Forged").Set("url", "https://forged.example.org/"),
        })).Status);
        await app.DefineRoleAsync("Editor", "EditContent");
        Assert.Empty(await app.InScopeAsync(s => s.GetRequiredService<UserService>().CreateAsync("redaktor", null, Password, ["Editor"])));
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await browser.SignInAsync("redaktor", Password, "/admin/content");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Admin sections" }).GetByRole(AriaRole.Link, new() { Name = "Webhooks" })).ToHaveCountAsync(0);
        var token = await page.Locator("input[name='__RequestVerificationToken']").First.GetAttributeAsync("value");

        Assert.Equal(403, (await page.GotoAsync("/admin/webhooks"))!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Your role may not manage webhooks.");
        await Browser.AssertAccessibleAsync(page);
        Assert.Equal(403, (await request.PostAsync("/admin/webhooks/create", new()
        {
            Form = request.CreateFormData().Set("name", "Forged").Set("url", "https://forged.example.org/").Set("__RequestVerificationToken", token!),
        })).Status);
        Assert.Empty(await SubscriptionsAsync(app));
    }
}
