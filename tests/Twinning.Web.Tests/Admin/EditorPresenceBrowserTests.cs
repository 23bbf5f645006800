using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Twinning.Module.Features.ContentItems;
using Twinning.Module.Features.Security;
using Twinning.Web.Tests.Infrastructure;
using static Twinning.Web.Tests.Admin.EditorPages;

namespace Twinning.Web.Tests.Admin;

/// <summary>Two editors open the same forum: the second sees on load that the first is editing it, in English and in
/// Polish; the first sees the second at its next ping, in place, in the page's polite live region.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class EditorPresenceBrowserTests(Chromium chromium)
{
    private static bool IsPing(IResponse response) => response.Url.Contains("handler=presence", StringComparison.Ordinal);

    [Fact]
    public async Task TheSecondEditorSeesTheFirstAndTheFirstSeesTheSecondAtItsNextPing()
    {
        using var app = NewApp();
        await using var first = await Browser.OpenAsync(chromium, app);
        await app.DefineRoleAsync("Editor", Permissions.EditContent, Permissions.ViewContent, Permissions.PreviewContent);
        Assert.Empty(await app.InScopeAsync(s => s.GetRequiredService<UserService>().CreateAsync("anna", null, Password, ["Editor"])));
        var forum = (await app.InScopeAsync(s => s.GetRequiredService<ContentStore>().ListAsync("Forum", VersionOptions.Latest)))
            .First(f => f.DisplayText == "Polish-Belarusian Forum of Partner Cities");
        var editor = "/admin/content/edit/" + forum.ContentItemId;

        // The first editor's page keeps the test's time: its next ping comes when the test moves the clock on.
        await first.Page.Clock.InstallAsync();
        await first.Page.RunAndWaitForResponseAsync(() => first.SignInAsync("anna", Password, editor), IsPing);
        var seenByFirst = first.Page.Locator("[data-presence]");
        await Assertions.Expect(seenByFirst).ToHaveAttributeAsync("aria-live", "polite");
        await Assertions.Expect(seenByFirst).ToHaveTextAsync("");

        await using var second = await first.OpenAnotherAsync(chromium);
        await second.Page.RunAndWaitForResponseAsync(() => second.SignInAsync("admin", Password, editor), IsPing);
        var seenBySecond = second.Page.Locator("[data-presence]");
        await Assertions.Expect(seenBySecond).ToHaveTextAsync(new Regex(@"^\s*anna has been editing this item since \d{1,2}:\d{2}"));
        await Browser.AssertAccessibleAsync(second.Page);

        await first.Page.Clock.FastForwardAsync("00:30");
        await Assertions.Expect(seenByFirst).ToHaveTextAsync(new Regex(@"^\s*admin has been editing this item since \d{1,2}:\d{2}"));

        await second.Page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        await Assertions.Expect(seenBySecond).ToHaveTextAsync(new Regex(@"^\s*anna edytuje tę pozycję od \d{1,2}:\d{2}"));
    }
}
