using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Module.Features.Admin.Content;
using Twinning.Module.Features.ContentItems;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Admin;

/// <summary>The reference index read for "Used by" on each storage provider: the first items by title, the rest counted,
/// and an item that no longer refers (deleted) left out.</summary>
public sealed class UsedByQueryTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheFirstReferringItemsAreListedByTitleAndTheOthersCounted(string provider)
    {
        using var app = new TwinningApplication(provider, runRecipe: true);
        var cities = await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().Store.ListAsync("PartnerCity", VersionOptions.Latest));
        var polotsk = cities.Single(c => c.DisplayText == "Połock").ContentItemId;

        var first = await app.InScopeAsync(s => s.GetRequiredService<UsedBy>().OfAsync(polotsk, Anonymous, take: 1));
        Assert.Equal(2, first.Total);
        Assert.Equal(1, first.More);
        var entry = Assert.Single(first.Items);
        Assert.Equal("Polsko-Białoruskie Forum Miast Partnerskich", entry.Title);
        Assert.Equal("Forum", entry.TypeName);
        Assert.Equal(["Our partner cities involved", "Participating places › Partner city record"], entry.Fields.Order(StringComparer.Ordinal));

        Assert.NotNull(await app.InScopeAsync(s => s.GetRequiredService<ContentManager>().RemoveAsync(entry.ContentItemId, "admin")));
        var left = await app.InScopeAsync(s => s.GetRequiredService<UsedBy>().OfAsync(polotsk, Anonymous));
        Assert.Equal(["Wizyty gości z Białorusi w miastach partnerskich"], left.Items.Select(i => i.Title));
        Assert.Equal(0, left.More);

        // Someone who may not view forums learns that the city is used, not by what.
        await app.DefineRoleAsync("Anonymous");
        var hidden = await app.InScopeAsync(s => s.GetRequiredService<UsedBy>().OfAsync(polotsk, Anonymous));
        var withheld = Assert.Single(hidden.Items);
        Assert.False(withheld.Visible);
        Assert.Equal("An item you may not view", withheld.Title);
    }

    /// <summary>A visitor, whom the municipal recipe lets view published content.</summary>
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());
}
