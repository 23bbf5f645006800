using System.Net;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Reviews;
using Twinning.Module.Features.Security;
using Twinning.Module.Features.Storage;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Content;

/// <summary>Review requests: one open request per item, asked by an editor who may edit it; ended, with an audit entry,
/// when the item is published by any path (here the REST API) or deleted.</summary>
public sealed class ReviewRequestTests
{
    private const string Password = "a long passphrase for tests";

    /// <summary>A user "anna" in a role that may edit articles but not publish them, as her cookie gives her.</summary>
    private static async Task<ClaimsPrincipal> AuthorAsync(TwinningApplication app)
    {
        await app.DefineRoleAsync("Author", "EditContent", "ViewContent", "PreviewContent");
        Assert.Empty(await app.InScopeAsync(s => s.GetRequiredService<UserService>().CreateAsync("anna", null, Password, ["Author"])));
        var user = (await app.InScopeAsync(s => s.GetRequiredService<UserService>().FindAsync("anna")))!;
        var identity = new ClaimsIdentity("Test", ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, user.Id));
        identity.AddClaim(new Claim(ClaimTypes.Name, user.UserName));
        identity.AddClaim(new Claim(ClaimTypes.Role, "Author"));
        return new ClaimsPrincipal(identity);
    }

    private static Task<ContentEditStatus> AskAsync(TwinningApplication app, ClaimsPrincipal user, string id, string? note)
        => app.InScopeAsync(s => s.GetRequiredService<ContentReviews>().RequestAsync(user, id, note));

    private static Task<ReviewRequestRecord?> RequestOfAsync(TwinningApplication app, string id)
        => app.InScopeAsync(s => s.GetRequiredService<ContentReviews>().OfItemAsync(id));

    private static async Task<string> DraftAsync(TwinningApplication app, string title)
    {
        var saved = await app.SaveAsync(Articles.New(title), publish: false);
        Assert.True(saved.Succeeded);
        return saved.Item!.ContentItemId;
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PublishingThroughTheApiEndsTheRequest(string provider)
    {
        using var app = await Articles.StartAsync(provider);
        var author = await AuthorAsync(app);
        await app.DefineRoleAsync("Editor", "AccessContentApi", "PublishContent", "EditContent", "ViewContent");
        var editor = await app.CreateClientWithRolesAsync("Editor");
        var id = await DraftAsync(app, "Do recenzji");

        Assert.Equal(ContentEditStatus.Done, await AskAsync(app, author, id, "Proszę sprawdzić daty."));
        Assert.Equal(ContentEditStatus.Done, await AskAsync(app, author, id, "  Daty poprawione.  "));
        var asked = await RequestOfAsync(app, id);
        var published = await editor.PostAsync($"/api/content/{id}/publish", null);

        Assert.NotNull(asked);
        Assert.Equal(("anna", "Daty poprawione."), (asked.UserName, asked.Note));
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Null(await RequestOfAsync(app, id));
        var audit = await app.InScopeAsync(s => s.GetRequiredService<TwinningDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.Action == "ReviewRequested" || a.Action == "ReviewEnded").OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["ReviewRequested", "ReviewRequested", "ReviewEnded"], audit.Select(a => a.Action));
        Assert.Equal("anna", audit[0].UserName);
        Assert.Contains("Published", audit[2].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletingTheItemEndsTheRequestAndOneWhoMayNotEditCannotAsk()
    {
        using var app = await Articles.StartAsync(Providers.Sqlite);
        var author = await AuthorAsync(app);
        var id = await DraftAsync(app, "Do usunięcia");
        var stranger = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "someone"), new Claim(ClaimTypes.Name, "someone")], "Test"));

        Assert.Equal(ContentEditStatus.Denied, await AskAsync(app, stranger, id, null));
        Assert.Null(await RequestOfAsync(app, id));
        Assert.Equal(ContentEditStatus.Done, await AskAsync(app, author, id, null));
        Assert.NotNull(await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().RemoveAsync(id, "tester")));

        Assert.Null(await RequestOfAsync(app, id));
    }
}
