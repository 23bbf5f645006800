using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Twinning.OrchardCore.Endpoints;
using TwinningItem = Twinning.Core.Content.ContentItem;

namespace Twinning.OrchardCore.Tests;

/// <summary>The module's own decisions that need no Orchard to run: feed order, the public address links start with,
/// and how a refusal is answered.</summary>
public sealed class ModuleLogicTests
{
    [Fact]
    public void FeedsListItemsByDisplayTextComparedOrdinallyThenById()
    {
        TwinningItem Item(string id, string? text) => new() { ContentItemId = id, DisplayText = text };

        var ordered = PublishedOrder.ByDisplayText([Item("b", "Łomża"), Item("c", "Zamość"), Item("a", "Zamość"), Item("d", "Białystok"), Item("e", null)]);

        // Ordinal: "Ł" (U+0141) sorts after "Z"; a database collation could put it between "L" and "M".
        Assert.Equal(["e", "d", "a", "c", "b"], ordered.Select(i => i.ContentItemId));
    }

    [Fact]
    public void LinksStartWithTheSitesBaseUrlSettingWhenOneIsSet()
    {
        var request = new DefaultHttpContext().Request;
        request.Scheme = "http";
        request.Host = new HostString("attacker.example");

        Assert.Equal("https://www.bialystok.pl/twinning", OrchardViewSite.BaseUrl("https://www.bialystok.pl/twinning/", request));
    }

    [Fact]
    public void WithoutABaseUrlSettingLinksStartWithTheRequestsAddressAndPathBase()
    {
        var request = new DefaultHttpContext().Request;
        request.Scheme = "https";
        request.Host = new HostString("miasto.example", 8443);
        request.PathBase = "/tenant";

        Assert.Equal("https://miasto.example:8443/tenant", OrchardViewSite.BaseUrl("  ", request));
    }

    [Fact]
    public void ARefusalIs401ForAnAnonymousCallerAnd403ForASignedInOne()
    {
        var anonymous = TwinningEndpoints.Denied(new ClaimsPrincipal(new ClaimsIdentity()), "needs ViewTwinningFeeds");
        var signedIn = TwinningEndpoints.Denied(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "editor")], "Cookies")), "needs ViewTwinningFeeds");

        Assert.Equal(StatusCodes.Status401Unauthorized, anonymous.StatusCode);
        Assert.Equal(StatusCodes.Status403Forbidden, signedIn.StatusCode);
        Assert.Equal("needs ViewTwinningFeeds", signedIn.ProblemDetails.Detail);
    }
}
