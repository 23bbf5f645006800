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

    public static Task<ContentItem?> LatestAsync(TwinningApplication app, string id)
        => app.InScopeAsync(s => s.GetRequiredService<ContentManager>().Store.GetLatestAsync(id));
}
