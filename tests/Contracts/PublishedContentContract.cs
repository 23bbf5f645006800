using System.Text.Json.Nodes;
using Twinning.Core.Content;

namespace Twinning.Tests.Contracts;

/// <summary>
/// What every host's <see cref="IPublishedContent"/> must do, on the content the municipal recipe provisions (both
/// hosts run the same recipe): published versions only, one type in one culture, display-text order compared
/// ordinally, a list's children in list order. A host derives one class per storage it supports; Twinning.Web's are
/// in tests/Twinning.Web.Tests/Content, the Orchard module's belong in Twinning.OrchardCore.sln.
/// </summary>
public abstract class PublishedContentContract
{
    /// <summary>Reads the host's provisioned municipal site, which no test of the class changes.</summary>
    protected abstract Task<T> ReadAsync<T>(Func<IPublishedContent, Task<T>> read);

    /// <summary>A freshly provisioned municipal site of the host's own, for a test that writes.</summary>
    protected abstract Task<IContractSite> NewSiteAsync();

    public interface IContractSite : IAsyncDisposable
    {
        Task<T> ReadAsync<T>(Func<IPublishedContent, Task<T>> read);

        /// <summary>Saves the item as a draft: a new item that is not published, or a newer draft of a published one.</summary>
        Task SaveDraftAsync(ContentItem item);
    }

    private static IEnumerable<string?> Titles(IEnumerable<ContentItem> items) => items.Select(i => i.DisplayText);

    [Fact]
    public async Task ListsHoldThePublishedItemsOfOneTypeAndCultureInOrdinalDisplayTextOrder()
    {
        var (citiesPl, citiesEn, forumsPl) = await ReadAsync(async content => (
            await content.ListPublishedAsync("PartnerCity", "pl-PL"),
            await content.ListPublishedAsync("PartnerCity", "en-GB"),
            await content.ListPublishedAsync("Forum", "pl-PL")));

        Assert.Equal(["Nowopołock", "Połock"], Titles(citiesPl));
        Assert.Equal(["Navapolatsk", "Polotsk"], Titles(citiesEn));
        Assert.Equal(
            ["Polsko-Białoruskie Forum Miast Partnerskich", "Wielojęzyczny świat – wspólny język partnerstwa", "Wizyty gości z Białorusi w miastach partnerskich"],
            Titles(forumsPl));
        Assert.All(citiesPl.Concat(forumsPl), i => Assert.True(i.Published));
    }

    [Fact]
    public async Task AListsChildrenComeInListOrderNotTitleOrder()
    {
        var panels = await ReadAsync(async content =>
        {
            var forum = (await content.ListPublishedAsync("Forum", "pl-PL")).Single(f => f.DisplayText == "Polsko-Białoruskie Forum Miast Partnerskich");
            return await content.ListPublishedChildrenAsync(forum.ContentItemId);
        });

        Assert.Equal(["Panel samorządowy", "Panel gospodarczy", "Panel obywatelski przedstawicieli organizacji pozarządowych"], Titles(panels));
    }

    [Fact]
    public async Task AnItemIsFoundByIdAndAnUnknownIdIsNull()
    {
        var (found, unknown) = await ReadAsync(async content =>
        {
            var city = (await content.ListPublishedAsync("PartnerCity", "pl-PL"))[0];
            return (await content.GetPublishedAsync(city.ContentItemId), await content.GetPublishedAsync("4nosuchitem000000000000000"));
        });

        Assert.Equal("Nowopołock", found?.DisplayText);
        Assert.Null(unknown);
    }

    [Fact]
    public async Task DraftsAreNeverReadButTheVersionPublishedBeforeThemIs()
    {
        await using var site = await NewSiteAsync();
        var polotsk = await site.ReadAsync(async c => (await c.ListPublishedAsync("PartnerCity", "pl-PL")).Single(i => i.DisplayText == "Połock"));
        var newerDraft = Retitled(polotsk.Clone(), "Połock (szkic)");
        var newItem = Retitled(polotsk.Clone(), "Aaa nowe miasto");
        newItem.ContentItemId = IdGenerator.New();
        newItem.Data["LocalizationPart"]!["LocalizationSet"] = IdGenerator.New();
        newItem.Data["AutoroutePart"]!["Path"] = "aaa-nowe-miasto";

        await site.SaveDraftAsync(newerDraft);
        await site.SaveDraftAsync(newItem);

        var (listed, published, draftOnly) = await site.ReadAsync(async c => (
            await c.ListPublishedAsync("PartnerCity", "pl-PL"),
            await c.GetPublishedAsync(polotsk.ContentItemId),
            await c.GetPublishedAsync(newItem.ContentItemId)));
        Assert.Equal(["Nowopołock", "Połock"], Titles(listed));
        Assert.Equal("Połock", published?.DisplayText);
        Assert.Null(draftOnly);
    }

    private static ContentItem Retitled(ContentItem item, string title)
    {
        item.ContentItemVersionId = "";
        item.Published = false;
        item.Data["TitlePart"] = new JsonObject { ["Title"] = title };
        item.DisplayText = title;
        return item;
    }
}
