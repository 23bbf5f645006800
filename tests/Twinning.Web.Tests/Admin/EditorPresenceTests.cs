using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Core.Content;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Presence;
using Twinning.Module.Features.Security;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Admin;

/// <summary>Who else is editing an item (Features/Presence), through real HTTP: the open editor's ping, the notice on
/// another editor's page and in the ping's answer, never one's own, gone 90 seconds after the last ping on the site's
/// clock; the ping refused to one who may not edit the item, for an unknown item and for a new one.</summary>
public sealed partial class EditorPresenceTests
{
    private const string Password = "a long passphrase for tests";

    [GeneratedRegex(@"anna has been editing this item since \d{1,2}:\d{2}")]
    private static partial Regex AnnaEditing();

    /// <summary>The municipal site with "anna", who may edit content, and "jan", who may only read it, and the id of its
    /// Polish forum.</summary>
    private static async Task<(TwinningApplication App, string Id)> StartAsync(string provider)
    {
        var app = new TwinningApplication(provider, runRecipe: true, new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = Password });
        await app.DefineRoleAsync("Editor", Permissions.EditContent, Permissions.ViewContent);
        await app.DefineRoleAsync("Reader", Permissions.ViewContent);
        Assert.Empty(await app.InScopeAsync(s => s.GetRequiredService<UserService>().CreateAsync("anna", null, Password, ["Editor"])));
        Assert.Empty(await app.InScopeAsync(s => s.GetRequiredService<UserService>().CreateAsync("jan", null, Password, ["Reader"])));
        var forum = (await app.InScopeAsync(s => s.GetRequiredService<ContentStore>().ListAsync("Forum", VersionOptions.Latest)))
            .Single(f => f.DisplayText == "Polsko-Białoruskie Forum Miast Partnerskich");
        return (app, forum.ContentItemId);
    }

    private static async Task<HttpClient> SignedInAsync(WebApplicationFactory<Program> app, string userName)
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(userName, Password)).StatusCode);
        return browser;
    }

    /// <summary>What the editor page's script sends: the anti-forgery token alone.</summary>
    private static Task<HttpResponseMessage> PingAsync(HttpClient browser, string address)
        => browser.SubmitAsync("/admin", address + "?handler=presence", []);

    private static async Task<string> TextOfAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static async Task<List<EditorPresenceRecord>> RowsAsync(TwinningApplication app)
    {
        await using var db = app.CreateDbContext();
        return await db.Set<EditorPresenceRecord>().AsNoTracking().OrderBy(p => p.UserName).ToListAsync();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task APingShowsTheEditorToOthersUntilNinetySecondsWithoutOne(string provider)
    {
        var (app, id) = await StartAsync(provider);
        using var _ = app;
        var clock = new MovableClock();
        using var clocked = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var anna = await SignedInAsync(clocked, "anna");
        var admin = await SignedInAsync(clocked, "admin");
        var editor = "/admin/content/edit/" + id;

        // Nobody else is here: anna's ping answers no notice.
        Assert.DoesNotContain("has been editing", await TextOfAsync(await PingAsync(anna, editor)), StringComparison.Ordinal);
        var first = Assert.Single(await RowsAsync(app));

        // The administrator's editor says so on load and in the answer to its own ping; anna's shows the administrator,
        // never herself.
        Assert.Matches(AnnaEditing(), await TextOfAsync(await admin.GetAsync(editor)));
        Assert.Matches(AnnaEditing(), await TextOfAsync(await PingAsync(admin, editor)));
        var annasEditor = await TextOfAsync(await anna.GetAsync(editor));
        Assert.Contains("admin has been editing this item since", annasEditor, StringComparison.Ordinal);
        Assert.DoesNotMatch(AnnaEditing(), annasEditor);

        // A ping a minute later renews the stay: since when stays, last seen moves on.
        clock.Advance(TimeSpan.FromSeconds(60));
        await TextOfAsync(await PingAsync(anna, editor));
        var renewed = (await RowsAsync(app)).Single(p => p.UserName == "anna");
        Assert.Equal(first.SinceUtc, renewed.SinceUtc);
        Assert.True(renewed.LastSeenUtc > first.LastSeenUtc);

        // 90 seconds after her last ping (the administrator pinging meanwhile) anna is gone, and her row with her.
        clock.Advance(TimeSpan.FromSeconds(80));
        await TextOfAsync(await PingAsync(admin, editor));
        Assert.Matches(AnnaEditing(), await TextOfAsync(await admin.GetAsync(editor)));
        clock.Advance(TimeSpan.FromSeconds(11));
        Assert.DoesNotContain("has been editing", await TextOfAsync(await admin.GetAsync(editor)), StringComparison.Ordinal);
        await TextOfAsync(await PingAsync(admin, editor));
        Assert.Equal(["admin"], (await RowsAsync(app)).Select(p => p.UserName));
    }

    [Fact]
    public async Task OnlyAnEditorOfAnExistingItemMayPing()
    {
        var (app, id) = await StartAsync(Providers.Sqlite);
        using var _ = app;
        var jan = await SignedInAsync(app, "jan");
        var anna = await SignedInAsync(app, "anna");

        Assert.Equal(HttpStatusCode.Forbidden, (await PingAsync(jan, "/admin/content/edit/" + id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PingAsync(anna, "/admin/content/edit/" + IdGenerator.New())).StatusCode);
        // A new item is nobody else's to open.
        Assert.Equal(HttpStatusCode.NotFound, (await PingAsync(anna, "/admin/content/new/Forum")).StatusCode);
        // Without the anti-forgery token, as from another site.
        Assert.Equal(HttpStatusCode.BadRequest, (await anna.PostAsync("/admin/content/edit/" + id + "?handler=presence", new FormUrlEncodedContent([]))).StatusCode);

        Assert.Empty(await RowsAsync(app));
    }
}
