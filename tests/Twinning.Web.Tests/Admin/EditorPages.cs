using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Twinning.Core.Content;
using Twinning.Module.Features.ContentItems;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Admin;

/// <summary>What the content editor's browser tests share: a site of their own from the municipal recipe with a known
/// administrator password, the item id of the editor open in the page, and an item's latest version as stored.</summary>
public static class EditorPages
{
    public const string Password = "a long passphrase for tests";

    public static TwinningApplication NewApp()
        => new(Providers.Sqlite, runRecipe: true, new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = Password });

    public static string IdFromUrl(IPage page) => Regex.Match(page.Url, "/admin/content/edit/([^?]+)").Groups[1].Value;

    /// <summary>The content picker (<c>div[data-content-picker]</c>) around its search box.</summary>
    public static ILocator PickerOf(ILocator search) => search.Locator("xpath=ancestor::div[@data-content-picker]");

    /// <summary>The items a picker's combobox offers.</summary>
    public static ILocator Options(ILocator search) => PickerOf(search).Locator("[role=listbox] [role=option]");

    /// <summary>Waits until the picker shows the answer to everything typed (it is busy while a search is pending), as
    /// an editor waits for the list before going down it: an answer arriving later would replace that list.</summary>
    public static Task SearchAnsweredAsync(ILocator search)
        => Assertions.Expect(PickerOf(search).Locator("[aria-busy=true]")).ToHaveCountAsync(0);

    public static Task<ContentItem?> LatestAsync(TwinningApplication app, string id)
        => app.InScopeAsync(s => s.GetRequiredService<ContentManager>().Store.GetLatestAsync(id));
}
