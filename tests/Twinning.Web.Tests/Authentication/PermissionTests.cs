using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.Security;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Authentication;

/// <summary>Orchard Core's permission rules as the site's IAuthorizationService applies them (PermissionHandler over PermissionService): implied permissions, "Own" variants
/// for an item's owner, and per-type permissions of securable types.</summary>
public sealed class PermissionTests
{
    private static async Task<TwinningApplication> StartAsync(params (string Role, string[] Permissions)[] roles)
    {
        var app = await Articles.StartAsync(Providers.Sqlite);
        Assert.True((await app.RunRecipeAsync(Api.ContentApiWriteTests.SecurableNotice)).Succeeded);
        foreach (var (role, permissions) in roles)
        {
            await app.DefineRoleAsync(role, permissions);
        }
        return app;
    }

    private static ClaimsPrincipal Caller(string id, params string[] roles)
        => new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, id), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
            "Test"));

    private static Task<bool> HasAsync(TwinningApplication app, ClaimsPrincipal user, string permission, string? type = null, string? owner = null)
        => app.InScopeAsync(s => s.GetRequiredService<IAuthorizationService>().HasPermissionAsync(user, permission, type, owner));

    [Fact]
    public async Task PublishContentImpliesEditingViewingAndPreviewingOnEveryType()
    {
        using var app = await StartAsync(("Publisher", ["PublishContent"]));
        var publisher = Caller("u1", "Publisher");

        Assert.True(await HasAsync(app, publisher, "EditContent"));
        Assert.True(await HasAsync(app, publisher, "ViewContent", "Article"));
        Assert.True(await HasAsync(app, publisher, "PreviewContent", "Notice"));
        Assert.True(await HasAsync(app, publisher, "EditContent", "Notice", owner: "someone"));
        Assert.False(await HasAsync(app, publisher, "DeleteContent", "Notice"));
    }

    [Fact]
    public async Task APerTypePermissionOpensOnlyThatSecurableType()
    {
        using var app = await StartAsync(("NoticeEditor", ["Edit_Notice"]));
        var editor = Caller("u1", "NoticeEditor");

        Assert.True(await HasAsync(app, editor, "EditContent", "Notice"));
        Assert.True(await HasAsync(app, editor, "ViewContent", "Notice"));
        Assert.False(await HasAsync(app, editor, "PublishContent", "Notice"));
        Assert.False(await HasAsync(app, editor, "EditContent", "Article"));
        Assert.False(await HasAsync(app, editor, "EditContent"));
    }

    [Fact]
    public async Task PerTypePermissionsCountOnlyForSecurableTypes()
    {
        using var app = await StartAsync(("ArticleEditor", ["Edit_Article"]));

        Assert.False(await HasAsync(app, Caller("u1", "ArticleEditor"), "EditContent", "Article"));
    }

    [Fact]
    public async Task OwnVariantsApplyToTheOwnerOnly()
    {
        using var app = await StartAsync(("Contributor", ["EditOwnContent", "DeleteOwn_Notice"]));
        var alice = Caller("alice-id", "Contributor");

        Assert.True(await HasAsync(app, alice, "EditContent", "Article", owner: "alice-id"));
        Assert.False(await HasAsync(app, alice, "EditContent", "Article", owner: "bob-id"));
        Assert.True(await HasAsync(app, alice, "EditContent", "Notice", owner: "alice-id"));
        Assert.True(await HasAsync(app, alice, "DeleteContent", "Notice", owner: "alice-id"));
        Assert.False(await HasAsync(app, alice, "DeleteContent", "Notice", owner: "bob-id"));
        Assert.False(await HasAsync(app, alice, "DeleteContent", "Article", owner: "alice-id"));
    }

    [Fact]
    public async Task AnonymousCallersHaveTheAnonymousRoleAndSignedInOnesAlsoAuthenticated()
    {
        using var app = await StartAsync(("Anonymous", ["ViewContent"]), ("Authenticated", ["ExecuteGraphQLMutations"]));

        Assert.True(await HasAsync(app, new ClaimsPrincipal(new ClaimsIdentity()), "ViewContent", "Article"));
        Assert.False(await HasAsync(app, new ClaimsPrincipal(new ClaimsIdentity()), "ExecuteGraphQL"));
        Assert.True(await HasAsync(app, Caller("u1"), "ExecuteGraphQL"));
        Assert.False(await HasAsync(app, Caller("u1"), "ViewContent"));
    }

    [Fact]
    public async Task AdministratorsHoldEveryPermission()
    {
        using var app = await StartAsync();

        Assert.True(await HasAsync(app, Caller("admin", "Administrator"), "Delete_Notice", "Notice", owner: "x"));
        Assert.True(await HasAsync(app, Caller("admin", "Administrator"), "AccessContentApi"));
    }

    [Fact]
    public void PerTypeNamesAreOrchards()
    {
        Assert.Equal("Edit_Notice", Permissions.ForType("EditContent", "Notice"));
        Assert.Equal("PublishOwn_Notice", Permissions.ForType("PublishOwnContent", "Notice"));
        Assert.Equal("ListContent_Notice", Permissions.ForType("ListContent", "Notice"));
        Assert.Contains("ViewOwn_Notice", Permissions.ForType("Notice"));
        Assert.Equal(["EditOwnContent", "Edit_Notice", "PublishOwn_Notice"], Permissions.ImpliedBy("EditOwn_Notice").Order(StringComparer.Ordinal));
    }
}
