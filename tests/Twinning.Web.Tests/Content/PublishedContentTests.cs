using Microsoft.Extensions.DependencyInjection;
using Twinning.Core.Content;
using Twinning.Module.Features.ContentItems;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Content;

/// <summary>The read seam the municipal outputs (calendars, maps, JSON-LD) go through: published versions only, so a
/// draft or an unpublished item can never reach a public feed.</summary>
public sealed class PublishedContentTests
{
    private static readonly string[] BialystokForumPanels =
    [
        "Panel samorządowy", "Panel gospodarczy", "Panel obywatelski przedstawicieli organizacji pozarządowych",
    ];

    private static Task<T> ReadAsync<T>(TwinningApplication app, Func<IPublishedContent, Task<T>> read)
        => app.InScopeAsync(s => read(s.GetRequiredService<IPublishedContent>()));

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task OnlyPublishedVersionsAreReadInListOrderAndCulture(string provider)
    {
        using var app = new TwinningApplication(provider);
        app.CreateClient();
        var forum = await app.SingleAsync("Forum", "Polsko-Białoruskie Forum Miast Partnerskich");
        var panel = await app.SingleAsync("Panel", "Panel gospodarczy");

        var children = await ReadAsync(app, c => c.ListPublishedChildrenAsync(forum.ContentItemId));
        Assert.Equal(BialystokForumPanels, children.Select(c => c.DisplayText));

        // A newer draft of the forum and an unpublished panel are not public.
        forum.Part("TitlePart")!["Title"] = "Draft title";
        Assert.True((await app.SaveAsync(forum, publish: false)).Succeeded);
        await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().UnpublishAsync(panel.ContentItemId, "tester"));

        Assert.Equal("Polsko-Białoruskie Forum Miast Partnerskich", (await ReadAsync(app, c => c.GetPublishedAsync(forum.ContentItemId)))!.DisplayText);
        Assert.Null(await ReadAsync(app, c => c.GetPublishedAsync(panel.ContentItemId)));
        Assert.Null(await ReadAsync(app, c => c.GetPublishedAsync("4unknown00000000000000000a")));
        children = await ReadAsync(app, c => c.ListPublishedChildrenAsync(forum.ContentItemId));
        Assert.Equal(BialystokForumPanels.Where(p => p != "Panel gospodarczy"), children.Select(c => c.DisplayText));

        var forums = await ReadAsync(app, c => c.ListPublishedAsync("Forum", "pl-PL"));
        Assert.Contains(forums, f => f.ContentItemId == forum.ContentItemId && f.DisplayText == "Polsko-Białoruskie Forum Miast Partnerskich");
        Assert.All(forums, f => Assert.Equal("pl-PL", f.Part("LocalizationPart")?["Culture"]?.GetValue<string>()));
        Assert.DoesNotContain(await ReadAsync(app, c => c.ListPublishedAsync("Forum", "en-GB")), f => f.ContentItemId == forum.ContentItemId);
    }
}
