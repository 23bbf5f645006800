using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Admin;

/// <summary>The forum flow with the keyboard alone (WCAG 2.1.1, 2.4.7): sign in, create a forum with its dates, venue
/// and a partner city, save it as a draft, add two panels from its page, publish it, and read it back through the REST
/// API; only Tab, typing, Enter and Space, and every control the Tab key reaches shows where the focus is.</summary>
[Collection(WorkflowBrowserTestGroup.Name)]
public sealed class KeyboardForumTests(Chromium chromium)
{
    private const string Password = "a long passphrase for tests";

    /// <summary>Whether the focused element draws a focus indicator (an outline or a box shadow), and what it is.</summary>
    private const string FocusShown = """
        () => {
            const e = document.activeElement;
            const s = getComputedStyle(e);
            const shown = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow && s.boxShadow !== 'none');
            return [shown ? 'yes' : 'no', e.outerHTML.slice(0, 120)];
        }
        """;

    /// <summary>Presses Tab until the focus is on what <paramref name="selector"/> matches, checking on each stop that
    /// the focus is visible.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 120; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<string[]>(FocusShown);
            Assert.True(focus[0] == "yes", $"{page.Url}: no visible focus on {focus[1]}");
            if (await page.EvaluateAsync<bool>("selector => document.activeElement?.matches(selector) ?? false", selector))
            {
                return;
            }
        }
        Assert.Fail($"{page.Url}: Tab never reached {selector}.");
    }

    private static async Task TypeIntoAsync(IPage page, string selector, string text)
    {
        await TabToAsync(page, selector);
        await page.Keyboard.TypeAsync(text);
    }

    private static string IdFromUrl(IPage page) => Regex.Match(page.Url, "/admin/content/edit/([^?]+)").Groups[1].Value;

    [Fact]
    public async Task AForumWithTwoPanelsAndAPartnerCityIsCreatedDraftedPreviewedAndPublishedWithTheKeyboardAlone()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: true, new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = Password });
        await using var browser = await Browser.OpenAsync(chromium, app);
        var page = browser.Page;

        // Sign in.
        await page.GotoAsync("/account/login?returnUrl=" + Uri.EscapeDataString("/admin/content?type=Forum"));
        await TypeIntoAsync(page, "#userName", "admin");
        await TypeIntoAsync(page, "input[type=password]", Password);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Content: Forum");

        // A new forum: title, dates in the site's time zone, venue, a partner city from the picker.
        await TabToAsync(page, "a[href='/admin/content/new/Forum']");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("New Forum");
        await TypeIntoAsync(page, "#f-TitlePart", "Forum klawiaturowe 2027");
        // Chromium's date and time input in the context's locale (en-US): month, day, year, then → to the hour,
        // minute and AM/PM; typing moves from one part to the next.
        await TypeIntoAsync(page, "#f-Forum-StartDate", "06142027");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.TypeAsync("1030AM");
        await TypeIntoAsync(page, "#f-Forum-EndDate", "06152027");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.TypeAsync("0400PM");
        await TypeIntoAsync(page, "#f-Forum-Venue", "Dwór Artusa");
        // The picker's combobox: type part of the name, arrow down to the suggestion, Enter chooses it.
        await TabToAsync(page, "#f-Forum-PartnerCities");
        var cities = page.Locator("#f-Forum-PartnerCities");
        await Assertions.Expect(cities).ToHaveAttributeAsync("role", "combobox");
        await page.Keyboard.TypeAsync("Polotsk");
        // What the editor waits for: the list of what was found for the whole name.
        await EditorPages.SearchAnsweredAsync(cities);
        await Assertions.Expect(EditorPages.Options(cities)).ToHaveTextAsync(["Polotsk (en-GB)"]);
        await Assertions.Expect(cities).ToHaveAttributeAsync("aria-expanded", "true");
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(EditorPages.Options(cities).First).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#f-Forum-PartnerCities").Locator("xpath=ancestor::div[@data-content-picker]").Locator(".picker-chosen > li"))
            .ToHaveCountAsync(1);
        await TabToAsync(page, "button[value=draft]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved as a draft.");
        var id = IdFromUrl(page);
        Assert.NotEmpty(id);

        // Two panels, each created from the forum's page and back.
        foreach (var panel in new[] { "Panel samorządowców", "Panel młodzieży" })
        {
            await TabToAsync(page, "a[href*='/admin/content/new/Panel']");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("New Panel");
            await TypeIntoAsync(page, "#f-TitlePart", panel);
            await TabToAsync(page, "button[value=publish]");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved and published.");
            await TabToAsync(page, $"a[href='/admin/content/edit/{id}']");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/admin/content/edit/{id}$"));
        }
        await Assertions.Expect(page.Locator("ol.children > li > a")).ToHaveTextAsync(["Panel samorządowców", "Panel młodzieży"]);

        // Preview the draft, and back to its editor.
        await TabToAsync(page, $"a[href='/admin/content/{id}/preview']");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Preview: Forum klawiaturowe 2027");
        await Assertions.Expect(page.Locator(".preview-note")).ToContainTextAsync("a draft: it is not on the site");
        await Assertions.Expect(page.Locator("article.content-preview")).ToContainTextAsync("Dwór Artusa");
        await Assertions.Expect(page.Locator("article.content-preview")).ToContainTextAsync("Polotsk");
        await Browser.AssertAccessibleAsync(page);
        await TabToAsync(page, $"a[href='/admin/content/edit/{id}']");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/admin/content/edit/{id}$"));

        // Publish with Space on the button.
        await TabToAsync(page, "button[value=publish]");
        await page.Keyboard.PressAsync(" ");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved and published.");
        await Browser.AssertAccessibleAsync(page);

        // Read back through the REST API.
        var client = await app.CreateClientWithRolesAsync("Administrator");
        var forum = await (await client.GetAsync("/api/content/" + id)).JsonAsync();
        Assert.True(forum["Published"]!.GetValue<bool>());
        Assert.Equal("Forum klawiaturowe 2027", forum["DisplayText"]!.GetValue<string>());
        Assert.Equal("2027-06-14T08:30:00Z", forum["Forum"]!["StartDate"]!["Value"]!.GetValue<string>());
        Assert.Equal("2027-06-15T14:00:00Z", forum["Forum"]!["EndDate"]!["Value"]!.GetValue<string>());
        Assert.Equal("Dwór Artusa", forum["Forum"]!["Venue"]!["Text"]!.GetValue<string>());
        Assert.Single(forum["Forum"]!["PartnerCities"]!["ContentItemIds"]!.AsArray());
    }
}
