using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Security;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Admin;

/// <summary>The content list's filters: the partner city filter looks cities up by name only among those the editor may
/// list, as the content picker offers them (an editor who may not see partner cities learns nothing of their names from
/// it), and the status filter lists published items or drafts only.</summary>
public sealed partial class ContentListFilterTests
{
    private const string Password = "a long passphrase for tests";

    // The forums of the sample content that name Połock (and Nowopołock) among their partner cities.
    private const string ForumsNamingPolotsk = "/admin/content?type=Forum&city=Po%C5%82ock";

    [Fact]
    public async Task ACityTheEditorMayNotListIsNotFoundByItsName()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: true, new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = Password });
        await app.DefineRoleAsync("ForumsOnly", "Edit_Forum");
        await app.DefineRoleAsync("ForumsAndCities", "Edit_Forum", "Edit_PartnerCity");
        foreach (var (user, role) in new[] { ("forums", "ForumsOnly"), ("cities", "ForumsAndCities") })
        {
            Assert.Empty(await app.InScopeAsync(s => s.GetRequiredService<UserService>().CreateAsync(user, null, Password, [role])));
        }

        var administrator = await SignedInAsync(app, "admin");
        var asAdministrator = await administrator.GetStringAsync(ForumsNamingPolotsk);
        Assert.DoesNotContain("filter-city-error", asAdministrator, StringComparison.Ordinal);
        var forums = Rows(asAdministrator);
        Assert.NotEmpty(forums);

        // Forums yes, partner cities no: the name finds nothing, and the list says so beside the filter.
        var forumsOnly = await SignedInAsync(app, "forums");
        var page = await forumsOnly.GetAsync(ForumsNamingPolotsk);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var asForumsOnly = await page.Content.ReadAsStringAsync();
        Assert.Contains("id=\"filter-city-error\"", asForumsOnly, StringComparison.Ordinal);
        Assert.Empty(Rows(asForumsOnly));
        // The same editor lists the forums without the filter.
        Assert.NotEmpty(Rows(await forumsOnly.GetStringAsync("/admin/content?type=Forum")));

        // Given the partner cities too, the same name finds the same forums as for the administrator.
        var withCities = await SignedInAsync(app, "cities");
        var asWithCities = await withCities.GetStringAsync(ForumsNamingPolotsk);
        Assert.DoesNotContain("filter-city-error", asWithCities, StringComparison.Ordinal);
        Assert.Equal(forums, Rows(asWithCities));
    }

    [Fact]
    public async Task TheStatusFilterListsPublishedItemsOrDraftsOnly()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: true, new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = Password });
        var forums = await app.InScopeAsync(s => s.GetRequiredService<ContentStore>().ListAsync("Forum", VersionOptions.Latest));
        // One published forum gets a newer draft: it is both on the site and a draft.
        var drafted = forums[0];
        drafted.DisplayText += " (szkic)";
        Assert.Empty((await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().SaveAsync(drafted, publish: false, "tester"))).Errors);
        var administrator = await SignedInAsync(app, "admin");

        Assert.Equal([drafted.ContentItemId], Rows(await administrator.GetStringAsync("/admin/content?type=Forum&status=draft")));
        var published = Rows(await administrator.GetStringAsync("/admin/content?type=Forum&status=published"));
        Assert.Equal(forums.Select(f => f.ContentItemId).Order(), published.Order());
        Assert.Equal(published.Order(), Rows(await administrator.GetStringAsync("/admin/content?type=Forum")).Order());
    }

    private static async Task<HttpClient> SignedInAsync(TwinningApplication app, string user)
    {
        var browser = AdminSites.Browser(app);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(user, Password)).StatusCode);
        return browser;
    }

    /// <summary>The content item ids of the list's rows, in order.</summary>
    private static List<string> Rows(string html) => [.. RowIds().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<tr data-id=\"([^\"]+)\"")]
    private static partial Regex RowIds();
}
