using System.Security.Claims;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Core.Content;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Storage;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Admin;

/// <summary>A list's children put in a new order from the list's editor (<c>?handler=moveChild</c>, through
/// <see cref="ContentEditor.ReorderChildrenAsync"/>): the Order of the published version and of the draft rewritten in
/// place, all or nothing; a child the editor may not move, or a page out of date, changes nothing.</summary>
public sealed class ListOrderTests
{
    private const string Password = "a long passphrase for tests";
    private const string Forum = "Polsko-Białoruskie Forum Miast Partnerskich";

    private static readonly ClaimsPrincipal Administrator = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "admin-id"), new Claim(ClaimTypes.Name, "anna"), new Claim(ClaimTypes.Role, "Administrator")], "Test"));

    private static TwinningApplication NewApp(string provider = Providers.Sqlite)
        => new(provider, runRecipe: true, new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = Password });

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AMoveRewritesTheOrderOfThePublishedVersionAndTheDraftInPlace(string provider)
    {
        using var app = NewApp(provider);
        var (forumId, panels) = await PanelsAsync(app);
        // The third panel gets a draft over its published version: both must take its new place.
        var draft = (await LatestAsync(app, panels[2]))!;
        draft.Part("TitlePart")!["Title"] = draft.DisplayText = "Panel obywatelski (szkic)";
        Assert.Empty((await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().SaveAsync(draft, publish: false, "tester"))).Errors);
        var versionsBefore = await VersionsAsync(app, panels);
        var admin = await SignedInAsync(app, "admin");

        var moved = await MoveAsync(admin, forumId, "up:" + panels[2], panels);

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal($"/admin/content/edit/{forumId}?moved=up%3A{panels[2]}", moved.Headers.Location!.OriginalString);
        var versions = await VersionsAsync(app, panels);
        // No version was added: the stored ones were rewritten.
        Assert.Equal(versionsBefore.Select(v => v.VersionId), versions.Select(v => v.VersionId));
        Assert.Equal([0, 2, 1, 1], versions.Select(v => v.Order));
        Assert.All(versions, v => Assert.Equal(v.Order, v.JsonOrder));
        // The published and the draft version of the third panel, both at its new place.
        Assert.Equal(2, versions.Count(v => v.ContentItemId == panels[2]));
        Assert.Equal([panels[0], panels[2], panels[1]], await ChildrenAsync(app, forumId, VersionOptions.Published));
        Assert.Equal([panels[0], panels[2], panels[1]], await ChildrenAsync(app, forumId, VersionOptions.Latest));
        Assert.Equal(3, await app.InScopeAsync(s => s.GetRequiredService<TwinningDbContext>().AuditEntries
            .CountAsync(a => a.Action == "Reordered" && (a.ContentItemId == panels[1] || a.ContentItemId == panels[2]))));

        var page = await (await admin.GetAsync(moved.Headers.Location)).Content.ReadAsStringAsync();
        Assert.Contains("role=\"status\">Moved “Panel obywatelski (szkic)” to position 2 of 3.</p>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEditorWhoMayNotEditAPanelCannotMoveItAndNothingChanges()
    {
        using var app = NewApp();
        await app.DefineRoleAsync("Writer", Permissions.EditOwnContent, Permissions.ViewContent);
        Assert.Empty(await app.InScopeAsync(s => s.GetRequiredService<UserService>().CreateAsync("pisarz", null, Password, ["Writer"])));
        var writerId = (await app.InScopeAsync(s => s.GetRequiredService<UserService>().FindAsync("pisarz")))!.Id;
        var (forumId, panels) = await PanelsAsync(app);
        // The forum is the writer's own, so its editor opens for them; its panels are not.
        var forum = (await LatestAsync(app, forumId))!;
        forum.Owner = writerId;
        Assert.Empty((await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().SaveAsync(forum, publish: false, "tester"))).Errors);
        var before = await VersionsAsync(app, panels);
        var writer = await SignedInAsync(app, "pisarz");

        var refused = await MoveAsync(writer, forumId, "up:" + panels[1], panels);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("“Panel gospodarczy” was not moved: your role may not change its place in the list (it lacks the permission EditContent).",
            await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await VersionsAsync(app, panels));
    }

    [Fact]
    public async Task APageListingTheChildrenAsTheyNoLongerAreMovesNothing()
    {
        using var app = NewApp();
        var (forumId, panels) = await PanelsAsync(app);
        var admin = await SignedInAsync(app, "admin");
        Assert.NotNull(await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().RemoveAsync(panels[0], "tester")));
        var before = await VersionsAsync(app, panels);

        // The page listed the panels before the first was deleted, then in an order they never had.
        var removed = await MoveAsync(admin, forumId, "up:" + panels[2], panels);
        var swapped = await MoveAsync(admin, forumId, "up:" + panels[1], [panels[2], panels[1]]);

        foreach (var refused in new[] { removed, swapped })
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("Nothing was moved: the list changed after this page was loaded.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(before, await VersionsAsync(app, panels));
        Assert.Equal([panels[1], panels[2]], await ChildrenAsync(app, forumId, VersionOptions.Latest));
    }

    private sealed record Version(string ContentItemId, string VersionId, int? Order, int? JsonOrder, string Content);

    [Fact]
    public async Task AVersionRestoredFromBeforeAMoveKeepsTheChildsPlaceNow()
    {
        using var app = NewApp();
        var (forumId, panels) = await PanelsAsync(app);
        // The third panel's revision from before the move, restored after it: its text comes back, not its old place.
        var before = (await app.InScopeAsync(s => s.GetRequiredService<ContentStore>().GetRevisionsAsync(panels[2])))[^1].Id;
        var admin = await SignedInAsync(app, "admin");
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(admin, forumId, "up:" + panels[2], panels)).StatusCode);
        var latest = (await LatestAsync(app, panels[2]))!;

        var restored = await app.InScopeAsync(s => s.GetRequiredService<ContentEditor>().RestoreAsync(
            Administrator, panels[2], before, new ExpectedVersion([ExpectedVersion.TagOf(latest)])));

        Assert.Equal(ContentEditStatus.Done, restored.Status);
        Assert.Equal([panels[0], panels[2], panels[1]], await ChildrenAsync(app, forumId, VersionOptions.Latest));
        Assert.Equal(1, (await LatestAsync(app, panels[2]))!.Part("ContainedPart")!["Order"]!.GetValue<int>());
    }

    private static Task<HttpResponseMessage> MoveAsync(HttpClient browser, string forumId, string move, IEnumerable<string> shown)
        => browser.SubmitAsync("/admin/content/edit/" + forumId, $"/admin/content/edit/{forumId}?handler=moveChild", new()
        {
            ["move"] = move,
            ["shown"] = string.Join(' ', shown),
        });

    private static async Task<HttpClient> SignedInAsync(TwinningApplication app, string userName)
    {
        var browser = AdminSites.Browser(app);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(userName, Password)).StatusCode);
        return browser;
    }

    private static Task<ContentItem?> LatestAsync(TwinningApplication app, string id)
        => app.InScopeAsync(s => s.GetRequiredService<ContentStore>().GetLatestAsync(id));

    /// <summary>The sample Polish forum and its three panels, in their order.</summary>
    private static async Task<(string ForumId, string[] Panels)> PanelsAsync(TwinningApplication app)
    {
        var forums = await app.InScopeAsync(s => s.GetRequiredService<ContentStore>().ListAsync("Forum", VersionOptions.Latest));
        var forumId = forums.Single(f => f.DisplayText == Forum).ContentItemId;
        var panels = await ChildrenAsync(app, forumId, VersionOptions.Latest);
        Assert.Equal(3, panels.Length);
        return (forumId, panels);
    }

    private static async Task<string[]> ChildrenAsync(TwinningApplication app, string forumId, VersionOptions options)
        => [.. (await app.InScopeAsync(s => s.GetRequiredService<ContentStore>().ListChildrenAsync(forumId, options))).Select(c => c.ContentItemId)];

    /// <summary>The panels' latest and published versions as stored, in the panels' order then the versions'.</summary>
    private static async Task<List<Version>> VersionsAsync(TwinningApplication app, string[] panels)
    {
        var rows = await app.InScopeAsync(s => s.GetRequiredService<TwinningDbContext>().ContentItemVersions.AsNoTracking()
            .Where(v => panels.Contains(v.ContentItemId) && (v.Latest || v.Published)).OrderBy(v => v.Id)
            .Select(v => new { v.ContentItemId, v.ContentItemVersionId, v.ListOrder, v.Content }).ToListAsync());
        return [.. rows.OrderBy(r => Array.IndexOf(panels, r.ContentItemId)).Select(r => new Version(r.ContentItemId, r.ContentItemVersionId, r.ListOrder,
            ContentItemJsonConverter.Deserialize(r.Content).Part("ContainedPart")?["Order"]?.GetValue<int>(), r.Content))];
    }
}
