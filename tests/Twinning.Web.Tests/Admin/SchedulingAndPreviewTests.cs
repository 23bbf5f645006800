using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Scheduling;
using Twinning.Module.Features.Security;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Admin;

/// <summary>Publish later and unpublish later from an item's edit page, at times in the site's time zone (a time the
/// clocks skip refused next to its field), shown on the page and the dashboard and cancelled; and the built-in preview
/// of a draft. In a real browser, in English and Polish, checked with axe.</summary>
[Collection(WorkflowBrowserTestGroup.Name)]
public sealed class SchedulingAndPreviewTests(Chromium chromium)
{
    private const string Password = "a long passphrase for tests";
    private const string Forum = "Polish-Belarusian Forum of Partner Cities";

    private static async Task<(TwinningApplication App, Browser Browser, string Id)> OpenForumAsync(Chromium chromium)
    {
        var app = new TwinningApplication(Providers.Sqlite, runRecipe: true, new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = Password });
        var browser = await Browser.OpenAsync(chromium, app);
        await browser.SignInAsync("admin", Password, "/admin/content?type=Forum&culture=en-GB&q=Polish-Belarusian");
        await browser.Page.GetByRole(AriaRole.Link, new() { Name = Forum }).ClickAsync();
        return (app, browser, Regex.Match(browser.Page.Url, "/admin/content/edit/([^?]+)").Groups[1].Value);
    }

    [Fact]
    public async Task AnEditorSchedulesAPublishAndAnUnpublishSeesThemAndCancelsOne()
    {
        var (app, browser, id) = await OpenForumAsync(chromium);
        using var started = app;
        await using var open = browser;
        var page = browser.Page;
        var schedule = page.GetByRole(AriaRole.Region, new() { Name = "Publishing schedule" });
        var publishAt = schedule.GetByLabel("Publish at", new() { Exact = true });
        var unpublishAt = schedule.GetByLabel("Unpublish at", new() { Exact = true });
        await Assertions.Expect(schedule).ToContainTextAsync("Nothing is scheduled for this item.");
        await Assertions.Expect(schedule).ToContainTextAsync("Time zone: Europe/Warsaw");

        // 02:30 on 28 March 2027 does not exist in Warsaw: refused next to the field and in the summary, nothing saved.
        await publishAt.FillAsync("2027-03-28T02:30");
        await schedule.GetByRole(AriaRole.Button, new() { Name = "Schedule", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Publish at: 2027-03-28T02:30 does not exist in the time zone Europe/Warsaw");
        await Assertions.Expect(page.Locator("#schedule-PublishAt-error")).ToContainTextAsync("the clocks are put forward then");
        await Assertions.Expect(publishAt).ToHaveValueAsync("2027-03-28T02:30");
        await Browser.AssertAccessibleAsync(page);

        // A time that has passed, and an unpublish before the publish.
        await publishAt.FillAsync("2020-01-01T10:00");
        await schedule.GetByRole(AriaRole.Button, new() { Name = "Schedule", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#schedule-PublishAt-error")).ToContainTextAsync("this time has passed");
        await publishAt.FillAsync("2030-06-01T10:00");
        await unpublishAt.FillAsync("2030-06-01T09:00");
        await schedule.GetByRole(AriaRole.Button, new() { Name = "Schedule", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#schedule-UnpublishAt-error")).ToContainTextAsync("Unpublish at: the unpublish must come after the publish.");
        await using (var db = app.CreateDbContext())
        {
            Assert.Empty(await db.Set<ContentScheduleRecord>().ToListAsync());
        }

        await unpublishAt.FillAsync("2030-07-01T10:00");
        await schedule.GetByRole(AriaRole.Button, new() { Name = "Schedule", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/admin/content/edit/{id}\\?saved=scheduled$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The schedule is saved.");
        await Assertions.Expect(schedule.Locator(".schedule-list li")).ToHaveCountAsync(2);
        await Assertions.Expect(schedule.Locator(".schedule-list li").First).ToContainTextAsync("Publish on");
        await Assertions.Expect(schedule.Locator(".schedule-list li").First).ToContainTextAsync("scheduled by admin");
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "schedule", schedule);
        await using (var db = app.CreateDbContext())
        {
            var saved = await db.Set<ContentScheduleRecord>().OrderBy(s => s.DueUtc).ToListAsync();
            // 10:00 in Warsaw in June is 08:00 UTC (summer time).
            Assert.Equal([new DateTime(2030, 6, 1, 8, 0, 0, DateTimeKind.Utc), new DateTime(2030, 7, 1, 8, 0, 0, DateTimeKind.Utc)], saved.Select(s => s.DueUtc));
            Assert.All(saved, s => Assert.Equal(ScheduleStatuses.Pending, s.Status));
        }

        // The dashboard lists them.
        await page.GotoAsync("/admin");
        var scheduled = page.GetByRole(AriaRole.Region, new() { Name = "Scheduled" });
        await Assertions.Expect(scheduled.GetByRole(AriaRole.Link, new() { Name = Forum })).ToHaveCountAsync(2);
        await Browser.AssertAccessibleAsync(page);

        // The unpublish is cancelled; the publish stays.
        await scheduled.GetByRole(AriaRole.Link, new() { Name = Forum }).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/admin/content/edit/{id}$"));
        await schedule.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Cancel.*Unpublish on") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The scheduled change is cancelled.");
        await Assertions.Expect(schedule.Locator(".schedule-list li")).ToHaveCountAsync(1);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(ScheduleStatuses.Cancelled, (await db.Set<ContentScheduleRecord>().SingleAsync(s => s.Action == ScheduledActions.Unpublish)).Status);
        }

        // In Polish.
        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        var harmonogram = page.GetByRole(AriaRole.Region, new() { Name = "Harmonogram publikacji" });
        await Assertions.Expect(harmonogram.Locator(".schedule-list li")).ToContainTextAsync("zaplanował(a) admin");
        await Browser.ScreenshotAsync(page, "schedule", harmonogram);
        await harmonogram.GetByLabel("Opublikuj", new() { Exact = true }).FillAsync("2027-03-28T02:15");
        await harmonogram.GetByRole(AriaRole.Button, new() { Name = "Zaplanuj", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#schedule-PublishAt-error")).ToContainTextAsync("nie istnieje w strefie czasowej Europe/Warsaw");
        await Browser.AssertAccessibleAsync(page);
        await page.GotoAsync("/admin");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Zaplanowane" }).GetByRole(AriaRole.Link, new() { Name = Forum })).ToHaveCountAsync(1);
        await Browser.AssertAccessibleAsync(page);

        // Someone who may edit but not publish sees no schedule form, and is refused when posting one.
        await app.DefineRoleAsync("Author", "EditContent", "ViewContent", "PreviewContent");
        Assert.Empty(await app.InScopeAsync(s => s.GetRequiredService<UserService>().CreateAsync("autorka", null, Password, ["Author"])));
        await using var author = await browser.OpenAnotherAsync(chromium);
        await author.SignInAsync("autorka", Password, $"/admin/content/edit/{id}");
        await Assertions.Expect(author.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(Forum);
        await Assertions.Expect(author.Page.GetByRole(AriaRole.Button, new() { Name = "Schedule", Exact = true })).ToHaveCountAsync(0);
        await Assertions.Expect(author.Page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true })).ToHaveCountAsync(0);

        // The buttons hidden are not the check: the editor's own form posted as Publish, and a schedule posted to the
        // item, are refused by the server, and nothing is published or scheduled.
        async Task<(string?, int)> PublishedAndPendingAsync()
        {
            await using var db = app.CreateDbContext();
            var live = await app.InScopeAsync(s => s.GetRequiredService<ContentStore>().GetAsync(id, VersionOptions.Published));
            return (live is null ? null : ExpectedVersion.TagOf(live), await db.Set<ContentScheduleRecord>().CountAsync(s => s.Status == ScheduleStatuses.Pending));
        }
        var before = await PublishedAndPendingAsync();
        foreach (var (forged, says) in new (string, string)[]
        {
            // The form's own fields, with the submit button Publish would have been.
            ("""
            () => {
                const form = document.querySelector("form[data-unsaved-warning]");
                const publish = Object.assign(document.createElement("button"), { type: "submit", name: "submit", value: "publish" });
                form.append(publish);
                form.requestSubmit(publish);
            }
            """, "PublishContent"),
            // A schedule form with the page's anti-forgery token.
            ("""
            () => {
                const form = Object.assign(document.createElement("form"), { method: "post", action: location.pathname + "?handler=schedule" });
                form.append(document.querySelector("input[name=__RequestVerificationToken]").cloneNode());
                form.append(Object.assign(document.createElement("input"), { name: "schedule.PublishAt", value: "2030-05-04T10:00" }));
                document.body.append(form);
                form.submit();
            }
            """, "Not allowed"),
        })
        {
            var refused = await author.Page.RunAndWaitForResponseAsync(() => author.Page.EvaluateAsync(forged), Browser.IsFormPost);
            Assert.Equal(403, refused.Status);
            await Assertions.Expect(author.Page.Locator("main")).ToContainTextAsync(says);
            await author.Page.GotoAsync($"/admin/content/edit/{id}");
        }
        Assert.Equal(before, await PublishedAndPendingAsync());
    }

    [Fact]
    public async Task APublishScheduledInTheBrowserHappensAtItsTime()
    {
        // The runner looks often, and the site's clock is moved instead of waited for.
        var clock = new MovableClock();
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: true, new Dictionary<string, string?>
        {
            ["Twinning:Setup:AdminPassword"] = Password,
            ["Twinning:Scheduling:PollInterval"] = "00:00:00.2",
        }) { Clock = clock };
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;
        await browser.SignInAsync("admin", Password, "/admin/content?type=Forum&culture=en-GB&q=Polish-Belarusian");
        await page.GetByRole(AriaRole.Link, new() { Name = Forum }).ClickAsync();
        var id = Regex.Match(page.Url, "/admin/content/edit/([^?]+)").Groups[1].Value;
        var visitor = app.CreateClient();
        async Task<string?> SubtitleOnTheSiteAsync()
            => (await (await visitor.GetAsync("/api/content/" + id)).JsonAsync())["Forum"]!["Subtitle"]!["Text"]?.GetValue<string>();
        var live = await SubtitleOnTheSiteAsync();

        // A draft, and its publication in two hours of the site's time zone.
        await page.Locator("#f-Forum-Subtitle").FillAsync("Opublikowane o czasie");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved as a draft.");
        var warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");
        var due = TimeZoneInfo.ConvertTime(clock.GetUtcNow().AddHours(2), warsaw);
        var schedule = page.GetByRole(AriaRole.Region, new() { Name = "Publishing schedule" });
        await schedule.GetByLabel("Publish at", new() { Exact = true }).FillAsync(due.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await schedule.GetByRole(AriaRole.Button, new() { Name = "Schedule", Exact = true }).ClickAsync();
        await Assertions.Expect(schedule.Locator(".schedule-list li")).ToHaveCountAsync(1);
        await Task.Delay(1000);
        Assert.Equal(live, await SubtitleOnTheSiteAsync());

        // Two hours and a minute later the site has published the draft, and the editor says so.
        clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        for (var tries = 0; tries < 100 && await SubtitleOnTheSiteAsync() != "Opublikowane o czasie"; tries++)
        {
            await Task.Delay(100);
        }
        Assert.Equal("Opublikowane o czasie", await SubtitleOnTheSiteAsync());
        await page.ReloadAsync();
        await Assertions.Expect(schedule).ToContainTextAsync("Nothing is scheduled for this item.");
        await page.GetByRole(AriaRole.Link, new() { Name = "History" }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody tr").First).ToContainTextAsync("Published");
        await Browser.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task AnEditorPreviewsADraft()
    {
        var (app, browser, id) = await OpenForumAsync(chromium);
        using var started = app;
        await using var open = browser;
        var page = browser.Page;
        await page.Locator("#f-Forum-Subtitle").FillAsync("Podgląd szkicu");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved as a draft.");
        // No front-end preview address is set: only the built-in preview is offered.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Preview on the site" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Preview", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/admin/content/{id}/preview$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Preview: {Forum}");
        await Assertions.Expect(page.Locator(".preview-note")).ToContainTextAsync("a draft: it is not on the site");
        var preview = page.Locator("article.content-preview");
        await Assertions.Expect(preview).ToContainTextAsync("Podgląd szkicu");
        // Linked items by their titles, not their ids.
        await Assertions.Expect(preview).ToContainTextAsync("Polotsk");
        // A part by what its editor edits: the language alone, not its localization set's id.
        await Assertions.Expect(preview.Locator("dt:text-is('Language') + dd")).ToHaveTextAsync(new Regex(@"^[a-z]{2}-[A-Z]{2}$"));
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "preview");

        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Podgląd: {Forum}");
        await Assertions.Expect(page.Locator(".preview-note")).ToContainTextAsync("szkic: nie ma jej na stronie");
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "preview");
        await page.GetByRole(AriaRole.Link, new() { Name = "Powrót do edycji" }).ClickAsync();
        await Assertions.Expect(page.Locator("#f-Forum-Subtitle")).ToHaveValueAsync("Podgląd szkicu");

        // Someone who may only read content may not preview drafts here.
        await app.DefineRoleAsync("Reader", "ViewContent", "PreviewContent");
        Assert.Empty(await app.InScopeAsync(s => s.GetRequiredService<UserService>().CreateAsync("czytelnik", null, Password, ["Reader"])));
        await using var reader = await browser.OpenAnotherAsync(chromium);
        await reader.SignInAsync("czytelnik", Password, "/admin/content");
        Assert.Equal(403, (await reader.Page.GotoAsync($"/admin/content/{id}/preview"))!.Status);
    }
}
