using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Security;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Admin;

/// <summary>A contributor (EditOwnContent) edits their own items in the admin and no one else's: the editor refuses to
/// open or save another's item on the server, whatever the page offered.</summary>
public sealed class OwnItemsEditorTests
{
    private const string Password = "a long passphrase for tests";

    [Fact]
    public async Task AContributorOpensAndSavesTheirOwnItemsOnly()
    {
        using var app = new TwinningApplication(Providers.Sqlite, runRecipe: true, new Dictionary<string, string?> { ["Twinning:Setup:AdminPassword"] = Password });
        await app.DefineRoleAsync("Writer", Permissions.EditOwnContent, Permissions.ViewContent, Permissions.PreviewOwnContent);
        Assert.Empty(await app.InScopeAsync(s => s.GetRequiredService<UserService>().CreateAsync("pisarz", null, Password, ["Writer"])));
        var writerId = (await app.InScopeAsync(s => s.GetRequiredService<UserService>().FindAsync("pisarz")))!.Id;
        var forums = await app.InScopeAsync(s => s.GetRequiredService<ContentStore>().ListAsync("Forum", VersionOptions.Latest));
        var (others, own) = (forums[0], forums[1]);
        // One forum is handed to the contributor, as if they had written it.
        own.Owner = writerId;
        Assert.Empty((await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().SaveAsync(own, publish: false, "tester"))).Errors);

        var writer = AdminSites.Browser(app);
        Assert.Equal(HttpStatusCode.Redirect, (await writer.SignInAsync("pisarz", Password)).StatusCode);

        // Their own: opened in the editor.
        Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync("/admin/content/edit/" + own.ContentItemId)).StatusCode);

        // Someone else's: not opened, and a save posted to it anyway (with a token from a page the contributor may
        // open) is refused and changes nothing.
        Assert.Equal(HttpStatusCode.Forbidden, (await writer.GetAsync("/admin/content/edit/" + others.ContentItemId)).StatusCode);
        var before = await TagAsync(app, others.ContentItemId);
        var forged = await writer.SubmitAsync("/admin/content/edit/" + own.ContentItemId, "/admin/content/edit/" + others.ContentItemId, new()
        {
            ["Forum.Subtitle.Text"] = "Zmienione przez kogoś innego",
            ["submit"] = "draft",
        });
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(before, await TagAsync(app, others.ContentItemId));
    }

    private static async Task<string> TagAsync(TwinningApplication app, string id)
        => ExpectedVersion.TagOf((await app.InScopeAsync(s => s.GetRequiredService<ContentStore>().GetLatestAsync(id)))!);
}
