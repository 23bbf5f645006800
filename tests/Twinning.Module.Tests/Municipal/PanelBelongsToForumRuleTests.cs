using Twinning.Core.Municipal.Panels;

using static Twinning.Module.Tests.Municipal.TwinningItems;

namespace Twinning.Module.Tests.Municipal;

public sealed class PanelBelongsToForumRuleTests
{
    private readonly PanelBelongsToForumRule _rule = new();

    [Fact]
    public async Task PanelInAForumIsAccepted()
    {
        Assert.Empty(await ValidateAsync(_rule, Panel(ContainedIn(ForumId))));
    }

    [Fact]
    public async Task PanelWithoutAContainerIsRejected()
    {
        var error = Assert.Single(await ValidateAsync(_rule, Panel(null)));

        Assert.Equal("ContainedPart.ListContentItemId", error.Field);
        Assert.Equal("A panel must belong to a forum; choose the forum it is part of.", error.Message);
    }

    [Fact]
    public async Task PanelWithAnEmptyContainerIdIsRejected()
    {
        var error = Assert.Single(await ValidateAsync(_rule, Panel(ContainedIn(""))));

        Assert.Equal("ContainedPart.ListContentItemId", error.Field);
    }

    [Fact]
    public async Task PanelInAContainerThatDoesNotExistIsRejected()
    {
        var error = Assert.Single(await ValidateAsync(_rule, Panel(ContainedIn("4nothing"))));

        Assert.Equal("ContainedPart.ListContentItemId", error.Field);
        Assert.Equal("A panel must belong to a forum, but there is no content item '4nothing'.", error.Message);
    }

    [Fact]
    public async Task PanelInAnItemOfAnotherTypeIsRejected()
    {
        var error = Assert.Single(await ValidateAsync(_rule, Panel(ContainedIn(PageId, listContentType: null))));

        Assert.Equal("ContainedPart.ListContentItemId", error.Field);
        Assert.Equal($"A panel must belong to a forum, but '{PageId}' is a Page.", error.Message);
    }

    [Fact]
    public async Task PanelClaimingAnotherListTypeIsRejected()
    {
        var error = Assert.Single(await ValidateAsync(_rule, Panel(ContainedIn(ForumId, "Page"))));

        Assert.Equal("ContainedPart.ListContentType", error.Field);
        Assert.Equal("A panel can only be listed in a forum, not in a Page.", error.Message);
    }
}
