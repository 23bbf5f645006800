using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Twinning.Module.Features.Security;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Admin;

/// <summary>GraphiQL at /admin/graphql, served from the module, runs queries as the signed-in editor, in a real
/// browser checked with axe in English and Polish; editors without ExecuteGraphQL neither see nor open it.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class GraphiQLPageTests(Chromium chromium)
{
    private const string Password = "a long passphrase for tests";

    private static ILocatorAssertions ExpectHeading(IPage page) => Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }));

    [Fact]
    public async Task AnEditorWhoMayRunGraphQLQueriesTheSiteThroughGraphiQLInEnglishAndPolish()
    {
        using var app = new TwinningApplication(Providers.Sqlite, settings: new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = Password });
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        var scripts = new List<string>();
        page.Request += (_, request) => scripts.Add(request.Url);

        await browser.SignInAsync("admin", Password, "/admin");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Admin sections" }).GetByRole(AriaRole.Link, new() { Name = "GraphQL explorer" }).ClickAsync();
        await ExpectHeading(page).ToHaveTextAsync("GraphQL explorer");
        await Assertions.Expect(page.Locator(".graphiql-container")).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(page);

        // The first query lists the site's root fields: run with the editor's cookie, it answers with the schema.
        await page.GetByRole(AriaRole.Button, new() { Name = "Execute query (Ctrl-Enter)" }).ClickAsync();
        await Assertions.Expect(page.Locator(".result-window")).ToContainTextAsync("\"forumCount\"", new() { Timeout = 20_000 });
        Assert.All(scripts.Where(u => u.EndsWith(".js", StringComparison.Ordinal) || u.EndsWith(".css", StringComparison.Ordinal)),
            url => Assert.StartsWith(browser.BaseAddress, url, StringComparison.Ordinal));
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "graphiql");

        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        await ExpectHeading(page).ToHaveTextAsync("Eksplorator GraphQL");
        await Assertions.Expect(page.Locator(".graphiql-container")).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "graphiql");

        // What GraphiQL sends (JSON) runs with the cookie; what a form of another site could send is refused.
        var statuses = await page.EvaluateAsync<int[]>("""
            async () => Promise.all(['application/json', 'text/plain'].map(type => fetch('/api/graphql', {
              method: 'POST', headers: { 'Content-Type': type }, body: JSON.stringify({ query: '{ __typename }' }) }).then(r => r.status)))
            """);
        Assert.Equal([200, 415], statuses);
    }

    [Fact]
    public async Task AnEditorWithoutExecuteGraphQLGetsNoLinkAndARefusal()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: false, new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = Password });
        await using var browser = await Browser.OpenAsync(chromium, app);
        await app.DefineRoleAsync("Reader", Permissions.ViewContent);
        await app.InScopeAsync(s => s.GetRequiredService<UserService>().CreateAsync("czytelnik", null, Password, ["Reader"]));
        var page = browser.Page;

        await browser.SignInAsync("czytelnik", Password, "/admin");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "GraphQL explorer" })).ToHaveCountAsync(0);
        var response = await page.GotoAsync("/admin/graphql");

        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByText("Running GraphQL queries needs the ExecuteGraphQL permission.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".graphiql-container")).ToHaveCountAsync(0);
    }
}
